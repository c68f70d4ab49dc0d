// Knowledge for reading counts, kept as data: number words, the modifiers reporters put in front
// of a figure, the vague amounts that stand in for one, and the contexts in which a number is not
// a head-count at all. Every entry has an id; the recogniser's rule ids are built from them.

/** How a number word combines with the words around it (see number-words.ts). */
export type NumberWordKind = "unit" | "tens" | "hundred" | "scale" | "dozen" | "article" | "half";

export interface NumberWord {
  word: string;
  kind: NumberWordKind;
  value: number;
}

const UNITS = [
  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
const TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

export const NUMBER_WORDS: readonly NumberWord[] = [
  ...UNITS.map((word, i) => ({ word, kind: "unit" as const, value: i + 1 })),
  ...TENS.map((word, i) => ({ word, kind: "tens" as const, value: (i + 2) * 10 })),
  { word: "hundred", kind: "hundred", value: 100 },
  { word: "thousand", kind: "scale", value: 1_000 },
  { word: "million", kind: "scale", value: 1_000_000 },
  { word: "billion", kind: "scale", value: 1_000_000_000 },
  { word: "dozen", kind: "dozen", value: 12 },
  // "a hundred", "a dozen": the article only counts when a multiplier follows it
  { word: "a", kind: "article", value: 1 },
  { word: "an", kind: "article", value: 1 },
  // "half a dozen", "half a million"
  { word: "half", kind: "half", value: 0.5 },
];

/** Multipliers that may follow a figure written in digits: "1.5 million", "3 thousand". */
export const DIGIT_SCALES: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
};

/**
 * Modifiers in front of a figure, by the rule id they produce. The meaning of each id is in
 * modifiers.ts; phrases are matched case-insensitively, immediately before the figure.
 */
export const MODIFIERS = [
  { id: "a-little-over", phrases: ["a little over", "a little more than", "just over", "just more than", "slightly over", "slightly more than", "little more than"] },
  { id: "at-least", phrases: ["at least", "no fewer than", "no less than", "not less than", "a minimum of", "at a minimum"] },
  { id: "more-than", phrases: ["more than", "over", "upwards of", "in excess of", "above"] },
  { id: "about", phrases: ["about", "around", "some", "approximately", "approx.", "roughly", "an estimated", "estimated", "circa", "an approximate", "something like"] },
  { id: "up-to", phrases: ["up to", "as many as", "as much as"] },
  { id: "nearly", phrases: ["nearly", "almost", "close to", "just under", "just short of", "just shy of"] },
  { id: "fewer-than", phrases: ["fewer than", "less than", "under"] },
] as const;
export type ModifierId = (typeof MODIFIERS)[number]["id"];

/**
 * Verbs whose particle is "over" ("handed over 150 detainees", "turned over 40 suspects"): there
 * "over" belongs to the verb, not to the figure, which is exact. Not "took": "took over 30
 * hostages" took more than 30.
 */
export const OVER_PARTICLE_VERBS = ["hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning"] as const;

export interface VagueAmount {
  id: string;
  /** Lower-case phrases, matched on word boundaries. */
  phrases: readonly string[];
  low: number;
  high: number | null;
  best: number;
  /** true: the phrase claims that some people were involved, but no count at all. */
  noCount?: boolean;
}

/**
 * Words that stand in for a count. Ranges follow common reading of the words (UCDP-style
 * low/best/high): "dozens" is at least two dozen and fewer than a hundred, and so on.
 */
export const VAGUE_AMOUNTS: readonly VagueAmount[] = [
  { id: "tens-of-thousands", phrases: ["tens of thousands"], low: 20_000, high: 99_999, best: 30_000 },
  { id: "hundreds-of-thousands", phrases: ["hundreds of thousands"], low: 200_000, high: 999_999, best: 300_000 },
  { id: "dozens", phrases: ["dozens"], low: 24, high: 99, best: 36 },
  { id: "scores", phrases: ["scores"], low: 40, high: 99, best: 60 },
  { id: "hundreds", phrases: ["hundreds"], low: 200, high: 999, best: 300 },
  { id: "thousands", phrases: ["thousands"], low: 2_000, high: 9_999, best: 3_000 },
  { id: "several-dozen", phrases: ["several dozen"], low: 36, high: 108, best: 48 },
  { id: "several-hundred", phrases: ["several hundred"], low: 300, high: 900, best: 500 },
  { id: "several-thousand", phrases: ["several thousand"], low: 3_000, high: 9_000, best: 5_000 },
  { id: "a-few-dozen", phrases: ["a few dozen"], low: 24, high: 60, best: 36 },
  { id: "a-few-hundred", phrases: ["a few hundred"], low: 200, high: 500, best: 300 },
  { id: "a-few-thousand", phrases: ["a few thousand"], low: 2_000, high: 5_000, best: 3_000 },
  { id: "a-handful", phrases: ["a handful"], low: 3, high: 9, best: 5 },
  { id: "several", phrases: ["several"], low: 3, high: 9, best: 5 },
  { id: "a-few", phrases: ["a few"], low: 2, high: 5, best: 3 },
  { id: "a-couple", phrases: ["a couple of"], low: 2, high: 3, best: 2 },
  { id: "a-number-of", phrases: ["a number of", "a large number of", "a group of", "a lot of", "lots of"], low: 0, high: null, best: 0, noCount: true },
  { id: "many", phrases: ["many", "numerous"], low: 0, high: null, best: 0, noCount: true },
  { id: "some", phrases: ["some"], low: 0, high: null, best: 0, noCount: true },
];

