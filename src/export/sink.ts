// Writing to a stream chunk by chunk with backpressure, so an export of a large store never
// holds more than one record in memory and never outruns a slow pipe.
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Store } from "../store/store.ts";

/** What an export reads: the streams of a Store and its document summaries (tests pass arrays through async generators). */
export type ExportSource = Pick<Store, "iterateDocuments" | "iterateIncidents" | "documentSummaries">;

/** Writes `chunk`, waiting for 'drain' when the destination's buffer is full. */
export async function writeChunk(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, "drain");
}
