// Hostile files (issue 7): a folder of junk, oversized, deeply nested, mis-encoded and broken
// inputs next to valid reports, through the real CLI. Every bad input is named on stderr with a
// reason code, every valid report is stored, the exit status is 1, and nothing crashes or hangs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../src/store/open.ts";
import { generateReports, seededRandom } from "./generate.ts";
import { runCli, type CliResult } from "./cli.ts";

const MB = 1024 * 1024;
const HTML_DEPTH = 10_000;
const JSON_DEPTH = 50_000;

let dir: string;
let inputs: string;
/** File (or file:line) -> the rejection code expected on stderr. */
const BAD = new Map<string, string>();
/** Document ids that must be stored. */
const VALID_IDS: string[] = [];
let result: CliResult;

function story(i: number): string {
  return generateReports(i + 1, 31)[i].maintext;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "escapewatch-hostile-"));
  inputs = join(dir, "inputs");
  mkdirSync(join(inputs, "nested", "deeper"), { recursive: true });
  const put = (name: string, content: string | Uint8Array) => writeFileSync(join(inputs, name), content);

  // Valid reports: plain text, a unicode file name with spaces, JSON, and good JSONL lines.
  put("valid-one.txt", story(0));
  VALID_IDS.push("valid-one");
  put("rapport été ✓ 2024 (copy).txt", story(1));
  VALID_IDS.push("rapport été ✓ 2024 (copy)");
  put(join("nested", "deeper", "valid-two.json"), JSON.stringify({ id: "valid-json", title: "Escape reported", maintext: story(2) }));
  VALID_IDS.push("valid-json");
  // UTF-16 with a byte-order mark is text in another encoding: decoded, not refused.
  put("utf16-bom.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(story(3), "utf16le")]));
  VALID_IDS.push("utf16-bom");
  put("utf16be-bom.txt", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(story(6), "utf16le").swap16()]));
  VALID_IDS.push("utf16be-bom");
  const lines = [
    JSON.stringify({ id: "line-good-1", maintext: story(4) }),
    '{"id": "line-broken-1", "maintext": "Gunmen stormed',
    "not json at all ][",
    JSON.stringify({ id: "line-good-2", maintext: story(5) }),
    '{"id": "line-broken-2",,}',
  ];
  put("mixed.jsonl", lines.join("\n") + "\n");
  VALID_IDS.push("line-good-1", "line-good-2");
  BAD.set(`mixed.jsonl:2`, "E_JSON");
  BAD.set(`mixed.jsonl:3`, "E_JSON");
  BAD.set(`mixed.jsonl:5`, "E_JSON");
  // Deep HTML around a real story: readable, so stored (it must not blow the stack).
  put("deep.html", "<html><body>" + "<div>".repeat(HTML_DEPTH) + `<p>${story(7)}</p>` + "</div>".repeat(HTML_DEPTH) + "</body></html>");
  VALID_IDS.push("deep");

  // Bad inputs.
  const random = seededRandom(99);
  put("junk.txt", Uint8Array.from({ length: 64 * 1024 }, () => Math.floor(random() * 256)));
  BAD.set("junk.txt", "E_BINARY");
  put("huge.txt", Buffer.alloc(25 * MB, "Inmates escaped. "));
  BAD.set("huge.txt", "E_TOO_LARGE");
  put("bad-utf8.txt", Buffer.concat([Buffer.from("Gunmen stormed the prison and "), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from(" inmates fled.")]));
  BAD.set("bad-utf8.txt", "E_UTF8");
  put("deep-array.json", "[".repeat(JSON_DEPTH) + "]".repeat(JSON_DEPTH));
  BAD.set("deep-array.json", "E_JSON");
  put("empty.txt", "");
  BAD.set("empty.txt", "E_EMPTY");
  put("blank.txt", " \n\t\n ");
  BAD.set("blank.txt", "E_EMPTY");
  // A symlink to itself, and a directory link back up the tree (a walk must not loop forever).
  try {
    symlinkSync("self-loop.txt", join(inputs, "self-loop.txt"));
    BAD.set("self-loop.txt", "E_UNREADABLE");
    symlinkSync("..", join(inputs, "nested", "back-to-inputs"));
    symlinkSync("../..", join(inputs, "nested", "deeper", "back-to-top")); // two links: exponential without a guard
  } catch {
    // Symlinks may be unavailable (e.g. Windows without privileges); the rest still runs.
  }

  result = await runCli(["ingest", "--db", join(dir, "hostile.db"), inputs]);
});

after(() => rmSync(dir, { recursive: true, force: true }));

test("the CLI finishes with exit status 1, without crashing or hanging", () => {
  assert.equal(result.timedOut, false, "ingest hung");
  assert.equal(result.signal, null);
  assert.equal(result.code, 1, `exit status\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, /\n\s+at .+:\d+:\d+\)?\n/, "no stack trace");
  // Each input read once: no copies through the links.
  assert.match(result.stdout, new RegExp(`read ${VALID_IDS.length + BAD.size}, new ${VALID_IDS.length}, updated 0, already known 0, rejected ${BAD.size}`));
});

test("every bad input is named on stderr with its reason code", () => {
  const rejected = result.stderr.split("\n").filter((l) => l.startsWith("rejected "));
  for (const [name, code] of BAD) {
    const line = rejected.find((l) => l.includes(`${name}:`) || l.includes(`${name} `) || l.includes(`/${name}`));
    assert.ok(line, `${name} is named on stderr:\n${result.stderr}`);
    assert.match(line, new RegExp(`: ${code} `), `${name} rejected with ${code}: ${line}`);
  }
});

test("every valid report is stored, each exactly once (the looping symlink adds no copies)", async () => {
  const store = await openStore(join(dir, "hostile.db"));
  try {
    const ids = [];
    for await (const d of store.iterateDocuments()) ids.push(d.id);
    assert.deepEqual(ids.sort(), [...VALID_IDS].sort());
  } finally {
    await store.close();
  }
});
