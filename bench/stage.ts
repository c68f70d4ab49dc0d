// `npm run bench -- --stage prepare [--sizes N]`: the text stages alone (HTML reading, cleaning,
// relevance, dating: prepareDocument) over the mixed stream, in CPU time, split by page kind and
// by what relevance decided. No store, no extraction: the cost a page pays before extraction.
import type { RawRecord } from "../src/model/doc.ts";
import { syntheticStream } from "./stream.ts";

export const STAGE_DEFAULT_SIZE = 5_000;
/** Passes over the same pages; the first warms the JIT and the gazetteer and is not counted. */
const PASSES = 3;

interface Row {
  label: string;
  pages: number;
  cpuSeconds: number;
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** Markdown table of prepareDocument's CPU cost per page kind over `size` pages of the mixed stream. */
export async function prepareStageReport(size: number): Promise<string> {
  const { prepareDocument } = await import("../src/ingest/prepare.ts");
  const { isRelevant } = await import("../src/model/doc.ts");
  const pages = [...syntheticStream(size)];
  const prepare = (raw: RawRecord) => {
    try {
      return prepareDocument(raw);
    } catch {
      return null;
    }
  };
  // Which pages relevance keeps, decided once outside the clock.
  const relevant = new Set(pages.filter((raw) => { const doc = prepare(raw); return doc !== null && isRelevant(doc); }).map((raw) => raw.id));
  const groups: Array<[string, RawRecord[]]> = [
    ["all pages", pages],
    ["text pages", pages.filter((p) => p.text !== null)],
    ["HTML pages", pages.filter((p) => p.html !== null)],
    ["relevant pages", pages.filter((p) => relevant.has(p.id))],
    ["not relevant pages", pages.filter((p) => !relevant.has(p.id))],
  ];
  const rows: Row[] = groups.map(([label, list]) => ({ label, pages: list.length, cpuSeconds: 0 }));
  for (let pass = 0; pass < PASSES; pass++) {
    groups.forEach(([, list], g) => {
      const started = process.cpuUsage();
      for (const raw of list) prepare(raw);
      if (pass > 0) rows[g].cpuSeconds += cpuSeconds(started);
    });
  }
  const lines = [
    `prepareDocument over ${size.toLocaleString("en-US")} pages of the mixed stream (${PASSES - 1} timed passes, CPU time)`,
    "",
    "| pages | count | per CPU-s | ms per page |",
    "|---|---:|---:|---:|",
  ];
  for (const r of rows) {
    const perPage = r.cpuSeconds / (r.pages * (PASSES - 1));
    lines.push(`| ${r.label} | ${r.pages} | ${perPage > 0 ? (1 / perPage).toFixed(0) : "–"} | ${(perPage * 1000).toFixed(3)} |`);
  }
  return lines.join("\n");
}
