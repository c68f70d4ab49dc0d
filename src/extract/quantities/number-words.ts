// Reads figures written out in words ("twenty-one", "one hundred and five", "half a dozen") and
// figures in digits ("1,500", "1.5 million"). Both readers return how much of the input they
// consumed, so the caller can rescan whatever follows a word sequence that stopped early.
import { DIGIT_SCALES, NUMBER_WORDS, type NumberWord } from "./lexicon.ts";

const WORD_BY_TEXT = new Map(NUMBER_WORDS.map((w) => [w.word, w]));

// Longest words first so "seventeen" is not read as "seven" (the trailing \b also guards this).
const WORD_ALTERNATION = [...WORD_BY_TEXT.keys()].sort((a, b) => b.length - a.length).join("|");
const GAP = "[ \\t\\u00a0]+";

/** No written-out figure needs more words than this ("one million two hundred and fifty-five thousand ..."). */
export const MAX_NUMBER_WORDS = 12;

/**
 * A run of number words joined by spaces, hyphens or "and". The run is capped so that rescanning
 * after a grammar break ("one and one and one ...") costs a bounded amount per figure: the scan
 * stays linear in the input length.
 */
export const NUMBER_WORD_RUN = new RegExp(
  `\\b(?:${WORD_ALTERNATION})\\b(?:(?:${GAP}and${GAP}|${GAP}|-)(?:${WORD_ALTERNATION})\\b){0,${MAX_NUMBER_WORDS - 1}}`,
  "gi",
);

/** A maximal token of digits, commas and dots that starts and ends with a digit. */
export const DIGIT_TOKEN = /(?<![\d.]|\d,)\d(?:[\d,.]*\d)?/g;

const THOUSANDS_GROUPED = /^\d{1,3}(?:,\d{3})+$/;
const PLAIN_OR_DECIMAL = /^\d+(?:\.\d+)?$/;
/** Longer runs of bare digits are phone numbers, codes or garbage, not head-counts. */
export const MAX_PLAIN_DIGITS = 7;
const DIGIT_SCALE_AFTER = new RegExp(`^${GAP}(${Object.keys(DIGIT_SCALES).join("|")})\\b`, "i");

export interface ReadFigure {
  value: number;
  /** Offset just past the last character that belongs to the figure. */
  end: number;
  /** True when the figure is the bare article "a"/"an" (a count of one, weakest evidence). */
  article?: boolean;
}

/**
 * Reads a digit token at `start` (already matched by DIGIT_TOKEN) plus an optional scale word.
 * Example: "1.5 million" -> 1500000. Returns null for malformed tokens like "1,1,1" or "10.0.0.1".
 */
export function readDigits(text: string, start: number, token: string): ReadFigure | null {
  const grouped = THOUSANDS_GROUPED.test(token);
  if (!grouped && !PLAIN_OR_DECIMAL.test(token)) return null;
  if (!grouped && token.replace(".", "").length > MAX_PLAIN_DIGITS) return null;
  let value = Number(token.replaceAll(",", ""));
  let end = start + token.length;
  const scale = DIGIT_SCALE_AFTER.exec(text.slice(end, end + 16));
  if (scale) {
    value *= DIGIT_SCALES[scale[1].toLowerCase()];
    end += scale[0].length;
  }
  if (!Number.isInteger(value)) return null; // "2.5" without a scale is a measure, not a count
  return { value, end };
}

interface WordToken {
  word: NumberWord;
  /** The token is preceded by "and". */
  afterAnd: boolean;
  end: number;
}

function tokenize(run: string, start: number): WordToken[] {
  const tokens: WordToken[] = [];
  const pattern = /([a-z]+)/gi;
  let afterAnd = false;
  for (const m of run.matchAll(pattern)) {
    const text = m[1].toLowerCase();
    if (text === "and") {
      afterAnd = true;
      continue;
    }
    const word = WORD_BY_TEXT.get(text);
    if (!word) break;
    tokens.push({ word, afterAnd, end: start + m.index + m[0].length });
    afterAnd = false;
  }
  return tokens;
}

/**
 * Reads the longest well-formed number at the start of a word run.
 * Examples: "twenty-one" -> 21, "one hundred and five" -> 105, "a dozen" -> 12,
 * "half a million" -> 500000, "twenty thirty" -> 20 (stops where the grammar breaks).
 */
export function readNumberWords(run: string, start: number): ReadFigure | null {
  const tokens = tokenize(run, start);
  if (tokens.length === 0) return null;

  // "half a dozen" / "half a million": a fixed three-word shape
  if (tokens[0].word.kind === "half") {
    const [, article, multiplier] = tokens;
    if (article?.word.kind !== "article" || !multiplier) return null;
    if (!["dozen", "scale", "hundred"].includes(multiplier.word.kind)) return null;
    return { value: multiplier.word.value / 2, end: multiplier.end };
  }

  let total = 0; // completed thousands/millions
  let group = 0; // the group below the last scale word
  let previous: WordToken | null = null;
  let lastScale = Infinity;
  let result: ReadFigure | null = null;

  for (const token of tokens) {
    const { kind, value } = token.word;
    const prevKind = previous?.word.kind;
    // 1. "and" only joins a scale to what follows it ("one hundred and five")
    if (token.afterAnd && prevKind !== "hundred" && prevKind !== "scale") break;
    // 2. each word must be allowed after the previous one
    if (kind === "article" || kind === "half") {
      if (previous) break;
      group = 1;
    } else if (kind === "unit") {
      if (prevKind === "unit" || prevKind === "dozen") break;
      if (prevKind === "tens" && value >= 10) break;
      if (prevKind === "article") break;
      group += value;
    } else if (kind === "tens") {
      if (prevKind === "unit" || prevKind === "tens" || prevKind === "dozen" || prevKind === "article") break;
      group += value;
    } else if (kind === "hundred") {
      if (group >= 100 || prevKind === "hundred" || prevKind === "dozen") break;
      group = (group || 1) * value;
    } else if (kind === "dozen") {
      if (group >= 100 || prevKind === "dozen") break;
      group = (group || 1) * value;
    } else if (kind === "scale") {
      if (value >= lastScale || prevKind === "dozen" || prevKind === "scale") break;
      total += (group || 1) * value;
      group = 0;
      lastScale = value;
    }
    previous = token;
    // 3. a bare article is a figure of one; anything else is the running value
    result = kind === "article" ? { value: 1, end: token.end, article: true } : { value: total + group, end: token.end };
  }
  return result;
}
