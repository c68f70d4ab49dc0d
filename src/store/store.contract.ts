// The behaviour every Store implementation must show, as one node:test suite (kysely runs its
// tests for every dialect the same way). An implementation's test file calls
// `runStoreContract("sqlite", () => openStore(":memory:"))`; `makeStore` returns a migrated,
// empty store and is called once per test.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Incident } from "../model/incident.ts";
import type { IncidentFilter, IncidentState, MergeCommit, Placement, ReviewWrite, Store } from "./store.ts";
import {
  ESCAPE_TEXT,
  HASAKAH_TOWN,
  NORTH_PRISON,
  RIVER_CAMP,
  claimIn,
  makeCount,
  makeDoc,
  makeHolding,
  makeIncident,
  makeMention,
  sha256,
  stored,
} from "./store.fixtures.ts";

const ESCAPE_BLOCK = "escape|SY";
const ALERT_BLOCK = "alert|IQ";

export function runStoreContract(name: string, makeStore: () => Promise<Store>): void {
  /** Runs `body` against a fresh store and always closes it. */
  async function withStore(body: (store: Store) => Promise<void>): Promise<void> {
    const store = await makeStore();
    try {
      await body(store);
    } finally {
      await store.close();
    }
  }

  describe(`Store contract: ${name}`, () => {
    describe("documents", () => {
      test("migrate is safe to call again", () =>
        withStore(async (store) => {
          await store.migrate();
          await store.migrate();
          assert.equal(await store.countDocuments(), 0);
        }));

      test("addDocument stores the full document and getDocument returns it unchanged", () =>
        withStore(async (store) => {
          const doc = makeDoc("doc-a", { text: ESCAPE_TEXT, publishedOrigin: "dateline" });
          assert.equal(await store.addDocument(doc, [], []), "new");
          assert.deepEqual(await store.getDocument("doc-a"), doc);
          assert.equal(await store.getDocument("missing"), null);
          assert.equal(await store.hasContent(doc.contentHash), true);
          assert.equal(await store.hasContent(sha256("other")), false);
        }));

      test("the same content again is known and changes nothing, whatever its id", () =>
        withStore(async (store) => {
          const doc = makeDoc("doc-a");
          const mention = stored(makeMention("doc-a", "m1"), ESCAPE_BLOCK);
          assert.equal(await store.addDocument(doc, [mention], []), "new");
          await store.replaceIncidents([ESCAPE_BLOCK], []);
          assert.equal(await store.addDocument(doc, [mention], []), "known");
          assert.equal(await store.addDocument({ ...doc, id: "doc-a-copy" }, [mention], []), "known");
          assert.equal(await store.countDocuments(), 1);
          assert.deepEqual(await store.dirtyBlocks(), [], "a known document marks nothing dirty");
          assert.equal((await store.mentionsInBlocks([ESCAPE_BLOCK])).length, 1);
        }));

      test("addDocuments stores a batch in order, with known content inside and outside the batch", () =>
        withStore(async (store) => {
          const a = makeDoc("doc-a");
          assert.equal(await store.addDocument(a, [], []), "new");
          const b = makeDoc("doc-b", { text: ESCAPE_TEXT });
          const results = await store.addDocuments([
            { doc: a, mentions: [], holdings: [] },
            { doc: b, mentions: [stored(makeMention("doc-b", "m1"), ESCAPE_BLOCK)], holdings: [] },
            { doc: { ...b, id: "doc-b-copy" }, mentions: [], holdings: [] },
          ]);
          assert.deepEqual(results, ["known", "new", "known"]);
          assert.equal(await store.countDocuments(), 2);
          assert.deepEqual(await store.dirtyBlocks(), [ESCAPE_BLOCK]);
          assert.deepEqual(await store.addDocuments([]), []);
        }));

      test("new content under a known id is the document's next version; the old one stays in its history", () =>
        withStore(async (store) => {
          const first = makeDoc("page-1", { text: ESCAPE_TEXT });
          const updatedText = `${ESCAPE_TEXT}\n\nUpdate: four of the inmates were caught near the river.`;
          const updated = makeDoc("page-1", { text: updatedText, published: null, publishedOrigin: null });
          const claim = claimIn("page-1", updatedText, "12 inmates escaped", 12, 12, "Local officials");
          const mention = makeMention("page-1", "m2", { counts: [{ quantity: "escaped", group: null, claims: [claim] }] });
          const holding = makeHolding("page-1", NORTH_PRISON, "Syrian Democratic Forces", null);
          await store.addDocument(first, [stored(makeMention("page-1", "m1"), ALERT_BLOCK)], []);
          await store.replaceIncidents([ALERT_BLOCK], []);
          assert.equal(await store.addDocument(updated, [stored(mention, ESCAPE_BLOCK)], [holding]), "updated");

          assert.equal((await store.getDocument("page-1"))?.text, updatedText, "the current version is the new one");
          assert.equal(await store.countDocuments(), 1, "one document, not two");
          assert.equal((await store.listDocuments())[0].version, 2);
          assert.equal((await store.getDocumentVersion("page-1", 1))?.text, ESCAPE_TEXT, "the old version is kept");
          assert.equal((await store.getDocumentVersion("page-1", 2))?.text, updatedText);
          assert.equal(await store.getDocumentVersion("page-1", 3), null);
          const history = await store.documentHistory("page-1");
          assert.deepEqual(history?.versions.map((v) => [v.version, v.current, v.contentHash]), [
            [1, false, first.contentHash],
            [2, true, updated.contentHash],
          ]);
          // Mentions and holdings are the new version's; the old mention's block is dirty so its incident goes.
          assert.deepEqual((await store.mentionsInBlocks([ESCAPE_BLOCK, ALERT_BLOCK])).map((m) => m.mention.id), ["m2"]);
          assert.deepEqual(await store.dirtyBlocks(), [ALERT_BLOCK, ESCAPE_BLOCK]);
          assert.deepEqual((await store.holdingsOf(NORTH_PRISON.id)).map((h) => h.document), ["page-1"]);
          // Either version's content again is known.
          assert.equal(await store.addDocument(first, [], []), "known");
          assert.equal(await store.hasContent(first.contentHash), true);
        }));

      test("lookupDocument names the document of an id (or alias) and of a content, current or earlier", () =>
        withStore(async (store) => {
          const a1 = makeDoc("a", { text: "First text of a." });
          const a2 = makeDoc("a", { text: "Second text of a." });
          await store.addDocument(a1, [], []);
          await store.addDocument(a2, [], []);
          assert.deepEqual(await store.writeDocuments([{ kind: "alias", alias: "a-copy", document: "a" }]), ["done"]);
          const direct = await store.lookupDocument("a", a1.contentHash);
          assert.equal(direct.byId?.via, "id");
          assert.equal(direct.byId?.version, 2);
          assert.equal(direct.byId?.contentHash, a2.contentHash);
          assert.deepEqual(direct.byContent, { document: "a", version: 1, current: false });
          const aliased = await store.lookupDocument("a-copy", a2.contentHash);
          assert.equal(aliased.byId?.via, "alias");
          assert.equal(aliased.byId?.id, "a");
          assert.deepEqual(aliased.byContent, { document: "a", version: 2, current: true });
          assert.deepEqual(await store.lookupDocument("nobody", sha256("nothing")), { byId: null, byContent: null });
          assert.equal((await store.getDocument("a-copy"))?.id, "a", "an alias answers with its document");
          assert.deepEqual((await store.documentHistory("a-copy"))?.aliases, ["a-copy"]);
        }));

      test("writeDocuments applies each write on its own: stale bases conflict, the rest is stored", () =>
        withStore(async (store) => {
          const page = makeDoc("p", { text: "The page as first published." });
          await store.addDocument(page, [], []);
          const fresh = makeDoc("q", { text: "Another page." });
          const revised = makeDoc("p", { text: "The page as revised." });
          const redated = { ...page, published: "2025-01-02", publishedOrigin: "metadata" as const };
          const results = await store.writeDocuments([
            { kind: "insert", item: { doc: fresh, mentions: [stored(makeMention("q", "m1"), ESCAPE_BLOCK)], holdings: [] } },
            { kind: "insert", item: { doc: { ...fresh, id: "q2" }, mentions: [], holdings: [] } }, // same content as q
            { kind: "insert", item: { doc: makeDoc("p", { text: "Yet another text." }), mentions: [], holdings: [] } }, // p exists
            { kind: "version", item: { doc: revised, mentions: [], holdings: [] }, basis: 7 }, // stale basis
            { kind: "refresh", item: { doc: redated, mentions: [], holdings: [] }, basis: 1 },
            { kind: "alias", alias: "q", document: "p" }, // q is a document's id
            { kind: "alias", alias: "p-amp", document: "p" },
          ]);
          assert.deepEqual(results, ["done", "conflict", "conflict", "conflict", "done", "conflict", "done"]);
          assert.equal((await store.getDocument("p"))?.published, "2025-01-02", "the refresh took the new date");
          assert.equal((await store.listDocuments()).find((d) => d.id === "p")?.version, 1, "metadata is no new version");
          assert.deepEqual((await store.listDocuments()).map((d) => d.id), ["p", "q"]);
          assert.equal((await store.getDocument("p-amp"))?.id, "p");
          assert.deepEqual(await store.dirtyBlocks(), [ESCAPE_BLOCK]);
          // A version with the current basis goes through, and an alias id may become a document of its own.
          assert.deepEqual(await store.writeDocuments([{ kind: "version", item: { doc: revised, mentions: [], holdings: [] }, basis: 1 }]), ["done"]);
          const own = makeDoc("p-amp", { text: "The copy became its own page." });
          assert.deepEqual(await store.writeDocuments([{ kind: "insert", item: { doc: own, mentions: [], holdings: [] } }]), ["conflict"]);
          assert.deepEqual(await store.writeDocuments([{ kind: "insert", item: { doc: own, mentions: [], holdings: [] }, replacesAlias: true }]), ["done"]);
          assert.equal((await store.getDocument("p-amp"))?.text, own.text);
        }));

      test("a write the database refuses is reported and undone, and the batch goes on", () =>
        withStore(async (store) => {
          const broken = makeDoc("broken", { text: "A page whose mentions repeat an id." });
          const twice = stored(makeMention("broken", "same-id"), ESCAPE_BLOCK);
          const results = await store.writeDocuments([
            { kind: "insert", item: { doc: broken, mentions: [twice, twice], holdings: [] } },
            { kind: "insert", item: { doc: makeDoc("fine"), mentions: [], holdings: [] } },
          ]);
          assert.equal(typeof results[0] === "object" && "error" in results[0], true, JSON.stringify(results[0]));
          assert.equal(results[1], "done");
          assert.deepEqual((await store.listDocuments()).map((d) => d.id), ["fine"]);
          assert.deepEqual(await store.mentionsInBlocks([ESCAPE_BLOCK]), [], "nothing of the refused write is left");
        }));

      test("listDocuments pages in id order and summarises each document", () =>
        withStore(async (store) => {
          for (const id of ["c", "a", "b"]) await store.addDocument(makeDoc(id), [], []);
          const irrelevant = makeDoc("d", { segments: [{ start: 0, end: 5, relevant: false, reason: "sports" }] });
          await store.addDocument(irrelevant, [], []);
          assert.deepEqual((await store.listDocuments()).map((d) => d.id), ["a", "b", "c", "d"]);
          assert.deepEqual((await store.listDocuments({ limit: 2, offset: 1 })).map((d) => d.id), ["b", "c"]);
          const [summary] = await store.listDocuments({ limit: 1 });
          const doc = makeDoc("a");
          assert.equal(summary.length, doc.text.length);
          assert.equal(summary.contentHash, doc.contentHash);
          assert.equal(summary.relevant, true);
          assert.equal(summary.published, "2025-03-04");
          assert.ok(!Number.isNaN(Date.parse(summary.ingestedAt)));
          assert.equal((await store.listDocuments({ offset: 3 }))[0].relevant, false);
        }));

      test("publishedDays maps stored ids to their day (null when undated) and skips unknown ids", () =>
        withStore(async (store) => {
          await store.addDocument(makeDoc("dated", { published: "2024-12-30" }), [], []);
          await store.addDocument(makeDoc("undated", { published: null, publishedOrigin: null }), [], []);
          const days = await store.publishedDays(["dated", "undated", "unknown", "dated"]);
          assert.deepEqual([...days.entries()].sort(), [
            ["dated", "2024-12-30"],
            ["undated", null],
          ]);
        }));

      test("iterateDocuments streams every summary in id order", () =>
        withStore(async (store) => {
          const ids = Array.from({ length: 1203 }, (_, i) => `doc-${String(i).padStart(5, "0")}`);
          for (const id of [...ids].reverse()) await store.addDocument(makeDoc(id), [], []);
          const seen: string[] = [];
          for await (const summary of store.iterateDocuments()) seen.push(summary.id);
          assert.deepEqual(seen, ids);
        }));
    });

    describe("blocks and mentions", () => {
      test("dirty blocks: marked by addDocument, cleared by replaceIncidents, marked again by new mentions", () =>
        withStore(async (store) => {
          await store.addDocument(
            makeDoc("d1"),
            [stored(makeMention("d1", "m1"), ESCAPE_BLOCK), stored(makeMention("d1", "m2", { type: "alert" }), ALERT_BLOCK)],
            [],
          );
          assert.deepEqual(await store.dirtyBlocks(), [ALERT_BLOCK, ESCAPE_BLOCK]);
          assert.deepEqual(await store.allBlocks(), [ALERT_BLOCK, ESCAPE_BLOCK]);

          await store.replaceIncidents([ESCAPE_BLOCK], [makeIncident("inc-1", { mentions: ["m1"], documents: ["d1"] })]);
          assert.deepEqual(await store.dirtyBlocks(), [ALERT_BLOCK]);

          await store.addDocument(makeDoc("d2"), [stored(makeMention("d2", "m3"), ESCAPE_BLOCK)], []);
          assert.deepEqual(await store.dirtyBlocks(), [ALERT_BLOCK, ESCAPE_BLOCK]);
          assert.deepEqual(await store.allBlocks(), [ALERT_BLOCK, ESCAPE_BLOCK]);
        }));

      test("mentionsInBlocks returns the mentions of exactly those blocks, with their block", () =>
        withStore(async (store) => {
          const m1 = makeMention("d1", "m1");
          const m2 = makeMention("d1", "m2", { type: "alert" });
          await store.addDocument(makeDoc("d1"), [stored(m1, ESCAPE_BLOCK), stored(m2, ALERT_BLOCK)], []);
          assert.deepEqual(await store.mentionsInBlocks([ESCAPE_BLOCK]), [{ mention: m1, block: ESCAPE_BLOCK }]);
          assert.equal((await store.mentionsInBlocks([ESCAPE_BLOCK, ALERT_BLOCK])).length, 2);
          assert.deepEqual(await store.mentionsInBlocks([]), []);
          assert.deepEqual(await store.mentionsInBlocks(["nothing|here"]), []);
        }));

      test("mentionsInBlocks takes more blocks than one IN list holds", () =>
        withStore(async (store) => {
          const mentions = Array.from({ length: 1100 }, (_, i) => stored(makeMention("d1", `m${i}`), `block-${i}`));
          await store.addDocument(makeDoc("d1"), mentions, []);
          const blocks = mentions.map((m) => m.block);
          assert.equal((await store.mentionsInBlocks(blocks)).length, 1100);
          assert.equal((await store.dirtyBlocks()).length, 1100);
        }));
    });

    describe("incidents", () => {
      test("replaceIncidents replaces the incidents of the given blocks only", () =>
        withStore(async (store) => {
          await store.addDocument(
            makeDoc("d1"),
            [stored(makeMention("d1", "m1"), ESCAPE_BLOCK), stored(makeMention("d1", "m2", { type: "alert" }), ALERT_BLOCK)],
            [],
          );
          await store.replaceIncidents(
            [ESCAPE_BLOCK, ALERT_BLOCK],
            [makeIncident("esc-old", { mentions: ["m1"] }), makeIncident("alert-1", { type: "alert", mentions: ["m2"] })],
          );
          await store.replaceIncidents([ESCAPE_BLOCK], [makeIncident("esc-new", { mentions: ["m1"] })]);
          assert.deepEqual((await store.listIncidents()).map((i) => i.id).sort(), ["alert-1", "esc-new"]);
          assert.equal(await store.getIncident("esc-old"), null);
          await store.replaceIncidents([ALERT_BLOCK], []);
          assert.deepEqual((await store.listIncidents()).map((i) => i.id), ["esc-new"]);
        }));

      test("an incident takes its block from its block property, else its first mention's stored block", () =>
        withStore(async (store) => {
          await store.addDocument(makeDoc("d1"), [stored(makeMention("d1", "m1"), ESCAPE_BLOCK)], []);
          const explicit = { ...makeIncident("explicit", { mentions: [] }), block: ALERT_BLOCK };
          await store.replaceIncidents([ESCAPE_BLOCK, ALERT_BLOCK], [makeIncident("by-mention", { mentions: ["m1"] }), explicit]);
          await store.replaceIncidents([ALERT_BLOCK], []);
          assert.deepEqual((await store.listIncidents()).map((i) => i.id), ["by-mention"]);
          assert.equal((await store.getIncident("by-mention"))?.mentions[0], "m1");
        }));

      test("replaceIncidents is atomic: a failure leaves the old incidents and the dirty marks", () =>
        withStore(async (store) => {
          await store.addDocument(makeDoc("d1"), [stored(makeMention("d1", "m1"), ESCAPE_BLOCK)], []);
          await store.replaceIncidents([ESCAPE_BLOCK], [makeIncident("old", { mentions: ["m1"] })]);
          await store.addDocument(makeDoc("d2"), [stored(makeMention("d2", "m2", { type: "alert" }), ALERT_BLOCK)], []);
          // The second incident has no mention and no block while two blocks are replaced: its
          // block cannot be known, so the whole replacement must fail.
          const orphan = makeIncident("orphan", { mentions: [] });
          await assert.rejects(
            store.replaceIncidents([ESCAPE_BLOCK, ALERT_BLOCK], [makeIncident("new", { mentions: ["m1"] }), orphan]),
          );
          assert.deepEqual((await store.listIncidents()).map((i) => i.id), ["old"]);
          assert.deepEqual(await store.dirtyBlocks(), [ALERT_BLOCK]);
        }));

      test("getIncident returns the incident exactly as stored", () =>
        withStore(async (store) => {
          const claim = claimIn("d1", ESCAPE_TEXT, "12 inmates escaped", 12, 12, "Local officials");
          const incident = makeIncident("inc-1", {
            actors: ["Prison guards"],
            counts: [makeCount("escaped", [claim], { disputed: false })],
            documents: ["d1"],
            mentions: ["m1"],
          });
          await store.addDocument(makeDoc("d1", { text: ESCAPE_TEXT }), [stored(makeMention("d1", "m1"), ESCAPE_BLOCK)], []);
          await store.replaceIncidents([ESCAPE_BLOCK], [incident]);
          assert.deepEqual(await store.getIncident("inc-1"), { ...incident, version: 1 }, "the store numbers versions");
          assert.equal(await store.getIncident("inc-2"), null);
        }));

      describe("filters", () => {
        const quote = "officials said 40 detainees fled River Bend Camp";
        const incidents: Incident[] = [
          makeIncident("a-escape-sy", { date: { earliest: "2025-03-01", latest: "2025-03-03" }, actors: ["Islamic State"] }),
          makeIncident("b-attack-sy", { type: "attack", date: { earliest: "2025-02-10", latest: "2025-02-10" } }),
          makeIncident("c-escape-iq", {
            facility: RIVER_CAMP,
            place: RIVER_CAMP.place,
            date: { earliest: "2025-04-20", latest: "2025-04-20" },
            counts: [makeCount("escaped", [{ ...claimIn("dq", quote, quote, 40, 40, "Observatory 100%"), document: "dq" }])],
          }),
          makeIncident("d-alert-nodate", { type: "alert", facility: null, place: { ...HASAKAH_TOWN, name: "Qamishli" }, date: null }),
        ];
        const table: Array<[string, IncidentFilter, string[]]> = [
          ["no filter: earliest day first, undated last", {}, ["c-escape-iq", "a-escape-sy", "b-attack-sy", "d-alert-nodate"]],
          ["type", { type: "escape" }, ["c-escape-iq", "a-escape-sy"]],
          ["country, any case", { country: "iq" }, ["c-escape-iq"]],
          ["country from the place", { country: "SY" }, ["a-escape-sy", "b-attack-sy", "d-alert-nodate"]],
          ["facility id", { facility: "river-bend-camp" }, ["c-escape-iq"]],
          ["facility name fragment, any case", { facility: "north GATE" }, ["a-escape-sy", "b-attack-sy"]],
          ["since: windows ending on or after", { since: "2025-03-03" }, ["c-escape-iq", "a-escape-sy"]],
          ["until: windows starting on or before", { until: "2025-03-01" }, ["a-escape-sy", "b-attack-sy"]],
          ["since and until overlap", { since: "2025-02-11", until: "2025-04-01" }, ["a-escape-sy"]],
          ["text in a claim quote", { text: "DETAINEES FLED" }, ["c-escape-iq"]],
          ["text in a source, % taken literally", { text: "100%" }, ["c-escape-iq"]],
          ["text % matches nothing else", { text: "1%0" }, []],
          ["text in actors", { text: "islamic" }, ["a-escape-sy"]],
          ["text in a place name", { text: "qamishli" }, ["d-alert-nodate"]],
          ["limit", { limit: 2 }, ["c-escape-iq", "a-escape-sy"]],
          ["offset", { limit: 2, offset: 3 }, ["d-alert-nodate"]],
          ["combined", { type: "escape", country: "SY", text: "north gate" }, ["a-escape-sy"]],
          ["nothing matches", { type: "transfer" }, []],
        ];
        for (const [label, filter, expected] of table) {
          test(`listIncidents / countIncidents: ${label}`, () =>
            withStore(async (store) => {
              await store.replaceIncidents([ESCAPE_BLOCK], incidents);
              assert.deepEqual((await store.listIncidents(filter)).map((i) => i.id), expected);
              const unpaged = { ...filter, limit: undefined, offset: undefined };
              assert.equal(await store.countIncidents(unpaged), (await store.listIncidents(unpaged)).length);
            }));
        }
      });

      test("listIncidents defaults to 100 rows and never returns more than 1000", () =>
        withStore(async (store) => {
          const many = Array.from({ length: 1005 }, (_, i) => makeIncident(`inc-${String(i).padStart(4, "0")}`));
          await store.replaceIncidents([ESCAPE_BLOCK], many);
          assert.equal((await store.listIncidents()).length, 100);
          assert.equal((await store.listIncidents({ limit: 5000 })).length, 1000);
          assert.equal(await store.countIncidents(), 1005);
        }));

      test("iterateIncidents streams every incident in id order, and writes may happen meanwhile", () =>
        withStore(async (store) => {
          const ids = Array.from({ length: 1203 }, (_, i) => `inc-${String(i).padStart(5, "0")}`);
          await store.replaceIncidents([ESCAPE_BLOCK], [...ids].reverse().map((id) => makeIncident(id)));
          const seen: string[] = [];
          for await (const incident of store.iterateIncidents()) {
            if (seen.length === 0) await store.addDocument(makeDoc("written-while-streaming"), [], []);
            seen.push(incident.id);
          }
          assert.deepEqual(seen, ids);
          assert.equal(await store.countDocuments(), 1);
        }));
    });

    describe("incident merging state", () => {
      const state = (id: string, overrides: Partial<IncidentState> = {}): IncidentState => ({
        id, block: ESCAPE_BLOCK, type: "escape", match: { start: 100, end: 102 }, date: { start: 100, end: 102 }, attachedTo: null, data: `{"id":"${id}"}`, ...overrides,
      });
      const placement = (document: string, mention: string, incident: string | null): Placement => ({ document, mention, published: "2025-03-04", start: 0, incident });
      const commit = (version: number, overrides: Partial<MergeCommit> = {}): MergeCommit => ({
        block: ESCAPE_BLOCK, version, reset: false, placements: [], states: [], removedStates: [], incidents: [], removedIncidents: [], ...overrides,
      });

      test("mergeWork: a new block is fresh with every mention; a commit places them and clears the dirty mark", () =>
        withStore(async (store) => {
          const m1 = makeMention("d1", "m1");
          await store.addDocument(makeDoc("d1"), [stored(m1, ESCAPE_BLOCK)], []);
          const work = await store.mergeWork(ESCAPE_BLOCK);
          assert.deepEqual(work, { version: 0, fresh: true, pending: [{ mention: m1, published: "2025-03-04" }] });
          const outcome = await store.commitMerge(commit(0, { reset: true, placements: [placement("d1", "m1", "inc-1")], states: [state("inc-1")], incidents: [makeIncident("inc-1", { mentions: ["m1"], documents: ["d1"] })] }));
          assert.equal(outcome, "done");
          assert.deepEqual(await store.dirtyBlocks(), []);
          assert.deepEqual(await store.mergeWork(ESCAPE_BLOCK), { version: 1, fresh: false, pending: [] });
          const m2 = makeMention("d2", "m2");
          await store.addDocument(makeDoc("d2"), [stored(m2, ESCAPE_BLOCK)], []);
          assert.deepEqual((await store.mergeWork(ESCAPE_BLOCK)).pending, [{ mention: m2, published: "2025-03-04" }], "only what is not placed yet");
          assert.equal((await store.mergeWork(ESCAPE_BLOCK, { fromScratch: true })).pending.length, 2, "a rebuild reads every mention");
        }));

      test("commitMerge refuses a plan made on an older version and writes nothing", () =>
        withStore(async (store) => {
          await store.addDocument(makeDoc("d1"), [stored(makeMention("d1", "m1"), ESCAPE_BLOCK)], []);
          assert.equal(await store.commitMerge(commit(0, { reset: true, placements: [placement("d1", "m1", "inc-1")] })), "done");
          assert.equal(await store.commitMerge(commit(0, { incidents: [makeIncident("late")] })), "stale");
          assert.equal(await store.getIncident("late"), null);
        }));

      test("commitMerge keeps the block dirty while mentions stored after its read wait", () =>
        withStore(async (store) => {
          await store.addDocument(makeDoc("d1"), [stored(makeMention("d1", "m1"), ESCAPE_BLOCK)], []);
          const work = await store.mergeWork(ESCAPE_BLOCK);
          await store.addDocument(makeDoc("d2"), [stored(makeMention("d2", "m2"), ESCAPE_BLOCK)], []);
          assert.equal(await store.commitMerge(commit(work.version, { reset: true, placements: [placement("d1", "m1", "inc-1")] })), "more");
          assert.deepEqual(await store.dirtyBlocks(), [ESCAPE_BLOCK]);
          assert.deepEqual((await store.mergeWork(ESCAPE_BLOCK)).pending.map((p) => p.mention.id), ["m2"]);
        }));

      test("placedSince, membersOf and the state lookups read what was committed", () =>
        withStore(async (store) => {
          const [m1, m2, m3] = [makeMention("d1", "m1"), makeMention("d2", "m2"), makeMention("d3", "m3", { type: "recapture" })];
          await store.addDocument(makeDoc("d1", { published: "2025-03-01" }), [stored(m1, ESCAPE_BLOCK)], []);
          await store.addDocument(makeDoc("d2", { text: ESCAPE_TEXT, published: null, publishedOrigin: null }), [stored(m2, ESCAPE_BLOCK)], []);
          await store.addDocument(makeDoc("d3", { text: "Report d3: guards caught two of them.", published: "2025-03-05" }), [stored(m3, ESCAPE_BLOCK)], []);
          await store.commitMerge(
            commit(0, {
              reset: true,
              placements: [
                { ...placement("d1", "m1", "esc"), published: "2025-03-01" },
                { ...placement("d2", "m2", "esc"), published: null },
                { ...placement("d3", "m3", "rec"), published: "2025-03-05" },
              ],
              states: [state("esc"), state("rec", { type: "recapture", match: { start: 200, end: 200 }, date: { start: 200, end: 200 }, attachedTo: "esc" }), state("undated", { match: null, date: null })],
            }),
          );
          const ids = (list: Array<{ mention: { id: string } } | { id: string }>) => list.map((x) => ("mention" in x ? x.mention.id : x.id)).sort();
          assert.deepEqual(ids(await store.placedSince(ESCAPE_BLOCK, "2025-03-02")), ["m2", "m3"], "later days and undated documents");
          assert.deepEqual(ids(await store.placedSince(ESCAPE_BLOCK, null)), ["m2"], "undated documents only");
          const members = await store.membersOf(["esc", "none"]);
          assert.deepEqual(ids(members.get("esc")!), ["m1", "m2"]);
          assert.deepEqual(members.get("none"), []);
          assert.deepEqual(members.get("esc")!.find((p) => p.mention.id === "m1"), { mention: m1, published: "2025-03-01", incident: "esc" });
          assert.deepEqual(ids(await store.statesNear(ESCAPE_BLOCK, 101, 150)), ["esc", "undated"], "overlapping match windows and undated ones");
          assert.deepEqual(ids(await store.statesNear(ESCAPE_BLOCK, 103, 150)), ["undated"]);
          assert.deepEqual(ids(await store.statesDated(ESCAPE_BLOCK, "recapture", 150, 250)), ["rec"]);
          assert.deepEqual(ids(await store.statesDated(ESCAPE_BLOCK, "escape", 150, 250)), []);
          assert.deepEqual(ids(await store.statesAttachedTo(["esc"])), ["rec"]);
          assert.deepEqual(await store.statesOf(["rec"]), [state("rec", { type: "recapture", match: { start: 200, end: 200 }, date: { start: 200, end: 200 }, attachedTo: "esc" })]);
        }));

      test("a reset commit and replaceIncidents start the block's merging over", () =>
        withStore(async (store) => {
          await store.addDocument(makeDoc("d1"), [stored(makeMention("d1", "m1"), ESCAPE_BLOCK)], []);
          await store.commitMerge(commit(0, { reset: true, placements: [placement("d1", "m1", "old")], states: [state("old")], incidents: [makeIncident("old", { mentions: ["m1"] })] }));
          await store.commitMerge(commit(1, { reset: true, placements: [placement("d1", "m1", "new")], states: [state("new")], incidents: [makeIncident("new", { mentions: ["m1"] })] }));
          assert.deepEqual((await store.listIncidents()).map((i) => i.id), ["new"]);
          assert.deepEqual((await store.statesOf(["old", "new"])).map((s) => s.id), ["new"]);
          await store.replaceIncidents([ESCAPE_BLOCK], []);
          const work = await store.mergeWork(ESCAPE_BLOCK);
          assert.equal(work.fresh, true);
          assert.deepEqual(work.pending.map((p) => p.mention.id), ["m1"]);
          assert.deepEqual(await store.statesOf(["new"]), []);
        }));
    });

    describe("facilities", () => {
      test("listFacilities counts incidents per facility and includes facilities known only from holdings", () =>
        withStore(async (store) => {
          const camp = makeHolding("d1", RIVER_CAMP, "Iraqi Army", "2024-11-02");
          await store.addDocument(makeDoc("d1"), [], [camp]);
          await store.replaceIncidents(
            [ESCAPE_BLOCK],
            [makeIncident("i1"), makeIncident("i2", { type: "attack" }), makeIncident("i3", { facility: null })],
          );
          assert.deepEqual(await store.listFacilities(), [
            { facility: NORTH_PRISON, incidents: 2 },
            { facility: RIVER_CAMP, incidents: 0 },
          ]);
        }));

      test("holdingsOf returns a facility's holdings, undated first, then by day", () =>
        withStore(async (store) => {
          const later = makeHolding("d1", NORTH_PRISON, "Syrian Army", "2025-01-10");
          const earlier = makeHolding("d2", NORTH_PRISON, "Syrian Democratic Forces", "2019-03-01");
          const undated = makeHolding("d2", NORTH_PRISON, "Asayish", null);
          await store.addDocument(makeDoc("d1"), [], [later]);
          await store.addDocument(makeDoc("d2"), [], [earlier, undated]);
          assert.deepEqual(await store.holdingsOf(NORTH_PRISON.id), [undated, earlier, later]);
          assert.deepEqual(await store.holdingsOf("unknown-facility"), []);
        }));
    });

    describe("feeds", () => {
      const FEED = { name: "lakeside", url: "https://lakeside.example/feed.xml", intervalSeconds: 600 };

      test("a feed is added once, by name and by url", () =>
        withStore(async (store) => {
          assert.equal(await store.addFeed(FEED), "new");
          assert.equal(await store.addFeed(FEED), "known");
          assert.equal(await store.addFeed({ ...FEED, name: "other" }), "known");
          assert.equal(await store.addFeed({ ...FEED, url: "https://lakeside.example/other.xml" }), "known");
          const feeds = await store.listFeeds();
          assert.equal(feeds.length, 1);
          assert.deepEqual(
            { name: feeds[0].name, url: feeds[0].url, intervalSeconds: feeds[0].intervalSeconds, failures: feeds[0].failures },
            { ...FEED, failures: 0 },
          );
          assert.equal(feeds[0].nextPollAt, null);
          assert.equal(feeds[0].lastError, null);
        }));

      test("polling state is saved and read back", () =>
        withStore(async (store) => {
          await store.addFeed(FEED);
          const [feed] = await store.listFeeds();
          const state = {
            ...feed,
            etag: '"v7"',
            lastModified: "Mon, 03 Mar 2025 10:00:00 GMT",
            nextPollAt: "2025-03-03T10:20:00.000Z",
            lastPolledAt: "2025-03-03T10:00:00.000Z",
            lastOkAt: null,
            failures: 2,
            lastError: "E_HTTP HTTP 500",
          };
          await store.saveFeedState(state);
          assert.deepEqual(await store.listFeeds(), [state]);
        }));

      test("items are remembered per feed and replaced when revised", () =>
        withStore(async (store) => {
          await store.addFeed(FEED);
          assert.equal(await store.feedItem(FEED.name, "guid-1"), null);
          const item = { feed: FEED.name, key: "guid-1", fingerprint: "f1", document: "guid-1" };
          await store.saveFeedItem(item);
          assert.deepEqual(await store.feedItem(FEED.name, "guid-1"), item);
          await store.saveFeedItem({ ...item, fingerprint: "f2" });
          assert.deepEqual(await store.feedItem(FEED.name, "guid-1"), { ...item, fingerprint: "f2" });
        }));

      test("removing a feed by name or url forgets it and its items", () =>
        withStore(async (store) => {
          await store.addFeed(FEED);
          await store.saveFeedItem({ feed: FEED.name, key: "guid-1", fingerprint: "f1", document: null });
          assert.equal(await store.removeFeed("missing"), false);
          assert.equal(await store.removeFeed(FEED.url), true);
          assert.deepEqual(await store.listFeeds(), []);
          assert.equal(await store.feedItem(FEED.name, "guid-1"), null);
          await store.addFeed(FEED);
          assert.equal(await store.removeFeed(FEED.name), true);
        }));

      test("an item of a feed removed while it was being read is not recorded", () =>
        withStore(async (store) => {
          await store.saveFeedItem({ feed: "gone", key: "guid-1", fingerprint: "f1", document: null });
          assert.equal(await store.feedItem("gone", "guid-1"), null);
        }));
    });

    describe("alert rules and the outbox", () => {
      const RULE = {
        name: "escapes-ng",
        types: ["escape" as const],
        country: "NG",
        facility: null,
        min: [{ quantity: "escaped", value: 10 }],
        on: ["new" as const],
        webhook: "https://hooks.example/alerts",
        secret: "s3",
      };

      test("a rule is added once and listed as given", () =>
        withStore(async (store) => {
          assert.equal(await store.addRule(RULE), "new");
          assert.equal(await store.addRule({ ...RULE, country: "SY" }), "known");
          assert.deepEqual(await store.listRules(), [RULE]);
        }));

      test("each (rule, incident, change) is queued once, with the signature recorded beside it", () =>
        withStore(async (store) => {
          await store.addRule(RULE);
          const alert = { change: "new", payload: '{"incident":"inc-1"}', nextAttemptAt: "2025-03-03T12:00:00.000Z" };
          assert.equal(await store.recordAlertCheck(RULE.name, "inc-1", "sig-1", alert), true);
          assert.equal(await store.recordAlertCheck(RULE.name, "inc-1", "sig-2", alert), false);
          assert.equal(await store.recordAlertCheck(RULE.name, "inc-2", "sig-3", null), false);
          assert.deepEqual(await store.alertSignatures(RULE.name), new Map([["inc-1", "sig-2"], ["inc-2", "sig-3"]]));
          const [queued] = await store.alertsOf(RULE.name, 10);
          assert.deepEqual([queued.incident, queued.change, queued.payload, queued.attempts], ["inc-1", "new", alert.payload, 0]);
        }));

      test("due alerts, attempts and delivery", () =>
        withStore(async (store) => {
          await store.addRule(RULE);
          await store.recordAlertCheck(RULE.name, "inc-1", "sig-1", { change: "new", payload: "{}", nextAttemptAt: "2025-03-03T12:00:00.000Z" });
          assert.deepEqual(await store.dueAlerts("2025-03-03T11:59:59.000Z"), []);
          const [due] = await store.dueAlerts("2025-03-03T12:00:00.000Z");
          const failed = { alert: due.id, attempt: 1, at: "2025-03-03T12:00:00.000Z", status: 503, error: "HTTP 503" };
          await store.recordDeliveryAttempt(failed, { deliveredAt: null, nextAttemptAt: "2025-03-03T12:00:05.000Z" });
          assert.equal((await store.dueAlerts("2025-03-03T12:00:04.000Z")).length, 0);
          const ok = { alert: due.id, attempt: 2, at: "2025-03-03T12:00:05.000Z", status: 200, error: null };
          await store.recordDeliveryAttempt(ok, { deliveredAt: ok.at, nextAttemptAt: null });
          assert.deepEqual(await store.dueAlerts("2030-01-01T00:00:00.000Z"), []);
          assert.deepEqual(await store.deliveryAttempts(RULE.name), [failed, ok]);
          const [delivered] = await store.alertsOf(RULE.name, 1);
          assert.deepEqual([delivered.deliveredAt, delivered.attempts], [ok.at, 2]);
        }));

      test("removing a rule removes its outbox", () =>
        withStore(async (store) => {
          await store.addRule(RULE);
          await store.recordAlertCheck(RULE.name, "inc-1", "sig-1", { change: "new", payload: "{}", nextAttemptAt: null });
          assert.equal(await store.removeRule(RULE.name), true);
          assert.equal(await store.removeRule(RULE.name), false);
          assert.deepEqual(await store.alertsOf(RULE.name, 10), []);
          assert.deepEqual(await store.alertSignatures(RULE.name), new Map());
        }));
    });

    describe("users, review decisions and revisions", () => {
      const user = (name: string, role: "reader" | "reviewer" | "admin", tokenHash: string) => ({ name, role, tokenHash, createdAt: "2025-03-05T10:00:00.000Z" });
      const decision = (overrides: Partial<ReviewWrite["decision"]> = {}): ReviewWrite["decision"] => ({
        action: "confirm", incident: "inc-1", document: null, payload: "{}", by: "ana", at: "2025-03-05T12:00:00.000Z", note: "checked", ...overrides,
      });

      test("users: added once, found by their token digest only, listed without it, removed", () =>
        withStore(async (store) => {
          assert.equal(await store.addUser(user("ana", "reviewer", sha256("token-a"))), "new");
          assert.equal(await store.addUser(user("ana", "admin", sha256("token-b"))), "known");
          await store.addUser(user("ben", "reader", sha256("token-c")));
          assert.deepEqual(await store.listUsers(), [
            { name: "ana", role: "reviewer", createdAt: "2025-03-05T10:00:00.000Z" },
            { name: "ben", role: "reader", createdAt: "2025-03-05T10:00:00.000Z" },
          ]);
          assert.equal((await store.userByTokenHash(sha256("token-a")))?.name, "ana");
          assert.equal(await store.userByTokenHash(sha256("token-b")), null);
          assert.equal(await store.removeUser("ana"), true);
          assert.equal(await store.removeUser("ana"), false);
          assert.equal(await store.userByTokenHash(sha256("token-a")), null);
        }));

      test("every incident write is a numbered revision by escapewatch; an unchanged write is none", () =>
        withStore(async (store) => {
          await store.addDocument(makeDoc("d1"), [stored(makeMention("d1", "m1"), ESCAPE_BLOCK)], []);
          await store.replaceIncidents([ESCAPE_BLOCK], [makeIncident("inc-1", { mentions: ["m1"], documents: ["d1"] })]);
          await store.replaceIncidents([ESCAPE_BLOCK], [makeIncident("inc-1", { mentions: ["m1"], documents: ["d1"] })]);
          await store.replaceIncidents([ESCAPE_BLOCK], [makeIncident("inc-1", { mentions: ["m1"], documents: ["d1"], status: "disputed" })]);
          const history = await store.incidentHistory("inc-1");
          assert.deepEqual(history.map((r) => [r.version, r.by, r.action]), [[1, "escapewatch", "created"], [2, "escapewatch", "updated"]]);
          assert.deepEqual(history[1].changes, [{ field: "status", before: "occurred", after: "disputed" }]);
          assert.equal((await store.getIncident("inc-1"))?.version, 2);
          await store.replaceIncidents([ESCAPE_BLOCK], []);
          assert.deepEqual((await store.incidentHistory("inc-1")).map((r) => r.action), ["created", "updated", "deleted"], "kept after deletion");
          assert.deepEqual(await store.incidentHistory("never"), []);
        }));

      test("writeReview records the decision and its incidents' revisions under its author, or nothing when a block moved", () =>
        withStore(async (store) => {
          await store.addDocument(makeDoc("d1"), [stored(makeMention("d1", "m1"), ESCAPE_BLOCK)], []);
          await store.commitMerge({
            block: ESCAPE_BLOCK, version: 0, reset: true, placements: [{ document: "d1", mention: "m1", published: "2025-03-04", start: 0, incident: "inc-1" }],
            states: [], removedStates: [], incidents: [makeIncident("inc-1", { mentions: ["m1"], documents: ["d1"] }), makeIncident("inc-2", { mentions: [] })], removedIncidents: [],
          });
          const versions = await store.blockVersions([ESCAPE_BLOCK, "never|XX"]);
          assert.deepEqual([...versions], [[ESCAPE_BLOCK, 1], ["never|XX", 0]]);
          assert.deepEqual([...(await store.incidentBlocks(["inc-1", "missing"]))], [["inc-1", ESCAPE_BLOCK]]);
          const stale = await store.writeReview({ decision: decision(), basis: [{ block: ESCAPE_BLOCK, version: 0 }], incidents: [], removed: ["inc-2"] });
          assert.deepEqual(stale, { outcome: "stale", decision: null });
          assert.deepEqual(await store.reviewDecisions(), []);
          assert.ok(await store.getIncident("inc-2"), "a stale review writes nothing");
          const reviewed = makeIncident("inc-1", { mentions: ["m1"], documents: ["d1"], reviewed: true, reviewedBy: "ana" });
          const done = await store.writeReview({ decision: decision(), basis: [{ block: ESCAPE_BLOCK, version: 1 }], incidents: [{ incident: reviewed, block: ESCAPE_BLOCK }], removed: ["inc-2"] });
          assert.equal(done.outcome, "done");
          const decisions = await store.reviewDecisions();
          assert.deepEqual(decisions, [{ id: done.decision, ...decision() }]);
          const last = (await store.incidentHistory("inc-1")).at(-1)!;
          assert.deepEqual([last.version, last.by, last.action, last.note, last.at], [2, "ana", "confirm", "checked", "2025-03-05T12:00:00.000Z"]);
          assert.deepEqual(last.changes.map((c) => c.field), ["reviewed", "reviewedBy"]);
          assert.equal(await store.getIncident("inc-2"), null);
          assert.deepEqual((await store.listIncidents({ reviewed: true })).map((i) => i.id), ["inc-1"]);
          assert.deepEqual(await store.listIncidents({ reviewed: false }), []);
          assert.equal((await store.blockVersions([ESCAPE_BLOCK])).get(ESCAPE_BLOCK), 2, "a merge step planned before the review is planned again");
        }));

      test("changesSince: each incident once with its latest version, created, changed or deleted", () =>
        withStore(async (store) => {
          await store.addDocument(makeDoc("d1"), [stored(makeMention("d1", "m1"), ESCAPE_BLOCK)], []);
          await store.replaceIncidents([ESCAPE_BLOCK], [makeIncident("kept", { mentions: ["m1"] }), makeIncident("gone", { mentions: ["m1"] }), makeIncident("same", { mentions: ["m1"] })]);
          const history = await store.incidentHistory("kept");
          const since = history[0].at;
          // Revisions later than `since` (timestamps are ISO strings, compared as such).
          const later = new Date(Date.parse(since) + 1000).toISOString();
          await store.writeReview({
            decision: decision({ incident: "kept", at: later }), basis: [],
            incidents: [{ incident: makeIncident("kept", { mentions: ["m1"], reviewed: true }), block: ESCAPE_BLOCK }, { incident: makeIncident("new-one", { mentions: ["m1"] }), block: ESCAPE_BLOCK }],
            removed: ["gone"],
          });
          const changes = await store.changesSince(since, 100);
          assert.deepEqual(changes.map((c) => [c.incident, c.change, c.version]).sort(), [["gone", "deleted", 2], ["kept", "changed", 2], ["new-one", "created", 1]]);
          assert.equal((await store.changesSince(since, 1)).length, 1);
          assert.deepEqual(await store.changesSince(later, 100), []);
        }));

      test("mentionsById gives each mention with its publication day and placement", () =>
        withStore(async (store) => {
          const m1 = makeMention("d1", "m1");
          const m2 = makeMention("d1", "m2");
          await store.addDocument(makeDoc("d1"), [stored(m1, ESCAPE_BLOCK), stored(m2, ESCAPE_BLOCK)], []);
          await store.commitMerge({
            block: ESCAPE_BLOCK, version: 0, reset: true, placements: [{ document: "d1", mention: "m1", published: "2025-03-04", start: 0, incident: "inc-1" }],
            states: [], removedStates: [], incidents: [], removedIncidents: [],
          });
          assert.deepEqual(await store.mentionsById(["m2", "m1", "none"]), [
            { mention: m1, published: "2025-03-04", incident: "inc-1" },
            { mention: m2, published: "2025-03-04", incident: null },
          ]);
        }));
    });
  });
}
