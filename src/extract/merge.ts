// Within one document, mentions of the same event merge into one: a report says "escaped" in the
// headline, again with the figure, and again in a quote. Merging rules, in order:
//   1. Same family (escape and release at one facility are one departure told two ways: sources
//      say "escaped" and "let out" of the same people), same modality (a release planned and done
//      is one), and compatible location:
//      the same facility, or one of them names none and its place contains the other's.
//      Alerts in one country are one response to the report's event ("roadblocks in four states,
//      a curfew in the capital").
//   2. A mention with neither facility nor place ("they had a prison break") joins the nearest
//      mention of its family; alone, it is dropped: an incident must be somewhere.
import type { DateWindow } from "../model/doc.ts";
import type { CountClaims, IncidentMention, IncidentType, PlaceRef } from "../model/incident.ts";
import { isTownNamed, nearbyTown, precisionRank, sameFacility } from "../gazetteer/geo.ts";

/** Two exact dates further apart than this are two events even at one facility. */
const DATE_GAP_DAYS = 3;

/**
 * A mention is compared with at most this many events of its family already found (the latest).
 * No report tells more distinct events of one kind; a page that lists thousands (a table, a
 * crafted input) would otherwise cost the square of its length.
 */
export const MAX_MERGE_CANDIDATES = 200;

/** Mentions of one family can merge (a planned and a carried-out release too): each looks among those alone. */
function familyKey(m: IncidentMention): string {
  return FAMILY[m.type];
}
/** Between equally close targets, the one whose window meets the mention's wins. */
const SAME_TIME_BONUS = 0.5;

/** Types of the mentions folded into each merged one, to name the merged departure. */
const absorbedTypes = new WeakMap<IncidentMention, IncidentType[]>();
/** Whether the text dates a merged mention, kept as it absorbs: rescanning its evidence each time grew with the square. */
const textDated = new WeakMap<IncidentMention, boolean>();
/** Claims already in a merged count, by start and figures, for the same reason. */
const claimKeys = new WeakMap<CountClaims, Set<string>>();

const FAMILY: Record<IncidentType, string> = {
  attack: "attack",
  riot: "riot",
  escape: "departure",
  release: "departure",
  recapture: "recapture",
  transfer: "transfer",
  alert: "alert",
  control_change: "control_change",
};

/** Merges the mentions of one document; the result keeps reading order. */
export function mergeWithinDocument(mentions: IncidentMention[]): IncidentMention[] {
  const anchored = mentions.filter((m) => m.facility || m.place);
  const floating = mentions.filter((m) => !m.facility && !m.place);
  const merged: IncidentMention[] = [];
  // Mentions the text dates first, so that events told on different days stay apart whatever the
  // order; then specific mentions, so vaguer ones fold into them rather than the reverse.
  const bySpecificity = [...anchored].sort((a, b) => Number(!datedByText(a)) - Number(!datedByText(b)) || specificity(a) - specificity(b) || a.trigger.start - b.trigger.start);
  // Only mentions of one family can merge, so each looks among those alone.
  const byFamily = new Map<string, IncidentMention[]>();
  for (const m of bySpecificity) {
    // The closest match wins: the same facility or town over a containing place over a nearby town.
    let target: IncidentMention | undefined;
    let best = 0;
    const family = byFamily.get(familyKey(m)) ?? [];
    for (let i = Math.max(0, family.length - MAX_MERGE_CANDIDATES); i < family.length; i++) {
      const t = family[i];
      const score = compatible(t, m) ? closeness(t, m) + (overlaps(t.date, m.date) ? SAME_TIME_BONUS : 0) : 0;
      if (score > best) {
        target = t;
        best = score;
      }
    }
    if (target) absorb(target, m);
    else {
      const copy = clone(m);
      merged.push(copy);
      if (family.length) family.push(copy);
      else byFamily.set(familyKey(m), [copy]);
    }
  }
  for (const m of floating) {
    const sameFamily = merged.filter((t) => FAMILY[t.type] === FAMILY[m.type] && t.modality === m.modality && !otherTime(m, t));
    if (!sameFamily.length) continue;
    const nearest = sameFamily.reduce((a, b) => (Math.abs(b.trigger.start - m.trigger.start) < Math.abs(a.trigger.start - m.trigger.start) ? b : a));
    absorb(nearest, m);
  }
  for (const m of merged) {
    m.type = dominantType(m);
    // Claims in reading order, whatever order the mentions were folded in.
    for (const c of m.counts) c.claims.sort((a, b) => a.start - b.start);
  }
  return merged.sort((a, b) => a.trigger.start - b.trigger.start);
}

