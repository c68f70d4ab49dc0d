// The worker-thread entry of the extraction pool (extract-pool.ts): cleaning and extraction of one
// record, off the server's event loop. Its own module, loaded by path: as TypeScript through tsx
// today, as the compiled extract-worker.js beside a compiled extract-pool.js tomorrow.
import type { Doc, RawRecord } from "../model/doc.ts";
import type { PrepareOptions } from "../ingest/prepare.ts";
import { extractOrReject, prepareOrReject } from "../ingest/stages.ts";

export type ExtractTask = { stage: "prepare"; raw: RawRecord; opts: PrepareOptions } | { stage: "extract"; doc: Doc };

/** Runs one task; rejections come back as values, so nothing is lost crossing the thread boundary. */
export default function runTask(task: ExtractTask) {
  return task.stage === "prepare" ? prepareOrReject(task.raw, task.opts) : extractOrReject(task.doc);
}
