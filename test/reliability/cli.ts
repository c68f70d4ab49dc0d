// Running the real CLI as a child process, for the crash-safety and hostile-file suites.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CLI = fileURLToPath(new URL("../../bin/escapewatch.js", import.meta.url));
/** A child still running after this is hung: it is killed and the test fails. */
export const CHILD_TIMEOUT_MS = 120_000;

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the watchdog had to kill it. */
  timedOut: boolean;
}

export interface RunningCli {
  child: ChildProcess;
  done: Promise<CliResult>;
}

/** Starts `escapewatch ...args`; `done` settles when it exits (or the watchdog kills it after `timeoutMs`). */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = CHILD_TIMEOUT_MS): RunningCli {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  let timedOut = false;
  const watchdog = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, timeoutMs);
  const done = new Promise<CliResult>((resolve) => {
    child.on("close", (code, signal) => {
      clearTimeout(watchdog);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
  return { child, done };
}

/** Runs `escapewatch ...args` to the end. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return startCli(args, env).done;
}

/** Documents stored so far, read through a short-lived read-only connection; null before the schema exists. */
export function storedDocumentCount(dbPath: string): number | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
    return (db.prepare("SELECT count(*) FROM documents").pluck().get() as number) ?? null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/** `PRAGMA integrity_check` and `foreign_key_check` of a database file. */
export function integrityOf(dbPath: string): { integrity: string[]; foreignKeyViolations: number } {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: (db.pragma("integrity_check") as Array<Record<string, unknown>>).map((row) => String(Object.values(row)[0])),
      foreignKeyViolations: (db.pragma("foreign_key_check") as unknown[]).length,
    };
  } finally {
    db.close();
  }
}
