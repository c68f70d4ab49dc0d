// The review page's pure logic without a browser: the queue's order, the form turned into the
// PATCH body (only what changed, with a note, refused field by field when it makes no sense),
// history revisions as text diffs, and which key presses are shortcuts. Tables of input ->
// expected, with the cases that must not happen.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  diffRows,
  editableCounts,
  evidenceWeight,
  fieldLabel,
  formChanged,
  formFromIncident,
  markedPieces,
  nextInQueue,
  orderQueue,
  patchFromForm,
  shortcutFor,
  splitActors,
  valueText,
  type KeyPress,
  type ReviewForm,
  type ReviewIncident,
} from "../../web/src/review.ts";

function incident(id: string, extra: Partial<ReviewIncident> = {}): ReviewIncident {
  return {
    id,
    type: "escape",
    status: "occurred",
    facility: { id: "kanta-prison", name: "Kanta prison" },
    place: { name: "Kanta", admin1: null, country: "NG" },
    date: { earliest: "2025-04-02", latest: "2025-04-03" },
    actors: ["armed men", "Nigerian police"],
    counts: [
      { quantity: "escaped", group: null, low: 40, best: 44, high: 50, claims: 2 },
      { quantity: "killed", group: "security_forces", low: 2, best: 2, high: 2, claims: 1 },
    ],
    documents: ["report-a", "report-b"],
    ...extra,
  };
}

describe("the queue puts the incidents that most need a person first", () => {
  test("unreviewed before reviewed, disputed before agreed, thin evidence before thick", () => {
    const items = [
      incident("reviewed-disputed", { reviewed: true, status: "disputed" }),
      incident("agreed-thick", { evidence: 9 }),
      incident("agreed-thin", { evidence: 1 }),
      incident("disputed-figure", { counts: [{ quantity: "escaped", low: 12, best: 12, high: 35, disputed: true, claims: 2 }], evidence: 5 }),
      incident("disputed-status", { status: "disputed", evidence: 7 }),
    ];
    assert.deepEqual(orderQueue(items).map((i) => i.id), ["disputed-figure", "disputed-status", "agreed-thin", "agreed-thick", "reviewed-disputed"]);
  });

  test("ties keep the server's order", () => {
    const items = ["b", "a", "c"].map((id) => incident(id, { evidence: 3 }));
    assert.deepEqual(orderQueue(items).map((i) => i.id), ["b", "a", "c"]);
  });

  test("evidence: the server's number, its parts, or reports and claims counted here", () => {
    assert.equal(evidenceWeight(incident("n", { evidence: 4 })), 4);
    assert.equal(evidenceWeight(incident("o", { evidence: { documents: 2, claims: 3 } })), 5);
    assert.equal(evidenceWeight(incident("counted")), 2 + 3);
    assert.equal(evidenceWeight({ counts: [{ quantity: "held", low: 1, best: 1, high: 1, claims: [{}, {}] }], documents: ["d"] }), 3);
  });

  test("next and previous wrap around; an unknown current starts at the top", () => {
    const queue = [{ id: "a" }, { id: "b" }, { id: "c" }];
    assert.equal(nextInQueue(queue, "a"), "b");
    assert.equal(nextInQueue(queue, "c"), "a");
    assert.equal(nextInQueue(queue, "a", -1), "c");
    assert.equal(nextInQueue(queue, "gone"), "a");
    assert.equal(nextInQueue([], "a"), null);
  });
});

