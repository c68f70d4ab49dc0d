// Compiles the extraction lexicon (lexicon.json: knowledge as data) into matchers once.
// Every compiled pattern is a flat alternation of literal words with bounded gaps, so matching is
// linear in the text: no nested quantifiers over overlapping classes.
import lexicon from "./lexicon.json" with { type: "json" };
import type { IncidentType, QuantityName, CasualtyGroup } from "../model/incident.ts";
import { factorAlternatives } from "../text/alternation.ts";
import { PatternFamily } from "./pattern-family.ts";

export type TriggerNeed =
  | "custody"
  | "detainee"
  | "escapee"
  | "escape-told"
  | "people-from"
  | "facility-object"
  | "escape-risk"
  | "violence-in-custody"
  | "violence-between-detainees"
  | "none";

export interface TriggerEntry {
  id: string;
  type: IncidentType;
  needs: TriggerNeed;
  pattern: RegExp;
}

export interface CountCueEntry {
  id: string;
  quantity: QuantityName;
  pattern: RegExp;
}

/** Turns one phrase of the lexicon syntax into a regex source (see lexicon.json "note"). */
export function phraseSource(phrase: string): string {
  const words = phrase.trim().split(/\s+/);
  const parts = words.map((word) => {
    if (word === "~") return "(?:\\S+\\s+){0,3}?";
    const star = word.endsWith("*");
    const literal = (star ? word.slice(0, -1) : word).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/['’]/g, "['’]");
    return star ? `${literal}[a-z]*` : literal;
  });
  let source = "";
  parts.forEach((part, i) => {
    source += part;
    if (i < parts.length - 1 && words[i] !== "~") source += "\\s+";
  });
  return source;
}

/** One case-insensitive, word-bounded regex over a list of phrases, longest first. */
export function phrasesPattern(phrases: string[], flags = "gi"): RegExp {
  return wordBounded(phraseAlternatives(phrases).join("|"), flags);
}

/**
 * The same pattern with the phrases written as a trie (text/alternation.ts), for the unions of the
 * phrase families below, scanned over every sentence: their hundreds of phrases are otherwise
 * tried one at a time at every position. The matches are the same. A trie costs start-up time
 * (a trie of every list tripled the module's load), so the lists themselves do without.
 */
export function phrasesTrie(phrases: string[], flags = "gi"): RegExp {
  return wordBounded(factorAlternatives(phraseAlternatives(phrases)), flags);
}

function wordBounded(alternation: string, flags: string): RegExp {
  return new RegExp(`(?<![\\w-])(?:${alternation})(?![\\w-])`, flags);
}

/** The phrases as regex alternatives in the order they are tried: longest first. */
export function phraseAlternatives(phrases: string[]): string[] {
  return [...phrases].sort((a, b) => b.length - a.length).map(phraseSource);
}

export const TRIGGERS: TriggerEntry[] = lexicon.triggers.map((t) => ({
  id: `trigger.${t.id}`,
  type: t.type as IncidentType,
  needs: t.needs as TriggerNeed,
  pattern: phrasesPattern(t.phrases),
}));

/** A match of a phrase pattern, offsets into the whole text. */
export interface PhraseMatch {
  start: number;
  end: number;
  text: string;
}

/**
 * Several phrase lists read over the same sentence (the triggers, the count cues), through one
 * PatternFamily: `matches(...)[k]` is what `matchAll(phrasesPattern(lists[k]), text, from, to)`
 * gives, or null when none of the phrases occurs there.
 */
export class PhraseFamily {
  readonly #family: PatternFamily;

  /** `patterns`: the lists' patterns when they are built already. */
  constructor(lists: string[][], patterns = lists.map((phrases) => phrasesPattern(phrases))) {
    this.#family = new PatternFamily(phrasesTrie(lists.flat()), patterns);
  }

  matches(text: string, from = 0, to = text.length): PhraseMatch[][] | null {
    // Read as matchAll reads: the slice, so the bounds of the scope are the bounds of the text.
    const found = this.#family.matches(text.slice(from, to));
    return found && found.map((list) => list.map((m) => ({ start: from + m.index, end: from + m.index + m[0].length, text: m[0] })));
  }
}

/** The phrases of TRIGGERS, read together: `matches(...)[k]` are the matches of TRIGGERS[k]. */
export const TRIGGER_PHRASES = new PhraseFamily(lexicon.triggers.map((t) => t.phrases), TRIGGERS.map((t) => t.pattern));

export const DETAINEE_NOUNS = phrasesPattern(lexicon.custodyNouns.detainee);
export const FACILITY_NOUNS = phrasesPattern(lexicon.custodyNouns.facility);
/** A named or singular facility: "attacks on prisons" in general is not an attack on one. */
export const FACILITY_OBJECT_NOUNS = phrasesPattern(lexicon.custodyNouns.facilitySingular);
export const ESCAPE_CUES = phrasesPattern(lexicon.custodyNouns.escapeCue);
/** People arrested after an escape who did not escape: wardens, officials, accomplices. */
export const NOT_ESCAPEES = phrasesPattern(lexicon.custodyNouns.notEscapees);
/** Those who hold detainees and so release them: "the government set free 100 detainees". */
export const HOLDERS = phrasesPattern(lexicon.custodyNouns.holders);
/** Parts of a facility: "breached the fence" in a prison story is no attack on something else. */
export const FACILITY_PARTS = phrasesPattern(lexicon.custodyNouns.facilityParts);
export const FAMILIES_NOUNS = phrasesPattern(lexicon.custodyNouns.familiesNoun);
/** People freed who were never in custody: "hostages were freed near the prison". */
export const HOSTAGE_NOUNS = phrasesPattern(lexicon.custodyNouns.hostages);
export const ESCAPE_RISK_CUES = phrasesPattern(lexicon.escapeRiskCues);
/** Alert phrases that name a measure on their own ("curfew", "checkpoints"). */
export const ALERT_MEASURES = phrasesPattern(lexicon.alertMeasures.phrases);
/** Forces a weak alert verb must have near it to answer an escape told further back. */
export const ALERT_FORCES = { pattern: phrasesPattern(lexicon.alertForces.phrases), window: lexicon.alertForces.window };