/**
 * A mention with no place that dates itself to a wide window ("earlier this year, 50 inmates broke
 * out of a prison") is another event than an exactly dated one: it is not folded in.
 */
function otherTime(floating: IncidentMention, target: IncidentMention): boolean {
  const own = floating.evidence.some((e) => e.kind === "date");
  if (!own || !floating.date || !target.date) return false;
  const width = (Date.parse(floating.date.latest) - Date.parse(floating.date.earliest)) / 86_400_000;
  return width > WIDE_WINDOW_DAYS && target.date.earliest === target.date.latest;
}
/** A window wider than this is "sometime", not a day. */
const WIDE_WINDOW_DAYS = 7;

/** How closely two compatible mentions' locations agree: 3 same site, 2 one contains the other, 1 nearby. */
function closeness(a: IncidentMention, b: IncidentMention): number {
  if (a.facility && b.facility && a.facility.id === b.facility.id) return 3;
  const placeA = a.facility?.place ?? a.place;
  const placeB = b.facility?.place ?? b.place;
  if (!placeA || !placeB) return 2;
  if (same(placeA.name, placeB.name) || (placeA.id !== undefined && placeA.id === placeB.id)) return 3;
  if (contains(placeA, placeB) || contains(placeB, placeA)) return 2;
  return 1;
}

/** Lower is more specific: a named facility, then a town, then wider places. */
function specificity(m: IncidentMention): number {
  if (m.facility) return isTownNamed(m.facility) ? 0.5 : 0;
  return 1 + (m.place ? precisionRank(m.place) : 4);
}

function compatible(a: IncidentMention, b: IncidentMention): boolean {
  if (FAMILY[a.type] !== FAMILY[b.type] || (a.modality !== b.modality && !promiseKept(a, b))) return false;
  if (exactDatesApart(a.date, b.date) || textDatesApart(a, b)) return false;
  if (a.facility && b.facility) return sameFacility(a.facility, b.facility, "report");
  const placeA = a.facility?.place ?? a.place;
  const placeB = b.facility?.place ?? b.place;
  if (!placeA || !placeB) return true;
  // A report's roadblocks, curfew and deployments across one country are one response to its event.
  if (FAMILY[a.type] === "alert" && placeA.country && placeA.country === placeB.country) return true;
  return contains(placeA, placeB) || contains(placeB, placeA) || nearbyTown(placeA, placeB);
}

/** True when `outer` is the same as or contains `inner`. */
function contains(outer: PlaceRef, inner: PlaceRef): boolean {
  if (outer.country && inner.country && outer.country !== inner.country) return false;
  if (outer.precision === "country" || outer.precision === "region") return true;
  if (outer.precision === "admin1") return !inner.admin1 || !outer.admin1 || same(outer.admin1, inner.admin1) || same(outer.name, inner.admin1);
  return same(outer.name, inner.name) || (outer.id !== undefined && outer.id === inner.id);
}

function same(a: string | null | undefined, b: string | null | undefined): boolean {
  return Boolean(a && b && a.toLowerCase() === b.toLowerCase());
}

function exactDatesApart(a: DateWindow | null, b: DateWindow | null): boolean {
  if (!a || !b || a.earliest !== a.latest || b.earliest !== b.latest) return false;
  return Math.abs(Date.parse(a.earliest) - Date.parse(b.earliest)) / 86_400_000 > DATE_GAP_DAYS;
}

/** "agreed to release all the prisoners ... it set free more than 100": a release planned and done is one release. */
function promiseKept(a: IncidentMention, b: IncidentMention): boolean {
  return FAMILY[a.type] === "departure" && [a.modality, b.modality].includes("occurred") && [a.modality, b.modality].includes("planned");
}

