// The start-up part of `npm run bench`: what one command costs as a whole process (Node's own
// start, loading the CLI, the gazetteer, one report through the whole path into a fresh store),
// next to `node -e 0` on the same machine at the same moment. The runs of each command alternate,
// so a busy machine slows all of them alike. CPU (user + system of the child, from /proc) is the
// mean of the middle half of the runs: Linux counts a child's CPU in ticks of 10 ms, a sixth of
// `node -e 0`, so one run's figure (and a median of them) moves by a sixth with the tick it lands
// on, while over the runs the ticks even out; the slowest and fastest quarters, where a busy
// machine puts its outliers, are left out. Wall is the median.
//
//   npm run bench -- --startup          this part only
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Issue 16: one report from the command line costs at most this many times `node -e 0`. */
export const STARTUP_TARGET_RATIO = 8;
/** Runs of each command. */
export const STARTUP_RUNS = 12;
/** Runs left out of the CPU mean at either end: the fastest and the slowest quarter. */
const TRIMMED_FRACTION = 0.25;
/** Linux reports children's CPU time in clock ticks of 1/100 s (USER_HZ, fixed by its ABI). */
const CLOCK_TICKS_PER_SECOND = 100;
/** bin/escapewatch.js says this on stderr when it runs src/ through tsx instead of dist/. */
const FROM_SOURCE_NOTICE = "running src/ through tsx";

const BIN = fileURLToPath(new URL("../bin/escapewatch.js", import.meta.url));
const ONE_REPORT = fileURLToPath(new URL("./startup/one-report.txt", import.meta.url));

export interface StartupRow {
  label: string;
  wallSeconds: number;
  /** Null where /proc is not there to tell. */
  cpuSeconds: number | null;
}

export interface StartupResult {
  runs: number;
  node: StartupRow;
  help: StartupRow;
  ingest: StartupRow;
  /** True when the CLI ran src/ through tsx (dist/ missing or older than src/). */
  fromSource: boolean;
}

/** CPU seconds (user + system) of this process's finished children so far; null without /proc. */
function childrenCpuSeconds(): number | null {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    // Fields after the command name in parentheses; cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

interface Run {
  wallSeconds: number;
  cpuSeconds: number | null;
  stderr: string;
}

function timed(args: string[]): Run {
  const cpuBefore = childrenCpuSeconds();
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuAfter = childrenCpuSeconds();
  if (result.status !== 0) throw new Error(`bench startup: node ${args.join(" ")} exited with ${result.status}\n${result.stderr}`);
  return { wallSeconds, cpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore, stderr: result.stderr };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The mean of the middle runs (the interquartile mean): as steady as a median, finer than a tick. */
export function middleMean(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const cut = Math.floor(sorted.length * TRIMMED_FRACTION);
  const middle = sorted.slice(cut, sorted.length - cut);
  return middle.reduce((sum, v) => sum + v, 0) / middle.length;
}

function row(label: string, runs: Run[]): StartupRow {
  const cpu = runs.map((r) => r.cpuSeconds);
  return {
    label,
    wallSeconds: median(runs.map((r) => r.wallSeconds)),
    cpuSeconds: cpu.every((c) => c !== null) ? middleMean(cpu as number[]) : null,
  };
}

/** Runs `node -e 0`, `escapewatch --help` and `escapewatch ingest one-report.txt` (a fresh store each time), alternating. */
export function measureStartup(runs = STARTUP_RUNS): StartupResult {
  const node: Run[] = [];
  const help: Run[] = [];
  const ingest: Run[] = [];
  for (let i = 0; i < runs; i++) {
    node.push(timed(["-e", "0"]));
    help.push(timed([BIN, "--help"]));
    const dir = mkdtempSync(join(tmpdir(), "escapewatch-startup-"));
    try {
      ingest.push(timed([BIN, "ingest", ONE_REPORT, "--db", join(dir, "one.db")]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return {
    runs,
    node: row("node -e 0", node),
    help: row("escapewatch --help", help),
    ingest: row("escapewatch ingest one-report.txt (fresh store)", ingest),
    fromSource: ingest.some((r) => r.stderr.includes(FROM_SOURCE_NOTICE)),
  };
}

const seconds = (n: number | null) => (n === null ? "–" : n.toFixed(3));
const times = (n: number | null, base: number | null) => (n === null || base === null || base === 0 ? "–" : `${(n / base).toFixed(1)}×`);

/** The table and the target line, as markdown. */
export function startupReport(result: StartupResult): string {
  const { node } = result;
  const lines = [
    `Start-up: each command run ${result.runs} times, alternating. CPU is user + system of the child process, the mean of the middle half of the runs; wall is the median.` +
      (result.fromSource ? " **The CLI ran src/ through tsx (dist/ is missing or older than src/: run `npm run build`).**" : ""),
    "",
    "| command | wall s | CPU s | × node -e 0 (wall) | × node -e 0 (CPU) |",
    "|---|---:|---:|---:|---:|",
  ];
  for (const r of [result.node, result.help, result.ingest]) {
    lines.push(`| ${r.label} | ${seconds(r.wallSeconds)} | ${seconds(r.cpuSeconds)} | ${times(r.wallSeconds, node.wallSeconds)} | ${times(r.cpuSeconds, node.cpuSeconds)} |`);
  }
  const cpuRatio = result.ingest.cpuSeconds !== null && node.cpuSeconds ? result.ingest.cpuSeconds / node.cpuSeconds : null;
  const ratio = cpuRatio ?? result.ingest.wallSeconds / node.wallSeconds;
  const basis = cpuRatio === null ? "wall" : "CPU";
  lines.push("", "```", `${ratio <= STARTUP_TARGET_RATIO ? "PASS" : "MISS"}  one report from the command line ≤ ${STARTUP_TARGET_RATIO}× node -e 0 (${basis}): ${ratio.toFixed(1)}×`, "```");
  return lines.join("\n");
}
