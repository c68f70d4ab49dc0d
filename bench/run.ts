// `npm run bench`: throughput, peak memory and how cost grows with the size of the stream, over
// the whole path (clean, date, segment, extract, store, incident merging) in a temporary SQLite
// store. Each measurement runs in a fresh child process so its peak memory is its own.
//
//   npm run bench                       mixed stream at 1k, 10k, 100k, incident-only (synthetic and
//                                       real density), one big event of 5,000 reports, wink reference,
//                                       start-up of one command
//   npm run bench -- --quick            1k of each and a big event of 2,000, a few minutes
//   npm run bench -- --sizes 1000,5000  other sizes of the mixed stream
//   npm run bench -- --only big-event   some streams only (mixed, incident-only, incident-real, big-event, wink)
//   npm run bench -- --only feeds       the feed latency benchmark alone (npm run bench:feeds)
//   npm run bench -- --stage prepare    the text stages alone (bench/stage.ts), CPU per page kind
//   npm run bench -- --startup          only the start-up of one command (bench/startup.ts)
//   npm run bench -- --store postgres --workers 1,2
//                                       the 10k mixed stream through the PostgreSQL queue and 1, 2
//                                       worker processes, beside SQLite (bench/queue.ts)
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
import { BIG_EVENT_REPORTS, bigEventStream } from "./big-event.ts";
import { measureStartup, startupReport } from "./startup.ts";

const SIZES = [1_000, 10_000, 100_000];
const QUICK_SIZES = [1_000];
const INCIDENT_ONLY_SIZE = 1_000;
const QUICK_BIG_EVENT_REPORTS = 2_000;
/** Cost per report is reported per this many documents, to see whether it grows with the stream. */
const SLICE = 1_000;
/** The wink reference runs on this many articles at most: its rate is flat in N. */
const WINK_MAX_SIZE = 10_000;
/** Same as ingestPaths: incidents are brought up to date every this many new documents. */
const UPDATE_EVERY = 500;
const PROGRESS_EVERY = 10_000;

/** Targets from issues 6 and 16, per CPU-second (the machine is shared: wall time is printed beside). */
export const TARGETS = {
  mixedPerCpuSecond: 1_200,
  incidentOnlyPerCpuSecond: 300,
  /** time(100k) / time(10k), in CPU seconds: ten times the work may cost at most 10.5 times. */
  scaleRatio: 10.5,
  peakRssBytes: 800 * 1024 ** 2,
  /** escapewatch full path / bare wink-nlp pass, per article. */
  winkRatio: 2,
  /** One big event: CPU per report over its last thousand reports / over its first thousand. */
  bigEventSliceRatio: 1.5,
};

type JobKind = "mixed" | "incident-only" | "incident-real" | "big-event" | "wink";

interface Job {
  kind: JobKind;
  size: number;
}

interface JobResult extends Job {
  /** Seconds spent in the measured path only (the synthetic generator is not counted). */
  seconds: number;
  /** Of which: incident merging (updateIncidents). */
  mergeSeconds: number;
  mergeCpuSeconds: number;
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
  /** Cost of each consecutive SLICE of documents, merging included (the last may be shorter). */
  slices: Array<{ documents: number; seconds: number; cpuSeconds: number }>;
}

