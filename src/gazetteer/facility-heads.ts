// The vocabulary of facility names (data/facility-heads.json), compiled once into the shapes the
// recogniser, the identity stage and the lookups use: heads by their first word's key, word sets
// by folded spelling.
import type { FacilityKind } from "../model/incident.ts";
import { loadFacilityHeads, type FacilityHead } from "./data.ts";
import { foldName } from "./normalize.ts";
import { adjacent, tokenize, type Token } from "./tokens.ts";

export interface HeadWord extends FacilityHead {
  /** Token keys of the phrase, as the text tokenizer splits it. */
  keys: string[];
}

export interface FacilityVocabulary {
  suffix: Map<string, HeadWord[]>;
  prefix: Map<string, HeadWord[]>;
  anaphor: Map<string, HeadWord[]>;
  /** Plural facility words ("prisons"), each with the singular a town's facility is named with. */
  plural: Map<string, Array<HeadWord & { singular: string }>>;
  /** Token keys of each connector ("de la" -> ["de", "la"]), longest first. */
  connectors: string[][];
  modifiers: Set<string>;
  adjectives: Set<string>;
  generic: Set<string>;
  national: Set<string>;
  notName: Set<string>;
  notFollowers: Set<string>;
  local: Set<string>;
}

const keysOf = (phrase: string): string[] => tokenize(phrase).filter((t) => t.key !== "").map((t) => t.key);

function byFirstKey<H extends HeadWord>(heads: H[]): Map<string, H[]> {
  const map = new Map<string, H[]>();
  for (const head of [...heads].sort((a, b) => b.keys.length - a.keys.length)) {
    map.set(head.keys[0], [...(map.get(head.keys[0]) ?? []), head]);
  }
  return map;
}

let vocabulary: FacilityVocabulary | null = null;

/** The compiled vocabulary, built on first use. */
export function facilityVocabulary(): FacilityVocabulary {
  if (vocabulary) return vocabulary;
  const data = loadFacilityHeads();
  const heads = data.heads.map((h) => ({ ...h, keys: keysOf(h.phrase) }));
  const anaphors = data.anaphorHeads.map((h) => ({ ...h, position: "suffix" as const, keys: keysOf(h.phrase) }));
  vocabulary = {
    suffix: byFirstKey(heads.filter((h) => h.position === "suffix")),
    prefix: byFirstKey(heads.filter((h) => h.position === "prefix")),
    anaphor: byFirstKey(anaphors),
    plural: byFirstKey(data.pluralHeads.map((h) => ({ ...h, position: "suffix" as const, keys: keysOf(h.phrase) }))),
    connectors: data.prefixConnectors.map((c) => c.split(" ").map((w) => keysOf(w)[0] ?? w)).sort((a, b) => b.length - a.length),
    modifiers: new Set(data.modifiers.map(foldName)),
    adjectives: new Set(data.adjectives.map(foldName)),
    generic: new Set(data.genericNameWords.map(foldName)),
    national: new Set(data.nationalWords.map(foldName)),
    notName: new Set(data.notNameWords),
    notFollowers: new Set(data.notFacilityFollowers.map(foldName)),
    local: new Set(data.localWords.map(foldName)),
  };
  return vocabulary;
}

/** The longest head of `heads` whose words start at token i, on one line, or null. */
export function headAt<H extends HeadWord>(text: string, tokens: Token[], i: number, heads: Map<string, H[]>): H | null {
  const candidates = heads.get(tokens[i].key);
  if (!candidates) return null;
  for (const head of candidates) {
    let ok = true;
    for (let k = 1; k < head.keys.length && ok; k++) {
      const t = tokens[i + k];
      ok = !!t && t.key === head.keys[k] && adjacent(text, tokens[i + k - 1], t);
    }
    if (ok) return head;
  }
  return null;
}

/** Kinds that may name one facility: a jail is a prison, a camp never is, a police station is apart. */
export type FacilityFamily = "custody" | "camp" | "police";

export function familyOf(kind: FacilityKind): FacilityFamily {
  if (kind === "camp") return "camp";
  if (kind === "police_station") return "police";
  return "custody";
}

/** The word a minted id ends with, one per kind of custody ("Kuje jail" and "Kuje prison" mint one id). */
export function idHeadOf(kind: FacilityKind): string {
  if (kind === "camp") return "camp";
  if (kind === "police_station") return "police-station";
  if (kind === "detention_centre") return "detention-centre";
  return "prison";
}

/** A word that qualifies a facility word but is never the facility's own name ("maximum", "Central"). */
export function isGenericWord(t: Token): boolean {
  const { modifiers, generic } = facilityVocabulary();
  return modifiers.has(t.fold) || generic.has(t.fold);
}

/** Names recur within and across reports: their cores are kept (a bounded cache). */
const CORE_CACHE_LIMIT = 10_000;
const cores = new Map<string, Token[]>();

/** The words of a name that are its own, not facility words or modifiers: "Kamiti" of "Kamiti Maximum Security Prison". */
export function nameCore(name: string): Token[] {
  let core = cores.get(name);
  if (!core) {
    if (cores.size >= CORE_CACHE_LIMIT) cores.clear();
    core = computeCore(name);
    cores.set(name, core);
  }
  return core;
}

function computeCore(name: string): Token[] {
  const { suffix, prefix } = facilityVocabulary();
  const tokens = tokenize(name);
  const core: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const head = headAt(name, tokens, i, suffix) ?? (i === 0 ? headAt(name, tokens, i, prefix) : null);
    if (head) i += head.keys.length - 1;
    else if (tokens[i].key !== "" && !isGenericWord(tokens[i])) core.push(tokens[i]);
  }
  return core;
}
