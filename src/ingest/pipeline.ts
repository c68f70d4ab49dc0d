// The ingest pipeline: files -> raw records -> prepared Docs -> extraction -> Store.
// Each document is stored in its own transaction by the store, so a run killed half-way leaves
// a consistent database; the next run skips what is already stored (by content hash) and
// finishes incident updates the killed run left dirty.
import type { Day, RawRecord } from "../model/doc.ts";
import type { Store, StoredDocument } from "../store/store.ts";
import { extract } from "../extract/pipeline.ts";
import { blockKeyOf } from "../incidents/blocking.ts";
import { updateIncidents } from "../incidents/update.ts";
import { IngestError, rejection, type Rejection, type RejectionCode } from "./errors.ts";
import { decodeText, fileStem, listInputs, readLines, readWholeFile, type InputFile } from "./files.ts";
import { prepareDocument } from "./prepare.ts";
import { recordFromFile, recordFromJson } from "./records.ts";

export { prepareDocument, type PrepareOptions } from "./prepare.ts";

/** Incidents are brought up to date after this many new documents in a long run. */
export const INCIDENT_UPDATE_EVERY = 500;
/** Documents stored per transaction by ingestPaths: commits are the store's main cost per document. */
export const STORE_BATCH = 64;
/** The summary keeps this many rejections in full; the counts per code are always complete. */
export const MAX_LISTED_REJECTIONS = 1000;

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
}

export interface IngestSummary {
  read: number;
  new: number;
  known: number;
  rejected: number;
  rejectedByCode: Partial<Record<RejectionCode, number>>;
  /** The first MAX_LISTED_REJECTIONS rejections. */
  rejections: Rejection[];
}

export interface RecordOutcome {
  status: "new" | "known" | "rejected";
  id: string;
  /** Set when rejected. */
  reason?: Rejection;
}

/**
 * Prepares, extracts and stores one record. Does not rebuild incidents: callers run
 * updateIncidents(store) when a batch is done (ingestPaths does).
 */
export async function ingestRecord(store: Store, raw: RawRecord, opts: Pick<IngestOptions, "fallbackPublished"> = {}): Promise<RecordOutcome> {
  const ready = await readyForStore(store, raw, opts);
  if ("status" in ready) return ready;
  const status = await store.addDocument(ready.doc, ready.mentions, ready.holdings);
  return { status, id: ready.doc.id };
}

/**
 * Prepares and extracts several records, then stores the new ones in one transaction: the same
 * outcome as ingestRecord for each, at a fraction of the commit cost. A crash leaves the whole
 * batch stored or none of it; a re-run completes it.
 */
export async function ingestRecords(store: Store, raws: RawRecord[], opts: Pick<IngestOptions, "fallbackPublished"> = {}): Promise<RecordOutcome[]> {
  const outcomes: RecordOutcome[] = [];
  const batch: StoredDocument[] = [];
  const slots: number[] = [];
  for (const raw of raws) {
    const ready = await readyForStore(store, raw, opts);
    if ("status" in ready) outcomes.push(ready);
    else {
      slots.push(outcomes.length);
      outcomes.push({ status: "new", id: ready.doc.id });
      batch.push(ready);
    }
  }
  const statuses = batch.length ? await store.addDocuments(batch) : [];
  statuses.forEach((status, i) => (outcomes[slots[i]].status = status));
  return outcomes;
}

/** Cleaned, extracted and blocked, or the outcome that ends the record here (rejected, known). */
async function readyForStore(store: Store, raw: RawRecord, opts: Pick<IngestOptions, "fallbackPublished">): Promise<StoredDocument | RecordOutcome> {
  let doc;
  try {
    doc = prepareDocument(raw, opts);
  } catch (error) {
    if (error instanceof IngestError) return { status: "rejected", id: raw.id, reason: rejection(raw.origin, error) };
    throw error;
  }
  if (await store.hasContent(doc.contentHash)) return { status: "known", id: doc.id };
  let extraction;
  try {
    extraction = extract(doc);
  } catch (error) {
    return { status: "rejected", id: raw.id, reason: rejection(raw.origin, new IngestError("E_EXTRACT", (error as Error).message)) };
  }
  const mentions = extraction.mentions.map((mention) => ({ mention, block: blockKeyOf(mention) }));
  return { doc, mentions, holdings: extraction.holdings };
}

/** Raw records of one input file; a bad record yields its IngestError and the rest still come. */
export async function* recordsOf(file: InputFile, onBytes: (n: number) => void): AsyncGenerator<RawRecord | Rejection> {
  const stem = fileStem(file.path);
  if (file.kind === "jsonl") {
    for await (const line of readLines(file.path)) {
      onBytes(line.size + 1);
      const origin = `${file.path}:${line.number}`;
      try {
        if (line.bytes === null) throw new IngestError("E_TOO_LARGE", `line of ${line.size} bytes`);
        if (line.bytes.toString("latin1").trim() === "") continue;
        yield recordFromJson(parseJson(decodeText(line.bytes)), { origin, stem, index: line.number });
      } catch (error) {
        if (!(error instanceof IngestError)) throw error;
        yield rejection(origin, error);
      }
    }
    return;
  }
  const content = await readWholeFile(file).finally(() => onBytes(file.size));
  if (file.kind === "text" || file.kind === "html") {
    yield recordFromFile(file.path, stem, content, file.kind);
    return;
  }
  const value = parseJson(content);
  const items = Array.isArray(value) ? value : [value];
  for (const [index, item] of items.entries()) {
    const origin = Array.isArray(value) ? `${file.path}[${index}]` : file.path;
    try {
      yield recordFromJson(item, { origin, stem, index: Array.isArray(value) ? index : null });
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      yield rejection(origin, error);
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new IngestError("E_JSON", (error as Error).message);
  }
}

/**
 * Ingests every file the paths name (folders recursively). Valid inputs are stored even when
 * others are rejected; the summary counts both.
 */
export async function ingestPaths(store: Store, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const summary: IngestSummary = { read: 0, new: 0, known: 0, rejected: 0, rejectedByCode: {}, rejections: [] };
  const reject = (r: Rejection) => {
    summary.rejected += 1;
    summary.rejectedByCode[r.code] = (summary.rejectedByCode[r.code] ?? 0) + 1;
    if (summary.rejections.length < MAX_LISTED_REJECTIONS) summary.rejections.push(r);
    opts.onRejected?.(r);
  };

  // 1. Finish incident work a killed run left dirty.
  await updateIncidents(store);

  const inputs = await listInputs(paths);
  const files = inputs.filter((i): i is InputFile => "kind" in i);
  const progress: IngestProgress = { bytesDone: 0, bytesTotal: files.reduce((sum, f) => sum + f.size, 0), read: 0 };
  const onBytes = (n: number) => {
    progress.bytesDone = Math.min(progress.bytesTotal, progress.bytesDone + n);
  };
  let newSinceUpdate = 0;
  // Records wait here to be stored STORE_BATCH to a transaction.
  const pending: RawRecord[] = [];
  const flush = async () => {
    const outcomes = await ingestRecords(store, pending.splice(0), opts);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected" && outcome.reason) reject(outcome.reason);
      else if (outcome.status === "known") summary.known += 1;
      else summary.new += 1;
    }
    newSinceUpdate += outcomes.filter((o) => o.status === "new").length;
    // 3. Keep incidents fresh during long runs, not only at the end.
    if (newSinceUpdate >= INCIDENT_UPDATE_EVERY) {
      await updateIncidents(store);
      newSinceUpdate = 0;
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
      for await (const item of recordsOf(input, onBytes)) {
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