function streamOf(job: Job): Iterator<RawRecord> {
  if (job.kind === "big-event") return bigEventStream(job.size);
  if (job.kind === "incident-real") return syntheticStream(job.size, { incidentShare: 1, density: "real" });
  return syntheticStream(job.size, { incidentShare: job.kind === "incident-only" ? 1 : undefined });
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
    let mergeCpuSeconds = 0;
    let words = 0;
    let sinceUpdate = 0;
    let done = 0;
    const slices: JobResult["slices"] = [];
    /** Adds a measured stretch to the totals and to the slice of the stream it ran in. */
    const account = (wall: number, cpu: number) => {
      seconds += wall;
      cpuSeconds += cpu;
      const at = Math.min(Math.floor(Math.max(0, done - 1) / SLICE), Math.ceil(job.size / SLICE) - 1);
      slices[at] ??= { documents: Math.min(SLICE, job.size - at * SLICE), seconds: 0, cpuSeconds: 0 };
      slices[at].seconds += wall;
      slices[at].cpuSeconds += cpu;
    };
    const merge = async () => {
      const t = process.hrtime.bigint();
      const c = process.cpuUsage();
      await updateIncidents(store);
      const [s, cpu] = [elapsed(t), cpuSince(c)];
      mergeSeconds += s;
      mergeCpuSeconds += cpu;
      account(s, cpu);
    };
    // The stream is generated a batch at a time outside the clock; each batch is ingested as
    // ingestPaths does it (STORE_BATCH documents to a transaction) and timed as a whole.
    const stream = streamOf(job);
    for (let batch = takeBatch(stream); batch.length; batch = takeBatch(stream)) {
      for (const raw of batch) words += countWords(raw.text ?? raw.html ?? "");
      const t = process.hrtime.bigint();
      const c = process.cpuUsage();
      const outcomes = await ingestRecords(store, batch);
      done += batch.length;
      account(elapsed(t), cpuSince(c));
      for (const outcome of outcomes) documents[outcome.status] += 1;
      sinceUpdate += outcomes.filter((o) => o.status === "new").length;
      if (sinceUpdate >= UPDATE_EVERY) {
        await merge();
        sinceUpdate = 0;
      }
      if (Math.floor(done / PROGRESS_EVERY) > Math.floor((done - batch.length) / PROGRESS_EVERY)) process.stderr.write(`  ${job.kind} ${done}/${job.size} ${(done / seconds).toFixed(0)}/s\n`);
    }
    await merge();
    const incidents = await store.countIncidents();
    // Before close: the WAL is part of what the run left on disk until a checkpoint folds it in.
    const storeBytes = fileSize(dbPath) + fileSize(`${dbPath}-wal`);
    await store.close();
    return { ...job, seconds, mergeSeconds, mergeCpuSeconds, cpuSeconds, warmupSeconds, perSecond: job.size / seconds, peakRssBytes: peakRss(), storeBytes, documents, incidents, words, slices };
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
  return { ...job, seconds, mergeSeconds: 0, mergeCpuSeconds: 0, cpuSeconds, warmupSeconds, perSecond: job.size / seconds, peakRssBytes: peakRss(), storeBytes: 0, documents: { new: 0, known: 0, rejected: 0 }, incidents: 0, words, slices: [] };
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

const LABELS: Record<JobKind, string> = {
  mixed: "mixed (10 % incidents)",
  "incident-only": "incident reports only",
  "incident-real": "incident reports, real length and density",
  "big-event": "one big event",
  wink: "wink-nlp reference (raw text)",
};

function table(results: JobResult[]): string {
  const rows = [
    "| stream | articles | wall s | CPU s | articles / wall s | articles / CPU s | merge wall s | merge CPU s | warm-up s | peak RSS MB | store MB | incidents | new / known / rejected |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const r of results) {
    const store = r.kind === "wink" ? "–" : mb(r.storeBytes);
    const docs = r.kind === "wink" ? "–" : `${r.documents.new} / ${r.documents.known} / ${r.documents.rejected}`;
    rows.push(`| ${LABELS[r.kind]} | ${r.size.toLocaleString("en-US")} | ${fixed(r.seconds, 2)} | ${fixed(r.cpuSeconds, 2)} | ${fixed(r.perSecond, 0)} | ${fixed(r.size / r.cpuSeconds, 0)} | ${fixed(r.mergeSeconds, 2)} | ${fixed(r.mergeCpuSeconds, 2)} | ${fixed(r.warmupSeconds, 2)} | ${mb(r.peakRssBytes)} | ${store} | ${r.kind === "wink" ? "–" : r.incidents} | ${docs} |`);
  }
  return rows.join("\n");
}

/** Milliseconds per report in each slice of the big event, CPU and wall. */
function sliceTable(result: JobResult): string {
  const rows = ["| reports | ms / report (CPU) | ms / report (wall) |", "|---|---:|---:|"];
  result.slices.forEach((s, i) => rows.push(`| ${(i * SLICE + 1).toLocaleString("en-US")}–${(i * SLICE + s.documents).toLocaleString("en-US")} | ${fixed((1000 * s.cpuSeconds) / s.documents, 2)} | ${fixed((1000 * s.seconds) / s.documents, 2)} |`));
  return rows.join("\n");
}

function checks(results: JobResult[]): string[] {
  const mixed = results.filter((r) => r.kind === "mixed").sort((a, b) => a.size - b.size);
  const find = (kind: JobKind, size: number) => results.find((r) => r.kind === kind && r.size === size);
  const lines: string[] = [];
  const perCpu = (r: JobResult) => r.size / r.cpuSeconds;
  for (const r of mixed) lines.push(`${verdict(perCpu(r) >= TARGETS.mixedPerCpuSecond)}  mixed stream ≥ ${TARGETS.mixedPerCpuSecond} per CPU-s at ${r.size.toLocaleString("en-US")}: ${fixed(perCpu(r), 0)} (${fixed(r.perSecond, 0)} per wall s)`);
  const incidentOnly = find("incident-only", INCIDENT_ONLY_SIZE);
  if (incidentOnly) lines.push(`${verdict(perCpu(incidentOnly) >= TARGETS.incidentOnlyPerCpuSecond)}  incident-only ≥ ${TARGETS.incidentOnlyPerCpuSecond} per CPU-s: ${fixed(perCpu(incidentOnly), 0)}`);
  const [t10k, t100k] = [find("mixed", 10_000), find("mixed", 100_000)];
  if (t10k && t100k) {
    const ratio = t100k.cpuSeconds / t10k.cpuSeconds;
    lines.push(`${verdict(ratio <= TARGETS.scaleRatio)}  CPU time(100k) / time(10k) ≤ ${TARGETS.scaleRatio}: ${fixed(ratio, 2)} (wall ${fixed(t100k.seconds / t10k.seconds, 2)})`);
  }
  const big = results.find((r) => r.kind === "big-event");
  if (big && big.slices.length >= 2) {
    const [first, last] = [big.slices[0], big.slices.at(-1)!];
    const ratio = last.cpuSeconds / last.documents / (first.cpuSeconds / first.documents);
    lines.push(`${verdict(ratio <= TARGETS.bigEventSliceRatio)}  one big event: CPU per report, last ${SLICE.toLocaleString("en-US")} / first ${SLICE.toLocaleString("en-US")} ≤ ${TARGETS.bigEventSliceRatio}: ${fixed(ratio, 2)} (${fixed((1000 * last.cpuSeconds) / last.documents, 2)} / ${fixed((1000 * first.cpuSeconds) / first.documents, 2)} ms)`);
  }
  const largest = mixed.at(-1);
  if (largest) lines.push(`${verdict(largest.peakRssBytes <= TARGETS.peakRssBytes)}  peak RSS ≤ ${mb(TARGETS.peakRssBytes)} MB at ${largest.size.toLocaleString("en-US")}: ${mb(largest.peakRssBytes)} MB`);
  const wink = results.find((r) => r.kind === "wink");
  const same = wink && find("mixed", wink.size);
  if (wink && same) {
    const ratio = same.seconds / wink.seconds;
    lines.push(`${verdict(ratio <= TARGETS.winkRatio)}  full path ≤ ${TARGETS.winkRatio}× bare wink-nlp pass (${wink.size.toLocaleString("en-US")} articles): ${fixed(ratio, 2)}×`);
  }
  return lines;
}

/** `--only feeds`: the feed latency benchmark (bench/feeds-latency.ts), run as `npm run bench:feeds` runs it. */
const FEEDS = "feeds";

function runFeedsLatency(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./feeds-latency.ts", import.meta.url))], { stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`feeds latency benchmark exited with ${code}`))));
  });
}