export const NEGATION = { pattern: phrasesPattern(lexicon.cues.negation.phrases), window: lexicon.cues.negation.window };
export const ATTEMPT = { pattern: phrasesPattern(lexicon.cues.attempt.phrases), window: lexicon.cues.attempt.window };
export const ATTEMPT_AFTER = {
  pattern: phrasesPattern(lexicon.cues.attemptAfter.phrases),
  window: lexicon.cues.attemptAfter.window,
};
export const PLANNED = { pattern: phrasesPattern(lexicon.cues.planned.phrases), window: lexicon.cues.planned.window };
export const PLANNED_OVERRIDE = phrasesPattern(lexicon.cues.plannedOverride.phrases);
/** Camps that hold no detainees ("a military camp", "a camp for displaced persons"). */
export const NON_DETENTION_CAMP = new RegExp(lexicon.nonDetentionCamps.pattern, "gi");
export const BACKGROUND = phrasesPattern(lexicon.cues.background.phrases);
export const UNCONFIRMED = phrasesPattern(lexicon.cues.unconfirmed.phrases);
/** "relatives demanded the release of": what is called for has not happened. */
export const DEMAND = { pattern: phrasesPattern(lexicon.cues.demand.phrases), window: lexicon.cues.demand.window };
/** "mobilized its sleeper cells to organize the breakout": forces gathered by attackers, not an alert. */
/** "after seizing the city", "emptied the prison": a force taking the place whose detainees it frees. */
/** The verbs of GROUND_TAKEN, longest first, to find where the verb of a match ends. */
export const GROUND_TAKEN_VERBS = [...lexicon.cues.groundTaken.verbs].sort((a, b) => b.length - a.length);
export const GROUND_TAKEN = phrasesPattern([
  ...lexicon.cues.groundTaken.verbs.flatMap((verb) => lexicon.cues.groundTaken.places.map((place) => `${verb} ~ ${place}`)),
  ...lexicon.cues.groundTaken.phrases,
]);
export const ATTACKER_PURPOSE = { pattern: phrasesPattern(lexicon.cues.attackerPurpose.phrases), window: lexicon.cues.attackerPurpose.window };
/** Harm that makes a fight inside a facility, or an attempted breakout, a riot. */
export const VIOLENCE = phrasesPattern(lexicon.cues.violence.phrases);
/** "released a statement": things released that are not people. */
export const RELEASED_NOT_PEOPLE = phrasesPattern(lexicon.releasedNotPeople.phrases);

export const COUNT_CUES: CountCueEntry[] = lexicon.countCues.map((c) => ({
  id: c.id,
  quantity: c.quantity as QuantityName,
  pattern: phrasesPattern(c.phrases),
}));

/** The phrases of COUNT_CUES, read together (see PhraseFamily). */
export const COUNT_CUE_PHRASES = new PhraseFamily(lexicon.countCues.map((c) => c.phrases), COUNT_CUES.map((c) => c.pattern));

export const TRIGGER_QUANTITY = lexicon.triggerQuantity as Partial<Record<IncidentType, QuantityName>>;

export const GROUPS: Array<{ group: CasualtyGroup; pattern: RegExp }> = lexicon.groups.map((g) => ({
  group: g.group as CasualtyGroup,
  pattern: phrasesPattern(g.phrases),
}));

/** A person of some casualty group right after "a"/"an", perhaps after one describing word: "a prison guard", "an inmate". */
export const GROUP_NOUN_AFTER_ARTICLE = new RegExp(
  `^\\s+(?:[\\w-]+\\s+)?(?:${lexicon.groups.flatMap((g) => g.phrases).sort((a, b) => b.length - a.length).map(phraseSource).join("|")})(?![\\w-])`,
  "i",
);

export const NON_PERSON_NOUNS = phrasesPattern(lexicon.nonPersonNouns);
export const PLACE_NOT_AFTER = phrasesPattern(lexicon.placeFilters.before.map((p) => p.replace(/^-/, "")));
export const PLACE_SPEAKER_VERBS = phrasesPattern(lexicon.placeFilters.speakerVerbsAfter);
export const PLACE_ACTOR_NOUNS = phrasesPattern(lexicon.placeFilters.actorNounsAfter.map((p) => p.replace(/^-/, "")));

export const ATTRIBUTION_VERBS = phrasesPattern(lexicon.attribution.verbs);
export const ACCORDING_TO = phrasesPattern(lexicon.attribution.according);
export const PERSON_ROLES = lexicon.attribution.personRoles;

/** True when `pattern` (global) matches something non-empty in `text[from, to)`: matchAll(...).length > 0, stopping at the first. */
export function hasMatchIn(pattern: RegExp, text: string, from = 0, to = text.length): boolean {
  const slice = text.slice(from, to);
  pattern.lastIndex = 0;
  for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) {
    if (m[0].length > 0) {
      pattern.lastIndex = 0;
      return true;
    }
    pattern.lastIndex++;
  }
  return false;
}

/** Every match of `pattern` in `text[from, to)`, with absolute offsets. */
export function matchAll(pattern: RegExp, text: string, from = 0, to = text.length): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  const slice = text.slice(from, to);
  pattern.lastIndex = 0;
  for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    out.push({ start: from + m.index, end: from + m.index + m[0].length, text: m[0] });
  }
  return out;
}
