// Boilerplate rules as data (data/boilerplate.json): each rule has an id, a pattern over one whole
// paragraph and a reason, so every dropped line can say which rule dropped it.
import data from "./data/boilerplate.json" with { type: "json" };
import stopwordData from "./data/stopwords-en.json" with { type: "json" };
import { words } from "./normalize.ts";

export interface BoilerplateRule {
  id: string;
  pattern: RegExp;
  maxWords: number | null;
  endsArticle: boolean;
  reason: string;
}

export const BOILERPLATE_RULES: BoilerplateRule[] = data.rules.map((r) => ({
  id: r.id,
  pattern: new RegExp(r.pattern, r.flags),
  maxWords: "maxWords" in r && typeof r.maxWords === "number" ? r.maxWords : null,
  endsArticle: "endsArticle" in r && r.endsArticle === true,
  reason: r.reason,
}));

const STOPWORDS = new Set(stopwordData.words);
const SECTION_WORDS = new Set(data.sectionLabels.words);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const AGENCIES = data.captionCredits.agencies.map(escapeRegExp).join("|");
// "... fighters (AFP)" or "... in Beit Lahia - AFP": a credit closing a line that is not a sentence.
const CAPTION_CREDIT = new RegExp(`(\\((${AGENCIES})(/[^)]{1,40})?\\)|\\s[-–—|/]\\s*(${AGENCIES}))\\s*$`, "i");
const URL = /\b(https?:\/\/|www\.)\S+/gi;

/** Above this share of characters inside links, a paragraph is a link list, not prose. */
export const MAX_LINK_DENSITY = 0.5;

/** The first boilerplate rule matching the whole paragraph, or null. `count`: its words(), when known. */
export function matchBoilerplate(text: string, count = words(text).length): BoilerplateRule | null {
  for (const rule of BOILERPLATE_RULES) {
    if (rule.maxWords !== null && count > rule.maxWords) continue;
    if (rule.pattern.test(text)) return rule;
  }
  return null;
}

/** Share of words that are function words: high in prose, low in menus, labels and headlines. */
export function stopwordDensity(tokens: string[]): number {
  if (tokens.length === 0) return 0;
  let hits = 0;
  for (const t of tokens) if (STOPWORDS.has(bareLower(t))) hits += 1;
  return hits / tokens.length;
}

const isWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Lower case without leading and trailing non-word (\W) characters: "(The" -> "the". */
function bareLower(token: string): string {
  const lower = token.toLowerCase();
  // Most tokens are bare already: skip the regex for them (same result).
  if (isWordCode(lower.charCodeAt(0)) && isWordCode(lower.charCodeAt(lower.length - 1))) return lower;
  return lower.replace(/^\W+|\W+$/g, "");
}

/** "Middle East World": a short line made only of section-navigation words. */
export function isSectionLabel(tokens: string[]): boolean {
  return (
    tokens.length > 0 &&
    tokens.length <= data.sectionLabels.maxWords &&
    tokens.every((t) => SECTION_WORDS.has(t.toLowerCase()))
  );
}

/** A photo caption closed by an agency credit ("... the desert on Sunday (AFP)"). */
export function hasCaptionCredit(text: string): boolean {
  return CAPTION_CREDIT.test(text);
}

/** Share of the paragraph's characters that are URLs. */
export function linkDensity(text: string): number {
  let inLinks = 0;
  for (const m of text.matchAll(URL)) inLinks += m[0].length;
  return text.length === 0 ? 0 : inLinks / text.length;
}
