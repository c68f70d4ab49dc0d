// The one document model every stage reads and annotates (in the spirit of spaCy's Doc/Span).
// Evidence is offsets into `Doc.text` (the cleaned text), never copied strings: any number on
// screen can be traced back to the characters that claimed it.

/** A half-open character range [start, end) into the cleaned text of one document. */
export interface Span {
  start: number;
  end: number;
}

/** Calendar day as `YYYY-MM-DD`. */
export type Day = string;

/** An inclusive window of days; `earliest === latest` when the text names the exact day. */
export interface DateWindow {
  earliest: Day;
  latest: Day;
}

/** Where a publication date came from, most trusted first. */
export type DateOrigin = "metadata" | "dateline" | "html-meta" | "cli";

/** A stretch of the page that tells one story; pages sometimes carry an unrelated second one. */
export interface Segment extends Span {
  /** true when the story may be about the security of a detention facility (extraction decides). */
  relevant: boolean;
  /** Why the relevance prefilter decided so (e.g. "detention with an event in 2 sentences: event.escape"). */
  reason: string;
}

/** A record as a scraper delivered it, before cleaning. */
export interface RawRecord {
  /** The input's own id, else derived from the file name (export contract). */
  id: string;
  /** Human-readable origin for error messages: "path/file.jsonl:12". */
  origin: string;
  url: string | null;
  title: string | null;
  /** Publication date from the input's metadata, normalised to YYYY-MM-DD, or null. */
  published: Day | null;
  /** Plain text body, when the input had one. */
  text: string | null;
  /** HTML body, when the input had one; cleaned through readability. */
  html: string | null;
}

/** Annotation kinds the extraction stages add; each one names the rule that produced it. */
export type AnnotationKind =
  | "sentence"
  | "facility"
  | "place"
  | "actor"
  | "source"
  | "quantity"
  | "date"
  | "trigger"
  | "attribution"
  | "negation"
  | "modality";

/** One extracted fact with its evidence span and the id of the rule that found it. */
export interface Annotation<T = unknown> extends Span {
  kind: AnnotationKind;
  /** Stable rule id, e.g. "quantity.at-least" or "trigger.escape.verb". */
  rule: string;
  /** Kind-specific payload (a FacilityRef for "facility", a Quantity for "quantity", ...). */
  value: T;
}

/** A cleaned, dated document and everything the stages found in it. */
export interface Doc {
  id: string;
  /** sha256 of the cleaned text: the storage key, so the same page ingested twice is stored once. */
  contentHash: string;
  url: string | null;
  title: string | null;
  published: Day | null;
  publishedOrigin: DateOrigin | null;
  /** Cleaned text: boilerplate removed, paragraphs separated by blank lines. */
  text: string;
  segments: Segment[];
  annotations: Annotation[];
}

/** True when any segment of the document is about detention-facility security. */
export function isRelevant(doc: Pick<Doc, "segments">): boolean {
  return doc.segments.some((s) => s.relevant);
}

/** The text a span covers. */
export function spanText(doc: Pick<Doc, "text">, span: Span): string {
  return doc.text.slice(span.start, span.end);
}
