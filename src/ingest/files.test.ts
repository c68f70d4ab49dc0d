import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RawRecord } from "../model/doc.ts";
import type { IngestWarning, Rejection } from "./errors.ts";
import { listInputs, sniffEncoding, type InputFile } from "./files.ts";
import { recordsOf } from "./inputs.ts";

const LINES = [
  { id: "u-1", text: "Gunmen stormed the jail in Kobo on Saturday, police said. Café owners fled." },
  { id: "u-2", text: "Forty inmates escaped from the prison in Goma on Sunday, officials said." },
];
const JSONL = LINES.map((l) => JSON.stringify(l)).join("\r\n") + "\r\n";

const utf16le = (text: string, bom: boolean) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, "utf16le")]);
const utf16be = (text: string, bom: boolean) => Buffer.concat([bom ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), Buffer.from(text, "utf16le").swap16()]);
const utf8bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);

/** [file name, bytes]: the same two records in every encoding users' tools write. */
const ENCODED: Array<[string, Buffer]> = [
  ["utf8.jsonl", Buffer.from(JSONL, "utf8")],
  ["utf8-bom.jsonl", utf8bom(JSONL)],
  ["utf16le-bom.jsonl", utf16le(JSONL, true)],
  ["utf16be-bom.jsonl", utf16be(JSONL, true)],
  ["utf16le.jsonl", utf16le(JSONL, false)],
  ["utf16be.jsonl", utf16be(JSONL, false)],
  ["utf16le-bom.json", utf16le(JSON.stringify(LINES), true)],
  ["utf8-bom.json", utf8bom(JSON.stringify(LINES))],
  ["utf16be.json", utf16be(JSON.stringify(LINES), false)],
];

async function read(file: InputFile): Promise<Array<RawRecord | Rejection>> {
  const out: Array<RawRecord | Rejection> = [];
  for await (const item of recordsOf(file, () => {})) out.push(item);
  return out;
}

for (const [name, bytes] of ENCODED) {
  test(`${name}: both records read, text intact`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "escapewatch-encoding-"));
    writeFileSync(join(dir, name), bytes);
    const [file] = (await listInputs([join(dir, name)])) as InputFile[];
    const records = await read(file);
    assert.deepEqual(records.map((r) => ("code" in r ? r.code : [r.id, r.text])), LINES.map((l) => [l.id, l.text]));
  });
}

test("UTF-16 html and text files are decoded too", async () => {
  const dir = mkdtempSync(join(tmpdir(), "escapewatch-encoding-"));
  writeFileSync(join(dir, "page.html"), utf16le("<html><body><p>Inmates fled the café jail.</p></body></html>", false));
  writeFileSync(join(dir, "note.txt"), utf16be("Inmates fled the café jail.", true));
  const files = (await listInputs([dir])) as InputFile[];
  const records = (await Promise.all(files.map(read))).flat() as RawRecord[];
  assert.deepEqual(records.map((r) => r.html ?? r.text), ["Inmates fled the café jail.", "<html><body><p>Inmates fled the café jail.</p></body></html>"]);
});

test("the encoding sniff: marks first, then the zero bytes of UTF-16, else UTF-8", () => {
  const TABLE: Array<[Buffer, string]> = [
    [Buffer.from([0xff, 0xfe, 0x41, 0x00]), "utf-16le"],
    [Buffer.from([0xfe, 0xff, 0x00, 0x41]), "utf-16be"],
    [Buffer.from("abc", "utf16le"), "utf-16le"],
    [Buffer.from("abc", "utf16le").swap16(), "utf-16be"],
    [Buffer.from("plain ascii", "utf8"), "utf-8"],
    [Buffer.from([0x00, 0x00, 0x00, 0x00, 0x00, 0x00]), "utf-8"], // zeros everywhere: binary, not UTF-16
    [Buffer.from("é", "utf8"), "utf-8"],
  ];
  for (const [bytes, encoding] of TABLE) assert.equal(sniffEncoding(bytes), encoding, bytes.toString("hex"));
});

test("a folder walk follows links inside the folder and never one that leads out of it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "escapewatch-links-"));
  const corpus = join(dir, "corpus");
  const outside = join(dir, "private");
  mkdirSync(join(corpus, "sub"), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(corpus, "a.txt"), "Inmates fled.");
  writeFileSync(join(outside, "secret.txt"), "Not part of the corpus.");
  try {
    symlinkSync(join(outside, "secret.txt"), join(corpus, "leak.txt"));
    symlinkSync(outside, join(corpus, "leak-dir"));
    symlinkSync(join(corpus, "a.txt"), join(corpus, "sub", "same.txt"));
  } catch {
    return; // no symlinks on this system
  }
  const warnings: IngestWarning[] = [];
  const found = await listInputs([corpus], (w) => warnings.push(w));
  const paths = found.map((f) => f.path.slice(corpus.length + 1)).sort();
  assert.deepEqual(paths, ["a.txt", join("sub", "same.txt")]);
  assert.deepEqual(warnings.map((w) => [w.origin.slice(corpus.length + 1), w.code]).sort(), [["leak-dir", "W_LINK_OUTSIDE"], ["leak.txt", "W_LINK_OUTSIDE"]]);
  // Named directly, a link is the user's choice and is followed.
  assert.equal(((await listInputs([join(corpus, "leak.txt")])) as InputFile[])[0].kind, "text");
});
