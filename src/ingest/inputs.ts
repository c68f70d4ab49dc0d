// The raw records of one input file. A bad record becomes a rejection and the rest still come.
// Numeric dates ("03/04/2025") are read with what the whole file says about their order, so a
// record whose date the file has not yet settled waits for a second pass over the file.
import type { RawRecord } from "../model/doc.ts";
import { IngestError, rejection, type IngestWarning, type Rejection } from "./errors.ts";
import { decodeText, fileStem, readLines, readWholeFile, type FileLine, type InputFile } from "./files.ts";
import { parseJson } from "./json.ts";
import { NumericDateEvidence } from "./record-dates.ts";
import { datesSettled, observeDates, recordFromFile, recordFromJson, recordsInJson } from "./records.ts";

/** The text of one JSON line, or the error that makes it a rejection; null for a blank line. */
function lineText(line: FileLine): string | null {
  if (line.bytes === null && line.text === undefined) throw new IngestError("E_TOO_LARGE", `line of ${line.size} bytes`);
  const text = line.text ?? decodeLineBytes(line.bytes!);
  return text === null || text.trim() === "" ? null : text;
}

function decodeLineBytes(bytes: Buffer): string | null {
  if (bytes.toString("latin1").trim() === "") return null;
  return decodeText(bytes);
}

/** Raw records of one input file; `onBytes` is told how much of the file has been read. */
export async function* recordsOf(
  file: InputFile,
  onBytes: (n: number) => void,
  onWarning?: (warning: IngestWarning) => void,
): AsyncGenerator<RawRecord | Rejection> {
  const stem = fileStem(file.path);
  const evidence = new NumericDateEvidence();
  const context = { dates: evidence, warn: onWarning };
  if (file.kind === "jsonl") {
    // 1. Every line whose dates are settled (or carry none), the others remembered by number.
    const waiting = new Set<number>();
    for await (const line of readLines(file.path)) {
      onBytes(line.size + 1);
      const origin = `${file.path}:${line.number}`;
      try {
        const text = lineText(line);
        if (text === null) continue;
        const value = parseJson(text);
        observeDates(value, evidence);
        if (!datesSettled(value, evidence)) waiting.add(line.number);
        else yield recordFromJson(value, { origin, stem, index: line.number }, context);
      } catch (error) {
        if (!(error instanceof IngestError)) throw error;
        yield rejection(origin, error);
      }
    }
    if (waiting.size === 0) return;
    // 2. The waiting lines, now that the whole file has had its say.
    for await (const line of readLines(file.path)) {
      if (!waiting.has(line.number)) continue;
      const origin = `${file.path}:${line.number}`;
      try {
        yield recordFromJson(parseJson(lineText(line)!), { origin, stem, index: line.number }, context);
      } catch (error) {
        if (!(error instanceof IngestError)) throw error;
        yield rejection(origin, error);
      }
    }
    return;
  }
  const content = await readWholeFile(file).finally(() => onBytes(file.size));
  if (file.kind === "text" || file.kind === "html") {
    yield recordFromFile(file.path, stem, content, file.kind);
    return;
  }
  const value = parseJson(content);
  const items = recordsInJson(value);
  for (const item of items) observeDates(item, evidence);
  const many = items.length !== 1 || Array.isArray(value);
  for (const [index, item] of items.entries()) {
    const origin = many ? `${file.path}[${index}]` : file.path;
    try {
      yield recordFromJson(item, { origin, stem, index: many ? index : null }, context);
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      yield rejection(origin, error);
    }
  }
}
