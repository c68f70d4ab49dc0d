import { test } from "node:test";
import assert from "node:assert/strict";
import { applyEdit, editedFields, editFrom, EditError, fieldValue } from "./edits.ts";
import { compareQueueItems, evidenceScore, queueItem } from "./queue.ts";
import { ledgerOf, survivorOf, sourcesOf } from "./ledger.ts";
import { claimIn, ESCAPE_TEXT, makeCount, makeIncident } from "../store/store.fixtures.ts";

const ACCEPTED: Array<[string, unknown, string[]]> = [
  ["a type", { type: "attack" }, ["type"]],
  ["a gazetteer facility by id", { facility_id: "koton-karfe-prison" }, ["facility"]],
  ["a facility by name", { facility_name: "A prison nobody lists" }, ["facility"]],
  ["a place", { place: "Hasakah" }, ["place"]],
  ["a day", { date_start: "2025-03-02", date_end: "2025-03-02" }, ["date"]],
  ["only the end", { date_end: "2025-03-09" }, ["date"]],
  ["a status", { status: "disputed" }, ["status"]],
  ["actors", { actors: ["Islamic State"] }, ["actors"]],
  ["a count's best", { counts: { escaped: { best: 12 } } }, ["counts.escaped"]],
  ["an open range", { counts: { killed: { low: 3, high: null } } }, ["counts.killed"]],
];

for (const [name, changes, fields] of ACCEPTED) {
  test(`editFrom accepts ${name}`, () => assert.deepEqual(editedFields(editFrom(changes)), fields));
}

const REFUSED: Array<[string, unknown, RegExp]> = [
  ["not an object", "facility", /changes must be an object/],
  ["nothing", {}, /names no field/],
  ["an unknown field", { documents: [] }, /documents cannot be edited/],
  ["an unknown type", { type: "breakout" }, /type must be one of/],
  ["an unknown status", { status: "maybe" }, /status must be one of/],
  ["a date that is no day", { date_start: "2 March" }, /date_start must be a day/],
  ["an impossible day", { date_end: "2025-02-31x" }, /date_end must be a day/],
  ["a reversed window", { date_start: "2025-03-05", date_end: "2025-03-01" }, /must not be after/],
  ["an empty name", { facility_name: "  " }, /facility_name must be a non-empty string/],
  ["a long name", { place: "x".repeat(500) }, /at most 200/],
  ["actors not a list", { actors: "IS" }, /actors must be a list/],
  ["an unknown quantity", { counts: { fled: { best: 3 } } }, /quantity must be one of/],
  ["an unknown figure", { counts: { escaped: { mean: 3 } } }, /mean is not a figure/],
  ["a negative figure", { counts: { escaped: { best: -1 } } }, /non-negative integer/],
  ["a fractional figure", { counts: { escaped: { low: 1.5 } } }, /non-negative integer/],
];

for (const [name, changes, message] of REFUSED) {
  test(`editFrom refuses ${name}, naming the field`, () => assert.throws(() => editFrom(changes), (e: unknown) => e instanceof EditError && message.test(e.message)));
}

test("applyEdit sets a count's figures and clears its dispute; a best alone fixes the range", () => {
  const claims = [claimIn("d1", ESCAPE_TEXT, "12 inmates escaped", 12, 12, "Local officials")];
  const incident = makeIncident("inc-1", { status: "disputed", counts: [makeCount("escaped", claims, { disputed: true, low: 12, best: 12, high: 35 })] });
  const edited = applyEdit(incident, editFrom({ counts: { escaped: { best: 15 }, killed: { low: 2, best: 2, high: 4 } } }));
  assert.deepEqual(fieldValue(edited, "counts.escaped"), { low: 15, best: 15, high: 15 });
  assert.deepEqual(fieldValue(edited, "counts.killed"), { low: 2, best: 2, high: 4 });
  assert.equal(edited.counts[0].claims.length, 1, "the claims stay, as evidence");
  assert.equal(edited.status, "occurred", "no dispute is left");
  assert.deepEqual(fieldValue(incident, "counts.escaped"), { low: 12, best: 12, high: 35 }, "the incident given is not changed");
});

test("applyEdit: a gazetteer facility brings its place; an unknown one keeps the incident's", () => {
  const incident = makeIncident("inc-1");
  const known = applyEdit(incident, editFrom({ facility_id: "koton-karfe-prison" }));
  assert.equal(known.facility?.id, "koton-karfe-prison");
  assert.equal(known.place?.country, "NG");
  const unknown = applyEdit(incident, editFrom({ facility_name: "Old Mill Detention Site" }));
  assert.deepEqual([unknown.facility?.id, unknown.facility?.name, unknown.place?.name], ["reviewed-old-mill-detention-site", "Old Mill Detention Site", incident.place?.name]);
  const dated = applyEdit(incident, editFrom({ date_end: "2025-03-05" }));
  assert.deepEqual(dated.date, { earliest: "2025-03-03", latest: "2025-03-05" });
});

test("the queue puts disputed incidents first, then the thinnest evidence", () => {
  const claim = (source: string | null) => claimIn("d1", ESCAPE_TEXT, "12 inmates escaped", 12, 12, source);
  const thin = makeIncident("thin", { facility: null, date: null, documents: ["d1"] });
  const strong = makeIncident("strong", { documents: ["d1", "d2", "d3"], counts: [makeCount("escaped", [claim("A"), claim("B")])] });
  const disputed = makeIncident("disputed", { status: "disputed", documents: ["d1", "d2", "d3"] });
  assert.equal(evidenceScore(strong), 1);
  assert.ok(evidenceScore(thin) < 0.2);
  const order = [strong, thin, disputed].map(queueItem).sort(compareQueueItems).map((i) => i.id);
  assert.deepEqual(order, ["disputed", "thin", "strong"]);
});

test("the ledger: merges chain, later decisions win, and a merge cycle cannot loop", () => {
  const decision = (action: string, incident: string, payload: object, id: number) => ({ id, action: action as "merge", incident, document: null, payload: JSON.stringify(payload), by: "ana", at: `2025-03-05T12:00:0${id}.000Z`, note: null });
  const ledger = ledgerOf([decision("merge", "a", { absorbed: "b" }, 1), decision("merge", "c", { absorbed: "a" }, 2), decision("merge", "b", { absorbed: "c" }, 3)]);
  assert.ok(["a", "b", "c"].includes(survivorOf(ledger, "b")), "a cycle ends");
  const plain = ledgerOf([decision("merge", "a", { absorbed: "b" }, 1), decision("merge", "c", { absorbed: "a" }, 2)]);
  assert.equal(survivorOf(plain, "b"), "c");
  assert.deepEqual(sourcesOf(plain, "c").sort(), ["a", "b", "c"]);
  assert.equal(plain.latest.get("c")?.action, "merge");
});
