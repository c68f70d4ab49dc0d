// The one storage interface every caller uses (CLI, server, benchmark). SQLite is the embedded
// default; another database is another folder beside `sqlite/` implementing this same interface
// and passing the same contract suite (store.contract.ts). The API is async even though the
// SQLite driver is synchronous, so a networked database can follow without touching callers.
import type { DateOrigin, Doc, Day } from "../model/doc.ts";
import type { FacilityRef, Holding, Incident, IncidentMention, IncidentStatus, IncidentType } from "../model/incident.ts";

/** A holder statement ("the SDF-run prison") tied to its facility. */
export interface FacilityHolding extends Holding {
  facility: FacilityRef;
}

/** What extraction found in one document. */
export interface Extraction {
  mentions: IncidentMention[];
  holdings: FacilityHolding[];
}

/** A mention with the blocking key incident merging groups it by (see incidents/blocking.ts). */
export interface StoredMention {
  mention: IncidentMention;
  block: string;
}

/** A document ready for the store, with what was extracted from it. */
export interface StoredDocument {
  doc: Doc;
  mentions: StoredMention[];
  holdings: FacilityHolding[];
}

export interface DocumentSummary {
  id: string;
  url: string | null;
  title: string | null;
  published: Day | null;
  relevant: boolean;
  contentHash: string;
  length: number;
  /** When this version was stored. */
  ingestedAt: string;
  /** 1 for a document's first content; each new content under the same id adds one (always set by a store). */
  version?: number;
}

/** One version of a document: the current one or an earlier content of the same id. */
export interface DocumentVersionSummary {
  version: number;
  current: boolean;
  contentHash: string;
  url: string | null;
  title: string | null;
  published: Day | null;
  length: number;
  ingestedAt: string;
}

/** A document's history: its versions, oldest first, and the other ids its content came under. */
export interface DocumentHistory {
  id: string;
  versions: DocumentVersionSummary[];
  aliases: string[];
}

/** The current state of a stored document, as ingest needs it to decide how a new copy is stored. */
export interface DocumentState {
  /** The document's own id (an alias resolves to it). */
  id: string;
  version: number;
  contentHash: string;
  url: string | null;
  title: string | null;
  published: Day | null;
  publishedOrigin: DateOrigin | null;
}

/** What a record's id and content already name in the store. */
export interface DocumentLookup {
  /** The document the id names, directly or as an alias. */
  byId: (DocumentState & { via: "id" | "alias" }) | null;
  /** The document holding this content, as its current or an earlier version. */
  byContent: { document: string; version: number; current: boolean } | null;
}

/**
 * One storage decision of ingest (src/ingest/versions.ts), applied by `writeDocuments`. `basis` is
 * the version the decision was made against: when another writer changed the document meanwhile,
 * the write is not applied and answers "conflict", and ingest decides again.
 *   insert   a new document (version 1); `replacesAlias` when its id was an alias of another one
 *   version  new content for a stored id: the current version moves to the history
 *   refresh  the same content with metadata a later copy added, extracted again
 *   alias    known content under a new id: the id becomes another name of the stored document
 */
export type DocumentWrite =
  | { kind: "insert"; item: StoredDocument; replacesAlias?: boolean }
  | { kind: "version" | "refresh"; item: StoredDocument; basis: number; alias?: string }
  | { kind: "alias"; alias: string; document: string };

/** "done", "conflict" (decide again), or the error that kept this one write from being applied. */
export type WriteOutcome = "done" | "conflict" | { error: string };

export interface IncidentFilter {
  type?: IncidentType;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  /**
   * Facility id, a name fragment, or any alias or transliteration the gazetteer knows
   * ("Gweiran", "Sinaa prison" and "ghwayran-prison" find the same incidents).
   */
  facility?: string;
  /** Incidents whose window ends on or after this day. */
  since?: Day;
  /** Incidents whose window starts on or before this day. */
  until?: Day;
  /**
   * Free text over facility, place, actors, claim quotes and sources; a gazetteer alias also
   * finds what its entry's own name finds ("Hassakeh" finds incidents in Hasakah).
   */
  text?: string;
  status?: IncidentStatus;
  /** Incidents this document reports. */
  document?: string;
  /** Only incidents a person has (true) or has not (false) reviewed. */
  reviewed?: boolean;
  limit?: number;
  offset?: number;
}

