// `npm run bench`: throughput, peak memory and how cost grows with the size of the stream, over
// the whole path (clean, date, segment, extract, store, incident merging) in a temporary SQLite
// store. Each measurement runs in a fresh child process so its peak memory is its own.
//
//   npm run bench                       mixed stream at 1k, 10k, 100k + incident-only + wink reference
//   npm run bench -- --quick            1k of each, under a minute
//   npm run bench -- --sizes 1000,5000  other sizes
//
// Figures go to stdout as a markdown table and to bench/results.md (bench/results-quick.md for
// --quick), with the machine they were measured on.
import type { RawRecord } from "../src/model/doc.ts";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { syntheticStream } from "./stream.ts";

const SIZES = [1_000, 10_000, 100_000];
const QUICK_SIZES = [1_000];
const INCIDENT_ONLY_SIZE = 1_000;
/** The wink reference runs on this many articles at most: its rate is flat in N. */
const WINK_MAX_SIZE = 10_000;
/** Same as ingestPaths: incidents are brought up to date every this many new documents. */
const UPDATE_EVERY = 500;
const PROGRESS_EVERY = 10_000;

/** Targets from issue 6. */
export const TARGETS = {
  mixedPerSecond: 1_000,
  incidentOnlyPerSecond: 200,
  /** time(100k) / time(10k): ten times the work may cost at most twelve times the time. */
  scaleRatio: 12,
  peakRssBytes: 1024 ** 3,
  /** escapewatch full path / bare wink-nlp pass, per article. */
  winkRatio: 2,
};

type JobKind = "mixed" | "incident-only" | "wink";

interface Job {
  kind: JobKind;
  size: number;
}

interface JobResult extends Job {
  /** Seconds spent in the measured path only (the synthetic generator is not counted). */
  seconds: number;
  /** Of which: incident merging (updateIncidents). */
  mergeSeconds: number;
  /** CPU seconds (user + system) this process spent in the same sections: the rate on one free core. */
  cpuSeconds: number;
  /** One-time start-up before the stream (loading the gazetteer indexes on a first document). */
  warmupSeconds: number;
  perSecond: number;
  peakRssBytes: number;
  storeBytes: number;
  documents: { new: number; known: number; rejected: number };
  incidents: number;
  /** Words in the raw input, to compare streams. */
  words: number;
}

// ---------------------------------------------------------------------------------------------
// Child side: one measurement.

