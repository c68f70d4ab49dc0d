// Input files: which ones a set of paths names, and their bytes as checked, decoded text.
// Sizes are checked with stat before anything is read; JSON Lines are streamed line by line with
// a per-line cap so a 100 MB line is skipped without ever being held in memory. Text may be UTF-8
// (with or without a byte-order mark) or UTF-16 (little or big endian, with or without one), in
// every format: JSON Lines in UTF-16 are decoded before they are split, since "\n" is two bytes there.
import { createReadStream } from "node:fs";
import { lstat, open, readdir, readFile, realpath, stat } from "node:fs/promises";
import { basename, extname, join, sep } from "node:path";
import { IngestError, type IngestWarning } from "./errors.ts";

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

/** True when `path` (a real path) lies inside the folder `root` (a real path) or is it. */
function inside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Every input file the paths name, folders walked recursively in name order. Files of other types
 * inside folders are skipped silently (a corpus folder may hold notes); named directly, they are
 * rejected. A symbolic link inside a folder is followed only when it stays inside the folder that
 * was named: a link out of the tree is skipped with a warning (name its target to ingest it).
 */
export async function listInputs(paths: string[], onWarning?: (warning: IngestWarning) => void): Promise<Array<InputFile | InputProblem>> {
  const found: Array<InputFile | InputProblem> = [];
  // Real paths of the folders walked: a symlink back up the tree would otherwise be followed
  // until the OS gives up (ELOOP), multiplying the walk with every such link.
  const walked = new Set<string>();
  const visit = async (path: string, named: boolean, root: string | null): Promise<void> => {
    if (root !== null && (await lstat(path).catch(() => null))?.isSymbolicLink()) {
      const target = await realpath(path).catch(() => null);
      // A dangling or looping link falls through to stat below, which names the problem.
      if (target !== null && !inside(root, target)) {
        onWarning?.({ origin: path, code: "W_LINK_OUTSIDE", message: `leads to ${target}, outside ${root}; not followed` });
        return;
      }
    }
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
      for (const entry of entries) await visit(join(path, entry), false, root ?? real);
      return;
    }
    const kind = KIND_BY_EXTENSION[extname(path).toLowerCase()];
    if (kind) found.push({ path, kind, size: info.size });
    else if (named) found.push({ path, error: new IngestError("E_UNSUPPORTED", extname(path) || "no extension") });
  };
  for (const path of paths) await visit(path, true, null);
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

/** How much of the start of a file tells its encoding. */
export const ENCODING_SNIFF_BYTES = 4096;
/** UTF-16 without a byte-order mark: this share of one byte of each pair is zero (ASCII-range text). */
const UTF16_ZERO_SHARE = 0.4;
/** ... while the other byte of each pair is almost never zero. */
const UTF16_OTHER_ZERO_SHARE = 0.05;

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be";

/**
 * The encoding of text that starts with `head`: a byte-order mark decides, else UTF-16 shows as
 * zero bytes in every other position (Windows "Unicode" text, some exporters), else UTF-8.
 */
export function sniffEncoding(head: Uint8Array): TextEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  const pairs = Math.floor(Math.min(head.length, ENCODING_SNIFF_BYTES) / 2);
  if (pairs < 2) return "utf-8";
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZero += 1;
    if (head[2 * i + 1] === 0) oddZero += 1;
  }
  if (oddZero / pairs >= UTF16_ZERO_SHARE && evenZero / pairs <= UTF16_OTHER_ZERO_SHARE) return "utf-16le";
  if (evenZero / pairs >= UTF16_ZERO_SHARE && oddZero / pairs <= UTF16_OTHER_ZERO_SHARE) return "utf-16be";
  return "utf-8";
}

/** Checked bytes as text: E_BINARY, E_UTF8 or E_EMPTY when they are not usable text. */
export function decodeText(bytes: Uint8Array): string {
  const encoding = sniffEncoding(bytes);
  let text: string;
  if (encoding !== "utf-8") {
    // UTF-16 is full of NUL bytes, so it is recognised before the binary sniff.
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes); // drops a byte-order mark
    } catch {
      throw new IngestError("E_UTF8", `invalid ${encoding.toUpperCase()} text`);
    }
  } else {
    if (looksBinary(bytes)) throw new IngestError("E_BINARY");
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); // also drops a leading BOM
    } catch {
      throw new IngestError("E_UTF8");
    }
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

/** One line of a streamed file: its bytes (UTF-8) or its text (decoded UTF-16), or null over the cap. */
export interface FileLine {
  number: number;
  bytes: Buffer | null;
  /** Set instead of `bytes` when the file was UTF-16 and the line is already decoded. */
  text?: string;
  /** Size of the line in the file's bytes. */
  size: number;
}

/** The encoding of a file, from its first bytes. */
async function fileEncoding(path: string): Promise<TextEncoding> {
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(ENCODING_SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, ENCODING_SNIFF_BYTES, 0);
    return sniffEncoding(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** Streams a file's lines (split on \n) without holding more than one capped line in memory. */
export async function* readLines(path: string, maxLineBytes = MAX_DOCUMENT_BYTES): AsyncGenerator<FileLine> {
  let encoding: TextEncoding;
  try {
    encoding = await fileEncoding(path);
  } catch (error) {
    throw new IngestError("E_UNREADABLE", (error as NodeJS.ErrnoException).code ?? "read failed");
  }
  if (encoding === "utf-8") yield* readUtf8Lines(path, maxLineBytes);
  else yield* readUtf16Lines(path, encoding, maxLineBytes);
}

async function* readUtf8Lines(path: string, maxLineBytes: number): AsyncGenerator<FileLine> {
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

/** UTF-16 lines: the stream is decoded first (a "\n" is two bytes there), then split. */
async function* readUtf16Lines(path: string, encoding: "utf-16le" | "utf-16be", maxLineBytes: number): AsyncGenerator<FileLine> {
  const decoder = new TextDecoder(encoding); // not fatal: one broken unit must not cost the other lines
  const maxLineChars = Math.floor(maxLineBytes / 2);
  let parts: string[] = [];
  let chars = 0;
  let number = 1;
  const finish = (): FileLine => {
    const line = { number, bytes: null, text: chars > maxLineChars ? undefined : parts.join(""), size: chars * 2 };
    parts = [];
    chars = 0;
    number += 1;
    return line;
  };
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      const text = decoder.decode(chunk, { stream: true });
      let from = 0;
      for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", from)) {
        if (chars + (nl - from) <= maxLineChars) parts.push(text.slice(from, nl));
        chars += nl - from;
        yield finish();
        from = nl + 1;
      }
      if (chars + (text.length - from) <= maxLineChars) parts.push(text.slice(from));
      else parts = [];
      chars += text.length - from;
    }
    const tail = decoder.decode();
    parts.push(tail);
    chars += tail.length;
  } catch (error) {
    throw new IngestError("E_UNREADABLE", (error as NodeJS.ErrnoException).code ?? "read failed");
  }
  if (chars > 0) yield finish();
}
