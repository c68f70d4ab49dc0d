// Context-free verdict on each paragraph candidate, in the spirit of jusText: boilerplate rules,
// repeated lines, then shape (length and stop-word density). Context (where a short line sits
// relative to the story's prose) is applied later, in clean.ts.
import type { Unit } from "./units.ts";
import { repeatKey, words } from "./normalize.ts";
import { isDateOnlyLine } from "./dateline.ts";
import { hasCaptionCredit, isSectionLabel, linkDensity, matchBoilerplate, MAX_LINK_DENSITY, stopwordDensity } from "./boilerplate.ts";

/** At least this many words with prose-like stop-word density make a paragraph "good" on its own. */
export const GOOD_MIN_WORDS = 10;
export const GOOD_MIN_STOP_DENSITY = 0.2;
/** A complete sentence this long is "good" too (one-sentence paragraphs are common in news). */
export const SENTENCE_MIN_WORDS = 4;
export const SENTENCE_MIN_STOP_DENSITY = 0.1;
/** Longer lines without a closing full stop are not headlines. */
export const HEADLINE_MAX_WORDS = 25;
/** Share of capitalised long words that makes a line Title Case (headline style). */
export const TITLE_CASE_MIN_SHARE = 0.6;

/**
 * good: prose; heading: headline-shaped (no closing full stop); short: anything else that is not
 * boilerplate; bad: boilerplate, with the rule id that says why.
 */
export type UnitClass = "good" | "heading" | "short" | "bad";

export interface UnitVerdict {
  cls: UnitClass;
  /** Rule id for "bad"; shape description otherwise. */
  rule: string;
  /** First copy of a headline the page repeats: a strong "a story starts here" signal. */
  repeatedHeadline: boolean;
  /** One of the adjacent duplicate lines image blocks leave (caption + alt text). */
  repeatedCaption: boolean;
  /** The matched rule says everything after it is page furniture. */
  endsArticle: boolean;
  endsSentence: boolean;
}

const ENDS_SENTENCE = /[.!?…]["”’')\]]*$/;

function isTitleCase(tokens: string[]): boolean {
  const long = tokens.map((t) => t.replace(/^[^\p{L}\p{N}]+/u, "")).filter((t) => t.length > 3);
  if (long.length === 0) return false;
  return long.filter((t) => /^\p{Lu}/u.test(t)).length / long.length >= TITLE_CASE_MIN_SHARE;
}

/**
 * The text without a closing "(...)" group and the spaces around it: "Smoke rises (AFP)" ->
 * "Smoke rises". Same result as text.replace(/\s*\([^)]*\)\s*$/, ""), in linear time: that
 * regex retries from every "(" and took seconds on a long line of unclosed brackets.
 */
export function withoutClosingParenthetical(text: string): string {
  const body = text.trimEnd();
  if (!body.endsWith(")")) return text;
  const close = body.length - 1;
  // The group opens at the first "(" after the previous ")": [^)]* cannot cross one.
  const open = text.indexOf("(", text.lastIndexOf(")", close - 1) + 1);
  if (open < 0 || open > close) return text;
  let start = open;
  while (start > 0 && /\s/.test(text[start - 1])) start -= 1;
  return text.slice(0, start);
}

/**
 * Shape of a paragraph that no boilerplate rule claimed. A line of up to HEADLINE_MAX_WORDS
 * without closing punctuation is headline-shaped whatever its words: news prose ends its
 * paragraphs with punctuation.
 */
function shapeOf(tokens: string[], endsSentence: boolean): { cls: Exclude<UnitClass, "bad">; rule: string } {
  const density = stopwordDensity(tokens);
  if (!endsSentence && tokens.length >= 2 && tokens.length <= HEADLINE_MAX_WORDS) return { cls: "heading", rule: "shape.heading" };
  if (tokens.length >= GOOD_MIN_WORDS && density >= GOOD_MIN_STOP_DENSITY) return { cls: "good", rule: "shape.prose" };
  if (endsSentence && tokens.length >= SENTENCE_MIN_WORDS && density >= SENTENCE_MIN_STOP_DENSITY) {
    return { cls: "good", rule: "shape.sentence" };
  }
  return { cls: "short", rule: "shape.short" };
}

/**
 * Verdicts for every unit of one page. `title` (from metadata) marks which repeated line is the
 * headline when the page has one.
 */
export function classifyUnits(units: Unit[], title: string | null): UnitVerdict[] {
  // 1. Group repeated lines across the whole page. Each unit's words, key and closing
  //    punctuation are computed once here: every later step reads them.
  const facts = units.map((u) => ({ tokens: words(u.text), key: repeatKey(u.text), endsSentence: ENDS_SENTENCE.test(u.text) }));
  const copies = new Map<string, number[]>();
  facts.forEach(({ key }, i) => {
    if (key === "") return;
    const group = copies.get(key);
    if (group) group.push(i);
    else copies.set(key, [i]);
  });
  const titleKey = title ? repeatKey(title) : null;

  return units.map((unit, i): UnitVerdict => {
    const { tokens, key, endsSentence } = facts[i];
    const verdict = (cls: UnitClass, rule: string, extra: Partial<UnitVerdict> = {}): UnitVerdict => ({
      cls,
      rule,
      repeatedHeadline: false,
      repeatedCaption: false,
      endsArticle: false,
      endsSentence,
      ...extra,
    });

    // 2. Boilerplate rules from data win over everything else.
    const rule = matchBoilerplate(unit.text, tokens.length);
    if (rule) return verdict("bad", rule.id, { endsArticle: rule.endsArticle });

    // 3. Repeated lines: adjacent copies are image captions (drop every copy); a repeated
    //    headline keeps its first copy; a repeated full sentence (pull quote) keeps its first.
    const group = copies.get(key) ?? [];
    if (group.length >= 2) {
      const adjacent = group.some((g, k) => k > 0 && g === group[k - 1] + 1);
      const shape = shapeOf(tokens, endsSentence);
      const headlineLike = key === titleKey || (shape.cls === "heading" && isTitleCase(tokens));
      if (!adjacent && headlineLike) {
        return group[0] === i ? verdict("heading", "repeat.headline-first", { repeatedHeadline: true }) : verdict("bad", "repeat.headline");
      }
      if (!adjacent && endsSentence) {
        return group[0] === i ? verdict(shape.cls, shape.rule) : verdict("bad", "repeat.copy");
      }
      return verdict("bad", "repeat.caption", { repeatedCaption: true });
    }

    // 4. Date banners, captions, section navigation and link lists.
    if (isDateOnlyLine(unit.text)) return verdict("bad", "dateline.date-only");
    if (!ENDS_SENTENCE.test(withoutClosingParenthetical(unit.text)) && hasCaptionCredit(unit.text)) {
      return verdict("bad", "caption.credit");
    }
    if (isSectionLabel(tokens)) return verdict("bad", "label.section");
    if (linkDensity(unit.text) > MAX_LINK_DENSITY) return verdict("bad", "links.dense");

    // 5. Shape.
    const shape = shapeOf(tokens, endsSentence);
    return verdict(shape.cls, shape.rule);
  });
}
