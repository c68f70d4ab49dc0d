// Boilerplate rules as data (data/boilerplate.json): each rule has an id, a pattern over one whole
// paragraph, the most words a paragraph it matches can have, and a reason, so every dropped line
// can say which rule dropped it.
import data from "./data/boilerplate.json" with { type: "json" };
import { words } from "./normalize.ts";

export interface BoilerplateRule {
  id: string;
  pattern: RegExp;
  maxWords: number;
  endsArticle: boolean;
  /** The rule may drop a complete sentence of the domain ("Also read: gunmen stormed a jail."). */
  dropsSentences: boolean;
  /** The line sits inside stories (an ad slot, a link to another story): the story runs on across it. */
  insideStory: boolean;
  reason: string;
}

export const BOILERPLATE_RULES: BoilerplateRule[] = data.rules.map((r) => ({
  id: r.id,
  pattern: new RegExp(r.pattern, r.flags),
  maxWords: r.maxWords,
  endsArticle: "endsArticle" in r && r.endsArticle === true,
  dropsSentences: "dropsSentences" in r && r.dropsSentences === true,
  insideStory: "insideStory" in r && r.insideStory === true,
  reason: r.reason,
}));

/** Longer paragraphs are never boilerplate by rule: they are not matched at all. */
export const BOILERPLATE_MAX_WORDS = Math.max(...BOILERPLATE_RULES.map((r) => r.maxWords));

const SECTION_WORDS = new Set(data.sectionLabels.words);
export const SECTION_LABEL_MAX_WORDS = data.sectionLabels.maxWords;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const AGENCIES = data.captionCredits.agencies.map(escapeRegExp).join("|");
// "... fighters (AFP)" or "... in Beit Lahia - AFP": a credit closing a line that is not a sentence.
const CAPTION_CREDIT = new RegExp(`(\\((${AGENCIES})(/[^)]{1,40})?\\)|\\s[-–—|/]\\s*(${AGENCIES}))\\s*$`, "i");

/** Above this share of characters inside links, a paragraph is a link list, not prose. */
export const MAX_LINK_DENSITY = 0.5;

/** The first boilerplate rule matching the whole paragraph `text` of `words` words, or null. */
export function matchBoilerplate(text: string, words: number): BoilerplateRule | null {
  if (words > BOILERPLATE_MAX_WORDS) return null;
  for (const rule of BOILERPLATE_RULES) {
    if (words > rule.maxWords) continue;
    if (rule.pattern.test(text)) return rule;
  }
  return null;
}

/** "Middle East World": a short line made only of section-navigation words. */
export function isSectionLabel(text: string): boolean {
  const tokens = words(text);
  return tokens.length > 0 && tokens.length <= SECTION_LABEL_MAX_WORDS && tokens.every((t) => SECTION_WORDS.has(t.toLowerCase()));
}

/** A photo caption closed by an agency credit ("... the desert on Sunday (AFP)"). */
export function hasCaptionCredit(text: string): boolean {
  return CAPTION_CREDIT.test(text);
}
