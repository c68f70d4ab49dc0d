import { after, before, describe, test, mock } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../main.ts";
import { openStore } from "../../store/open.ts";
import { makeDoc, makeIncident, makeMention, stored } from "../../store/store.fixtures.ts";
import { CSV_COLUMNS } from "../../export/csv.ts";
import { eventNumber } from "../../export/project.ts";
import { TABLE_HEADER, documentLine } from "./documents.ts";

const BIN = fileURLToPath(new URL("../../../bin/escapewatch.js", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "escapewatch-cli-export-"));
const db = join(scratch, "ew.db");

before(async () => {
  const store = await openStore(db);
  await store.addDocument(makeDoc("doc-1", { title: "Guards, \"on alert\" after break" }), [stored(makeMention("doc-1", "m1"), "escape|SY")], []);
  await store.addDocument(makeDoc("doc-2", { published: null }), [], []);
  await store.replaceIncidents(["escape|SY"], [
    makeIncident("inc-1", { documents: ["doc-1"], mentions: ["m1"] }),
    makeIncident("inc-2", { type: "attack", status: "disputed", date: { earliest: "2025-04-01", latest: "2025-04-01" }, documents: ["doc-2"], mentions: ["m1"] }),
  ]);
  await store.close();
});
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the real executable, as a user would. */
function escapewatch(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("escapewatch export", () => {
  test("--out writes the file whole and leaves no partial file", async () => {
    const file = join(scratch, "incidents.csv");
    assert.equal(await main(["export", "--db", db, "--format", "csv", "--out", file]), 0);
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    assert.equal(lines[0], CSV_COLUMNS.join(","));
    assert.equal(lines.length, 3);
    assert.match(lines[1], new RegExp(`^SYR${eventNumber("inc-1")},2025-03-03,2025,1,Strategic developments,`));
    assert.equal(existsSync(`${file}.partial`), false);
  });

  test("an unknown format exits 2 with a coded message and creates no database", async () => {
    const errors = mock.method(console, "error", () => {});
    try {
      const missing = join(scratch, "never-created.db");
      assert.equal(await main(["export", "--db", missing, "--format", "xml"]), 2);
      assert.match(String(errors.mock.calls[0].arguments[0]), /\[E_EXPORT_FORMAT\].*"xml"/);
      assert.equal(existsSync(missing), false);
    } finally {
      errors.mock.restore();
    }
  });

  test("writes json to standard output by default", () => {
    const run = escapewatch("export", "--db", db, "--format", "json");
    assert.equal(run.status, 0, run.stderr);
    const data = JSON.parse(run.stdout);
    assert.equal(data.format, "escapewatch.export/1");
    assert.deepEqual(data.documents.map((d: { id: string }) => d.id), ["doc-1", "doc-2"]);
    assert.deepEqual(data.incidents.map((i: { id: string }) => i.id), ["inc-1", "inc-2"]);
  });

  test("the filters of `incidents` narrow the export", () => {
    const table: Array<[string[], string[], string[]]> = [
      [["--type", "attack"], ["inc-2"], ["doc-2"]],
      [["--status", "occurred"], ["inc-1"], ["doc-1"]],
      [["--since", "2025-03-10"], ["inc-2"], ["doc-2"]],
      [["--until", "2025-03-10"], ["inc-1"], ["doc-1"]],
      [["--facility", "North Gate"], ["inc-1", "inc-2"], ["doc-1", "doc-2"]],
      [["--q", "nothing like this"], [], []],
    ];
    for (const [filter, incidents, documents] of table) {
      const run = escapewatch("export", "--db", db, "--format", "json", ...filter);
      assert.equal(run.status, 0, run.stderr);
      const data = JSON.parse(run.stdout);
      assert.deepEqual(data.incidents.map((i: { id: string }) => i.id), incidents, filter.join(" "));
      assert.deepEqual(data.documents.map((d: { id: string }) => d.id), documents, filter.join(" "));
    }
  });

  test("a bad filter exits 2 with the same codes as `incidents`", () => {
    const run = escapewatch("export", "--db", db, "--format", "csv", "--status", "maybe");
    assert.equal(run.status, 2);
    assert.match(run.stderr, /E_INCIDENTS_STATUS/);
  });

  test("writes UCDP GED columns", () => {
    const run = escapewatch("export", "--db", db, "--format", "ucdp", "--type", "escape");
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trimEnd().split("\n");
    assert.ok(lines[0].startsWith("id,date_start,date_end,date_prec,where_prec,where_description,adm_1,country,"));
    assert.equal(lines.length, 2);
    assert.ok(lines[1].startsWith(`${eventNumber("inc-1")},2025-03-03,2025-03-03,1,1,`));
  });

  test("writes geojson to standard output", () => {
    const run = escapewatch("export", "--db", db, "--format", "geojson");
    assert.equal(run.status, 0, run.stderr);
    const data = JSON.parse(run.stdout);
    assert.equal(data.type, "FeatureCollection");
    assert.deepEqual(data.features[0].geometry, { type: "Point", coordinates: [40.75, 36.5] });
  });
});

describe("escapewatch documents", () => {
  test("prints a table with a header, one line per document and a total", () => {
    const run = escapewatch("documents", "--db", db);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trimEnd().split("\n");
    assert.equal(lines[0], TABLE_HEADER);
    assert.match(lines[1], /^doc-1\s+2025-03-04\s+yes\s+\d+\s+Guards, "on alert" after break$/);
    assert.match(lines[2], /^doc-2\s+-\s+yes/);
    assert.equal(lines[3], "2 documents");
  });

  test("--json prints the documents as a JSON array", () => {
    const run = escapewatch("documents", "--db", db, "--json");
    assert.equal(run.status, 0, run.stderr);
    const docs = JSON.parse(run.stdout);
    assert.deepEqual(docs.map((d: { id: string; published: string | null }) => [d.id, d.published]), [
      ["doc-1", "2025-03-04"],
      ["doc-2", null],
    ]);
    assert.equal(docs[0].length, makeDoc("doc-1").text.length);
  });

  test("documentLine cuts long ids and titles", () => {
    const line = documentLine({
      id: "x".repeat(40), url: null, title: "t".repeat(100), published: null, relevant: false,
      contentHash: "", length: 12345, ingestedAt: "",
    });
    assert.ok(line.startsWith(`${"x".repeat(27)}…`));
    assert.ok(line.endsWith(`${"t".repeat(59)}…`));
    assert.match(line, / no +12345 /);
  });
});