describe("the form becomes a PATCH body of what the reviewer changed", () => {
  const base = incident("inc-1");
  const known = [
    { id: "kanta-prison", name: "Kanta prison" },
    { id: "kuje-prison", name: "Kuje prison" },
  ];
  const edit = (change: (form: ReviewForm) => void, note = "checked against the ministry's statement") => {
    const form = formFromIncident(base);
    change(form);
    form.note = note;
    return patchFromForm(base, form, known);
  };
  const changesOf = (result: ReturnType<typeof patchFromForm>) => {
    assert.ok(result.ok, JSON.stringify(result));
    return result.body.changes;
  };

  const table: Array<[string, (form: ReviewForm) => void, object]> = [
    ["a count's best", (f) => (f.counts.escaped.best = "41"), { counts: { escaped: { best: 41 } } }],
    ["low and high together", (f) => Object.assign(f.counts.escaped, { low: "38", high: "60" }), { counts: { escaped: { low: 38, high: 60 } } }],
    ["an emptied high: open-ended", (f) => (f.counts.escaped.high = ""), { counts: { escaped: { high: null } } }],
    ["thousands typed with a comma", (f) => Object.assign(f.counts.escaped, { high: "1,200" }), { counts: { escaped: { high: 1200 } } }],
    ["a quantity known only by a group's figure, under the quantity", (f) => Object.assign(f.counts.killed, { best: "3", high: "3" }), { counts: { killed: { best: 3, high: 3 } } }],
    ["a known facility by name, any case: its id", (f) => (f.facility = "kuje PRISON"), { facility_id: "kuje-prison" }],
    ["an unknown facility: its name", (f) => (f.facility = "Koton Karfe  prison"), { facility_name: "Koton Karfe prison" }],
    ["the type", (f) => (f.type = "attack"), { type: "attack" }],
    ["the status", (f) => (f.status = "planned"), { status: "planned" }],
    ["the place", (f) => (f.place = "Kebbi"), { place: "Kebbi" }],
    ["one end of the window sends both", (f) => (f.dateEnd = "2025-04-05"), { date_start: "2025-04-02", date_end: "2025-04-05" }],
    ["an emptied last day: a single day", (f) => Object.assign(f, { dateStart: "2025-04-03", dateEnd: "" }), { date_start: "2025-04-03", date_end: "2025-04-03" }],
    ["actors, trimmed and deduplicated", (f) => (f.actors = " armed men ,Nigerian police, bandits, bandits"), { actors: ["armed men", "Nigerian police", "bandits"] }],
  ];
  for (const [name, change, expected] of table) test(name, () => assert.deepEqual(changesOf(edit(change)), expected));

  test("the note goes along, trimmed", () => {
    const result = edit((f) => (f.counts.escaped.best = "41"), "  the police gave 41  ");
    assert.ok(result.ok);
    assert.equal(result.body.note, "the police gave 41");
  });

  test("untouched fields are never sent, even when the form holds them reformatted", () => {
    assert.deepEqual(changesOf(edit((f) => Object.assign(f, { actors: "armed men,Nigerian police", facility: " Kanta prison ", type: "riot" }))), { type: "riot" });
  });

  const refused: Array<[string, (form: ReviewForm) => void, string, string?]> = [
    ["no note", (f) => (f.counts.escaped.best = "41"), "note", "   "],
    ["nothing changed", () => {}, "form"],
    ["a negative count", (f) => (f.counts.escaped.low = "-3"), "counts.escaped.low"],
    ["a fraction", (f) => (f.counts.escaped.best = "4.5"), "counts.escaped.best"],
    ["words for a number", (f) => (f.counts.escaped.best = "dozens"), "counts.escaped.best"],
    ["an absurd count", (f) => (f.counts.escaped.high = "99999999999"), "counts.escaped.high"],
    ["low above best", (f) => (f.counts.escaped.low = "45"), "counts.escaped.low"],
    ["high below best", (f) => (f.counts.escaped.high = "43"), "counts.escaped.high"],
    ["the last day before the first", (f) => (f.dateEnd = "2025-04-01"), "dateEnd"],
    ["a date that does not exist", (f) => (f.dateStart = "2025-02-30"), "dateStart"],
    ["a date in another format", (f) => (f.dateStart = "02/04/2025"), "dateStart"],
    ["an emptied facility", (f) => (f.facility = "  "), "facility"],
    ["an unknown type", (f) => (f.type = "party"), "type"],
    ["an unknown status", (f) => (f.status = "maybe"), "status"],
  ];
  for (const [name, change, field, note] of refused) {
    test(`refused: ${name} (${field})`, () => {
      const result = edit(change, note);
      assert.ok(!result.ok, `accepted: ${JSON.stringify(result)}`);
      assert.ok(result.errors.some((e) => e.field === field), JSON.stringify(result.errors));
      assert.ok(result.errors.every((e) => e.message.length > 10));
    });
  }

  test("a note is required even for a valid correction, and every error is listed at once", () => {
    const form = formFromIncident(base);
    form.counts.escaped.best = "x";
    form.dateEnd = "2025-01-01";
    const result = patchFromForm(base, form, known);
    assert.ok(!result.ok);
    assert.deepEqual(result.errors.map((e) => e.field).sort(), ["counts.escaped.best", "dateEnd", "note"]);
  });

  test("a changed form is told from an untouched one, whatever the note", () => {
    const untouched = formFromIncident(base);
    assert.equal(formChanged(base, untouched), false);
    assert.equal(formChanged(base, { ...untouched, note: "a note alone changes nothing" }), false);
    assert.equal(formChanged(base, { ...untouched, status: "planned" }), true);
    assert.equal(formChanged(base, { ...untouched, counts: { ...untouched.counts, escaped: { ...untouched.counts.escaped, best: "oops" } } }), true, "an invalid edit is still an edit");
  });

  test("derived figures are not in the form: escapewatch computes them", () => {
    const withDerived = incident("d", { counts: [...base.counts, { quantity: "at_large", low: 4, best: 4, high: 4, derived: true, claims: 0 }] });
    assert.deepEqual(Object.keys(formFromIncident(withDerived).counts), ["escaped", "killed"]);
  });

  test("one figure per quantity, as the server edits it: the overall count before a group's", () => {
    const grouped = incident("g", {
      counts: [
        { quantity: "killed", group: "security_forces", low: 2, best: 2, high: 2 },
        { quantity: "killed", group: null, low: 9, best: 9, high: 9 },
        { quantity: "killed", group: "attackers", low: 7, best: 7, high: 7 },
      ],
    });
    assert.deepEqual(editableCounts(grouped).map((c) => [c.quantity, c.group]), [["killed", null]]);
    assert.deepEqual(formFromIncident(grouped).counts, { killed: { best: "9", low: "9", high: "9" } });
  });

  test("an incident without facility, place or date opens with empty fields", () => {
    const bare = incident("bare", { facility: null, place: null, date: null, actors: undefined, counts: [] });
    assert.deepEqual(formFromIncident(bare), { type: "escape", facility: "", place: "", dateStart: "", dateEnd: "", status: "occurred", actors: "", counts: {}, note: "" });
  });

  test("actors split on commas and lines", () => assert.deepEqual(splitActors("a,\nb ,, a\n  c  d "), ["a", "b", "c d"]));
});

