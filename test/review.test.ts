// End to end through the real pipeline and the API (issue: analysts review the machine's work).
// Over the bundled sample reports, a reviewer corrects an incident's facility, date and a count,
// merges two incidents and splits one; then the same reports, a rebuild from scratch and a new
// report about the same event arrive: every decision holds, the history names each author, and
// /api/changes lists exactly the incidents that changed. Writes need a reviewer's token.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { openStore } from "../src/store/open.ts";
import { ingestPaths, ingestRecord } from "../src/ingest/pipeline.ts";
import { rebuildAllIncidents, updateIncidents } from "../src/incidents/update.ts";
import { validatedApp } from "../src/server/openapi.testing.ts";
import { addUser } from "../src/review/users.ts";
import type { Incident } from "../src/model/incident.ts";
import type { Store } from "../src/store/store.ts";
import type { RawRecord } from "../src/model/doc.ts";

const SAMPLES = join(import.meta.dirname, "..", "samples", "reports.jsonl");
const ADMIN_TOKEN = "admin-secret-0123456789abcdef";
const READ_TOKEN = "read-secret-0123456789abcdef";

/** A report written for this test about the Ghwayran escape of the samples, with its own figure. */
const NEW_REPORT: RawRecord = {
  origin: "review.test",
  url: null,
  html: null,
  id: "review-test-ghwayran-followup",
  title: "Hasakah officials give new escape figure",
  published: "2025-03-04",
  text:
    "Hasakah officials give new escape figure\n\n" +
    "HASAKAH, Syria, March 4 — Officials of the local administration said on Tuesday that 14 inmates escaped from Ghwayran prison on Sunday, revising the figure the Syrian Democratic Forces gave a day earlier.\n\n" +
    "The officials said the search for those still missing continued in the countryside south of the city.",
};

/** Published the day of the earliest sample about that escape, and ranked before it by id: merging would name the escape after it. */
const EARLY_REPORT: RawRecord = {
  origin: "review.test",
  url: null,
  html: null,
  id: "a-review-test-early-word",
  title: "Inmates flee Hasakah prison",
  published: "2025-03-02",
  text:
    "Inmates flee Hasakah prison\n\n" +
    "About 20 inmates escaped from Ghwayran prison in Hasakah on Sunday, a local official told reporters, adding that the roads out of the city had been closed.",
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const withoutVersion = ({ version: _v, ...rest }: Incident) => JSON.stringify(rest);

async function snapshot(store: Store): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const incident of store.iterateIncidents()) out.set(incident.id, withoutVersion(incident));
  return out;
}

async function find(store: Store, predicate: (i: Incident) => boolean, what: string): Promise<Incident> {
  for await (const incident of store.iterateIncidents()) if (predicate(incident)) return incident;
  throw new Error(`the samples no longer yield ${what}`);
}

