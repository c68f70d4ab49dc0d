// Which facility and place an incident mention takes (classes: facilities missing from the
// gazetteer; places). Texts written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { IncidentMention } from "../model/incident.ts";
import { mentionsOf } from "./testing.ts";

const view = (m: IncidentMention) => `${m.type}@${m.facility?.id ?? "-"}/${m.place?.name ?? "-"}`;

const TABLE: Array<[string, string[]]> = [
  // one facility named three ways is one escape at one facility
  [
    "Three convicts escaped from Ngome Maximum Security Prison on Saturday, Kenyan police said. Warders at Ngome prison were questioned after the escape from the prison.",
    ["escape@nguma-prison-ke/Kenya"],
  ],
  // the town-named form of a named facility is that facility
  [
    "A riot broke out in the Tamsoul prison in Tehran on Saturday. Guards at the prison in northern Tehran fired tear gas to end the riot, Iranian media said.",
    ["riot@tamsul-prison-ir/Tehran"],
  ],
  // a transfer starts at the facility the detainees leave, not the one after "to"
  [
    "Inmates rioted at Kuje prison on Saturday after guards transferred six of them to the Kirikiri maximum security prison.",
    ["riot@kuje-prison/Kuje", "transfer@kuje-prison/Kuje"],
  ],
  // a country across the border is not where an escape happened
  [
    "Nearly 80 prisoners escaped on Saturday from a prison in Salto del Guairá near the border with Brazil, Paraguayan police said.",
    ["escape@saltu-del-guera-prison-py/Salto del Guairá"],
  ],
  // a neighbour named for its border is not where an escape at a facility of another country happened
  [
    "Border posts with Ghana were closed on Saturday after inmates escaped from the Ouagadougou prison.",
    ["alert@-/Burkina Faso", "escape@maco-ouagadougou/Ouagadougou"],
  ],
  [
    "Rwanda reinforced its border with Burundi after 40 inmates escaped from the Mpimba prison in Bujumbura.",
    ["alert@-/Rwanda", "escape@mpimba-prison/Bujumbura"],
  ],
  // the facility after "escaped from" is the one left, the place after the arrest where they were caught
  [
    "Kenya said three convicts who escaped from Kamiti prison were arrested in Somalia.",
    ["escape@kamiti-prison/Nairobi", "recapture@kamiti-prison/Somalia"],
  ],
  [
    "Police said 12 inmates who broke out of the Kuje prison were caught in Keffi.",
    ["escape@kuje-prison/Kuje", "recapture@kuje-prison/Keffi"],
  ],
  // a country named for its border is not the story's country that places an unknown town's prison
  [
    "The Tunisian interior ministry reinforced security at border crossings with Algeria after five convicts escaped from Mornaguia prison.",
    ["alert@-/Tunisia", "escape@murnaguia-prison-tn/Tunisia"],
  ],
];

for (const [text, expected] of TABLE) {
  test(`mention facility and place: ${text.slice(0, 70)}…`, () => {
    assert.deepEqual(mentionsOf(text).map(view).sort(), expected);
  });
}

test("a facility known only by its country is still the one escapees are recaptured from elsewhere", () => {
  const text = "Three convicts escaped from Ngome prison on Saturday, Kenyan police said. Two of them were recaptured in Kitui on Sunday.";
  const recapture = mentionsOf(text).find((m) => m.type === "recapture");
  assert.equal(recapture?.facility?.id, "nguma-prison-ke");
  assert.equal(recapture?.place?.name, "Kitui");
});