/** "updated": new content under a stored id, kept as the document's next version. */
export type AddResult = "new" | "updated" | "known";

/** A mention with its document's publication day: what incident merging reads of it. */
export interface MergeMention {
  mention: IncidentMention;
  published: Day | null;
}

/** A mention incident merging has placed: in `incident`, or in none (null) when it was negated. */
export interface PlacedMention extends MergeMention {
  incident: string | null;
}

/** One block's merging work, read before new mentions are placed (see incidents/update.ts). */
export interface MergeWork {
  /** Changes with every commit to the block: a commit planned on an older read is refused. */
  version: number;
  /** True when the block must be resolved from scratch: nothing placed yet, a rebuild was asked, or a placed mention is gone. */
  fresh: boolean;
  /** Mentions to place: those not placed yet, or every mention of the block when `fresh`. */
  pending: MergeMention[];
}

/** Inclusive day numbers (days since 1970-01-01). */
export interface DayNumbers {
  start: number;
  end: number;
}

/** What incident merging keeps per incident, beside the columns the store indexes it by. */
export interface IncidentState {
  id: string;
  block: string;
  type: IncidentType;
  /** The window new mentions are matched against; null for an undated incident. */
  match: DayNumbers | null;
  /** The incident's date, by which derived figures look up escapes and recaptures. */
  date: DayNumbers | null;
  /** For a recapture: the escape whose at_large figure it counts in. */
  attachedTo: string | null;
  /** The rest of the state (JSON), opaque to the store. */
  data: string;
}

/** One placed mention as merging writes it. */
export interface Placement {
  document: string;
  mention: string;
  published: Day | null;
  /** Trigger offset: with the day and the ids, the mention's rank in its block. */
  start: number;
  incident: string | null;
}

/** Everything one resolution step changes in one block, written atomically by commitMerge. */
export interface MergeCommit {
  block: string;
  /** The MergeWork version this was planned on. */
  version: number;
  /** Drop the block's placements, states and incidents before writing (a resolution from scratch). */
  reset: boolean;
  placements: Placement[];
  states: IncidentState[];
  removedStates: string[];
  incidents: Incident[];
  removedIncidents: string[];
}

/** done: the block is up to date; more: mentions arrived meanwhile, plan again; stale: another writer committed first, plan again. */
export type MergeOutcome = "done" | "more" | "stale";

/** A news feed to watch: RSS 2.0, Atom or JSON Feed at `url`, polled every `intervalSeconds`. */
export interface FeedSource {
  name: string;
  url: string;
  intervalSeconds: number;
}

/** A watched feed with its polling state (see feeds/poll.ts). Times are ISO strings. */
export interface FeedState extends FeedSource {
  /** Validators of the last good response, sent back as If-None-Match / If-Modified-Since. */
  etag: string | null;
  lastModified: string | null;
  /** When the feed is next due; null: due now. */
  nextPollAt: string | null;
  lastPolledAt: string | null;
  lastOkAt: string | null;
  /** Consecutive failed polls; the backoff grows with it and a good poll resets it. */
  failures: number;
  /** Why the last poll failed; null after a good poll. */
  lastError: string | null;
  addedAt: string;
}

/** What a feed reader remembers of one item: its fingerprint and the document it became. */
export interface FeedItemRecord {
  feed: string;
  key: string;
  fingerprint: string;
  document: string | null;
}

/** What makes a rule notify: an incident appears, its figures change, it becomes disputed. */
export type AlertChange = "new" | "updated" | "disputed";

/** An alert rule (alerts/rule.ts): conditions that must all hold, and where to deliver. */
export interface AlertRule {
  name: string;
  /** Any of these types; empty: any type. */
  types: IncidentType[];
  /** ISO 3166-1 alpha-2, or null for anywhere. */
  country: string | null;
  /** Facility id or a fragment of its name, or null. */
  facility: string | null;
  /** First-level division (province, governorate) by name, case-insensitive. */
  admin1?: string | null;
  /** Within `km` of a point (the incident's facility or place coordinates). */
  near?: { lat: number; lon: number; km: number } | null;
  /** Every quantity named must reach its figure (best estimate), e.g. escaped >= 10. */
  min: Array<{ quantity: string; value: number }>;
  on: AlertChange[];
  webhook: string | null;
  secret: string | null;
}

