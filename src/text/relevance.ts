// Is a story about the security of a detention facility? A small scored classifier over
// data/relevance.json: a sentence scores only when it names a facility AND an event, so a
// refugee-camp fire, a hostage story or a court case about one prisoner stays out.
import data from "./data/relevance.json" with { type: "json" };
import facilities from "../gazetteer/data/facilities.json" with { type: "json" };

interface TermRule {
  id: string;
  pattern: RegExp;
  /** For ambiguous facility words ("camp"): the sentence must also name detainees. */
  requires: RegExp | null;
  weight: number;
}

const wordPattern = (source: string) => new RegExp(`\\b(?:${source})\\b`, "i");
const FACILITY: TermRule[] = data.facility.map((r) => ({
  id: r.id,
  pattern: wordPattern(r.pattern),
  requires: "requires" in r && r.requires ? wordPattern(r.requires) : null,
  weight: 0,
}));
// Named facilities from the gazetteer's curated list ("al-Hol", "Kuje prison"): a detention
// facility by name, even when the sentence only says "camp" and "families".
const NAMED_FACILITY_MIN_LETTERS = 4;
const namedFacilities = facilities.facilities
  .flatMap((f: { name: string; aliases: string[] }) => [f.name, ...f.aliases])
  // "al-Hol camp" is also reported as plain "al-Hol".
  .flatMap((name: string) => [name, name.replace(/\s+(?:camp|prison|jail|penitentiary|central prison|detention (?:centre|center|camp))$/i, "")])
  .filter((name: string) => name.replace(/[^A-Za-z]/g, "").length >= NAMED_FACILITY_MIN_LETTERS)
  .map((name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[-\s]+/g, "[-\\s]+"))
  .sort((a: string, b: string) => b.length - a.length);
FACILITY.push({ id: "facility.named", pattern: wordPattern(namedFacilities.join("|")), requires: null, weight: 0 });

const EVENT: TermRule[] = data.event.map((r) => ({ id: r.id, pattern: wordPattern(r.pattern), requires: null, weight: r.weight }));

/** Total sentence score a relevant story reaches. */
export const RELEVANCE_MIN_SCORE = data.minScore;
/** Events of at least this weight are incidents in themselves (escape, attack, riot, transfer ...). */
export const STRONG_EVENT_WEIGHT = 2;

export interface Relevance {
  relevant: boolean;
  score: number;
  reason: string;
}

// Sentence ends: terminal punctuation (and closing quotes) before a space and a capital or quote.
const SENTENCE_BREAK = /(?<=[.!?…]["”’')\]]*)\s+(?=["“‘(\p{Lu}\p{N}])|\n+/u;

/** Scores one story's text. Example: "Gunmen stormed the central prison." -> relevant. */
export function judgeRelevance(text: string): Relevance {
  let score = 0;
  let strong = false;
  let sentences = 0;
  for (const sentence of text.split(SENTENCE_BREAK)) {
    // Events first: a sentence needs both, and the event patterns are far cheaper to try on
    // unrelated news than the long alternation of named facilities.
    const events = EVENT.filter((e) => e.pattern.test(sentence));
    if (events.length === 0) continue;
    const facility = FACILITY.some((f) => f.pattern.test(sentence) && (!f.requires || f.requires.test(sentence)));
    if (!facility) continue;
    sentences += 1;
    score += events.reduce((sum, e) => sum + e.weight, 0);
    strong ||= events.some((e) => e.weight >= STRONG_EVENT_WEIGHT);
  }
  const relevant = strong && score >= RELEVANCE_MIN_SCORE;
  const reason =
    sentences === 0
      ? "no sentence names a detention facility together with an event"
      : `facility+event terms: ${score} in ${sentences} sentence${sentences === 1 ? "" : "s"}${strong ? "" : ", no escape/attack/riot/transfer"}`;
  return { relevant, score, reason };
}
