// `npm run bench -- --store postgres --workers 1,2`: the mixed stream through the PostgreSQL
// queue and store, with 1 and 2 worker processes, beside the single-process SQLite ingest of the
// same stream. Each worker reports where its time went:
//   extraction   cleaning, dating, segmenting and extracting (CPU; the same work as SQLite's)
//   documents    store calls that look up and write documents (wall: PostgreSQL round trips)
//   merging      store calls of incident merging (wall), and merging's own planning (CPU, "other")
//   queue        everything outside a job: fetching and completing jobs, polling, waiting
// CPU seconds are the workers' own plus the PostgreSQL server backends serving the benchmark
// database (sampled from /proc every SAMPLE_MS, so a backend's last moments may be missed).
//
//   npm run bench -- --store postgres --workers 1,2                  10k mixed stream
//   npm run bench -- --store postgres --workers 1,2 --sizes 100000   the 100k stream (long)
//
// The server: ESCAPEWATCH_TEST_PG (an admin URL), else postgres://postgres@127.0.0.1:5432/postgres.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { Store } from "../src/store/store.ts";
import type { RawRecord } from "../src/model/doc.ts";
import type { DocumentStages } from "../src/ingest/stages.ts";
import { syntheticStream } from "./stream.ts";

export const QUEUE_BENCH_SIZES = [10_000];
export const QUEUE_BENCH_WORKERS = [1, 2];
const SAMPLE_MS = 250;
/** Records generated and enqueued per round. */
const ENQUEUE_CHUNK = 2_000;
const ADMIN_URL = process.env.ESCAPEWATCH_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** Store methods incident merging calls (src/incidents/update.ts); the rest of a job's store calls are document lookups and writes. */
const MERGE_METHODS = new Set(["dirtyBlocks", "mergeWork", "placedSince", "membersOf", "statesNear", "statesDated", "statesAttachedTo", "statesOf", "commitMerge", "publishedDays", "mentionsInBlocks"]);

/** What one worker process measured. */
export interface WorkerTimes {
  wall: number;
  cpu: number;
  warmup: number;
  jobs: number;
  documents: number;
  /** Inside jobs. */
  jobWall: number;
  jobCpu: number;
  extractionCpu: number;
  documentStoreWall: number;
  documentStoreCpu: number;
  mergeStoreWall: number;
  mergeStoreCpu: number;
  /** Wall seconds and calls per store method. */
  methods: Record<string, { wall: number; calls: number }>;
}

/** One row of the table: a SQLite single-process run or a queue run with N workers. */
export interface QueueBenchRow {
  label: string;
  size: number;
  wall: number;
  /** CPU of the escapewatch processes. */
  cpu: number;
  /** CPU of the PostgreSQL backends (null for SQLite). */
  serverCpu: number | null;
  enqueueWall: number | null;
  enqueueCpu: number | null;
  workers: WorkerTimes[];
  mergeWall: number | null;
  documents: number;
  incidents: number;
}

/** The single-process SQLite figures, from run.ts's mixed-stream measurement. */
export interface SqliteMixed {
  seconds: number;
  cpuSeconds: number;
  mergeSeconds: number;
  mergeCpuSeconds: number;
  documents: { new: number };
  incidents: number;
}

const elapsed = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
const cpuSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

// ---------------------------------------------------------------------------------------------
// Worker side: one `escapewatch worker`, instrumented.

/** The store with every call timed into `times`, by what it serves. */
function timedStore(store: Store, times: WorkerTimes): Store {
  return new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== "function" || typeof name !== "string" || name.startsWith("iterate")) return value;
      return async (...args: unknown[]) => {
        const [t, c] = [process.hrtime.bigint(), process.cpuUsage()];
        try {
          return await value.apply(target, args);
        } finally {
          const [wall, cpu] = [elapsed(t), cpuSince(c)];
          const method = (times.methods[name] ??= { wall: 0, calls: 0 });
          [method.wall, method.calls] = [method.wall + wall, method.calls + 1];
          if (MERGE_METHODS.has(name)) [times.mergeStoreWall, times.mergeStoreCpu] = [times.mergeStoreWall + wall, times.mergeStoreCpu + cpu];
          else [times.documentStoreWall, times.documentStoreCpu] = [times.documentStoreWall + wall, times.documentStoreCpu + cpu];
        }
      };
    },
  });
}

