// The two CPU-heavy stages of ingesting a record, behind one interface so they can run in this
// thread (the CLI, the benchmark) or in worker threads (the server: src/server/extract-pool.ts),
// with the same results. A stage answers a rejection instead of throwing, so the answer crosses a
// thread boundary intact.
import type { Doc, RawRecord } from "../model/doc.ts";
import type { StoredDocument } from "../store/store.ts";
import { extract } from "../extract/pipeline.ts";
import { blockKeyOf } from "../incidents/blocking.ts";
import { IngestError, type RejectionCode } from "./errors.ts";
import { prepareDocument, type PrepareOptions } from "./prepare.ts";

/** Why a stage refused a record. */
export interface StageRejection {
  rejected: RejectionCode;
  message: string;
}

export interface DocumentStages {
  /** Cleans, dates and segments one record (prepare.ts). */
  prepare(raw: RawRecord, opts: PrepareOptions): Promise<Doc | StageRejection>;
  /** Extracts the mentions and holdings of a prepared document, annotating it. */
  extract(doc: Doc): Promise<StoredDocument | StageRejection>;
}

export function isRejection(value: unknown): value is StageRejection {
  return typeof value === "object" && value !== null && "rejected" in value;
}

/** prepareDocument, with any failure as a rejection: a bug met by one record costs that record only. */
export function prepareOrReject(raw: RawRecord, opts: PrepareOptions): Doc | StageRejection {
  try {
    return prepareDocument(raw, opts);
  } catch (error) {
    if (error instanceof IngestError) return { rejected: error.code, message: error.message };
    return { rejected: "E_EXTRACT", message: new IngestError("E_EXTRACT", `cleaning failed: ${(error as Error).message}`).message };
  }
}

/** Extraction with the blocking key of every mention, or the rejection a failure becomes. */
export function extractOrReject(doc: Doc): StoredDocument | StageRejection {
  try {
    const { mentions, holdings } = extract(doc);
    return { doc, mentions: mentions.map((mention) => ({ mention, block: blockKeyOf(mention) })), holdings };
  } catch (error) {
    return { rejected: "E_EXTRACT", message: new IngestError("E_EXTRACT", (error as Error).message).message };
  }
}

/** Both stages in the calling thread. */
export const inProcessStages: DocumentStages = {
  prepare: async (raw, opts) => prepareOrReject(raw, opts),
  extract: async (doc) => extractOrReject(doc),
};