/** One alert in the outbox. */
export interface AlertEntry {
  id: number;
  rule: string;
  incident: string;
  /** The change, with a suffix telling repeated updates apart ("updated:1a2b..."). */
  change: string;
  /** The JSON body sent to webhooks and rendered in the Atom feed. */
  payload: string;
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  attempts: number;
}

export interface DeliveryAttempt {
  alert: number;
  attempt: number;
  at: string;
  status: number | null;
  error: string | null;
}

/** reader: reads; reviewer: also reviews incidents; admin: also adds users, feeds, rules and reports. */
export type UserRole = "reader" | "reviewer" | "admin";
export const USER_ROLES: readonly UserRole[] = ["reader", "reviewer", "admin"];

export interface User {
  name: string;
  role: UserRole;
  createdAt: string;
}

/** A user as stored: the token only as its sha256 digest (hex), never the token itself. */
export interface StoredUser extends User {
  tokenHash: string;
}

/** What people can decide about incidents (src/review/ledger.ts reads each payload). */
export type ReviewAction = "confirm" | "reject" | "edit" | "merge" | "split" | "not-relevant";
export const REVIEW_ACTIONS: readonly ReviewAction[] = ["confirm", "reject", "edit", "merge", "split", "not-relevant"];

/** One decision a person made, kept in its own table and applied on top of automatic merging. */
export interface ReviewDecision {
  /** Increasing: later decisions are applied after earlier ones. */
  id: number;
  action: ReviewAction;
  /** The incident decided on (for merge: the surviving one); null for a document's relevance. */
  incident: string | null;
  /** The document judged (not-relevant); else null. */
  document: string | null;
  /** The action's details as JSON (fields set, incidents absorbed, mentions split off). */
  payload: string;
  by: string;
  at: string;
  note: string | null;
}

/** One field an incident revision changed. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** One revision of an incident: automatic ones are made by "escapewatch". */
export interface IncidentRevision {
  incident: string;
  version: number;
  at: string;
  by: string;
  /** created, updated, deleted (automatic) or a review action. */
  action: string;
  changes: FieldChange[];
  note: string | null;
}

/** An incident created, changed or deleted since a time, with its latest version. */
export interface IncidentChange {
  incident: string;
  version: number;
  at: string;
  change: "created" | "changed" | "deleted";
}

/** The author automatic revisions are recorded under. */
export const AUTOMATIC_AUTHOR = "escapewatch";

/**
 * A review decision with the incidents it changes, written in one transaction by `writeReview`.
 * `basis` holds the versions of the merging blocks the incidents were computed on: when merging
 * committed to one of them meanwhile, nothing is written ("stale") and the caller computes again.
 */
export interface ReviewWrite {
  decision: Omit<ReviewDecision, "id">;
  basis: Array<{ block: string; version: number }>;
  /** Incidents as they are after the decision, each with the block it is stored under. */
  incidents: Array<{ incident: Incident; block: string }>;
  /** Incidents the decision removes (rejected, merged away, emptied). */
  removed: string[];
}

export interface Store {
  /** Short dialect name ("sqlite"), for messages only: callers never branch on it. */
  readonly dialect: string;

  /** Applies pending versioned migrations; safe to call on every open. */
  migrate(): Promise<void>;

  /**
   * Stores a cleaned document with what was extracted from it, in one transaction, and marks the
   * mentions' blocks dirty so incidents are rebuilt for them. Content already stored (under any
   * id, in any version) returns "known" and changes nothing; new content under a stored id
   * becomes that document's next version ("updated"), its mentions and holdings replacing the
   * old ones. Ingest uses lookupDocument + writeDocuments instead, which also merge metadata.
   */
  addDocument(doc: Doc, mentions: StoredMention[], holdings: FacilityHolding[]): Promise<AddResult>;

  /** addDocument for several documents in one transaction; results in the same order. */
  addDocuments(batch: StoredDocument[]): Promise<AddResult[]>;

