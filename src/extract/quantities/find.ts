// Finds every count-like expression in a stretch of text: figures ("37", "1,500", "eleven"),
// figures with modifiers ("at least 750"), ranges ("between 20 and 30") and vague amounts
// ("dozens", "several hundred", "a number of"). Propose, then refine: each recogniser proposes
// candidates, figures in non-count contexts are dropped, and overlaps go to the longest match.
import type { Annotation } from "../../model/doc.ts";
import type { Quantity } from "../../model/incident.ts";
import { DAY_OF_MONTH_BEFORE, VAGUE_AMOUNTS, type VagueAmount } from "./lexicon.ts";
import { MODIFIER_MEANING, modifierBefore } from "./modifiers.ts";
import { longestWins } from "./overlap.ts";
import { looksLikeYear, nonCountContext } from "./non-count.ts";
import { DIGIT_TOKEN, NUMBER_WORD_RUN, readDigits, readNumberWords } from "./number-words.ts";

/**
 * A count as read from text. `vague`: no figure was stated, a word stands in for one
 * ("dozens", "several"). `noCount`: the words say some were involved but give no count at all
 * ("a number of", "many"); low/high are then not claims.
 */
export type QuantityValue = Quantity & { vague: boolean; noCount?: boolean };
export type QuantityAnnotation = Annotation<QuantityValue>;

/** A figure before any modifier or range is applied. */
interface Figure {
  start: number;
  end: number;
  value: number;
  digits: boolean;
  article: boolean;
  /** The digit token as written, for the year test. */
  token: string;
}

/** Joiners between the two figures of a range; "and" only after "between". */
const RANGE_JOINER = /^(?:[ \t\u00a0]*[-–—][ \t\u00a0]*|[ \t\u00a0]+(to|and)[ \t\u00a0]+)$/i;
const RANGE_OPENER = /(?:^|[^a-z])(between|from)[ \t\u00a0]+$/i;
/** A dash with space on both sides: in "KOBO, Oct 3 - Forty inmates" it closes a dateline. */
const SPACED_DASH = /^[ \t\u00a0]+[-–—][ \t\u00a0]+$/;

/**
 * Whether `a` and `b` read as one range ("20-30", "twenty to thirty"). A range is written in one
 * form, digits or words ("Oct 3 - Twenty-five inmates" is a dateline and a count), and a day of
 * the month before a spaced dash ends a dateline ("ADEN, Sept 21 - 40 prisoners were moved").
 */
function readsAsRange(text: string, from: number, a: Figure, b: Figure): boolean {
  if (a.article || b.article || a.digits !== b.digits || b.value <= a.value) return false;
  const between = text.slice(a.end, b.start);
  const joiner = RANGE_JOINER.exec(between);
  if (!joiner) return false;
  if (SPACED_DASH.test(between) && DAY_OF_MONTH_BEFORE.test(text.slice(Math.max(from, a.start - 12), a.start))) return false;
  const opener = RANGE_OPENER.exec(text.slice(Math.max(from, a.start - 12), a.start));
  return joiner[1]?.toLowerCase() !== "and" || opener?.[1].toLowerCase() === "between";
}

// Stage 1: figures in digits and in words, in text order.
function readFigures(text: string, from: number, to: number): Figure[] {
  // the regexes run over the scope only, so per-sentence calls stay linear in the sentence
  const scope = text.slice(from, to);
  const figures: Figure[] = [];
  DIGIT_TOKEN.lastIndex = 0;
  for (let m = DIGIT_TOKEN.exec(scope); m; m = DIGIT_TOKEN.exec(scope)) {
    const read = readDigits(scope, m.index, m[0]);
    if (read) figures.push({ start: from + m.index, end: from + read.end, value: read.value, digits: true, article: false, token: m[0] });
  }
  NUMBER_WORD_RUN.lastIndex = 0;
  for (let m = NUMBER_WORD_RUN.exec(scope); m; m = NUMBER_WORD_RUN.exec(scope)) {
    const read = readNumberWords(m[0], m.index);
    if (!read) continue;
    figures.push({ start: from + m.index, end: from + read.end, value: read.value, digits: false, article: !!read.article, token: "" });
    // rescan what the grammar did not take ("twenty and thirty" -> 20, then 30)
    NUMBER_WORD_RUN.lastIndex = read.end;
  }
  return figures.sort((a, b) => a.start - b.start);
}

function isNonCount(text: string, from: number, to: number, start: number, end: number, figure: Figure): boolean {
  const isOne = !figure.digits && text.slice(figure.start, figure.end).toLowerCase() === "one";
  return nonCountContext({ text, floor: from, ceiling: to, start, end, isOne }) !== null;
}

