// The blocking key incident merging groups mentions by: only mentions sharing a block are ever
// compared, so the cost grows with the size of a block, never with all pairs in the store.
//
// The key must put the same real event in the same block from every document, whatever each
// document knows, so it is deliberately coarse: type family + country + admin1 of the site (the
// facility's place, else the mention's place). A town without a known admin1 stands in for it;
// with neither, the block is the whole country ("*").
//
// Escapes and recaptures share a family, so the recaptures that follow an escape are rebuilt
// together with it and the derived at_large figure (derived.ts) always sees both.
import type { IncidentMention, IncidentType } from "../model/incident.ts";
import { admin1Key, countryOf, townKey } from "./places.ts";

/** Types whose incidents are derived from one another share a block family. */
const BLOCK_FAMILY: Partial<Record<IncidentType, string>> = {
  escape: "escape+recapture",
  recapture: "escape+recapture",
};

const UNKNOWN_COUNTRY = "??";
const WHOLE_COUNTRY = "*";

/** Mentions that may describe the same event share a block; e.g. "escape+recapture|SY|hasakah". */
export function blockKeyOf(mention: IncidentMention): string {
  const family = BLOCK_FAMILY[mention.type] ?? mention.type;
  const country = countryOf(mention) ?? UNKNOWN_COUNTRY;
  const area = admin1Key(mention) ?? townKey(mention) ?? WHOLE_COUNTRY;
  return `${family}|${country}|${area}`;
}