  /** What `id` (a document id or an alias) and `contentHash` (any version) name in the store. */
  lookupDocument(id: string, contentHash: string): Promise<DocumentLookup>;

  /**
   * Applies ingest's decisions in one transaction, each on its own: a write whose basis is stale
   * answers "conflict", one that fails answers its error, and neither stops the others.
   */
  writeDocuments(writes: DocumentWrite[]): Promise<WriteOutcome[]>;

  /** True when any version of any document has this content. */
  hasContent(contentHash: string): Promise<boolean>;
  /** The current version of the document `id` names (an alias gives the document it names). */
  getDocument(id: string): Promise<Doc | null>;
  /** An earlier (or the current) version's text and metadata; annotations are kept for the current one only. */
  getDocumentVersion(id: string, version: number): Promise<Doc | null>;
  /** Versions and aliases of the document `id` names, or null when it names none. */
  documentHistory(id: string): Promise<DocumentHistory | null>;
  listDocuments(opts?: { limit?: number; offset?: number }): Promise<DocumentSummary[]>;
  countDocuments(): Promise<number>;

  /** Blocks whose mentions changed since their incidents were last rebuilt. */
  dirtyBlocks(): Promise<string[]>;
  mentionsInBlocks(blocks: string[]): Promise<StoredMention[]>;
  /** Every distinct block key, for a rebuild from scratch. */
  allBlocks(): Promise<string[]>;
  /** Published day of each document id (incident merging orders mentions by it). */
  publishedDays(documentIds: string[]): Promise<Map<string, Day | null>>;

  /**
   * Atomically replaces the incidents derived from `blocks` with `incidents` and clears those
   * blocks' dirty marks: a crash leaves either the old incidents or the new ones. Merging's state
   * for the blocks is dropped, so their next update resolves them from scratch.
   */
  replaceIncidents(blocks: string[], incidents: Incident[]): Promise<void>;

  // Incremental incident merging (incidents/update.ts). Reads may interleave with other writers;
  // commitMerge refuses a plan made on a state that changed since its mergeWork.

  /** The block's version and the mentions to place; `fromScratch` asks for every mention (a rebuild). */
  mergeWork(block: string, opts?: { fromScratch?: boolean }): Promise<MergeWork>;
  /** Placed mentions of the block from documents published on or after `published`, and all from undated documents (they rank last); only those when `published` is null. */
  placedSince(block: string, published: Day | null): Promise<PlacedMention[]>;
  /** The placed members of each incident (an id with none maps to an empty list). */
  membersOf(incidents: string[]): Promise<Map<string, PlacedMention[]>>;
  /** States of the block's incidents whose match window overlaps [from, to], and of its undated ones. */
  statesNear(block: string, from: number, to: number): Promise<IncidentState[]>;
  /** States of the block's incidents of `type` whose date overlaps [from, to]. */
  statesDated(block: string, type: IncidentType, from: number, to: number): Promise<IncidentState[]>;
  /** States of the recaptures attached to any of `escapes`. */
  statesAttachedTo(escapes: string[]): Promise<IncidentState[]>;
  statesOf(ids: string[]): Promise<IncidentState[]>;
  /** Writes one resolution step atomically; clears the block's dirty mark when nothing is left to place. */
  commitMerge(commit: MergeCommit): Promise<MergeOutcome>;
  listIncidents(filter?: IncidentFilter): Promise<Incident[]>;
  countIncidents(filter?: IncidentFilter): Promise<number>;
  getIncident(id: string): Promise<Incident | null>;
  /** Streams every incident (matching `filter`, whose limit/offset are ignored) in id order, for exports of stores larger than memory. */
  iterateIncidents(filter?: IncidentFilter): AsyncIterable<Incident>;
  /** Streams every document summary in id order; with a filter, only documents that report a matching incident. */
  iterateDocuments(filter?: IncidentFilter): AsyncIterable<DocumentSummary>;
  /** Summaries of the stored documents among `ids`, in the order of `ids` (unknown ids skipped). */
  documentSummaries(ids: string[]): Promise<DocumentSummary[]>;

  holdingsOf(facilityId: string): Promise<FacilityHolding[]>;
  /** Every facility that has incidents or holdings, with its incident count. */
  listFacilities(): Promise<Array<{ facility: FacilityRef; incidents: number }>>;

