// Stages: the actors of a sentence belong to its events (media and monitors report, they do not
// act), and an alert with no place of its own holds where its forces are: "Iraqi forces were put
// on alert" holds in Iraq.
import type { PlaceRef } from "../../model/incident.ts";
import { placeById } from "../../gazetteer/index.ts";
import type { ActorValue } from "../attribution.ts";
import { unique, type PlaceValue, type SentenceView } from "./context.ts";

/** Actors whose country is where their alert holds. */
const FORCE_KINDS = new Set(["state_force", "police", "militia", "prison_service"]);

export function linkActors(s: SentenceView): void {
  const names = unique(s.actors.filter((a) => !isMediaSource(a.value)).map((a) => a.value.name));
  for (const m of s.created) m.actors = [...names];
}

export function placeAlertsByForces(s: SentenceView): void {
  for (const m of s.created) {
    if (m.place || m.type !== "alert") continue;
    const force = s.actors.filter((a) => a.value.country && FORCE_KINDS.has(a.value.kind) && a.end <= m.trigger.start).pop();
    const demonym = s.places.filter((p) => p.value.demonym && p.end <= m.trigger.start).pop();
    const country = force?.value.country ? placeById(`country:${force.value.country}`) : null;
    if (country) m.place = country;
    else if (demonym) m.place = withoutDemonym(demonym.value);
  }
}

function isMediaSource(actor: ActorValue): boolean {
  return actor.kind === "media" || actor.kind === "monitor";
}

function withoutDemonym(value: PlaceValue): PlaceRef {
  const { demonym: _d, ...place } = value;
  return place;
}
