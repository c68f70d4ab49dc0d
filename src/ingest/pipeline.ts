// The ingest pipeline: files -> raw records -> prepared Docs -> storage decision -> extraction ->
// Store. Records are written STORE_BATCH to a transaction, each write applied on its own inside
// it, so a run killed half-way leaves a consistent database and one record the store refuses
// never costs the others. The next run skips what is already stored and finishes incident updates
// the killed run left dirty.
import type { Day, Doc, RawRecord } from "../model/doc.ts";
import type { DocumentWrite, Store } from "../store/store.ts";
import { updateIncidents } from "../incidents/update.ts";
import { IngestError, rejection, type IngestWarning, type Rejection, type RejectionCode } from "./errors.ts";
import { listInputs, type InputFile } from "./files.ts";
import { recordsOf } from "./inputs.ts";
import { inProcessStages, isRejection, type DocumentStages, type StageRejection } from "./stages.ts";
import { planAlias, planStorage, type StoragePlan } from "./versions.ts";

export { prepareDocument, type PrepareOptions } from "./prepare.ts";
export { recordsOf } from "./inputs.ts";

/** Incidents are brought up to date after this many new or updated documents in a long run. */
export const INCIDENT_UPDATE_EVERY = 500;
/** Documents stored per transaction by ingestPaths: commits are the store's main cost per document. */
export const STORE_BATCH = 64;
/** The summary keeps this many rejections in full; the counts per code are always complete. */
export const MAX_LISTED_REJECTIONS = 1000;
/** Decisions made again for one record when another writer changed its document meanwhile. */
export const MAX_WRITE_ATTEMPTS = 3;

export interface IngestProgress {
  bytesDone: number;
  bytesTotal: number;
  read: number;
}

export interface IngestOptions {
  /** `--published`: for inputs whose metadata and text name no publication date. */
  fallbackPublished?: Day | null;
  onProgress?: (progress: IngestProgress) => void;
  /** Called once per rejected input as it happens. */
  onRejected?: (rejection: Rejection) => void;
  /** Called for what an input carried but could not be used (an ambiguous date, a link out of the folder). */
  onWarning?: (warning: IngestWarning) => void;
  /** Where cleaning and extraction run: this thread unless a worker pool is given. */
  stages?: DocumentStages;
}

export interface IngestSummary {
  read: number;
  new: number;
  /** Stored documents that took a new version or metadata a later copy added. */
  updated: number;
  known: number;
  rejected: number;
  rejectedByCode: Partial<Record<RejectionCode, number>>;
  /** The first MAX_LISTED_REJECTIONS rejections. */
  rejections: Rejection[];
  warnings: number;
}

export type RecordStatus = "new" | "updated" | "known" | "rejected";

export interface RecordOutcome {
  status: RecordStatus;
  /** The record's own id. */
  id: string;
  /** The stored document the record belongs to: its id, or the document that id is an alias of. */
  document?: string;
  /** Set when rejected. */
  reason?: Rejection;
}

type RecordOptions = Pick<IngestOptions, "fallbackPublished" | "stages">;

/** A decision ready to be written, with what the record becomes once it is. */
interface Decision {
  write: DocumentWrite;
  status: Exclude<RecordStatus, "rejected">;
  document: string;
}

/** The summary line every run ends with. */
export function summaryLine(summary: IngestSummary): string {
  return `read ${summary.read}, new ${summary.new}, updated ${summary.updated}, already known ${summary.known}, rejected ${summary.rejected}`;
}

/**
 * Prepares, extracts and stores one record. Does not rebuild incidents: callers run
 * updateIncidents(store) when a batch is done (ingestPaths does).
 */
export async function ingestRecord(store: Store, raw: RawRecord, opts: RecordOptions = {}): Promise<RecordOutcome> {
  return (await ingestRecords(store, [raw], opts))[0];
}

/**
 * Prepares and decides several records against the store, extracts what must be stored, and
 * writes them in one transaction. A record whose document another write changed meanwhile (the
 * same id twice in one batch, another process) is decided again and written on its own.
 */
export async function ingestRecords(store: Store, raws: RawRecord[], opts: RecordOptions = {}): Promise<RecordOutcome[]> {
  const stages = opts.stages ?? inProcessStages;
  const outcomes: RecordOutcome[] = new Array(raws.length);
  const prepared: Array<Doc | null> = raws.map(() => null);
  const reject = (i: number, code: RejectionCode, message: string) =>
    (outcomes[i] = { status: "rejected", id: raws[i].id, reason: { origin: raws[i].origin, code, message } });

  // 1. Prepare every record and decide against the store as it is.
  const pending: Array<{ index: number; decision: Decision }> = [];
  for (const [i, raw] of raws.entries()) {
    const doc = await guarded(() => stages.prepare(raw, { fallbackPublished: opts.fallbackPublished ?? null }));
    if (isRejection(doc)) {
      reject(i, doc.rejected, doc.message);
      continue;
    }
    prepared[i] = doc;
    const decided = await decide(store, raw, doc, stages);
    if ("write" in decided) pending.push({ index: i, decision: decided });
    else outcomes[i] = decided;
  }
  // 2. One transaction for the batch; every write applied or refused on its own.
  const results = pending.length ? await store.writeDocuments(pending.map((p) => p.decision.write)) : [];
  // 3. Conflicts are decided again, one record at a time.
  for (const [k, result] of results.entries()) {
    const { index, decision } = pending[k];
    let [current, outcome] = [decision, result];
    for (let attempt = 2; outcome === "conflict" && attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
      const again = await decide(store, raws[index], prepared[index]!, stages);
      if (!("write" in again)) {
        outcomes[index] = again;
        break;
      }
      current = again;
      [outcome] = await store.writeDocuments([again.write]);
    }
    if (outcomes[index]) continue;
    if (outcome === "done") outcomes[index] = { status: current.status, id: raws[index].id, document: current.document };
    else if (outcome === "conflict") reject(index, "E_STORE", "another writer kept changing this document; run the ingest again");
    else reject(index, "E_STORE", `could not be stored: ${outcome.error}`);
  }
  return outcomes;
}