  // News feeds (feeds/poll.ts).

  /** Adds a feed to watch; "known" (and nothing changes) when its name or url is already watched. */
  addFeed(feed: FeedSource): Promise<AddResult>;
  /** Every watched feed, by name. */
  listFeeds(): Promise<FeedState[]>;
  /** Stops watching the feed with this name or url and forgets its items; false when none matched. */
  removeFeed(nameOrUrl: string): Promise<boolean>;
  /** Writes a feed's polling state (every FeedState field except name, url, interval and addedAt). */
  saveFeedState(state: FeedState): Promise<void>;
  /** What was recorded for an item of a feed, or null when it was never read. */
  feedItem(feed: string, key: string): Promise<FeedItemRecord | null>;
  /** Records (or replaces) what was read of an item; nothing when the feed was removed meanwhile. */
  saveFeedItem(item: FeedItemRecord): Promise<void>;

  // Alert rules and their outbox (alerts/).

  /** "known" (and nothing changes) when a rule of that name exists. */
  addRule(rule: AlertRule): Promise<AddResult>;
  listRules(): Promise<AlertRule[]>;
  /** Removes the rule with its outbox and attempts; false when there was none. */
  removeRule(name: string): Promise<boolean>;
  /** Incident id -> the signature the rule last recorded for it. */
  alertSignatures(rule: string): Promise<Map<string, string>>;
  /**
   * In one transaction: records the incident's signature for the rule and, when `alert` is given,
   * queues it in the outbox unless the same (rule, incident, change) is already there.
   * True when an alert was queued.
   */
  recordAlertCheck(
    rule: string,
    incident: string,
    signature: string,
    alert: { change: string; payload: string; nextAttemptAt: string | null } | null,
  ): Promise<boolean>;
  /** The rule's alerts, newest first. */
  alertsOf(rule: string, limit: number): Promise<AlertEntry[]>;
  /** Alerts whose next delivery attempt is due at `now` (ISO time), oldest first. */
  dueAlerts(now: string): Promise<AlertEntry[]>;
  /** Records one delivery attempt and the alert's state after it. */
  recordDeliveryAttempt(attempt: DeliveryAttempt, after: { deliveredAt: string | null; nextAttemptAt: string | null }): Promise<void>;
  /** Every delivery attempt of the rule's alerts, oldest first. */
  deliveryAttempts(rule: string): Promise<DeliveryAttempt[]>;

  // People and their review decisions (src/review). Every incident write is a revision: automatic
  // ones (commitMerge, replaceIncidents) by AUTOMATIC_AUTHOR, reviews by their author.

  /** "known" (and nothing changes) when a user of that name exists. */
  addUser(user: StoredUser): Promise<AddResult>;
  /** Every user, by name (token digests left out). */
  listUsers(): Promise<User[]>;
  removeUser(name: string): Promise<boolean>;
  /** The user whose token has this sha256 digest (hex), or null. */
  userByTokenHash(tokenHash: string): Promise<StoredUser | null>;
  /** Every review decision, oldest first. */
  reviewDecisions(): Promise<ReviewDecision[]>;
  /** Records the decision and writes its incidents with their revisions; "stale" when a basis block moved (nothing written). */
  writeReview(write: ReviewWrite): Promise<{ outcome: "done" | "stale"; decision: number | null }>;
  /** The merging version of each block (0 for a block never merged). */
  blockVersions(blocks: string[]): Promise<Map<string, number>>;
  /** The block each stored incident among `ids` is kept under. */
  incidentBlocks(ids: string[]): Promise<Map<string, string>>;
  /** Stored mentions with these ids, with their documents' publication days and where merging placed them (null: nowhere yet). */
  mentionsById(ids: string[]): Promise<PlacedMention[]>;
  /** The incident's revisions, oldest first (kept after it is deleted); empty when it never existed. */
  incidentHistory(id: string): Promise<IncidentRevision[]>;
  /** Incidents with a revision after `since` (ISO time), each once with its latest version, oldest change first. */
  changesSince(since: string, limit: number): Promise<IncidentChange[]>;

  close(): Promise<void>;
}