describe("a revision reads as a diff of text", () => {
  test("fields and values in words", () => {
    const rows = diffRows({
      changes: [
        { field: "counts.escaped.best", before: 35, after: 12 },
        { field: "facility", before: { id: "x", name: "Ghwayran prison", kind: "prison" }, after: { id: "y", name: "Hasakah central prison" } },
        { field: "date", before: { earliest: "2025-03-01", latest: "2025-03-02" }, after: { earliest: "2025-03-01", latest: "2025-03-01" } },
        { field: "counts.escaped", before: { low: 12, best: 12, high: 35 }, after: { low: 12, best: 20, high: 35 } },
        { field: "actors", before: ["IS"], after: [] },
        { field: "status", before: "disputed", after: "occurred" },
        { field: "reviewed", before: false, after: true },
        { field: "counts.killed.security_forces", before: null, after: { low: 4, best: 4, high: 4, claims: 1 } },
        { field: "reviewedBy", before: null, after: "alice" },
        { field: "date_end", before: "2025-03-02", after: "2025-03-05" },
      ],
    });
    assert.deepEqual(
      rows.map((r) => [r.label, r.before, r.after]),
      [
        ["escaped, best", "35", "12"],
        ["Facility", "Ghwayran prison", "Hasakah central prison"],
        ["Date window", "2025-03-01 – 2025-03-02", "2025-03-01"],
        ["escaped", "12–35", "20 (12–35)"],
        ["Actors", "IS", "—"],
        ["Status", "disputed", "occurred"],
        ["Reviewed", "no", "yes"],
        ["killed (security forces)", "—", "4"],
        ["Reviewed by", "—", "alice"],
        ["Last day", "2025-03-02", "2025-03-05"],
      ],
    );
  });

  test("a change that reads the same before and after is not a row", () => {
    assert.deepEqual(diffRows({ changes: [{ field: "actors", before: [], after: null }] }), []);
  });

  test("markup in a value stays text", () => {
    const payload = '<img src=x onerror="alert(1)">';
    const [row] = diffRows({ changes: [{ field: "place", before: "Mosul", after: payload }] });
    assert.equal(row.after, payload);
  });

  test("labels for counts by any spelling of the path", () => {
    assert.equal(fieldLabel("counts.at_large.low"), "at large, low");
    assert.equal(fieldLabel("count[held]"), "held");
    assert.equal(fieldLabel("counts.killed.civilians"), "killed (civilians)");
    assert.equal(fieldLabel("counts.killed.civilians.best"), "killed (civilians), best");
    assert.equal(fieldLabel("facility_name"), "Facility");
    assert.equal(fieldLabel("some_new_field"), "Some new field");
  });

  test("unknown objects read as their fields", () => assert.equal(valueText({ a: 1, b: "x" }), "a: 1; b: x"));
});

