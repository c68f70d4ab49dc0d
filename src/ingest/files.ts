// Input files: which ones a set of paths names, and their bytes as checked, decoded text.
// Sizes are checked with stat before anything is read; JSON Lines are streamed line by line with
// a per-line cap so a 100 MB line is skipped without ever being held in memory.
import { createReadStream } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { IngestError } from "./errors.ts";

/** Largest document (file, or JSON line) accepted. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** Bytes sniffed for binary content. */
export const BINARY_SNIFF_BYTES = 8192;
/** Above this share of control characters, the bytes are not text. */
export const MAX_CONTROL_SHARE = 0.1;

export type InputKind = "text" | "html" | "json" | "jsonl";

const KIND_BY_EXTENSION: Record<string, InputKind> = {
  ".txt": "text",
  ".text": "text",
  ".html": "html",
  ".htm": "html",
  ".json": "json",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
};

export interface InputFile {
  path: string;
  kind: InputKind;
  size: number;
}

/** A path that could not become an InputFile. */
export interface InputProblem {
  path: string;
  error: IngestError;
}

/** File name without its extension: "corpus/000_abc.txt" -> "000_abc". */
export function fileStem(path: string): string {
  return basename(path, extname(path));
}

/**
 * Every input file the paths name, folders walked recursively in name order. Files of other types
 * inside folders are skipped silently (a corpus folder may hold notes); named directly, they are
 * rejected.
 */
export async function listInputs(paths: string[]): Promise<Array<InputFile | InputProblem>> {
  const found: Array<InputFile | InputProblem> = [];
  // Real paths of the folders walked: a symlink back up the tree would otherwise be followed
  // until the OS gives up (ELOOP), multiplying the walk with every such link.
  const walked = new Set<string>();
  const visit = async (path: string, named: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      found.push({ path, error: new IngestError("E_UNREADABLE", (error as NodeJS.ErrnoException).code ?? "stat failed") });
      return;
    }
    if (info.isDirectory()) {
      const real = await realpath(path).catch(() => path);
      if (walked.has(real)) return; // reached again through a link: already listed
      walked.add(real);
      let entries: string[];
      try {
        entries = (await readdir(path)).filter((e) => !e.startsWith(".")).sort();
      } catch (error) {
        found.push({ path, error: new IngestError("E_UNREADABLE", (error as NodeJS.ErrnoException).code ?? "readdir failed") });
        return;
      }
      for (const entry of entries) await visit(join(path, entry), false);
      return;
    }
    const kind = KIND_BY_EXTENSION[extname(path).toLowerCase()];
    if (kind) found.push({ path, kind, size: info.size });
    else if (named) found.push({ path, error: new IngestError("E_UNSUPPORTED", extname(path) || "no extension") });
  };
  for (const path of paths) await visit(path, true);
  return found;
}

/** True when bytes look binary: a NUL byte, or many control characters other than whitespace. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, BINARY_SNIFF_BYTES);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control += 1;
  }
  return sample.length > 0 && control / sample.length > MAX_CONTROL_SHARE;
}

/** Byte-order marks of UTF-16 text (Windows tools save "Unicode" text this way). */
const UTF16_BOMS: Array<{ bom: [number, number]; encoding: "utf-16le" | "utf-16be" }> = [
  { bom: [0xff, 0xfe], encoding: "utf-16le" },
  { bom: [0xfe, 0xff], encoding: "utf-16be" },
];

/** Checked bytes as text: E_BINARY, E_UTF8 or E_EMPTY when they are not usable text. */
export function decodeText(bytes: Uint8Array): string {
  // UTF-16 is full of NUL bytes, so it must be recognised by its BOM before the binary sniff.
  const utf16 = UTF16_BOMS.find(({ bom }) => bytes[0] === bom[0] && bytes[1] === bom[1]);
  if (utf16) {
    let text: string;
    try {
      text = new TextDecoder(utf16.encoding, { fatal: true }).decode(bytes); // drops the BOM
    } catch {
      throw new IngestError("E_UTF8", `invalid ${utf16.encoding.toUpperCase()} after its byte-order mark`);
    }
    if (text.trim() === "") throw new IngestError("E_EMPTY");
    return text;
  }
  if (looksBinary(bytes)) throw new IngestError("E_BINARY");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); // also drops a leading BOM
  } catch {
    throw new IngestError("E_UTF8");
  }
  if (text.trim() === "") throw new IngestError("E_EMPTY");
  return text;
}

/** A whole (non-streamed) input file as text, refusing oversized ones before reading them. */
export async function readWholeFile(file: InputFile): Promise<string> {
  if (file.size > MAX_DOCUMENT_BYTES) throw new IngestError("E_TOO_LARGE", `${file.size} bytes`);
  if (file.size === 0) throw new IngestError("E_EMPTY");
  let bytes: Buffer;
  try {
    bytes = await readFile(file.path);
  } catch (error) {
    throw new IngestError("E_UNREADABLE", (error as NodeJS.ErrnoException).code ?? "read failed");
  }
  return decodeText(bytes);
}

/** One line of a streamed file: its bytes, or null when it exceeded the cap (`size` says how big). */
export interface FileLine {
  number: number;
  bytes: Buffer | null;
  size: number;
}

/** Streams a file's lines (split on \n) without holding more than one capped line in memory. */
export async function* readLines(path: string, maxLineBytes = MAX_DOCUMENT_BYTES): AsyncGenerator<FileLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let number = 1;
  const finish = (): FileLine => {
    const line = { number, bytes: size > maxLineBytes ? null : Buffer.concat(parts), size };
    parts = [];
    size = 0;
    number += 1;
    return line;
  };
  let stream;
  try {
    stream = createReadStream(path);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let from = 0;
      for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, from)) {
        if (size + (nl - from) <= maxLineBytes) parts.push(chunk.subarray(from, nl));
        size += nl - from;
        yield finish();
        from = nl + 1;
      }
      const rest = chunk.length - from;
      if (size + rest <= maxLineBytes) parts.push(chunk.subarray(from));
      else parts = []; // over the cap: keep counting, stop keeping
      size += rest;
    }
  } catch (error) {
    throw new IngestError("E_UNREADABLE", (error as NodeJS.ErrnoException).code ?? "read failed");
  }
  if (size > 0) yield finish();
}
