// Review actions over reports written for these tests, through the real pipeline: a corrected
// count that a later report contradicts is flagged and kept; a document judged not relevant stays
// out after re-ingest; a rejected incident leaves the data and /api/changes says so; roles decide
// who may do what; the command line manages users and reviews.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../src/store/open.ts";
import { ingestRecord } from "../src/ingest/pipeline.ts";
import { rebuildAllIncidents, updateIncidents } from "../src/incidents/update.ts";
import { validatedApp } from "../src/server/openapi.testing.ts";
import { addUser } from "../src/review/users.ts";
import { runCli } from "../src/cli/testing.ts";
import type { RawRecord } from "../src/model/doc.ts";
import type { Store } from "../src/store/store.ts";

const report = (id: string, published: string, text: string): RawRecord => ({ id, origin: "review-actions.test", url: null, html: null, title: text.split("\n")[0], published, text });

const FIRST = report(
  "kk-first",
  "2025-05-10",
  "Jailbreak in Kogi\n\nTwelve inmates escaped from Koton Karfe prison in Kogi State on Friday, the Nigerian Correctional Service said in a statement.",
);
const SECOND = report(
  "kk-second",
  "2025-05-11",
  "More inmates fled Kogi prison, residents say\n\nThirty inmates escaped from Koton Karfe prison on Friday night, residents of the town said on Saturday.",
);
const OTHER = report(
  "kk-other",
  "2025-05-12",
  "Guards fired at Kuje\n\nFour inmates escaped from Kuje prison in Abuja on Sunday, the prison service said.",
);

async function filled(): Promise<Store> {
  const store = await openStore(":memory:");
  await ingestRecord(store, FIRST);
  await ingestRecord(store, OTHER);
  await updateIncidents(store);
  return store;
}

const ADMIN = "admin-secret-0123456789abcdef";

