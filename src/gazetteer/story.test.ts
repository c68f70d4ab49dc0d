// Places read through the story's own country (class: a Syrian prison placed in Iraq, a Mexican
// prison in the wrong state, a namesake town abroad). Texts written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { FacilityRef, PlaceRef } from "../model/incident.ts";
import { matchGazetteer, type Proposal } from "./match.ts";
import { readStory } from "./story.ts";

function placeOf(text: string, name: string): PlaceRef | undefined {
  const a = matchGazetteer(text).find((x) => x.kind === "place" && text.slice(x.start, x.end) === name);
  return a?.value as PlaceRef | undefined;
}

function facilityNamed(text: string, name: string): FacilityRef | undefined {
  return matchGazetteer(text).find((x) => x.kind === "facility" && text.slice(x.start, x.end).includes(name))?.value as FacilityRef | undefined;
}

/** [text, place name in the text, expected "country" or "country/admin1", or null when no place may be read]. */
const TOWNS: Array<[string, string, string | null]> = [
  // a town name found twice in one country: the division the text names decides
  ["Inmates rioted on Sunday in Guadalupe, Zacatecas, Mexican officials said.", "Guadalupe", "MX/Zacatecas"],
  ["Inmates rioted on Sunday in Guadalupe, Nuevo León, Mexican officials said.", "Guadalupe", "MX/Nuevo León"],
  ["The riot in Depok, West Java, ended on Thursday, Indonesian police said.", "Depok", "ID/West Java"],
  // a town of the story's country over its namesakes abroad
  ["Guards in Gombe fled, Nigerian officials said.", "Gombe", "NG/Gombe State"],
  ["Troops searched Sosa after the breakout, Iraqi officials said.", "Sosa", null],
  ["Police questioned guards in Hilal after the escape, Iraq's interior ministry said.", "Hilal", null],
  // a national capital is the story's evidence when no country is named
  ["The riot at a police prison near Jakarta ended; officers of Densus 88 stood by.", "Densus", null],
];
for (const [text, name, expected] of TOWNS) {
  test(`place of "${name}": ${text.slice(0, 60)}…`, () => {
    const place = placeOf(text, name);
    assert.equal(place ? (expected?.includes("/") ? `${place.country}/${place.admin1}` : place.country) : null, expected);
  });
}

test("a Syrian prison in a story about Iraq stays in Syria", () => {
  const text =
    "Iraqi forces tightened the border on Sunday after detainees broke out of the Tal Baydar prison in Hasakah, " +
    "Iraq's interior ministry said. Iraq has deployed two brigades along the border with Syria.";
  const f = facilityNamed(text, "Tal Baydar");
  assert.equal(f?.place?.country, "SY");
  assert.match(f?.id ?? "", /-sy$/);
});

test("a curated facility of another country is not a town of the story's own", () => {
  // "San Pedro prison" is the gazetteer's Bolivian prison, but San Pedro is also a Paraguayan department's town
  const text = "Paraguayan police said the men had taken part in a massacre at the San Pedro prison last year.";
  assert.notEqual(facilityNamed(text, "San Pedro")?.place?.country, "BO");
});

test("a dateline puts the story in its country", () => {
  const text = "GUAYAQUIL, Ecuador — Inmates clashed again on Tuesday.";
  const story = readStory(text, matchGazetteer(text).map((a) => ({ ...a, rank: 0 }) as Proposal));
  assert.equal(story.countries[0], "EC");
  assert.equal(story.dateline?.name, "Guayaquil");
});

test("a country that is a person's name is no evidence", () => {
  const text = "Warden Howard Holland said the inmate scaled the fence; Holland said cameras would be added.";
  const story = readStory(text, matchGazetteer(text).map((a) => ({ ...a, rank: 0 }) as Proposal));
  assert.deepEqual(story.countries, []);
});