function parseArgs(argv: string[]): { quick: boolean; sizes: number[]; only: JobKind[] | null; feeds: boolean } {
  const quick = argv.includes("--quick");
  const onlyAt = argv.indexOf("--only");
  const named = onlyAt >= 0 ? (argv[onlyAt + 1] ?? "").split(",") : null;
  const feeds = named?.includes(FEEDS) ?? false;
  const only = named ? (named.filter((k) => k !== FEEDS) as JobKind[]) : null;
  if (only && only.some((k) => !(k in LABELS))) {
    console.error(`E_BENCH_ONLY: --only takes stream kinds separated by commas: ${[...Object.keys(LABELS), FEEDS].join(", ")}`);
    process.exit(2);
  }
  const at = argv.indexOf("--sizes");
  let sizes = quick ? QUICK_SIZES : SIZES;
  if (at >= 0) {
    sizes = (argv[at + 1] ?? "").split(",").map((s) => Number(s.replace(/_/g, "")));
    if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
      console.error("E_BENCH_SIZES: --sizes takes positive whole numbers separated by commas, e.g. --sizes 1000,5000");
      process.exit(2);
    }
  }
  return { quick, sizes, only, feeds };
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf("--child");
  if (childAt >= 0) {
    const job = JSON.parse(process.argv[childAt + 1]) as Job;
    const result = job.kind === "wink" ? await measureWink(job) : await measureEscapewatch(job);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }

  if (process.argv.includes("--startup")) {
    const report = `# escapewatch start-up\n\n${machine()}\n\n${startupReport(measureStartup())}\n`;
    process.stdout.write(`\n${report}`);
    writeFileSync(fileURLToPath(new URL("./results-startup.md", import.meta.url)), report);
    return;
  }
  const { quick, sizes, only, feeds } = parseArgs(process.argv.slice(2));
  if (process.argv.includes("--store") || process.argv.includes("--workers")) return queueRuns(process.argv.slice(2), sizes);
  if (feeds) {
    await runFeedsLatency();
    if (only?.length === 0) return;
  }
  const stageAt = process.argv.indexOf("--stage");
  if (stageAt >= 0) {
    if (process.argv[stageAt + 1] !== "prepare") {
      console.error("E_BENCH_STAGE: --stage takes the stage to measure alone: --stage prepare");
      process.exit(2);
    }
    const { prepareStageReport, STAGE_DEFAULT_SIZE } = await import("./stage.ts");
    process.stdout.write(`${await prepareStageReport(process.argv.includes("--sizes") ? sizes[0] : STAGE_DEFAULT_SIZE)}\n`);
    return;
  }
  const winkSize = Math.max(...sizes.filter((n) => n <= WINK_MAX_SIZE), Math.min(...sizes));
  const jobs: Job[] = [
    ...sizes.map((size) => ({ kind: "mixed" as const, size })),
    { kind: "incident-only", size: INCIDENT_ONLY_SIZE },
    { kind: "incident-real", size: INCIDENT_ONLY_SIZE },
    { kind: "big-event", size: quick ? QUICK_BIG_EVENT_REPORTS : BIG_EVENT_REPORTS },
    { kind: "wink", size: winkSize },
  ].filter((job) => only === null || only.includes(job.kind as JobKind)) as Job[];
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
    "Synthetic streams from bench/stream.ts (seeded, ~600-word pages with web boilerplate, 10 % as HTML; " +
      "'real length and density': ~900-word relevant pages telling about four incidents each, as real reports do) and " +
      "bench/big-event.ts (thousands of reports of one breakout over 90 days, a few delivered late), " +
      "ingested as ingestPaths does (ingestRecords, 64 documents to a transaction) into a fresh SQLite store, incidents updated every " +
      `${UPDATE_EVERY} new documents and at the end. Seconds count the path only, not the generator. ` +
      "Peak RSS is the child process's maxRSS (includes Node, tsx and the loaded gazetteer).",
    "",
    table(results),
    "",
    ...results.filter((r) => r.kind === "big-event").flatMap((r) => [`Cost per report across the big event (${r.size.toLocaleString("en-US")} reports), merging included:`, "", sliceTable(r), ""]),
    "```",
    ...checks(results),
    "```",
    "",
    startupReport(measureStartup()),
    "",
  ].join("\n");
  process.stdout.write(`\n${report}`);
  const out = fileURLToPath(new URL(quick || only ? "./results-quick.md" : "./results.md", import.meta.url));
  writeFileSync(out, report);
  process.stderr.write(`bench: written to ${out}\n`);
}

