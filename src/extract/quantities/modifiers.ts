// What each modifier in front of a figure claims, as a low/high/best range (UCDP-style).
import type { Quantity } from "../../model/incident.ts";
import { MODIFIERS, OVER_PARTICLE_VERBS, type ModifierId } from "./lexicon.ts";

/** "about 120" is read as ±10%. */
export const ABOUT_TOLERANCE = 0.1;
/** "nearly 40" is read as up to 10% below the figure. */
export const NEARLY_TOLERANCE = 0.1;
/** "a little over 100" is read as at most 30% above the figure, most likely 10% above. */
export const A_LITTLE_OVER_CEILING = 0.3;
export const A_LITTLE_OVER_BEST = 0.1;

export const MODIFIER_MEANING: Readonly<Record<ModifierId, (x: number) => Quantity>> = {
  "at-least": (x) => ({ low: x, high: null, best: x }),
  // strictly more: the smallest count the sentence allows is also the most defensible estimate
  "more-than": (x) => ({ low: x + 1, high: null, best: x + 1 }),
  "a-little-over": (x) => ({
    low: x,
    high: Math.round(x * (1 + A_LITTLE_OVER_CEILING)),
    best: Math.round(x * (1 + A_LITTLE_OVER_BEST)),
  }),
  about: (x) => ({
    low: Math.round(x * (1 - ABOUT_TOLERANCE)),
    high: Math.round(x * (1 + ABOUT_TOLERANCE)),
    best: x,
  }),
  // "up to 7,000" names the plausible maximum and says only that some were involved: low 1.
  // Reporters use it for the figure they mean ("up to 7,000 fled"), so best is the figure itself.
  "up-to": (x) => ({ low: Math.min(1, x), high: x, best: x }),
  nearly: (x) => ({ low: Math.round(x * (1 - NEARLY_TOLERANCE)), high: x, best: x }),
  // "fewer than 10": at least one, at most one below the figure
  "fewer-than": (x) => ({ low: Math.min(1, x - 1), high: Math.max(0, x - 1), best: Math.max(0, x - 1) }),
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const PHRASE_TO_ID = new Map<string, ModifierId>();
for (const m of MODIFIERS) for (const p of m.phrases) PHRASE_TO_ID.set(p, m.id);

/** Matches a modifier phrase at the very end of the text before a figure. */
const MODIFIER_BEFORE = new RegExp(
  `(?:^|[^a-z])(${[...PHRASE_TO_ID.keys()].sort((a, b) => b.length - a.length).map(escape).join("|")})[ \\t\\u00a0]+$`,
  "i",
);
/** "handed over 150": the verb whose particle "over" is, right before it. */
const OVER_PARTICLE_BEFORE = new RegExp(`(?:^|[^a-z])(?:${OVER_PARTICLE_VERBS.join("|")})[ \\t\\u00a0]+$`, "i");
/** Characters before "over" that hold its verb (the longest verb plus spacing). */
const PARTICLE_VERB_CHARS = 12;
/** How far before a figure a modifier may start (the longest phrase plus spacing). */
export const MODIFIER_LOOKBEHIND = 40;

/** Finds the modifier phrase that ends right where the figure at `start` begins. */
export function modifierBefore(text: string, start: number, floor: number): { id: ModifierId; start: number } | null {
  const from = Math.max(floor, start - MODIFIER_LOOKBEHIND);
  const m = MODIFIER_BEFORE.exec(text.slice(from, start));
  if (!m) return null;
  const id = PHRASE_TO_ID.get(m[1].toLowerCase().replace(/\s+/g, " "));
  if (!id) return null;
  const phraseStart = from + m.index + m[0].indexOf(m[1]);
  if (m[1].toLowerCase() === "over" && OVER_PARTICLE_BEFORE.test(text.slice(Math.max(floor, phraseStart - PARTICLE_VERB_CHARS), phraseStart))) return null;
  // m[0] is an optional boundary character, the phrase, then spacing
  return { id, start: from + m.index + m[0].indexOf(m[1]) };
}