/** A stage's answer, or the rejection its failure becomes (a crashed worker thread costs one record). */
async function guarded<T>(stage: () => Promise<T | StageRejection>): Promise<T | StageRejection> {
  try {
    return await stage();
  } catch (error) {
    return { rejected: "E_EXTRACT", message: new IngestError("E_EXTRACT", (error as Error).message).message };
  }
}

/** The storage decision for one prepared record, extracted when it stores a document. */
async function decide(store: Store, raw: RawRecord, doc: Doc, stages: DocumentStages): Promise<Decision | RecordOutcome> {
  const given = { title: raw.title !== null || raw.html !== null };
  const lookup = await store.lookupDocument(doc.id, doc.contentHash);
  let plan: StoragePlan = planStorage(doc, lookup, given);
  if (plan.action === "alias" && lookup.byContent?.current) {
    const owner = (await store.lookupDocument(plan.document, doc.contentHash)).byId;
    if (owner) plan = planAlias(doc, owner, given);
  }
  switch (plan.action) {
    case "known":
      return { status: "known", id: raw.id, document: plan.document };
    case "alias":
      return { write: { kind: "alias", alias: plan.alias, document: plan.document }, status: "known", document: plan.document };
  }
  const item = await guarded(() => stages.extract(plan.doc));
  if (isRejection(item)) return { status: "rejected", id: raw.id, reason: { origin: raw.origin, code: item.rejected, message: item.message } };
  const document = plan.doc.id;
  switch (plan.action) {
    case "insert":
      return { write: { kind: "insert", item, replacesAlias: plan.replacesAlias }, status: "new", document };
    case "version":
      return { write: { kind: "version", item, basis: plan.basis }, status: "updated", document };
    case "refresh":
      return { write: { kind: "refresh", item, basis: plan.basis, alias: plan.alias }, status: "updated", document };
  }
}

/**
 * Ingests every file the paths name (folders recursively). Valid inputs are stored even when
 * others are rejected; the summary counts both.
 */
export async function ingestPaths(store: Store, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const summary: IngestSummary = { read: 0, new: 0, updated: 0, known: 0, rejected: 0, rejectedByCode: {}, rejections: [], warnings: 0 };
  const reject = (r: Rejection) => {
    summary.rejected += 1;
    summary.rejectedByCode[r.code] = (summary.rejectedByCode[r.code] ?? 0) + 1;
    if (summary.rejections.length < MAX_LISTED_REJECTIONS) summary.rejections.push(r);
    opts.onRejected?.(r);
  };
  const warn = (w: IngestWarning) => {
    summary.warnings += 1;
    opts.onWarning?.(w);
  };

  // 1. Finish incident work a killed run left dirty.
  await updateIncidents(store);

  const inputs = await listInputs(paths, warn);
  const files = inputs.filter((i): i is InputFile => "kind" in i);
  const progress: IngestProgress = { bytesDone: 0, bytesTotal: files.reduce((sum, f) => sum + f.size, 0), read: 0 };
  const onBytes = (n: number) => {
    progress.bytesDone = Math.min(progress.bytesTotal, progress.bytesDone + n);
  };
  let changedSinceUpdate = 0;
  // Records wait here to be stored STORE_BATCH to a transaction.
  const pending: RawRecord[] = [];
  const flush = async () => {
    const outcomes = await ingestRecords(store, pending.splice(0), opts);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected" && outcome.reason) reject(outcome.reason);
      else if (outcome.status === "known") summary.known += 1;
      else if (outcome.status === "updated") summary.updated += 1;
      else summary.new += 1;
    }
    changedSinceUpdate += outcomes.filter((o) => o.status === "new" || o.status === "updated").length;
    // 3. Keep incidents fresh during long runs, not only at the end.
    if (changedSinceUpdate >= INCIDENT_UPDATE_EVERY) {
      await updateIncidents(store);
      changedSinceUpdate = 0;
    }
  };

  // 2. Every input, one record at a time.
  for (const input of inputs) {
    if (!("kind" in input)) {
      summary.read += 1;
      reject(rejection(input.path, input.error));
      continue;
    }
    try {
      for await (const item of recordsOf(input, onBytes, warn)) {
        summary.read += 1;
        progress.read = summary.read;
        if ("code" in item) reject(item);
        else {
          pending.push(item);
          if (pending.length >= STORE_BATCH) await flush();
        }
        opts.onProgress?.(progress);
      }
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      summary.read += 1;
      reject(rejection(input.path, error));
      opts.onProgress?.(progress);
    }
  }

  await flush();
  // 4. Rebuild incidents for everything this run touched.
  await updateIncidents(store);
  return summary;
}