/** Both dated by their text, to windows days apart: "announced in December the release of 366" is not February's. */
function textDatesApart(a: IncidentMention, b: IncidentMention): boolean {
  if (!a.date || !b.date || !datedByText(a) || !datedByText(b)) return false;
  const gap = Math.max(Date.parse(a.date.earliest) - Date.parse(b.date.latest), Date.parse(b.date.earliest) - Date.parse(a.date.latest)) / 86_400_000;
  return gap > DATE_GAP_DAYS;
}

function absorb(target: IncidentMention, m: IncidentMention): void {
  // "a prison in Kabul" told again as "Pul-e-Charkhi": the facility takes its own name.
  if (!target.facility || (isTownNamed(target.facility) && m.facility && !isTownNamed(m.facility))) target.facility = m.facility ?? target.facility;
  if (!target.place || (m.place && precisionRank(m.place) < precisionRank(target.place) && !target.facility)) target.place = m.place ?? target.place;
  target.destination ??= m.destination;
  const [mDated, targetDated] = [datedByText(m), textDated.get(target) ?? datedByText(target)];
  target.date = mDated && !targetDated && !overlaps(target.date, m.date) ? m.date : narrower(target.date, m.date);
  if (mDated && !targetDated) for (const e of m.evidence) if (e.kind === "date") target.evidence.push(e);
  textDated.set(target, mDated || targetDated);
  target.actors = [...new Set([...target.actors, ...m.actors])];
  target.unconfirmed = target.unconfirmed && m.unconfirmed;
  if (m.modality === "occurred") target.modality = "occurred";
  for (const count of m.counts) mergeCount(target.counts, count);
  for (const e of m.evidence) target.evidence.push(e); // not push(...): evidence grows with every merged mention
  const types = absorbedTypes.get(target);
  if (types) types.push(m.type);
  else absorbedTypes.set(target, [m.type]);
}

/** True when the text dated this mention (not the default window before publication). */
function datedByText(m: IncidentMention): boolean {
  return m.evidence.some((e) => e.kind === "date");
}

function overlaps(a: DateWindow | null, b: DateWindow | null): boolean {
  return Boolean(a && b && a.earliest <= b.latest && b.earliest <= a.latest);
}

/** The tighter of two overlapping windows; when they do not overlap, the earlier-stated one. */
function narrower(a: DateWindow | null, b: DateWindow | null): DateWindow | null {
  if (!a) return b;
  if (!b) return a;
  const earliest = a.earliest > b.earliest ? a.earliest : b.earliest;
  const latest = a.latest < b.latest ? a.latest : b.latest;
  return earliest <= latest ? { earliest, latest } : a;
}

function mergeCount(counts: CountClaims[], add: CountClaims): void {
  const existing = counts.find((c) => c.quantity === add.quantity && c.group === add.group);
  if (!existing) {
    counts.push({ ...add, claims: [...add.claims] });
    return;
  }
  const keyOf = (c: CountClaims["claims"][number]) => `${c.start}|${c.low}|${c.high}`;
  let keys = claimKeys.get(existing);
  if (!keys) claimKeys.set(existing, (keys = new Set(existing.claims.map(keyOf))));
  for (const claim of add.claims) {
    if (keys.has(keyOf(claim))) continue;
    keys.add(keyOf(claim));
    existing.claims.push(claim);
  }
}

/** A merged departure is an escape unless release mentions outnumber escape mentions. */
function dominantType(m: IncidentMention): IncidentType {
  if (FAMILY[m.type] !== "departure") return m.type;
  const types = [m.type, ...(absorbedTypes.get(m) ?? [])];
  const releases = types.filter((t) => t === "release").length;
  return releases > types.length - releases ? "release" : "escape";
}

function clone(m: IncidentMention): IncidentMention {
  return { ...m, actors: [...m.actors], counts: m.counts.map((c) => ({ ...c, claims: [...c.claims] })), evidence: [...m.evidence] };
}
