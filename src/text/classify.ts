// Context-free verdict on each paragraph candidate, in the spirit of jusText: boilerplate rules,
// repeated lines, then shape (length and stop-word density). Context (where a short line sits
// relative to the story's prose) is applied later, in clean.ts. Features come from one indexed
// pass over the page (features.ts); a unit's text is built only when a rule must read it.
import type { Unit } from "./units.ts";
import { unitText } from "./units.ts";
import { repeatKey } from "./normalize.ts";
import { isDateOnlyLine } from "./dateline.ts";
import { densityOf, featuresOf, isTitleCase, keyOf, sameLetters, type UnitFeatures } from "./features.ts";
import { BOILERPLATE_MAX_WORDS, hasCaptionCredit, isSectionLabel, matchBoilerplate, MAX_LINK_DENSITY, SECTION_LABEL_MAX_WORDS } from "./boilerplate.ts";
import { namesDetentionEvent } from "./relevance.ts";

/** At least this many words with prose-like stop-word density make a paragraph "good" on its own. */
export const GOOD_MIN_WORDS = 10;
export const GOOD_MIN_STOP_DENSITY = 0.2;
/** A complete sentence this long is "good" too (one-sentence paragraphs are common in news). */
export const SENTENCE_MIN_WORDS = 4;
export const SENTENCE_MIN_STOP_DENSITY = 0.1;
/** Longer lines without a closing full stop are not headlines. */
export const HEADLINE_MAX_WORDS = 25;
/** A line that only states a date is never longer than this. */
export const DATE_LINE_MAX_WORDS = 12;

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
  /** Boilerplate that sits inside stories (an ad slot, a caption, a repeated paragraph): the story runs on across it. */
  insideStory: boolean;
  endsSentence: boolean;
  /**
   * Reads as prose although no full stop closes it: a standfirst, a summary bullet, a last
   * paragraph cut off by the scraper. Never a headline.
   */
  prose: boolean;
  /** The line is the page's metadata title. */
  isTitle: boolean;
  features: UnitFeatures;
  /** The normalised text, when a rule had to read it (short lines and lines without a full stop). */
  text: string | null;
}

/** Prose that lacks its closing full stop: long enough, dense in function words, not Title Case. */
function isOpenProse(f: UnitFeatures): boolean {
  return !f.endsSentence && f.words >= GOOD_MIN_WORDS && densityOf(f) >= GOOD_MIN_STOP_DENSITY && !isTitleCase(f);
}

/**
 * Shape of a paragraph that no boilerplate rule claimed. A line of up to HEADLINE_MAX_WORDS
 * without closing punctuation is headline-shaped unless it reads as prose: news prose ends its
 * paragraphs with punctuation, and headlines are sparse in function words.
 */
