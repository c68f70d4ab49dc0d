// One facility, one id within a report. Reporters name a facility several ways in one story:
// "Kamiti Maximum Security Prison", then "Kamiti prison"; "Suleja Medium Security Custodial
// Centre", then "Suleja Correctional Facility"; "Evin prison", then "the prison in northwestern
// Tehran"; then "the jail", "the facility". Steps:
//  1. group the report's facility annotations: the same id, the same name core of one family of
//     custody ("Kamiti" in both), or a facility named only by its town beside the one named
//     facility of that town or near it;
//  2. each group takes one value: the gazetteer's entry if any, else the most specific name,
//     placed at the most precise place any member has;
//  3. definite references with no name ("the central prison", "the jail", "the facility") become
//     annotations of the facility they refer back to: the last one named of their family.
import type { Annotation } from "../model/doc.ts";
import type { FacilityRef, PlaceRef } from "../model/incident.ts";
import { findAnaphors } from "./facility-anaphor.ts";
import { familyOf, nameCore } from "./facility-heads.ts";
import { isTownNamed, nearbyTown, precisionRank } from "./geo.ts";
import { getLexicon } from "./lexicon.ts";
import { normalizeName } from "./normalize.ts";
import type { Token } from "./tokens.ts";

const SAME_AS_RULE = "gazetteer.facility.same-as";
/** Distinct facilities one report is checked for sameness among; beyond, the page is a list. */
export const MAX_FACILITIES_COMPARED = 60;

interface Member {
  annotation: Annotation;
  value: FacilityRef;
  core: Set<string>;
}

/** Gives every facility annotation of one report the id of the facility it names, and adds references back. */
export function unifyFacilities(text: string, tokens: Token[], annotations: Annotation[]): Annotation[] {
  // 1. one representative per id; representatives are compared pairwise, so a page listing
  // hundreds of facilities (a list, not a story) keeps its ids as they are
  const byId = new Map<string, Member[]>();
  for (const a of annotations) {
    if (a.kind !== "facility") continue;
    const value = a.value as FacilityRef;
    const member = { annotation: a, value, core: coreOf(value) };
    const same = byId.get(value.id);
    if (same) same.push(member);
    else byId.set(value.id, [member]);
  }
  const representatives = [...byId.values()].map((list) => list[0]);
  const groups: Member[][] = [];
  for (const member of representatives) {
    const group = representatives.length <= MAX_FACILITIES_COMPARED ? groups.find((g) => g.some((m) => sameFacilityInReport(m, member, representatives))) : undefined;
    if (group) group.push(member);
    else groups.push([member]);
  }
  // 2.
  const valueOf = new Map<Annotation, FacilityRef>();
  for (const group of groups) {
    const members = group.flatMap((m) => byId.get(m.value.id)!);
    const value = canonical(members);
    for (const m of members) valueOf.set(m.annotation, value);
  }
  const unified = annotations.map((a) => {
    const value = valueOf.get(a);
    if (!value || value === a.value) return a;
    return { ...a, value, rule: value.id === (a.value as FacilityRef).id ? a.rule : SAME_AS_RULE };
  });
  // 3.
  const anaphors = findAnaphors(text, tokens, unified);
  return anaphors.length === 0 ? unified : [...unified, ...anaphors].sort((a, b) => a.start - b.start);
}

/** The words of a facility's name that are its own, as keys: "Kamiti" of "Kamiti Maximum Security Prison". */
function coreOf(f: FacilityRef): Set<string> {
  return new Set(nameCore(f.name).map((t) => t.key));
}

function sameFacilityInReport(a: Member, b: Member, members: Member[]): boolean {
  if (a.value.id === b.value.id) return true;
  // two facilities the gazetteer knows are two facilities
  if (isCurated(a.value) && isCurated(b.value)) return false;
  if (familyOf(a.value.kind) !== familyOf(b.value.kind)) return false;
  if (a.core.size > 0 && b.core.size > 0 && (subset(a.core, b.core) || subset(b.core, a.core))) return true;
  // "the prison in northwestern Tehran" beside "Evin prison in Tehran": the one named facility of that town
  const [generic, named] = isTownNamed(a.value) ? [a, b] : isTownNamed(b.value) ? [b, a] : [null, null];
  if (!generic || !named || isTownNamed(named.value) || !named.value.place || !generic.value.place) return false;
  const sameTown = (m: Member) => normalizeName(m.value.place!.name) === normalizeName(generic.value.place!.name) || nearbyTown(m.value.place!, generic.value.place!);
  if (!sameTown(named)) return false;
  const namedHere = members.filter((m) => !isTownNamed(m.value) && m.value.place && familyOf(m.value.kind) === familyOf(generic.value.kind) && sameTown(m));
  return new Set(namedHere.map((m) => m.value.id)).size === 1;
}

function isCurated(f: FacilityRef): boolean {
  return getLexicon().facilities.has(f.id);
}

function subset(small: Set<string>, large: Set<string>): boolean {
  for (const w of small) if (!large.has(w)) return false;
  return true;
}

/** The gazetteer's entry, else the named (not town-named) member with the longest name; the most precise place. */
function canonical(group: Member[]): FacilityRef {
  if (group.length === 1) return group[0].value;
  const curated = group.find((m) => isCurated(m.value));
  if (curated) return curated.value;
  const named = group.filter((m) => !isTownNamed(m.value));
  const best = (named.length > 0 ? named : group).reduce((a, b) => (b.value.name.length > a.value.name.length ? b : a));
  const places = group.map((m) => m.value.place).filter((p): p is PlaceRef => Boolean(p));
  const place = places.reduce<PlaceRef | null>((a, p) => (!a || precisionRank(p) < precisionRank(a) ? p : a), best.value.place);
  return place === best.value.place ? best.value : { ...best.value, place };
}
