// Linear time, measured: 1, 2 and 4 MB of each hostile shape (bench/hostile-shapes.ts) go through
// the whole prepare + extract path, and the 4 MB input may cost at most MAX_GROWTH times the 1 MB
// one (linear growth is 4; quadratic would be 16). CPU time of this process after a warm-up; when
// one measurement of each size exceeds the limit, each size is measured again and the median of
// RUNS decides, so a machine busy with other work does not make the guard flaky.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Doc, RawRecord } from "../src/model/doc.ts";
import { prepareDocument } from "../src/ingest/prepare.ts";
import { IngestError } from "../src/ingest/errors.ts";
import { extract } from "../src/extract/pipeline.ts";
import { HOSTILE_SHAPES, type HostileShape } from "./hostile-shapes.ts";

const MB = 1 << 20;
const SIZES_MB = [1, 2, 4] as const;
/** Runs per size when the first measurement exceeds the limit; the median decides. */
const RUNS = 3;
/** t(4 MB) / t(1 MB) above this fails: 4 is linear, 16 quadratic; the slack absorbs GC and caches. */
export const MAX_GROWTH = 6;
/** Below this much CPU for 4 MB a ratio measures noise, and no quadratic stage is that fast. */
const MIN_MEASURABLE_CPU_S = 0.25;
const WARM_UP_BYTES = 256 * 1024;

function record(shape: HostileShape, bytes: number): RawRecord {
  return { id: "linearity", origin: `linearity:${shape.name}`, url: null, title: null, published: "2024-03-10", ...shape.record(bytes) };
}

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** CPU seconds to prepare and extract one record (a page left empty by cleaning stops there). */
function preparedAndExtracted(raw: RawRecord): number {
  const start = cpuSeconds();
  try {
    extract(prepareDocument(raw));
  } catch (error) {
    if (!(error instanceof IngestError && error.code === "E_NO_TEXT")) throw error;
  }
  return cpuSeconds() - start;
}

/** CPU seconds to extract from the raw text taken whole as one relevant segment, cleaner bypassed. */
function extractedRaw(raw: RawRecord): number {
  const text = raw.text ?? "";
  const doc: Doc = {
    id: raw.id, contentHash: "", url: null, title: null, published: raw.published, publishedOrigin: "metadata",
    text, segments: [{ start: 0, end: text.length, relevant: true, reason: "linearity guard" }], annotations: [],
  };
  const start = cpuSeconds();
  extract(doc);
  return cpuSeconds() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** t(4 MB) / t(1 MB). */
function growthOf(seconds: number[]): number {
  return seconds[seconds.length - 1] / Math.max(seconds[0], 1e-3);
}

describe("prepare + extract time grows linearly with the input", () => {
  const cases = HOSTILE_SHAPES.flatMap((shape) => [
    { name: shape.name, shape, timeOnce: preparedAndExtracted },
    ...(shape.extractRaw ? [{ name: `${shape.name}, extracted raw`, shape, timeOnce: extractedRaw }] : []),
  ]);
  for (const { name, shape, timeOnce } of cases) {
    it(name, (t) => {
      timeOnce(record(shape, WARM_UP_BYTES));
      const records = SIZES_MB.map((size) => record(shape, size * MB));
      const runs = records.map((raw) => [timeOnce(raw)]);
      if (growthOf(runs.map(median)) > MAX_GROWTH) {
        for (const [i, raw] of records.entries()) while (runs[i].length < RUNS) runs[i].push(timeOnce(raw));
      }
      const seconds = runs.map(median);
      const t4 = seconds[seconds.length - 1];
      const growth = growthOf(seconds);
      t.diagnostic(`${name}: ${SIZES_MB.map((s, i) => `${s} MB ${seconds[i].toFixed(3)} s`).join(", ")}; t(4)/t(1) = ${growth.toFixed(2)}`);
      if (t4 < MIN_MEASURABLE_CPU_S) return;
      assert.ok(growth <= MAX_GROWTH, `${name}: 4 MB took ${growth.toFixed(1)}x the CPU time of 1 MB (limit ${MAX_GROWTH}x): ${seconds.map((s) => s.toFixed(2)).join(" / ")} s`);
    });
  }
});