async function client(store: Store) {
  const app = validatedApp({ store, token: ADMIN });
  return async (method: string, path: string, token: string | null, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
}

test("a corrected count that a later report contradicts is flagged, and the correction stays", async () => {
  const store = await filled();
  try {
    const call = await client(store);
    const token = await addUser(store, "ana", "reviewer");
    const [escape] = await store.listIncidents({ document: FIRST.id });
    assert.ok(escape, "the first report yields an escape");
    const edited = await call("PATCH", `/api/incidents/${escape.id}`, token, { changes: { counts: { escaped: { best: 15 } } }, note: "The service later said fifteen." });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.deepEqual(edited.body.incident.review.flagged, []);

    await ingestRecord(store, SECOND);
    await updateIncidents(store);
    const now = (await store.getIncident(escape.id))!;
    assert.ok(now.documents.includes(SECOND.id), "the second report joined");
    const escaped = now.counts.find((c) => c.quantity === "escaped")!;
    assert.equal(escaped.best, 15, "the reviewer's figure stays");
    assert.equal(escaped.claims.length, 2, "with both claims as evidence");
    assert.deepEqual(now.review?.flagged.map((f) => f.field), ["counts.escaped"]);
    assert.deepEqual(now.review?.newDocuments, [SECOND.id]);

    // Back in the queue for another look, until a reviewer confirms it again.
    const queued = async () => (await call("GET", "/api/review/queue?limit=50", null)).body.items as Array<{ id: string; reviewed: boolean }>;
    assert.deepEqual((await queued()).find((i) => i.id === escape.id)?.reviewed, true);
    assert.equal((await call("POST", `/api/incidents/${escape.id}/review`, token, { action: "confirm", note: "Fifteen stands." })).status, 200);
    const confirmed = (await store.getIncident(escape.id))!;
    assert.deepEqual([confirmed.review?.flagged, confirmed.review?.newDocuments], [[], []]);
    assert.equal(confirmed.counts.find((c) => c.quantity === "escaped")?.best, 15);
    assert.equal((await queued()).find((i) => i.id === escape.id), undefined);
  } finally {
    await store.close();
  }
});

test("not relevant: the document's incidents lose it, after a rebuild too; reject: the incident is deleted", async () => {
  const store = await filled();
  try {
    const call = await client(store);
    const token = await addUser(store, "ben", "reviewer");
    await ingestRecord(store, SECOND);
    await updateIncidents(store);
    const [escape] = await store.listIncidents({ document: FIRST.id });
    assert.deepEqual(escape.documents, [FIRST.id, SECOND.id]);

    const judged = await call("POST", `/api/documents/${SECOND.id}/not-relevant`, token, { note: "Rumour, not a report." });
    assert.equal(judged.status, 200);
    assert.ok(judged.body.incidents.includes(escape.id));
    await rebuildAllIncidents(store);
    assert.deepEqual((await store.getIncident(escape.id))?.documents, [FIRST.id]);
    assert.deepEqual(await store.listIncidents({ document: SECOND.id }), []);

    const [kuje] = await store.listIncidents({ document: OTHER.id });
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const rejected = await call("POST", `/api/incidents/${kuje.id}/review`, token, { action: "reject", note: "A drill, not an escape." });
    assert.deepEqual([rejected.status, rejected.body.incident], [200, null]);
    await rebuildAllIncidents(store);
    assert.equal(await store.getIncident(kuje.id), null, "rejected stays rejected");
    const changes = await call("GET", `/api/changes?since=${since}`, null);
    assert.deepEqual(changes.body.items.map((c: { id: string; change: string }) => [c.id, c.change]), [[kuje.id, "deleted"]]);
    const history = await call("GET", `/api/incidents/${kuje.id}/history`, null);
    assert.deepEqual(history.body.revisions.at(-1).by, "ben");
  } finally {
    await store.close();
  }
});

test("roles: readers read, reviewers review, admins also ingest; bad requests name what is wrong", async () => {
  const store = await filled();
  try {
    const call = await client(store);
    const reader = await addUser(store, "rui", "reader");
    const reviewer = await addUser(store, "ana", "reviewer");
    const admin = await addUser(store, "ada", "admin");
    const [escape] = await store.listIncidents({ document: FIRST.id });
    const confirm = (token: string | null) => call("POST", `/api/incidents/${escape.id}/review`, token, { action: "confirm" });
    assert.equal((await confirm(reader)).status, 403);
    assert.equal((await confirm(null)).status, 401);
    assert.equal((await confirm(reviewer)).status, 200);
    assert.equal((await confirm(admin)).status, 200);
    assert.equal((await confirm(ADMIN)).status, 200, "ESCAPEWATCH_TOKEN is an admin's");
    assert.equal((await confirm(ADMIN)).status, 200);
    const authors = (await store.incidentHistory(escape.id)).filter((r) => r.action === "confirm").map((r) => r.by);
    assert.deepEqual(authors, ["ana", "ada", "admin", "admin"], "each confirmation is a revision: who checked it last, and when");
    const decisions = (await store.reviewDecisions()).map((d) => d.by);
    assert.deepEqual(decisions, ["ana", "ada", "admin", "admin"], "every decision records who made it");
    const post = (token: string) => call("POST", "/api/documents", token, { id: "x", text: "Nothing happened." });
    assert.equal((await post(reviewer)).status, 403, "reviewers do not ingest");
    assert.equal((await call("GET", "/api/feeds", reviewer)).status, 403);
    assert.equal((await call("GET", "/api/review/queue?limit=2", reader)).status, 200);

    const bad: Array<[string, string, unknown, number, string]> = [
      ["POST", `/api/incidents/${escape.id}/review`, { action: "approve" }, 400, "E_BAD_BODY"],
      ["POST", "/api/incidents/inc_missing/review", { action: "confirm" }, 404, "E_NOT_FOUND"],
      ["PATCH", `/api/incidents/${escape.id}`, { changes: { status: "planned" } }, 400, "E_BAD_BODY"],
      ["PATCH", `/api/incidents/${escape.id}`, { changes: { colour: "red" }, note: "x" }, 400, "E_BAD_BODY"],
      ["POST", "/api/incidents/merge", { ids: [escape.id], note: "x" }, 400, "E_BAD_BODY"],
      ["POST", "/api/incidents/merge", { ids: [escape.id, escape.id], note: "x" }, 400, "E_BAD_BODY"],
      ["POST", `/api/incidents/${escape.id}/split`, { documents: [FIRST.id], note: "x" }, 400, "E_BAD_BODY"],
      ["POST", `/api/incidents/${escape.id}/split`, { documents: ["elsewhere"], note: "x" }, 400, "E_BAD_BODY"],
      ["POST", "/api/documents/missing/not-relevant", { note: "x" }, 404, "E_NOT_FOUND"],
      ["GET", "/api/changes?since=yesterday", undefined, 400, "E_BAD_QUERY"],
      ["GET", "/api/review/queue?limit=0", undefined, 400, "E_PAGE_TOO_LARGE"],
      ["GET", "/api/incidents/inc_never/history", undefined, 404, "E_NOT_FOUND"],
    ];
    bad.push(["PATCH", `/api/incidents/${escape.id}`, { changes: { status: "planned" }, note: "x".repeat(70_000) }, 413, "E_BODY_TOO_LARGE"]);
    for (const [method, path, body, status, code] of bad) {
      const res = await call(method, path, reviewer, body);
      assert.deepEqual([res.status, res.body.error?.code], [status, code], `${method} ${path} ${JSON.stringify(body)}`);
    }
  } finally {
    await store.close();
  }
});

test("the command line adds, lists and removes users, reviews, and exports reviewed incidents only", async () => {
  const dir = mkdtempSync(join(tmpdir(), "escapewatch-review-cli-"));
  const db = join(dir, "ew.db");
  try {
    const store = await openStore(db);
    await ingestRecord(store, FIRST);
    await ingestRecord(store, OTHER);
    await updateIncidents(store);
    const [escape] = await store.listIncidents({ document: FIRST.id });
    await store.close();

    const added = await runCli(["users", "add", "ana", "--role", "reviewer", "--db", db]);
    assert.equal(added.status, 0, added.err);
    assert.match(added.out, /^[A-Za-z0-9_-]{32}$/, "the token, alone on standard output");
    assert.equal((await runCli(["users", "add", "ana", "--role", "reader", "--db", db])).status, 1);
    for (const args of [["bad name!", "--role", "reader"], ["escapewatch", "--role", "reader"], ["bo", "--role", "owner"]]) {
      assert.equal((await runCli(["users", "add", ...args, "--db", db])).status, 2, args.join(" "));
    }
    const listed = await runCli(["users", "list", "--json", "--db", db]);
    assert.deepEqual(JSON.parse(listed.out).map((u: { name: string; role: string }) => [u.name, u.role]), [["ana", "reviewer"]]);
    assert.doesNotMatch(listed.out, new RegExp(added.out), "tokens are never listed");

    const confirmed = await runCli(["review", "confirm", escape.id, "--as", "ana", "--note", "checked", "--db", db]);
    assert.equal(confirmed.status, 0, confirmed.err);
    assert.equal((await runCli(["review", "merge", escape.id, "inc_missing", "--as", "ana", "--note", "x", "--db", db])).status, 1);
    const history = await runCli(["review", "history", escape.id, "--db", db]);
    assert.match(history.out, /ana {2}confirm {2}"checked"/);
    // The export streams to standard output past console.log: write a file and read it.
    const out = join(dir, "reviewed.json");
    assert.equal((await runCli(["export", "--format", "json", "--reviewed-only", "--out", out, "--db", db])).status, 0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    assert.deepEqual(json.incidents.map((i: { id: string; reviewed_by: string }) => [i.id, i.reviewed_by]), [[escape.id, "ana"]]);
    assert.equal((await runCli(["users", "remove", "ana", "--db", db])).status, 0);
    assert.equal((await runCli(["users", "remove", "ana", "--db", db])).status, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