function shapeOf(f: UnitFeatures): { cls: Exclude<UnitClass, "bad">; rule: string } {
  const density = densityOf(f);
  if (!f.endsSentence && f.words >= 2 && f.words <= HEADLINE_MAX_WORDS) return { cls: "heading", rule: isOpenProse(f) ? "shape.open-prose" : "shape.heading" };
  if (f.words >= GOOD_MIN_WORDS && density >= GOOD_MIN_STOP_DENSITY) return { cls: "good", rule: "shape.prose" };
  if (f.endsSentence && f.words >= SENTENCE_MIN_WORDS && density >= SENTENCE_MIN_STOP_DENSITY) return { cls: "good", rule: "shape.sentence" };
  return { cls: "short", rule: "shape.short" };
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

const ENDS_SENTENCE = /[.!?…]["”’')\]]*$/;

/** Repeated lines, grouped: unit index -> indexes of every copy (only for lines seen twice or more). */
function repeatGroups(raw: string, units: Unit[], features: UnitFeatures[]): Map<number, number[]> {
  // The first line of each key; a group is made when a copy of it comes (most lines come once).
  const firstWithKey = new Map<number, number>();
  const byKey = new Map<number, number[]>();
  // A line whose hash another line already holds is grouped by its full key string instead.
  const byText = new Map<string, number[]>();
  features.forEach(({ key }, i) => {
    if (key === 0) return;
    const first = firstWithKey.get(key);
    if (first === undefined) firstWithKey.set(key, i);
    else if (sameLetters(raw, units[first].start, units[first].end, raw, units[i].start, units[i].end)) {
      const group = byKey.get(key);
      if (group) group.push(i);
      else byKey.set(key, [first, i]);
    } else {
      const text = repeatKey(raw.slice(units[i].start, units[i].end));
      const collided = byText.get(text);
      if (collided) collided.push(i);
      else byText.set(text, [i]);
    }
  });
  const copies = new Map<number, number[]>();
  for (const group of byKey.values()) for (const i of group) copies.set(i, group);
  for (const group of byText.values()) if (group.length >= 2) for (const i of group) copies.set(i, group);
  return copies;
}

/** What every verdict on one unit says, whatever its class. */
interface UnitFacts {
  features: UnitFeatures;
  text: string | null;
  repeatedCaption: boolean;
  isTitle: boolean;
}

/**
 * The verdict on one unit. A function of the module rather than a closure made for every unit:
 * under tsx (the benchmark, the tests) esbuild names each such closure with a defineProperty call.
 */
function verdictOn(facts: UnitFacts, cls: UnitClass, rule: string, extra: Partial<UnitVerdict> = {}): UnitVerdict {
  return {
    cls,
    rule,
    repeatedHeadline: false,
    repeatedCaption: facts.repeatedCaption,
    endsArticle: false,
    insideStory: false,
    endsSentence: facts.features.endsSentence,
    prose: false,
    isTitle: facts.isTitle,
    features: facts.features,
    text: facts.text,
    ...extra,
  };
}

/**
 * Verdicts for every unit of one page. `title` (from metadata) marks which repeated line is the
 * headline when the page has one.
 */
export function classifyUnits(raw: string, units: Unit[], title: string | null): UnitVerdict[] {
  // 1. Features of every unit, from one pass over the page; then the lines the page repeats.
  const features = units.map((u) => featuresOf(raw, u.start, u.end));
  const groups = repeatGroups(raw, units, features);
  // Groups with two copies side by side (caption + alt text), found once per group.
  const adjacentGroups = new Set([...new Set(groups.values())].filter((group) => group.some((g, k) => k > 0 && g === group[k - 1] + 1)));
  const titleKey = title ? keyOf(title) : 0;

  return units.map((unit, i): UnitVerdict => {
    const f = features[i];
    const group = groups.get(i);
    const adjacent = group !== undefined && adjacentGroups.has(group);
    // Only short lines can be boilerplate by rule, and only lines without a closing full stop can
    // be captions: the text of a long prose paragraph is never built here.
    const text = f.words <= BOILERPLATE_MAX_WORDS || !f.endsSentence ? unitText(raw, unit, f.spaced) : null;
    const matchesTitle = titleKey !== 0 && f.key === titleKey && sameLetters(raw, unit.start, unit.end, title!, 0, title!.length);
    const facts: UnitFacts = { features: f, text, repeatedCaption: adjacent, isTitle: matchesTitle };

    // 2. Boilerplate rules from data win over everything else, except over a complete sentence
    //    that tells an event of the domain ("Follow-up raids recaptured twelve escapees.").
    const rule = text === null ? null : matchBoilerplate(text, f.words);
    if (rule && (rule.dropsSentences || !(f.endsSentence && f.words >= SENTENCE_MIN_WORDS && namesDetentionEvent(text!)))) {
      return verdictOn(facts, "bad", rule.id, { endsArticle: rule.endsArticle, insideStory: rule.insideStory });
    }

    // 3. Repeated lines keep their first copy. A headline the page repeats apart from itself marks
    //    where a story starts; adjacent copies (caption + alt text) are judged on the first alone.
    if (group) {
      const shape = shapeOf(f);
      const headlineLike = matchesTitle || (shape.cls === "heading" && shape.rule !== "shape.open-prose" && isTitleCase(f));
      if (group[0] !== i) return verdictOn(facts, "bad", headlineLike ? "repeat.headline" : "repeat.copy", { insideStory: !headlineLike });
      if (!adjacent && headlineLike) return verdictOn(facts, "heading", "repeat.headline-first", { repeatedHeadline: true });
    }

    // 4. Date banners, captions, section navigation and link lists.
    if (text !== null && f.words <= DATE_LINE_MAX_WORDS && isDateOnlyLine(text)) return verdictOn(facts, "bad", "dateline.date-only");
    if (text !== null && !f.endsSentence && !ENDS_SENTENCE.test(withoutClosingParenthetical(text)) && hasCaptionCredit(text)) {
      return verdictOn(facts, "bad", "caption.credit", { insideStory: true });
    }
    if (text !== null && f.words <= SECTION_LABEL_MAX_WORDS && isSectionLabel(text)) return verdictOn(facts, "bad", "label.section");
    if (f.length > 0 && f.linkChars / f.length > MAX_LINK_DENSITY) return verdictOn(facts, "bad", "links.dense");

    // 5. Shape. The metadata title is a headline whatever its shape.
    const shape = shapeOf(f);
    if (matchesTitle && !f.endsSentence) return verdictOn(facts, "heading", "title");
    return verdictOn(facts, shape.cls, shape.rule, { prose: shape.rule === "shape.open-prose" });
  });
}
