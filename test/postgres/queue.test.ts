// Team-scale crash safety (issue 14): our sample reports, the ingest fixtures and a few thousand
// benchmark articles go on the PostgreSQL queue (`ingest --queue`); two `worker` processes take
// them at once, one is SIGKILLed mid-run and started again. The JSON export must equal the export
// of a single-process SQLite ingest of the same files: the same documents, the same incident ids,
// the same figures, whatever order the workers stored and merged in.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { syntheticStream } from "../../bench/stream.ts";
import { openStore } from "../../src/store/open.ts";
import { ingestPaths } from "../../src/ingest/pipeline.ts";
import { runCli as runCliInProcess } from "../../src/cli/testing.ts";
import { QUEUE_SCHEMA } from "../../src/queue/ingest-queue.ts";
import { REPO_ROOT, startCli, type CliResult } from "../reliability/cli.ts";
import { createTestDatabase, withPostgres } from "../../src/store/postgres/testing.ts";

/** Benchmark articles beside our own reports: enough for dozens of jobs, few enough for ~a minute. */
const GENERATED_ARTICLES = 2000;
/** A job held this long by the killed worker goes back to the queue (kept short for the test). */
const JOB_TIMEOUT_SECONDS = 6;
/** The first worker is killed once this share of the jobs is done, while it holds one. */
const KILL_AFTER_SHARE = 0.25;
const POLL_MS = 50;
/**
 * A worker still running after this is hung. Each takes about half the input: seconds on a quiet
 * machine, minutes on a shared one where every PostgreSQL round trip waits for a core.
 */
const WORKER_TIMEOUT_MS = 10 * 60_000;

let dir: string;
let inputs: string[];
let reference: Export;

interface Export {
  format: string;
  documents: Array<{ id: string }>;
  incidents: Array<{ id: string }>;
}

/**
 * The export without each incident's revision number (`version`): it counts the writes an
 * incident went through, which depends on how its reports were batched and in what order they
 * arrived. Ids, figures, claims and sources must not.
 */
function readExport(path: string): Export {
  const exported = JSON.parse(readFileSync(path, "utf8")) as Export;
  for (const incident of exported.incidents) delete (incident as { version?: unknown }).version;
  return exported;
}

await withPostgres(() => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "escapewatch-queue-"));
    const generated = join(dir, "bench.jsonl");
    const lines: string[] = [];
    for (const r of syntheticStream(GENERATED_ARTICLES)) {
      lines.push(JSON.stringify({ id: r.id, url: r.url, title: r.title, published: r.published, ...(r.html ? { html: r.html } : { text: r.text }) }));
    }
    writeFileSync(generated, lines.join("\n") + "\n");
    inputs = [join(REPO_ROOT, "samples"), join(REPO_ROOT, "test/fixtures/ingest"), generated];
    // The single-process SQLite ingest every queue run must equal.
    const store = await openStore(join(dir, "reference.db"));
    const summary = await ingestPaths(store, inputs);
    await store.close();
    assert.ok(summary.new > GENERATED_ARTICLES, `the inputs store as documents (${summary.new} new)`);
    const exported = await runCliInProcess(["export", "--format", "json", "--db", join(dir, "reference.db"), "--out", join(dir, "reference.json")]);
    assert.equal(exported.status, 0, exported.err);
    reference = readExport(join(dir, "reference.json"));
    assert.ok(reference.incidents.length > 50, "the inputs produce incidents");
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function jobStates(client: pg.Client): Promise<Record<string, number>> {
    const { rows } = await client.query(`SELECT state::text AS state, count(*)::int AS n FROM ${QUEUE_SCHEMA}.job GROUP BY state`);
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }

  function assertExited(result: CliResult, name: string): void {
    assert.equal(result.timedOut, false, `${name} hung:\n${result.stderr}`);
    assert.equal(result.code, 0, `${name} failed:\n${result.stderr}`);
  }

  test("two workers, one SIGKILLed mid-run and restarted, end with the single-process SQLite export", async () => {
    // One database holds the store and the queue, as in a team's set-up.
    const database = await createTestDatabase();
    const client = new pg.Client({ connectionString: database.url });
    try {
      const store = database.url;
      // 1. Everything onto the queue (the fixtures' broken records are rejected here, as by ingest).
      const queued = await runCliInProcess(["ingest", "--queue", "--db", store, "--queue-db", database.url, "--job-timeout", String(JOB_TIMEOUT_SECONDS), ...inputs]);
      const jobs = Number(/in (\d+) jobs/.exec(queued.out)?.[1]);
      assert.ok(jobs > 50, `the inputs make many jobs: ${queued.out}\n${queued.err}`);
      await client.connect();

      // 2. Two workers at once; the first is killed while it holds a job (its last line: taken).
      const worker = () => startCli(["worker", "--db", store, "--queue-db", database.url, "--exit-when-idle", "--verbose"], {}, WORKER_TIMEOUT_MS);
      const first = worker();
      const second = worker();
      let firstOut = "";
      first.child.stdout!.on("data", (chunk: string) => (firstOut += chunk));
      const holdsJob = () => /taken: \d+ records\n$/.test(firstOut);
      for (;;) {
        const states = await jobStates(client);
        if ((states.completed ?? 0) >= jobs * KILL_AFTER_SHARE && holdsJob()) break;
        if (first.child.exitCode !== null) assert.fail(`the first worker ended before it could be killed: ${JSON.stringify(await first.done)}`);
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      first.child.kill("SIGKILL");
      assert.equal((await first.done).signal, "SIGKILL");
      const restarted = worker();
      assertExited(await second.done, "the second worker");
      assertExited(await restarted.done, "the restarted worker");

      // 3. The killed worker's job was retried, and every job is done.
      const states = await jobStates(client);
      assert.deepEqual(Object.keys(states), ["completed"], `only completed jobs remain: ${JSON.stringify(states)}`);
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${QUEUE_SCHEMA}.job WHERE retry_count > 0`);
      assert.ok(rows[0].n >= 1, "the killed worker's job was retried");

      // 4. The same export as the single-process SQLite ingest: documents once each, same incidents.
      const out = join(dir, "team.json");
      const exported = await runCliInProcess(["export", "--format", "json", "--db", store, "--out", out]);
      assert.equal(exported.status, 0, exported.err);
      const team = readExport(out);
      assert.deepEqual(team.documents.map((d) => d.id), reference.documents.map((d) => d.id), "every document stored exactly once");
      assert.deepEqual(team.incidents.map((i) => i.id), reference.incidents.map((i) => i.id), "the same incident ids");
      for (const [k, incident] of team.incidents.entries()) assert.deepEqual(incident, reference.incidents[k], `incident ${incident.id}`);
      assert.deepEqual(team, reference);
      console.log(`# ${jobs} jobs, ${team.documents.length} documents, ${team.incidents.length} incidents`);
    } finally {
      await client.end().catch(() => {});
      await database.drop();
    }
  });
});