function elapsed(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

async function measureEscapewatch(job: Job): Promise<JobResult> {
  // Imported here so the wink child does not pay for loading the pipeline, nor the reverse.
  const { openStore } = await import("../src/store/open.ts");
  const { ingestRecords, STORE_BATCH } = await import("../src/ingest/pipeline.ts");
  const takeBatch = (stream: Iterator<RawRecord>): RawRecord[] => {
    const batch: RawRecord[] = [];
    while (batch.length < STORE_BATCH) {
      const next = stream.next();
      if (next.done) break;
      batch.push(next.value);
    }
    return batch;
  };
  const { updateIncidents } = await import("../src/incidents/update.ts");
  const dir = mkdtempSync(join(tmpdir(), "escapewatch-bench-"));
  const dbPath = join(dir, "bench.db");
  try {
    const store = await openStore(dbPath);
    const documents = { new: 0, updated: 0, known: 0, rejected: 0 };
    const warmupSeconds = await warmUp();
    let seconds = 0;
    let cpuSeconds = 0;
    let mergeSeconds = 0;
    let words = 0;
    let sinceUpdate = 0;
    const merge = async () => {
      const t = process.hrtime.bigint();
      const c = process.cpuUsage();
      await updateIncidents(store);
      const s = elapsed(t);
      cpuSeconds += cpuSince(c);
      mergeSeconds += s;
      seconds += s;
    };
    let done = 0;
    // The stream is generated a batch at a time outside the clock; each batch is ingested as
    // ingestPaths does it (STORE_BATCH documents to a transaction) and timed as a whole.
    const stream = syntheticStream(job.size, { incidentShare: job.kind === "incident-only" ? 1 : undefined });
    for (let batch = takeBatch(stream); batch.length; batch = takeBatch(stream)) {
      for (const raw of batch) words += countWords(raw.text ?? raw.html ?? "");
      const t = process.hrtime.bigint();
      const c = process.cpuUsage();
      const outcomes = await ingestRecords(store, batch);
      seconds += elapsed(t);
      cpuSeconds += cpuSince(c);
      for (const outcome of outcomes) documents[outcome.status] += 1;
      sinceUpdate += outcomes.filter((o) => o.status === "new").length;
      if (sinceUpdate >= UPDATE_EVERY) {
        await merge();
        sinceUpdate = 0;
      }
      const before = done;
      done += batch.length;
      if (Math.floor(done / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY)) process.stderr.write(`  ${job.kind} ${done}/${job.size} ${(done / seconds).toFixed(0)}/s\n`);
    }
    await merge();
    const incidents = await store.countIncidents();
    // Before close: the WAL is part of what the run left on disk until a checkpoint folds it in.
    const storeBytes = fileSize(dbPath) + fileSize(`${dbPath}-wal`);
    await store.close();
    return { ...job, seconds, mergeSeconds, cpuSeconds, warmupSeconds, perSecond: job.size / seconds, peakRssBytes: peakRss(), storeBytes, documents, incidents, words };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The reference: wink-nlp's general-purpose pass (tokens + entities) over the same raw text. */
async function measureWink(job: Job): Promise<JobResult> {
  const { default: winkNLP } = await import("wink-nlp");
  const { default: model } = await import("wink-eng-lite-web-model");
  const started = process.hrtime.bigint();
  const nlp = winkNLP(model);
  nlp.readDoc("A first sentence loads the model's lazy parts.").entities().out();
  const warmupSeconds = elapsed(started);
  let seconds = 0;
  let cpuSeconds = 0;
  let words = 0;
  let tokens = 0;
  for (const raw of syntheticStream(job.size)) {
    const text = raw.text ?? raw.html ?? "";
    words += countWords(text);
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    const doc = nlp.readDoc(text);
    tokens += doc.tokens().out().length;
    doc.entities().out();
    seconds += elapsed(t);
    cpuSeconds += cpuSince(c);
  }
  if (tokens === 0) throw new Error("wink produced no tokens: the reference pass is broken");
  return { ...job, seconds, mergeSeconds: 0, cpuSeconds, warmupSeconds, perSecond: job.size / seconds, peakRssBytes: peakRss(), storeBytes: 0, documents: { new: 0, known: 0, rejected: 0 }, incidents: 0, words };
}

/**
 * Prepares and extracts one short report outside the measured stream, so the one-time build of
 * the gazetteer indexes (paid once per process) is reported apart from the per-article rate.
 */
async function warmUp(): Promise<number> {
  const { prepareDocument } = await import("../src/ingest/prepare.ts");
  const { extract } = await import("../src/extract/pipeline.ts");
  const started = process.hrtime.bigint();
  const [sample] = syntheticStream(1, { incidentShare: 1, seed: 1 });
  extract(prepareDocument(sample));
  return elapsed(started);
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\S+/g)) n += 1;
  return n;
}

/** Peak resident set size of this process so far (maxRSS is in kilobytes). */
function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

// ---------------------------------------------------------------------------------------------
// Parent side: run the jobs, print and save the table.

function runChild(job: Job): Promise<JobResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child", JSON.stringify(job)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`bench child ${job.kind} ${job.size} exited with ${code}`));
      resolve(JSON.parse(out.trim().split("\n").pop()!) as JobResult);
    });
  });
}

const mb = (bytes: number) => (bytes / 1024 ** 2).toFixed(0);
const fixed = (n: number, digits = 1) => n.toFixed(digits);
const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");

