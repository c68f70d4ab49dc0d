// PLACEHOLDER (owned by the incidents work): the blocking key incident merging groups mentions by.
import type { IncidentMention } from "../model/incident.ts";

/** Mentions that may describe the same event share a block; only pairs inside a block are compared. */
export function blockKeyOf(mention: IncidentMention): string {
  return `${mention.type}|${mention.place?.country ?? mention.facility?.place?.country ?? "??"}`;
}