async function runWorker(url: string): Promise<void> {
  const { openStore } = await import("../src/store/open.ts");
  const { IngestQueue } = await import("../src/queue/ingest-queue.ts");
  const { runIngestWorker } = await import("../src/queue/ingest-jobs.ts");
  const { inProcessStages } = await import("../src/ingest/stages.ts");
  const { prepareDocument } = await import("../src/ingest/prepare.ts");
  const { extract } = await import("../src/extract/pipeline.ts");
  const times: WorkerTimes = { wall: 0, cpu: 0, warmup: 0, jobs: 0, documents: 0, jobWall: 0, jobCpu: 0, extractionCpu: 0, documentStoreWall: 0, documentStoreCpu: 0, mergeStoreWall: 0, mergeStoreCpu: 0, methods: {} };
  // The gazetteer indexes are built once per process: reported apart, as run.ts does.
  const warm = process.hrtime.bigint();
  const [sample] = syntheticStream(1, { incidentShare: 1, seed: 1 });
  extract(prepareDocument(sample));
  times.warmup = elapsed(warm);

  const timed = <A extends unknown[], R>(stage: (...args: A) => Promise<R>) => async (...args: A) => {
    const c = process.cpuUsage();
    try {
      return await stage(...args);
    } finally {
      times.extractionCpu += cpuSince(c);
    }
  };
  const stages: DocumentStages = { prepare: timed(inProcessStages.prepare), extract: timed(inProcessStages.extract) };
  const [t, c] = [process.hrtime.bigint(), process.cpuUsage()];
  const store = timedStore(await openStore(url), times);
  const queue = await IngestQueue.open(url);
  let job: { t: bigint; c: NodeJS.CpuUsage } | null = null;
  const summary = await runIngestWorker(store, queue, {
    exitWhenIdle: true,
    stages,
    onTaken: () => (job = { t: process.hrtime.bigint(), c: process.cpuUsage() }),
    onJob: () => {
      times.jobWall += elapsed(job!.t);
      times.jobCpu += cpuSince(job!.c);
      times.jobs += 1;
    },
  });
  await queue.close();
  await store.close();
  times.wall = elapsed(t);
  times.cpu = cpuSince(c);
  times.documents = summary.new + summary.known + summary.updated;
  process.stdout.write(`${JSON.stringify(times)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Parent side.

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** CPU seconds of a process so far (utime + stime from /proc), or null once it is gone. */
function processCpu(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    // utime and stime are fields 14 and 15 of stat; after the ") " split, indexes 11 and 12.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Follows the CPU of every backend serving `database` until stop() answers the total. */
function sampleServerCpu(database: string): { stop: () => Promise<number> } {
  const client = new pg.Client({ connectionString: ADMIN_URL, application_name: "escapewatch-bench-sampler" });
  // Backends are born with the benchmark's connections, so each one's CPU so far is all for it.
  const latest = new Map<number, number>();
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query("SELECT pid FROM pg_stat_activity WHERE datname = $1", [database]);
      for (const { pid } of rows as Array<{ pid: number }>) {
        const cpu = processCpu(pid);
        if (cpu !== null) latest.set(pid, cpu);
      }
      await new Promise((r) => setTimeout(r, SAMPLE_MS));
    }
    await client.end();
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return [...latest.values()].reduce((a, b) => a + b, 0);
    },
  };
}

function startWorker(url: string): Promise<WorkerTimes> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--queue-worker", url], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`bench worker exited with ${code}`));
      resolve(JSON.parse(out.trim().split("\n").pop()!) as WorkerTimes);
    });
  });
}

/** The stream through `workers` worker processes over a fresh PostgreSQL database. */
async function measureQueue(size: number, workers: number): Promise<QueueBenchRow> {
  const database = `escapewatch_bench_${process.pid}_${workers}_${size}`;
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${database}`);
  const url = Object.assign(new URL(ADMIN_URL), { pathname: `/${database}` }).toString();
  try {
    const { openStore } = await import("../src/store/open.ts");
    const { IngestQueue, jobsOf } = await import("../src/queue/ingest-queue.ts");
    // 1. The store's schema, then every record onto the queue (the generator is not timed).
    await (await openStore(url)).close();
    const queue = await IngestQueue.open(url);
    let [enqueueWall, enqueueCpu] = [0, 0];
    const stream = syntheticStream(size);
    for (let done = false; !done; ) {
      const chunk: RawRecord[] = [];
      for (let next = stream.next(); ; next = stream.next()) {
        if (next.done) {
          done = true;
          break;
        }
        if (chunk.push(next.value) >= ENQUEUE_CHUNK) break;
      }
      const [t, c] = [process.hrtime.bigint(), process.cpuUsage()];
      await queue.enqueue(jobsOf(chunk));
      [enqueueWall, enqueueCpu] = [enqueueWall + elapsed(t), enqueueCpu + cpuSince(c)];
    }
    await queue.close();
    // 2. The workers, all at once; the server's CPU for this database beside theirs.
    const server = sampleServerCpu(database);
    const t = process.hrtime.bigint();
    const times = await Promise.all(Array.from({ length: workers }, () => startWorker(url)));
    const wall = elapsed(t);
    const serverCpu = await server.stop();
    const store = await openStore(url);
    const [documents, incidents] = [await store.countDocuments(), await store.countIncidents()];
    await store.close();
    return {
      label: `PostgreSQL, ${workers} worker${workers > 1 ? "s" : ""}`,
      size,
      wall,
      cpu: times.reduce((s, w) => s + w.cpu, 0),
      serverCpu,
      enqueueWall,
      enqueueCpu,
      workers: times,
      mergeWall: times.reduce((s, w) => s + w.mergeStoreWall, 0),
      documents,
      incidents,
    };
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

const f = (n: number | null, digits = 1) => (n === null ? "–" : n.toFixed(digits));
const sum = (rows: WorkerTimes[], key: Exclude<keyof WorkerTimes, "methods">) => rows.reduce((s, w) => s + w[key], 0);

/** The store methods that took most of the workers' wall time, per run. */
function slowestMethods(rows: QueueBenchRow[]): string {
  const lines = ["| run | store method: wall s / calls (ms per call) |", "|---|---|"];
  for (const r of rows.filter((row) => row.workers.length)) {
    const total = new Map<string, { wall: number; calls: number }>();
    for (const w of r.workers) {
      for (const [name, m] of Object.entries(w.methods)) {
        const t = total.get(name) ?? { wall: 0, calls: 0 };
        total.set(name, { wall: t.wall + m.wall, calls: t.calls + m.calls });
      }
    }
    const top = [...total].sort((a, b) => b[1].wall - a[1].wall).slice(0, 6);
    lines.push(`| ${r.label} | ${top.map(([name, m]) => `${name} ${f(m.wall)} s / ${m.calls} (${f((1000 * m.wall) / m.calls, 2)})`).join("; ")} |`);
  }
  return lines.join("\n");
}

function table(rows: QueueBenchRow[]): string {
  const lines = [
    "| run | articles | wall s | articles / wall s | CPU s escapewatch | CPU s PostgreSQL | articles / CPU s (both) | enqueue wall s |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of rows) {
    const allCpu = r.cpu + (r.serverCpu ?? 0);
    lines.push(`| ${r.label} | ${r.size.toLocaleString("en-US")} | ${f(r.wall)} | ${f(r.size / r.wall, 0)} | ${f(r.cpu)} | ${f(r.serverCpu)} | ${f(r.size / allCpu, 0)} | ${f(r.enqueueWall)} |`);
  }
  return lines.join("\n");
}

/** Where the workers' time went, summed over the workers of each run. */
function breakdown(rows: QueueBenchRow[]): string {
  const lines = [
    "| run | worker wall s (sum) | in jobs | extraction CPU | documents: store wall | merging: store wall | other in jobs (merge planning, JSON) wall | queue and idle (outside jobs) wall | warm-up s |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of rows.filter((row) => row.workers.length)) {
    const w = r.workers;
    const [wall, job, extraction, docs, merge] = [sum(w, "wall"), sum(w, "jobWall"), sum(w, "extractionCpu"), sum(w, "documentStoreWall"), sum(w, "mergeStoreWall")];
    lines.push(`| ${r.label} | ${f(wall)} | ${f(job)} | ${f(extraction)} | ${f(docs)} | ${f(merge)} | ${f(job - extraction - docs - merge)} | ${f(wall - job)} | ${f(sum(w, "warmup"))} |`);
  }
  return lines.join("\n");
}

export async function queueBenchmark(opts: { sizes: number[]; workers: number[]; sqlite: (size: number) => Promise<SqliteMixed>; machine: string }): Promise<string> {
  const rows: QueueBenchRow[] = [];
  for (const size of opts.sizes) {
    process.stderr.write(`bench: SQLite, one process × ${size.toLocaleString("en-US")} ...\n`);
    const s = await opts.sqlite(size);
    rows.push({ label: "SQLite, one process", size, wall: s.seconds, cpu: s.cpuSeconds, serverCpu: null, enqueueWall: null, enqueueCpu: null, workers: [], mergeWall: s.mergeSeconds, documents: s.documents.new, incidents: s.incidents });
    for (const workers of opts.workers) {
      process.stderr.write(`bench: PostgreSQL queue, ${workers} worker(s) × ${size.toLocaleString("en-US")} ...\n`);
      rows.push(await measureQueue(size, workers));
    }
  }
  const mismatch = rows.filter((r) => rows.some((o) => o.size === r.size && (o.documents !== r.documents || o.incidents !== r.incidents)));
  return [
    "# escapewatch benchmark: PostgreSQL queue and workers",
    "",
    opts.machine,
    "",
    "The mixed stream of bench/stream.ts. SQLite: one process, as run.ts measures it (the path only, generator and start-up not counted). " +
      "PostgreSQL: the stream enqueued first (`ingest --queue`'s jobs of 16 records), then N worker processes at once over one database " +
      "until the queue is empty; wall is from the workers' start to the last one's exit, start-up included.",
    "",
    table(rows),
    "",
    "Where the workers' time went:",
    "",
    breakdown(rows),
    "",
    slowestMethods(rows),
    "",
    mismatch.length ? `MISMATCH: documents or incidents differ between runs of one size: ${mismatch.map((r) => `${r.label} ${r.documents}/${r.incidents}`).join(", ")}` : "Every run of a size stored the same documents and incidents.",
    "",
  ].join("\n");
}

if (process.argv.includes("--queue-worker")) await runWorker(process.argv[process.argv.indexOf("--queue-worker") + 1]);

/** Writes the report beside this file. */
export function saveQueueReport(report: string): string {
  const out = fileURLToPath(new URL("./results-queue.md", import.meta.url));
  writeFileSync(out, report);
  return out;
}