function machine(): string {
  const cpu = cpus();
  return [
    `- CPU: ${cpu[0]?.model ?? "unknown"} (${cpu.length} cores; the path runs on one)`,
    `- Memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GB`,
    `- Node: ${process.version} on ${process.platform}/${process.arch}`,
    `- Date: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  ].join("\n");
}

function table(results: JobResult[]): string {
  const rows = [
    "| stream | articles | seconds | articles/s | per CPU-s | merge s | warm-up s | peak RSS MB | store MB | incidents | new / known / rejected |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const r of results) {
    const store = r.kind === "wink" ? "–" : mb(r.storeBytes);
    const docs = r.kind === "wink" ? "–" : `${r.documents.new} / ${r.documents.known} / ${r.documents.rejected}`;
    const label = r.kind === "wink" ? "wink-nlp reference (raw text)" : r.kind === "mixed" ? "mixed (10 % incidents)" : "incident reports only";
    rows.push(`| ${label} | ${r.size.toLocaleString("en-US")} | ${fixed(r.seconds, 2)} | ${fixed(r.perSecond, 0)} | ${fixed(r.size / r.cpuSeconds, 0)} | ${fixed(r.mergeSeconds, 2)} | ${fixed(r.warmupSeconds, 2)} | ${mb(r.peakRssBytes)} | ${store} | ${r.kind === "wink" ? "–" : r.incidents} | ${docs} |`);
  }
  return rows.join("\n");
}

function checks(results: JobResult[]): string[] {
  const mixed = results.filter((r) => r.kind === "mixed").sort((a, b) => a.size - b.size);
  const find = (kind: JobKind, size: number) => results.find((r) => r.kind === kind && r.size === size);
  const lines: string[] = [];
  for (const r of mixed) lines.push(`${verdict(r.perSecond >= TARGETS.mixedPerSecond)}  mixed stream ≥ ${TARGETS.mixedPerSecond}/s at ${r.size.toLocaleString("en-US")}: ${fixed(r.perSecond, 0)}/s`);
  const incidentOnly = find("incident-only", INCIDENT_ONLY_SIZE);
  if (incidentOnly) lines.push(`${verdict(incidentOnly.perSecond >= TARGETS.incidentOnlyPerSecond)}  incident-only ≥ ${TARGETS.incidentOnlyPerSecond}/s: ${fixed(incidentOnly.perSecond, 0)}/s`);
  const [t10k, t100k] = [find("mixed", 10_000), find("mixed", 100_000)];
  if (t10k && t100k) {
    const ratio = t100k.seconds / t10k.seconds;
    lines.push(`${verdict(ratio <= TARGETS.scaleRatio)}  time(100k) / time(10k) ≤ ${TARGETS.scaleRatio}: ${fixed(ratio, 2)}`);
  }
  const largest = mixed.at(-1);
  if (largest) lines.push(`${verdict(largest.peakRssBytes <= TARGETS.peakRssBytes)}  peak RSS ≤ 1 GB at ${largest.size.toLocaleString("en-US")}: ${mb(largest.peakRssBytes)} MB`);
  const wink = results.find((r) => r.kind === "wink");
  const same = wink && find("mixed", wink.size);
  if (wink && same) {
    const ratio = same.seconds / wink.seconds;
    lines.push(`${verdict(ratio <= TARGETS.winkRatio)}  full path ≤ ${TARGETS.winkRatio}× bare wink-nlp pass (${wink.size.toLocaleString("en-US")} articles): ${fixed(ratio, 2)}×`);
  }
  return lines;
}

function parseArgs(argv: string[]): { quick: boolean; sizes: number[] } {
  const quick = argv.includes("--quick");
  const at = argv.indexOf("--sizes");
  let sizes = quick ? QUICK_SIZES : SIZES;
  if (at >= 0) {
    sizes = (argv[at + 1] ?? "").split(",").map((s) => Number(s.replace(/_/g, "")));
    if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
      console.error("E_BENCH_SIZES: --sizes takes positive whole numbers separated by commas, e.g. --sizes 1000,5000");
      process.exit(2);
    }
  }
  return { quick, sizes };
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf("--child");
  if (childAt >= 0) {
    const job = JSON.parse(process.argv[childAt + 1]) as Job;
    const result = job.kind === "wink" ? await measureWink(job) : await measureEscapewatch(job);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }

  const { quick, sizes } = parseArgs(process.argv.slice(2));
  const winkSize = Math.max(...sizes.filter((n) => n <= WINK_MAX_SIZE), Math.min(...sizes));
  const jobs: Job[] = [
    ...sizes.map((size) => ({ kind: "mixed" as const, size })),
    { kind: "incident-only", size: INCIDENT_ONLY_SIZE },
    { kind: "wink", size: winkSize },
  ];
  const results: JobResult[] = [];
  for (const job of jobs) {
    process.stderr.write(`bench: ${job.kind} × ${job.size.toLocaleString("en-US")} ...\n`);
    results.push(await runChild(job));
  }

  const report = [
    `# escapewatch benchmark${quick ? " (--quick)" : ""}`,
    "",
    machine(),
    "",
    "Synthetic stream from bench/stream.ts (seeded, ~600-word pages with web boilerplate, 10 % as HTML), " +
      "ingested as ingestPaths does (ingestRecords, 64 documents to a transaction) into a fresh SQLite store, incidents updated every " +
      `${UPDATE_EVERY} new documents and at the end. Seconds count the path only, not the generator. ` +
      "Peak RSS is the child process's maxRSS (includes Node, tsx and the loaded gazetteer).",
    "",
    table(results),
    "",
    "```",
    ...checks(results),
    "```",
    "",
  ].join("\n");
  process.stdout.write(`\n${report}`);
  const out = fileURLToPath(new URL(quick ? "./results-quick.md" : "./results.md", import.meta.url));
  writeFileSync(out, report);
  process.stderr.write(`bench: written to ${out}\n`);
}

await main();