describe("shortcuts never fire while typing", () => {
  const table: Array<[KeyPress, string | null]> = [
    [{ key: "c", targetTag: "BODY" }, "confirm"],
    [{ key: "x", targetTag: "BUTTON" }, "reject"],
    [{ key: "j", targetTag: "A" }, "next"],
    [{ key: "n", targetTag: "BODY" }, "next"],
    [{ key: "k", targetTag: "BODY" }, "previous"],
    [{ key: "?", targetTag: "BODY" }, "help"],
    [{ key: "c", targetTag: "INPUT", targetType: "checkbox" }, "confirm"],
    [{ key: "Escape", targetTag: "TEXTAREA" }, "close"],
    [{ key: "c", targetTag: "TEXTAREA" }, null],
    [{ key: "c", targetTag: "INPUT", targetType: "text" }, null],
    [{ key: "j", targetTag: "INPUT", targetType: "number" }, null],
    [{ key: "x", targetTag: "INPUT" }, null],
    [{ key: "n", targetTag: "SELECT" }, null],
    [{ key: "c", targetTag: "DIV", targetEditable: true }, null],
    [{ key: "c", targetTag: "BODY", ctrlKey: true }, null],
    [{ key: "c", targetTag: "BODY", metaKey: true }, null],
    [{ key: "j", targetTag: "BODY", altKey: true }, null],
    [{ key: "C", targetTag: "BODY" }, null],
    [{ key: "q", targetTag: "BODY" }, null],
  ];
  for (const [press, expected] of table) test(`${JSON.stringify(press)} -> ${expected}`, () => assert.equal(shortcutFor(press), expected));
});

describe("a report's text with the incident's claims marked", () => {
  const TEXT = "Police said 14 escaped. The governor said 20 escaped. Nothing else.";
  const span = (phrase: string) => ({ start: TEXT.indexOf(phrase), end: TEXT.indexOf(phrase) + phrase.length });
  const plan = (spans: Array<{ start: number; end: number }>) => markedPieces(TEXT, spans).map((p) => (p.marked ? `[${p.text}]` : p.text)).join("");

  test("each claim's sentence is marked, the rest stays plain", () =>
    assert.equal(plan([span("Police said 14 escaped."), span("The governor said 20 escaped.")]), "[Police said 14 escaped.] [The governor said 20 escaped.] Nothing else."));
  test("overlapping and repeated spans make one mark", () =>
    assert.equal(plan([span("The governor said 20"), span("said 20 escaped."), span("said 20 escaped.")]), "Police said 14 escaped. [The governor said 20 escaped.] Nothing else."));
  test("spans past the end are clipped; empty and reversed ones ignored", () =>
    assert.equal(plan([{ start: TEXT.indexOf("Nothing"), end: TEXT.length + 50 }, { start: 3, end: 3 }, { start: 9, end: 2 }]), "Police said 14 escaped. The governor said 20 escaped. [Nothing else.]"));
  test("no spans: the text as it is", () => assert.deepEqual(markedPieces(TEXT, []), [{ text: TEXT, marked: false }]));
  test("the pieces always rebuild the text", () => {
    const spans = [span("14 escaped. The"), span("governor"), { start: 0, end: 5 }, { start: 60, end: 99 }];
    assert.equal(markedPieces(TEXT, spans).map((p) => p.text).join(""), TEXT);
  });
});
