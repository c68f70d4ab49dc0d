// Who holds a facility: "the SDF-run prison", "a camp controlled by government forces", and the
// new holder of every control_change ("fell to government troops").
import type { Annotation, Doc } from "../model/doc.ts";
import type { FacilityRef, IncidentMention } from "../model/incident.ts";
import type { FacilityHolding } from "../store/store.ts";
import type { ActorValue } from "./attribution.ts";

/** How far before a facility name a "<holder>-run" modifier may stand, in characters. */
const MODIFIER_REACH = 40;
/** How far after a facility name "run by <holder>" may stand, in characters. */
const BY_REACH = 60;
const HELD_MODIFIER = /([A-Z][\w]*(?:[- ][A-Z][\w]*)?)-(?:run|held|controlled|operated|administered|guarded)\b/g;
const HELD_BY = /^[^.;]{0,20}?\b(?:run|held|controlled|operated|administered|guarded|managed)\s+by\s+(?:the\s+)?/i;

/** Holding statements of one document. */
export function findHoldings(
  doc: Doc,
  facilities: Array<Annotation<FacilityRef>>,
  actors: Array<Annotation<ActorValue>>,
  mentions: IncidentMention[],
): FacilityHolding[] {
  const text = doc.text;
  const holdings: FacilityHolding[] = [];
  const since = doc.published ? { earliest: doc.published, latest: doc.published } : null;
  for (const f of facilities) {
    const before = text.slice(Math.max(0, f.start - MODIFIER_REACH), f.start);
    for (const m of before.matchAll(HELD_MODIFIER)) {
      const holder = actorNamed(actors, m[1]) ?? m[1];
      const start = f.start - before.length + m.index!;
      holdings.push({ facility: f.value, holder, since, document: doc.id, start, end: f.end, rule: "holding.modifier" });
    }
    const after = text.slice(f.end, f.end + BY_REACH);
    const by = HELD_BY.exec(after);
    if (by) {
      const at = f.end + by[0].length;
      const actor = actors.find((a) => a.start >= at && a.start <= at + 5);
      if (actor) holdings.push({ facility: f.value, holder: actor.value.name, since, document: doc.id, start: f.start, end: actor.end, rule: "holding.run-by" });
    }
  }
  for (const m of mentions) {
    if (m.type !== "control_change" || !m.facility || m.modality !== "occurred") continue;
    const taker = takerOf(text, m, actors);
    if (taker) {
      holdings.push({ facility: m.facility, holder: taker, since: m.date, document: doc.id, start: m.trigger.start, end: m.trigger.end, rule: "holding.control-change" });
    }
  }
  return holdings;
}

/** The force that took the facility: the actor after "fell to", else the subject before the verb. */
function takerOf(text: string, m: IncidentMention, actors: Array<Annotation<ActorValue>>): string | null {
  const after = actors.find((a) => a.start >= m.trigger.end && a.start - m.trigger.end <= 25);
  if (after && /\bto\s*$|\bby\s*$/i.test(text.slice(m.trigger.start, after.start))) return after.value.name;
  const before = actors.filter((a) => a.end <= m.trigger.start && m.trigger.start - a.end <= 40).pop();
  return before?.value.name ?? after?.value.name ?? null;
}

function actorNamed(actors: Array<Annotation<ActorValue>>, alias: string): string | null {
  const hit = actors.find((a) => a.value.name.toLowerCase() === alias.toLowerCase() || a.value.id === alias.toLowerCase());
  return hit?.value.name ?? null;
}
