// The gazetteer: knowledge of facilities, places, countries and actors as versioned data
// (src/gazetteer/data/*.json), and a matcher that finds them in text with exact offsets.
export { matchGazetteer, type MatchOptions } from "./match.ts";
export { normalizeName, foldName } from "./normalize.ts";
export { facilityHeadWords } from "./facility-pattern.ts";
export { findFacility, findPlace, placeById, facilityById, countryName, admin1Name } from "./lookup.ts";
export type { ActorRef, DemonymRef } from "./lexicon.ts";
export type { ActorKind } from "./data.ts";
export { facilityWordingIn, type FacilityWording } from "./facility-wording.ts";
