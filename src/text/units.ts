// Splits scraped plain text into paragraph candidates ("units"): usually one line each, since
// scrapers write one paragraph per line, with hard-wrapped lines joined back together.
import { normalizeSpace } from "./normalize.ts";

export interface Unit {
  /** Whitespace-normalised text of the paragraph. */
  text: string;
  /** Blank lines between the previous unit and this one (a story-boundary signal). */
  blankBefore: number;
}

// A line that ends mid-sentence continues on the next line when that one starts in lower case
// or the line ends with a comma/semicolon: the scraper hard-wrapped one paragraph.
const OPEN_ENDING = /[,;]$|\b(the|a|an|of|in|on|to|and|or|for|with|by|at|from)$/i;
const LOWER_START = /^\p{Ll}/u;

/** "Title\n\nLine one\nLine two" -> units with text and the blank lines before each. */
export function splitUnits(raw: string): Unit[] {
  const units: Unit[] = [];
  let blank = 0;
  let previousWasText = false;
  for (const line of raw.split(/\r\n|\r|\n/)) {
    const text = normalizeSpace(line);
    if (text === "") {
      blank += 1;
      previousWasText = false;
      continue;
    }
    const last = units[units.length - 1];
    if (previousWasText && last && (LOWER_START.test(text) || OPEN_ENDING.test(last.text))) {
      last.text = `${last.text} ${text}`;
    } else {
      units.push({ text, blankBefore: units.length === 0 ? 0 : blank });
    }
    blank = 0;
    previousWasText = true;
  }
  return units;
}
