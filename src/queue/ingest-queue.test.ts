import { test } from "node:test";
import assert from "node:assert/strict";
import type { RawRecord } from "../model/doc.ts";
import { JOB_BYTES, JOB_RECORDS, jobsOf } from "./ingest-queue.ts";
import { runCli } from "../cli/testing.ts";

const record = (id: string, chars: number): RawRecord => ({ id, origin: id, url: null, title: null, published: null, text: "x".repeat(chars), html: null });
const sizes = (records: RawRecord[]) => [...jobsOf(records)].map((job) => (JSON.parse(job.records) as RawRecord[]).map((r) => r.id).length);

test("records are cut into jobs of JOB_RECORDS at most", () => {
  const records = Array.from({ length: JOB_RECORDS * 2 + 3 }, (_, i) => record(`r${i}`, 10));
  assert.deepEqual(sizes(records), [JOB_RECORDS, JOB_RECORDS, 3]);
});

test("large records make smaller jobs, and one over JOB_BYTES is a job of its own", () => {
  const half = Math.floor(JOB_BYTES / 2) + 1;
  assert.deepEqual(sizes([record("a", half), record("b", half), record("c", 10)]), [1, 2]);
  assert.deepEqual(sizes([record("big", JOB_BYTES * 3), record("small", 10)]), [1, 1]);
  assert.deepEqual(sizes([]), []);
});

test("a record's text travels as JSON text: NUL characters and lone surrogates survive (jsonb refuses them)", () => {
  const odd = { ...record("odd", 0), text: "before\u0000after \ud800 end" };
  const [job] = [...jobsOf([odd], "2025-01-02")];
  assert.equal(typeof job.records, "string");
  assert.equal((JSON.parse(job.records) as RawRecord[])[0].text, odd.text);
  assert.equal(job.fallbackPublished, "2025-01-02");
});

test("ingest --queue without a PostgreSQL database says how to name one", async () => {
  const saved = process.env.ESCAPEWATCH_QUEUE_DB;
  delete process.env.ESCAPEWATCH_QUEUE_DB;
  try {
    const result = await runCli(["ingest", "--queue", "--db", "some.db", "samples"]);
    assert.equal(result.status, 1);
    assert.match(result.err, /E_QUEUE.*postgres:\/\//);
  } finally {
    if (saved !== undefined) process.env.ESCAPEWATCH_QUEUE_DB = saved;
  }
});