test("reviews hold through re-ingest, a rebuild and a new report; history and changes tell them", async () => {
  const store = await openStore(":memory:");
  try {
    await ingestPaths(store, [SAMPLES]);
    const reviewerToken = await addUser(store, "ana", "reviewer");
    const readerToken = await addUser(store, "rui", "reader");
    const app = validatedApp({ store, token: ADMIN_TOKEN, readToken: READ_TOKEN });
    const call = async (method: string, path: string, token: string | null, body?: unknown) => {
      const res = await app.request(path, {
        method,
        headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    };

    const kogi = await find(store, (i) => i.type === "escape" && i.documents.includes("sample-ng-kogi-jailbreak") && !i.facility, "a Kogi escape without its facility");
    const attack = await find(store, (i) => i.type === "attack" && i.facility?.id === "ghwayran-prison", "the Ghwayran attack");
    const alert = await find(store, (i) => i.type === "alert" && i.documents.includes("sample-sy-hasakah-attack-a"), "the Hasakah alert");
    const escape = await find(store, (i) => i.type === "escape" && i.facility?.id === "ghwayran-prison", "the Ghwayran escape");
    assert.ok(escape.documents.includes("sample-iq-alert-border"), "the Iraqi border report is among the escape's");

    const before = await snapshot(store);
    await sleep(5);
    const since = new Date().toISOString();
    await sleep(5);

    // 1. Writes without a reviewer's token are refused; reader tokens read.
    assert.equal((await call("POST", `/api/incidents/${kogi.id}/review`, readerToken, { action: "confirm" })).status, 403);
    assert.equal((await call("POST", `/api/incidents/${kogi.id}/review`, READ_TOKEN, { action: "confirm" })).status, 403);
    assert.equal((await call("PATCH", `/api/incidents/${kogi.id}`, null, { changes: { status: "planned" }, note: "x" })).status, 401);
    assert.equal((await call("POST", "/api/incidents/merge", "not-a-token", { ids: [attack.id, alert.id], note: "x" })).status, 401);
    assert.equal((await call("GET", "/api/review/queue?limit=5", null)).status, 401, "this server's reads are private");
    const queue = await call("GET", "/api/review/queue?limit=100", readerToken);
    assert.equal(queue.status, 200);
    assert.equal(queue.body.total, before.size, "nothing is reviewed yet");
    assert.equal(queue.body.items[0].disputed, true, "disputed incidents come first");

    // 2. Correct the facility, the date and a count.
    const edit = await call("PATCH", `/api/incidents/${kogi.id}`, reviewerToken, {
      changes: { facility_id: "koton-karfe-prison", date_start: "2024-11-07", date_end: "2024-11-07", counts: { escaped: { best: 119 } } },
      note: "The report names Koton Karfe; the jailbreak was on 7 November; officials counted 119.",
    });
    assert.equal(edit.status, 200, JSON.stringify(edit.body));
    // 3. Merge the alert into the attack, split the Iraqi report off the escape, confirm the escape.
    const merged = await call("POST", "/api/incidents/merge", reviewerToken, { ids: [attack.id, alert.id], note: "The alert is the attack itself." });
    assert.deepEqual([merged.status, merged.body.id], [200, attack.id]);
    const split = await call("POST", `/api/incidents/${escape.id}/split`, reviewerToken, { documents: ["sample-iq-alert-border"], note: "The Iraqi report tells a border alert." });
    assert.equal(split.status, 200, JSON.stringify(split.body));
    const splitId: string = split.body.id;
    assert.notEqual(splitId, escape.id);
    assert.equal((await call("POST", `/api/incidents/${escape.id}/review`, reviewerToken, { action: "confirm", note: "Checked against both SDF and SOHR." })).status, 200);

    // 4. The same reports again, a rebuild from scratch, and a new report about the escape.
    assert.equal((await ingestPaths(store, [SAMPLES])).new, 0);
    await rebuildAllIncidents(store);
    assert.equal((await ingestRecord(store, NEW_REPORT)).status, "new");
    assert.equal((await ingestRecord(store, EARLY_REPORT)).status, "new");
    await updateIncidents(store);

    // 5. Every decision holds.
    const corrected = (await call("GET", `/api/incidents/${kogi.id}`, readerToken)).body.incident as Incident;
    assert.equal(corrected.facility?.id, "koton-karfe-prison");
    assert.deepEqual(corrected.date, { earliest: "2024-11-07", latest: "2024-11-07" });
    const escaped = corrected.counts.find((c) => c.quantity === "escaped")!;
    assert.deepEqual([escaped.low, escaped.best, escaped.high], [119, 119, 119]);
    assert.equal(corrected.reviewed, true);
    assert.equal(corrected.reviewedBy, "ana");
    assert.equal((await call("GET", `/api/incidents/${alert.id}`, readerToken)).status, 404, "the merged alert stays merged");
    const attackNow = (await store.getIncident(attack.id))!;
    assert.ok(attackNow.mentions.length >= attack.mentions.length + alert.mentions.length, "the attack holds the alert's report");
    const escapeNow = (await store.getIncident(escape.id))!;
    assert.ok(!escapeNow.documents.includes("sample-iq-alert-border"), "the split holds");
    assert.ok(escapeNow.documents.includes(NEW_REPORT.id), "the new report joined the escape");
    assert.ok(escapeNow.documents.includes(EARLY_REPORT.id), "a report ranking first joins under the reviewed id");
    assert.deepEqual((await store.listIncidents({ document: EARLY_REPORT.id })).map((i) => i.id), [escape.id]);
    assert.deepEqual(escapeNow.review?.newDocuments, [EARLY_REPORT.id, NEW_REPORT.id], "shown as new since the review");
    assert.equal(escapeNow.reviewed, true);
    const splitOff = (await store.getIncident(splitId))!;
    assert.deepEqual(splitOff.documents, ["sample-iq-alert-border"]);
    const exported = await app.request("/api/export?format=json&reviewed=true", { headers: { Authorization: `Bearer ${readerToken}` } });
    const reviewedOnly = (await exported.json()) as { incidents: Array<{ id: string; reviewed: boolean; reviewed_by: string | null; version: number }> };
    assert.deepEqual(reviewedOnly.incidents.map((i) => i.id).sort(), [attack.id, escape.id, kogi.id, splitId].sort());
    for (const i of reviewedOnly.incidents) assert.deepEqual([i.reviewed, i.reviewed_by, i.version === (i.id === splitId ? 1 : i.version) && i.version >= 1], [true, "ana", true], i.id);

    // 6. History names each change and its author.
    const history = async (id: string) => (await call("GET", `/api/incidents/${id}/history`, readerToken)).body.revisions as Array<{ by: string; action: string; note: string | null; changes: Array<{ field: string }> }>;
    const kogiHistory = await history(kogi.id);
    const editRevision = kogiHistory.find((r) => r.action === "edit")!;
    assert.equal(editRevision.by, "ana");
    assert.match(editRevision.note!, /Koton Karfe/);
    for (const field of ["facility", "date", "counts.escaped"]) assert.ok(editRevision.changes.some((c) => c.field === field), `the edit changed ${field}`);
    assert.equal(kogiHistory[0].by, "escapewatch");
    assert.deepEqual((await history(alert.id)).map((r) => [r.by, r.action]).at(-1), ["ana", "merge"]);
    assert.ok((await history(attack.id)).some((r) => r.by === "ana" && r.action === "merge"));
    assert.deepEqual((await history(splitId)).map((r) => [r.by, r.action]), [["ana", "split"]]);
    const escapeHistory = await history(escape.id);
    assert.deepEqual(escapeHistory.filter((r) => r.by === "ana").map((r) => r.action), ["split", "confirm"]);
    assert.equal(escapeHistory.at(-1)!.by, "escapewatch", "the new report's arrival is an automatic revision");

    // 7. /api/changes lists exactly the incidents that differ from the snapshot, once each.
    const after = await snapshot(store);
    const differing = new Set([...before.keys(), ...after.keys()].filter((id) => before.get(id) !== after.get(id)));
    const changes = await call("GET", `/api/changes?since=${encodeURIComponent(since)}`, readerToken);
    assert.equal(changes.status, 200);
    const items = changes.body.items as Array<{ id: string; change: string; version: number }>;
    assert.deepEqual(items.map((c) => c.id).sort(), [...differing].sort());
    const kind = (id: string) => items.find((c) => c.id === id)?.change;
    assert.deepEqual([kind(kogi.id), kind(attack.id), kind(alert.id), kind(escape.id), kind(splitId)], ["changed", "changed", "deleted", "changed", "created"]);
    for (const item of items) if (item.change !== "deleted") assert.equal(item.version, (await store.getIncident(item.id))!.version);
  } finally {
    await store.close();
  }
});