/** `--store postgres --workers 1,2`: the mixed stream through the queue's workers, beside SQLite (bench/queue.ts). */
async function queueRuns(argv: string[], sizes: number[]): Promise<void> {
  const store = argv[argv.indexOf("--store") + 1];
  const workersAt = argv.indexOf("--workers");
  const workers = workersAt >= 0 ? (argv[workersAt + 1] ?? "").split(",").map(Number) : null;
  if ((argv.includes("--store") && store !== "postgres") || (workers && (!workers.length || workers.some((n) => !Number.isInteger(n) || n < 1)))) {
    console.error("E_BENCH_QUEUE: --store postgres --workers 1,2 (worker counts separated by commas) runs the mixed stream through the queue");
    process.exit(2);
  }
  const { queueBenchmark, saveQueueReport, QUEUE_BENCH_SIZES, QUEUE_BENCH_WORKERS } = await import("./queue.ts");
  const report = await queueBenchmark({
    sizes: argv.includes("--sizes") ? sizes : QUEUE_BENCH_SIZES,
    workers: workers ?? QUEUE_BENCH_WORKERS,
    sqlite: (size) => runChild({ kind: "mixed", size }),
    machine: machine(),
  });
  process.stdout.write(`\n${report}`);
  process.stderr.write(`bench: written to ${saveQueueReport(report)}\n`);
}

await main();
