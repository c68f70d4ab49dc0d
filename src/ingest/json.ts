// JSON text to values, refusing nesting no report needs before the parser (or anything that
// walks the value afterwards) can run out of stack on it: a 100,000-deep field is a clear error,
// not a crash.
import { IngestError } from "./errors.ts";

/** Deeper nesting than this is refused: scraper records are a few levels deep. */
export const MAX_JSON_DEPTH = 256;

/** The deepest nesting of arrays and objects in JSON text, in one linear scan (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (ch === 0x5d || ch === 0x7d) depth -= 1;
  }
  return deepest;
}

/** Parses JSON text; E_JSON for invalid text and for nesting deeper than MAX_JSON_DEPTH. */
export function parseJson(text: string): unknown {
  const depth = jsonDepth(text);
  if (depth > MAX_JSON_DEPTH) throw new IngestError("E_JSON", `nested ${depth} levels deep (at most ${MAX_JSON_DEPTH})`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new IngestError("E_JSON", (error as Error).message);
  }
}
