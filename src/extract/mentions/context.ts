// The shared model of mention assembly: the mentions being built, the entities of the document,
// and what a stage sees of one sentence. Stages (one per concern, listed in index.ts) read and
// complete these mentions; none of them re-reads what another stage decides.
import type { Annotation, Doc, Span } from "../../model/doc.ts";
import type { CasualtyGroup, FacilityRef, IncidentMention, PlaceRef, QuantityName } from "../../model/incident.ts";
import type { Attributor, ActorValue } from "../attribution.ts";
import type { QuantityValue } from "../quantities/index.ts";
import type { DateValue } from "../dates/index.ts";
import type { Trigger, TriggerScan } from "../triggers.ts";
import type { TaggedToken } from "../verb-groups.ts";
import type { TimeMark } from "./history.ts";

export interface PlaceValue extends PlaceRef {
  demonym?: boolean;
}

export interface Entities {
  facilities: Array<Annotation<FacilityRef>>;
  places: Array<Annotation<PlaceValue>>;
  actors: Array<Annotation<ActorValue>>;
  quantities: Array<Annotation<QuantityValue>>;
  dates: Array<Annotation<DateValue>>;
}

/** A mention while it is assembled: it remembers its sentence and where its place was read. */
export interface Working extends IncidentMention {
  sentence: number;
  placeSpan?: Span;
}

/** A number followed by detainees that no cue claimed: "the inmates were arrested" may take it. */
export interface PendingCount {
  sentence: number;
  value: QuantityValue;
  span: Span;
  rule: string;
}

/** The figure a story gave last, for "later raised the figure to 52" to revise. */
export interface LastFigure {
  sentence: number;
  owner: Working;
  quantity: QuantityName;
  group: CasualtyGroup | null;
}

/** What the whole story carries from sentence to sentence. */
export interface Story {
  doc: Doc;
  text: string;
  sentences: Span[];
  entities: Entities;
  attributor: Attributor;
  /** Mentions of the sentences read so far, in reading order. */
  mentions: Working[];
  /** The attack the text is currently about: a mention, or null after an attack on something else. */
  attackFocus: Working | null;
  /** "A week after the attack on X": events the sentence refers back to, whose date is not the sentence's. */
  references: Set<Working>;
  pendingDetaineeCounts: PendingCount[];
  lastFigure: LastFigure | null;
  /** Facilities named as where a transfer went: not what a later "the prison" refers to. */
  destinations: Set<Span>;
  /** Sentences that only tell history ("founded inside a São Paulo prison in the 1990s"). */
  historySentences: Set<number>;
}

/** One sentence as the stages see it: its entities, its trigger scan and the mentions it creates. */
export interface SentenceView {
  story: Story;
  index: number;
  sentence: Span;
  facilities: Array<Annotation<FacilityRef>>;
  places: Array<Annotation<PlaceValue>>;
  actors: Array<Annotation<ActorValue>>;
  quantities: Array<Annotation<QuantityValue>>;
  dates: Array<Annotation<DateValue>>;
  scan: TriggerScan;
  /** Accepted triggers that report an event (the count cues of the sentence). */
  triggers: Trigger[];
  /** Mentions created from this sentence. */
  created: Working[];
  /** The sentence's tokens with their parts of speech, tagged on first use. */
  tags: () => TaggedToken[];
  /** The sentence's time expressions (history.ts timesOf), read on first use. */
  times: () => TimeMark[];
  /** The sentence's clause boundaries (clauses.ts), found on first use. */
  clauses: () => number[];
}

export type SentenceStage = (s: SentenceView) => void;
export type StoryStage = (story: Story) => void;

/** Characters between a trigger and an entity; entities after the trigger count a little closer. */
export function distanceTo(trigger: Span, span: Span): number {
  if (span.end <= trigger.start) return trigger.start - span.end;
  if (span.start >= trigger.end) return (span.start - trigger.end) * AFTER_WEIGHT;
  return 0;
}
/** Entities after a trigger are read this much closer: "escaped from X" names X after the verb. */
const AFTER_WEIGHT = 0.8;

/** The mention whose trigger is nearest to `span`. */
export function nearestMention<M extends { trigger: Span }>(list: M[], span: Span): M | undefined {
  let best: M | undefined;
  let bestDistance = Infinity;
  for (const m of list) {
    const d = distanceTo(m.trigger, span);
    if (d < bestDistance) {
      best = m;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * The spans of `list` lying wholly inside each sentence, by sentence index, in one pass: filtering
 * every list for every sentence would cost the product of the two on a long page.
 */
export function bySentence<T extends Span>(list: T[], sentences: Span[]): T[][] {
  const buckets: T[][] = sentences.map(() => []);
  for (const a of list) {
    const i = firstStartingAtOrAfter(sentences, a.start + 1) - 1; // the sentence starting at or before a
    if (i >= 0 && a.start >= sentences[i].start && a.end <= sentences[i].end) buckets[i].push(a);
  }
  return buckets;
}

/** Index of the first span starting at or after `offset` in spans sorted by start. */
export function firstStartingAtOrAfter(spans: Span[], offset: number): number {
  let [low, high] = [0, spans.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (spans[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Start of the line holding `at` when it lies at most `reach` characters back, else -1. Bounded,
 * unlike lastIndexOf, which walks back through a whole one-line page for every entity.
 */
export function lineStartWithin(text: string, at: number, reach: number): number {
  for (let k = at - 1; k >= at - reach - 1; k--) {
    if (k < 0 || text[k] === "\n") return k + 1;
  }
  return -1;
}

export function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
