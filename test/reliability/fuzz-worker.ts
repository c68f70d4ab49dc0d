// Worker entry for fuzz.test.ts: runs the properties and the long lines, posting one message per
// finished check so the watchdog in the parent knows how far a hang got.
import { parentPort } from "node:worker_threads";
import { checkPipeline, longLineInputs, runFuzzProperties } from "./fuzz-properties.ts";

export type FuzzMessage =
  | { kind: "property"; name: string; runs: number; failure: string | null }
  | { kind: "long-line"; name: string; failure: string | null }
  | { kind: "done" };

const post = (message: FuzzMessage) => parentPort!.postMessage(message);

runFuzzProperties((result) => post({ kind: "property", ...result }));
for (const { name, raw } of longLineInputs()) {
  try {
    checkPipeline(raw);
    post({ kind: "long-line", name, failure: null });
  } catch (error) {
    post({ kind: "long-line", name, failure: (error as Error).stack ?? String(error) });
  }
}
post({ kind: "done" });