// Stage 2: ranges, modifiers and the non-count filter turn figures into candidates.
function figureCandidates(text: string, from: number, to: number): QuantityAnnotation[] {
  const figures = readFigures(text, from, to);
  const out: QuantityAnnotation[] = [];
  for (let i = 0; i < figures.length; i++) {
    const a = figures[i];
    const b = figures[i + 1];
    if (b && readsAsRange(text, from, a, b)) {
      const opener = RANGE_OPENER.exec(text.slice(Math.max(from, a.start - 12), a.start));
      const start = opener ? a.start - opener[0].length + opener[0].indexOf(opener[1]) : a.start;
      i++; // b is consumed by the range
      if (isNonCount(text, from, to, a.start, b.end, a) || (looksLikeYear(a.token) && looksLikeYear(b.token))) continue;
      const value = { low: a.value, high: b.value, best: Math.round((a.value + b.value) / 2), vague: false };
      out.push({ kind: "quantity", rule: "quantity.range", start, end: b.end, value });
      continue;
    }
    if (isNonCount(text, from, to, a.start, a.end, a)) continue;
    // "a 25-year-old", "a 37-strong group": the article belongs to the next figure, not a count
    if (a.article && b && /^[ \t\u00a0]+$/.test(text.slice(a.end, b.start))) continue;
    const modifier = a.article ? null : modifierBefore(text, a.start, from);
    if (!modifier && looksLikeYear(a.token)) continue;
    if (modifier) {
      const value = { ...MODIFIER_MEANING[modifier.id](a.value), vague: false };
      out.push({ kind: "quantity", rule: `quantity.${modifier.id}`, start: modifier.start, end: a.end, value });
    } else {
      const rule = a.article ? "quantity.article" : a.digits ? "quantity.digits" : "quantity.words";
      out.push({ kind: "quantity", rule, start: a.start, end: a.end, value: { low: a.value, high: a.value, best: a.value, vague: false } });
    }
  }
  return out;
}

const VAGUE_BY_PHRASE = new Map<string, VagueAmount>();
for (const v of VAGUE_AMOUNTS) for (const p of v.phrases) VAGUE_BY_PHRASE.set(p, v);
const VAGUE_PATTERN = new RegExp(
  `\\b(?:${[...VAGUE_BY_PHRASE.keys()].sort((a, b) => b.length - a.length).join("|")})\\b`,
  "gi",
);

/** Marks candidates that only block overlapping ones and are never returned. */
const NON_COUNT_RULE = "quantity.non-count";

// Stage 3: vague amounts ("dozens", "several hundred", "a number of").
function vagueCandidates(text: string, from: number, to: number): QuantityAnnotation[] {
  const scope = text.slice(from, to);
  const out: QuantityAnnotation[] = [];
  VAGUE_PATTERN.lastIndex = 0;
  for (let m = VAGUE_PATTERN.exec(scope); m; m = VAGUE_PATTERN.exec(scope)) {
    const amount = VAGUE_BY_PHRASE.get(m[0].toLowerCase().replace(/\s+/g, " "));
    if (!amount) continue;
    const start = from + m.index;
    const end = start + m[0].length;
    const value: QuantityValue = { low: amount.low, high: amount.high, best: amount.best, vague: true };
    if (amount.noCount) value.noCount = true;
    // a vague word in a non-count context ("a few hours") still claims its words, so the
    // article inside it is not read as a count of one; it is dropped after the overlap stage
    const rule = nonCountContext({ text, floor: from, ceiling: to, start, end, vague: true }) ? NON_COUNT_RULE : `quantity.${amount.id}`;
    out.push({ kind: "quantity", rule, start, end, value });
  }
  return out;
}

// Stage 4: overlapping candidates go to the longest (overlap.ts): "several hundred" over
// "hundred", "some 2,000" over bare "some".

/**
 * Every count-like expression in text[from, to), with offsets into `text` that cover the whole
 * expression, modifier included. Example: "at least 1,500 inmates" -> one annotation over
 * "at least 1,500", rule "quantity.at-least", value {low: 1500, high: null, best: 1500}.
 */
export function findQuantities(text: string, from = 0, to = text.length): QuantityAnnotation[] {
  const floor = Math.max(0, from);
  const ceiling = Math.min(text.length, to);
  if (floor >= ceiling) return [];
  const candidates = [...figureCandidates(text, floor, ceiling), ...vagueCandidates(text, floor, ceiling)];
  return longestWins(candidates).filter((c) => c.rule !== NON_COUNT_RULE);
}

/**
 * Reads one phrase as a count, taking its longest count-like expression.
 * Example: parseQuantity("more than 100") -> {low: 101, high: null, best: 101, vague: false}.
 */
export function parseQuantity(phrase: string): QuantityValue | null {
  const found = findQuantities(phrase);
  if (found.length === 0) return null;
  const longest = found.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  return longest.value;
}
