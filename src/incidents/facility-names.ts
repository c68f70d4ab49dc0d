// One facility named two ways in two reports: "Suleja Correctional Centre" and "Suleja Medium
// Security Custodial Centre", "X District Jail" and "X Central Jail", "X prison" and "X Maximum
// Security Prison". A name is read as distinctive words + an optional security level + a kind of
// facility (its head words), dropping the designation words outlets add or leave out; two names
// are one facility when their distinctive words and kinds agree and they do not state two
// different security levels. The words are data (data/facility-names.json). Whether the two
// reports are about the same place is the caller's question (places.ts).
import type { FacilityRef } from "../model/incident.ts";
import data from "./data/facility-names.json" with { type: "json" };
import { nameKey } from "./places.ts";

interface Phrase {
  id: string;
  words: string[];
}

/** What a facility's name says: its kind, its security level if stated, and its own words. */
export interface FacilityNameParts {
  kind: string;
  level: string | null;
  core: string;
}

const longestFirst = (a: Phrase, b: Phrase) => b.words.length - a.words.length;

/** Compiled on first use (places.ts and this module import each other). */
let words: { heads: Phrase[]; levels: Phrase[]; rank: Set<string>; population: Map<string, string> } | null = null;
function compiled(): NonNullable<typeof words> {
  words ??= {
    heads: data.kinds.flatMap((k) => k.heads.map((h) => ({ id: k.id, words: nameKey(h).split(" ") }))).sort(longestFirst),
    levels: data.securityLevels.flatMap((l) => l.phrases.map((p) => ({ id: l.id, words: nameKey(p).split(" ") }))).sort(longestFirst),
    rank: new Set(data.rankWords.words),
    population: new Map(data.populationWords.groups.flatMap((g) => g.words.map((w) => [w, g.id] as const))),
  };
  return words;
}

function startsWith(tokens: string[], at: number, words: string[]): boolean {
  return words.every((w, i) => tokens[at + i] === w);
}

/** The head phrase at the end ("custodial centre") or, for names like "Camp Bucca", the start. */
function splitHead(tokens: string[]): { kind: string; rest: string[] } | null {
  const { heads } = compiled();
  for (const head of heads) {
    const at = tokens.length - head.words.length;
    if (at >= 0 && startsWith(tokens, at, head.words)) return { kind: head.id, rest: tokens.slice(0, at) };
  }
  for (const head of heads) {
    if (startsWith(tokens, 0, head.words)) return { kind: head.id, rest: tokens.slice(head.words.length) };
  }
  return null;
}

const cache = new Map<string, FacilityNameParts | null>();

/** "Kuje Medium Security Custodial Centre" -> {kind: prison, level: medium, core: "kuje"}; null without a head word or own words. */
export function facilityNameParts(name: string): FacilityNameParts | null {
  const held = cache.get(name);
  if (held !== undefined) return held;
  const tokens = nameKey(name.replace(/['’]s\b/gi, "")).split(" ").filter(Boolean);
  const split = splitHead(tokens);
  let parts: FacilityNameParts | null = null;
  if (split) {
    const { levels, rank } = compiled();
    let level: string | null = null;
    const core: string[] = [];
    for (let i = 0; i < split.rest.length; ) {
      const found = levels.find((l) => startsWith(split.rest, i, l.words));
      if (found) {
        level ??= found.id;
        i += found.words.length;
        continue;
      }
      if (!rank.has(split.rest[i])) core.push(split.rest[i]);
      i += 1;
    }
    if (core.length) parts = { kind: split.kind, level, core: core.join(" ") };
  }
  cache.set(name, parts);
  return parts;
}

/** True when two names, read as above, are one facility's. */
export function sameFacilityName(a: FacilityRef, b: FacilityRef): boolean {
  const pa = facilityNameParts(a.name);
  const pb = facilityNameParts(b.name);
  if (!pa || !pb || pa.kind !== pb.kind || pa.core !== pb.core) return false;
  return !(pa.level && pb.level && pa.level !== pb.level);
}

/** Whom a name says the facility holds, as group ids ("Women's" and "Female" are both "women"). */
function populationOf(parts: FacilityNameParts): string {
  const { population } = compiled();
  const groups = parts.core.split(" ").flatMap((w) => population.get(w) ?? []);
  return [...new Set(groups)].sort().join(" ");
}

/**
 * True when two names say they are two facilities, whatever else agrees: they state two
 * security levels ("X Maximum Security Prison", "X Medium Security Prison"), or one names whom it
 * holds and the other does not say the same ("X Women's Prison", "X Central Prison"). Merging
 * keeps such facilities of one town apart even though each is also "the prison in X".
 */
export function distinctFacilityNames(a: FacilityRef, b: FacilityRef): boolean {
  const pa = facilityNameParts(a.name);
  const pb = facilityNameParts(b.name);
  if (!pa || !pb) return false;
  if (pa.level && pb.level && pa.level !== pb.level) return true;
  return populationOf(pa) !== populationOf(pb);
}
