// Stage: the actors of a sentence belong to its events (media and monitors report, they do not act).
import type { ActorValue } from "../attribution.ts";
import { unique, type SentenceView } from "./context.ts";

export function linkActors(s: SentenceView): void {
  const names = unique(s.actors.filter((a) => !isMediaSource(a.value)).map((a) => a.value.name));
  for (const m of s.created) m.actors = [...names];
}

function isMediaSource(actor: ActorValue): boolean {
  return actor.kind === "media" || actor.kind === "monitor";
}