export interface NonCountContext {
  id: string;
  /** Which side of the figure the pattern looks at. */
  side: "before" | "after";
  /** Anchored at the figure: "before" patterns end with `$`, "after" patterns start with `^`. */
  pattern: RegExp;
}

const MONTH = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const UNIT =
  "times?|seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|yrs?|decades?|centur(?:y|ies)|" +
  "kilomet(?:er|re)s?|km|miles?|met(?:er|re)s?|m|feet|foot|ft|yards?|kilo(?:gram)?s?|kg|tons?|tonnes?|lit(?:er|re)s?|square";
/** "Oct 3", "Sept. 21": a figure right after a month name is its day. */
export const DAY_OF_MONTH_BEFORE = new RegExp(`\\b(?:${MONTH})\\.?\\s+$`, "i");
const CURRENCY_WORD = "dollars?|euros?|pounds?|liras?|dinars?|riyals?|dirhams?|rupees?|usd|eur|syp|iqd|cents?";
const IDENTIFIER_WORD =
  "no|nos|number|art|article|resolution|division|brigade|battalion|regiment|unit|block|wing|sector|section|phase|" +
  "route|highway|road|room|cell|gate|building|level|chapter|page|paragraph|law|decree|flight|hall|ward|tower|camp|annex|zone";

/** A figure in one of these contexts is not a head-count; the recogniser skips it. */
export const NON_COUNT_CONTEXTS: readonly NonCountContext[] = [
  { id: "percentage", side: "after", pattern: /^\s*(?:%|percent\b|per\s+cent\b)/i },
  { id: "duration-or-distance", side: "after", pattern: new RegExp(`^(?:\\s|-)*(?:${UNIT})\\b`, "i") },
  { id: "age", side: "before", pattern: /\b(?:aged|age|ages|age of|ages of)\s+$/i },
  { id: "time-of-day", side: "after", pattern: /^\s*(?:a\.?m\b\.?|p\.?m\b\.?|o'clock\b|o’clock\b|gmt\b|utc\b|hrs\b|h\b)/i },
  { id: "clock-digits", side: "after", pattern: /^[:.]\d/ },
  { id: "clock-digits", side: "before", pattern: /\d[:.]$/ },
  { id: "ordinal-or-glued-unit", side: "after", pattern: /^[a-z]/i },
  { id: "money", side: "before", pattern: /(?:[$€£₦₹₨₱₺₽¥]|\bus\$|\b(?:usd|eur|syp|iqd|ngn|kes|ksh|kshs|pkr|afn|inr)\s*)$/i },
  // Currency written as letters glued to or just before the figure: "Sh20 million", "KSh 5,000", "Rs 50,000", "N500,000".
  { id: "money", side: "before", pattern: /\b(?:Sh|KSh|Kshs|Rs|Rp|R\$|N|GH₵|Tk)\.?\s?$/ },
  { id: "money", side: "after", pattern: new RegExp(`^\\s*(?:${CURRENCY_WORD})\\b`, "i") },
  { id: "day-of-month", side: "before", pattern: DAY_OF_MONTH_BEFORE },
  { id: "day-of-month", side: "after", pattern: new RegExp(`^\\s+(?:of\\s+)?(?:${MONTH})\\b`, "i") },
  { id: "identifier", side: "before", pattern: new RegExp(`\\b(?:${IDENTIFIER_WORD})\\.?\\s*#?\\s*$`, "i") },
  { id: "identifier", side: "before", pattern: /(?:#|[A-Z]|[A-Za-z]-)$/ },
  { id: "phone-or-code", side: "before", pattern: /(?:[+(]|\d[-/]|\d[ \t])$/ },
  { id: "phone-or-code", side: "after", pattern: /^(?:[-/]\d+[-/]\d|\/\d|[ \t]\d)/ },
  { id: "ratio", side: "after", pattern: /^\s+(?:in|out of)\s+(?:every\s+)?(?:\d|a\b|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand)/i },
  // "one of the largest prisons" is no count; "one of them was recaptured", "one of the inmates died" count one person.
  {
    id: "one-of",
    side: "after",
    pattern: /^\s+(?:of\s+(?:the|those|these|his|her|its|their|our)\b(?!\s+(?:\w+\s+)?(?:escapees|inmates|prisoners|detainees|fugitives|convicts|guards|wardens|officers|soldiers|policemen|attackers|militants|gunmen|assailants)\b)|another\b|day\b)/i,
  },
  { id: "no-one", side: "before", pattern: /\b(?:no|any|every|some|each|the only|the)\s+$/i },
  // "he was one of the guards", "as one of the leaders": who someone is, not how many.
  { id: "one-as-predicate", side: "before", pattern: /\b(?:is|was|are|were|be|been|being|remains?|remained|became|becomes|as)\s+$/i },
];

/** Non-count contexts that only apply to the word "one" (pronoun uses), by id. */
export const ONE_ONLY_CONTEXTS: ReadonlySet<string> = new Set(["one-of", "no-one", "one-as-predicate"]);
