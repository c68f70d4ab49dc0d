// Fuzzing prepareDocument + extract (issue 7): fixed-seed fast-check properties over random and
// adversarial text and HTML, and explicit 1 MB lines. They run in a worker thread watched from
// here: a synchronous hang cannot be interrupted in-process, but a worker can be terminated, so
// "never hangs" is a failing test rather than a frozen CI job.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Worker } from "node:worker_threads";
import { FUZZ_SEED, RUNS_PER_PROPERTY } from "./fuzz-properties.ts";
import type { FuzzMessage } from "./fuzz-worker.ts";

/** Generous: the whole run takes ~10 s; only a hang or a catastrophic slowdown gets near this. */
const WATCHDOG_MS = 180_000;

interface FuzzRun {
  messages: FuzzMessage[];
  /** Set when the worker had to be killed, or died. */
  problem: string | null;
}

function runWorker(): Promise<FuzzRun> {
  const entry = new URL("./fuzz-worker.ts", import.meta.url).href;
  // Workers do not inherit tsx's loader hooks, so the worker registers them before importing.
  const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(bootstrap, { eval: true });
  const messages: FuzzMessage[] = [];
  return new Promise((resolve) => {
    const finish = (problem: string | null) => {
      clearTimeout(watchdog);
      void worker.terminate();
      resolve({ messages, problem });
    };
    const watchdog = setTimeout(() => {
      const last = messages.at(-1);
      finish(`no result after ${WATCHDOG_MS} ms; last finished check: ${last && "name" in last ? last.name : "none"}`);
    }, WATCHDOG_MS);
    worker.on("message", (message: FuzzMessage) => {
      messages.push(message);
      if (message.kind === "done") finish(null);
    });
    worker.on("error", (error) => finish(`worker crashed: ${error.stack ?? error}`));
    worker.on("exit", (code) => finish(`worker exited (${code}) before finishing`));
  });
}

let run: Promise<FuzzRun> | null = null;
const fuzzRun = () => (run ??= runWorker());

test("fuzz: every property holds over its seeded runs and nothing hangs", { timeout: WATCHDOG_MS + 10_000 }, async () => {
  const { messages, problem } = await fuzzRun();
  assert.equal(problem, null);
  const properties = messages.filter((m): m is Extract<FuzzMessage, { kind: "property" }> => m.kind === "property");
  assert.ok(properties.length >= 10, "every property reported");
  for (const p of properties) {
    assert.equal(p.failure, null, `property "${p.name}" failed:\n${p.failure}`);
    assert.equal(p.runs, RUNS_PER_PROPERTY, `property "${p.name}" ran ${p.runs} times`);
  }
  const total = properties.reduce((sum, p) => sum + p.runs, 0);
  console.log(`fuzz: ${properties.length} properties x ${RUNS_PER_PROPERTY} runs = ${total} iterations (seed ${FUZZ_SEED}), 0 failures`);
});

test("fuzz: 1 MB lines of digits, commas, quotes, brackets, nesting and entities are processed", { timeout: WATCHDOG_MS + 10_000 }, async () => {
  const { messages, problem } = await fuzzRun();
  assert.equal(problem, null);
  const lines = messages.filter((m): m is Extract<FuzzMessage, { kind: "long-line" }> => m.kind === "long-line");
  assert.ok(lines.length >= 12, "every long line reported");
  for (const line of lines) assert.equal(line.failure, null, `${line.name}: ${line.failure}`);
  console.log(`fuzz: ${lines.length} one-megabyte inputs processed`);
});
