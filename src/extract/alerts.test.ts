// Alerts: curfews, closed borders, deployments, checkpoints and states of emergency because of an
// escape, placed at the area put on alert, never at the capital where a ministry spoke. Negative
// table: forces sent for other reasons, attackers mobilizing, reinforcements fighting for the
// facility itself. Texts are written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { described, mentionsOf } from "./testing.ts";

// Published Sunday 2024-03-10: [text, where the alert holds]
const POSITIVE: Array<[string, string]> = [
  ["Over 200 inmates escaped from the Kuje prison on Saturday. The police imposed a dusk-to-dawn curfew on Kuje town the same night.", "Kuje"],
  ["Chad closed its border with Sudan after 80 prisoners escaped from the Abeche prison on Friday.", "Chad"],
  ["Security was doubled along the border with Benin after the jailbreak at the Kuje prison on Friday, the interior ministry in Abuja said.", "Nigeria"],
  ["Over 200 inmates escaped from the Kuje prison on Saturday. Soldiers were deployed to hunt the fugitives, the army said in Abuja.", "Kuje"],
  ["The governor declared a state of emergency in Suleja after 119 inmates escaped from the custodial centre on Wednesday.", "Suleja"],
  ["Police set up checkpoints on the roads out of Kano after the jailbreak on Friday.", "Kano"],
  ["Iraqi forces were put on high alert along the border after dozens of inmates escaped from a prison in Hasakah.", "Iraq"],
  ["Niger has closed its border with Nigeria following the jailbreak at the Kuje prison.", "Niger"],
  ["Over 100 inmates escaped from the Kuje prison on Friday. The ministry placed the police on red alert nationwide, a spokesman said in Abuja.", "Nigeria"],
  ["Over 100 inmates escaped from the Kuje prison on Friday. Police have mounted roadblocks on all roads leading out of the city.", "Kuje"],
  // an alert answering an attack the sentence tells as over
  ["The governor ordered a dusk-to-dawn curfew in Owerri on Saturday following the attack on the custodial centre.", "Owerri"],
  ["Police deployed extra officers to every exit of the territory after the Friday attack on the Kuje prison, a spokesman said.", "Kuje"],
  // a division's own police command guards that division
  ["Following the jailbreak, the Kogi State Police Command has beefed up security across the state.", "Kogi State"],
  // the prison named after "after" is the event answered, not where forces went
  ["Police set up roadblocks across Bali after four inmates escaped from Kerobokan prison through a tunnel on Friday.", "Denpasar"],
  // a border strip is the country's
  ["The Kenyan police have intensified patrols along the border with Somalia after three convicts escaped from Kamiti prison on Friday.", "Kenya"],
  // freed by armed men is an escape the curfew answers
  ["Guinea declared a curfew on Sunday after armed men freed a former junta leader from the central prison in Conakry.", "Guinea"],
  ["Police in Paraguay issued a nationwide alert after 75 prisoners escaped through a tunnel from a prison in Pedro Juan Caballero.", "Paraguay"],
  ["The government declared a state of siege in Ituri province after 800 inmates escaped from the Bunia prison.", "Ituri"],
  // the neighbour across the border is neither where the alert holds nor the story's country
  ["The Tunisian interior ministry reinforced security at border crossings with Algeria after five convicts escaped from Mornaguia prison.", "Tunisia"],
  ["Border posts with Ghana were closed on Saturday after inmates escaped from the Ouagadougou prison, Burkinabe security sources said.", "Burkina Faso"],
  // the escape answered is told only after "after the"
  ["Security forces went on alert in Kirkuk after the jailbreak at Tasfirat prison in Tikrit.", "Kirkuk"],
  // an order names its forces before what they must be: carried out, not planned
  ["Three convicts escaped from Kamiti prison on Friday. Kenya's police chief ordered all officers in Nairobi county to be on high alert.", "Nairobi"],
  // the measure told paragraphs after the escape
  [
    "More than 200 inmates escaped from the Kuje prison on Friday night. The attackers used explosives to breach the wall. Officials said 64 of the escapees were later recaptured. The interior minister visited the facility on Saturday. A curfew has been imposed on the town, the police said.",
    "Kuje",
  ],
  [
    "More than 200 inmates escaped from the Makala prison on Friday night. The attackers used explosives to breach the wall. Officials said 64 of the escapees were later recaptured. The interior minister visited the facility on Saturday. Soldiers have been deployed across Kinshasa.",
    "Kinshasa",
  ],
];

const NEGATIVE: string[] = [
  "IS mobilized its sleeper cells to organize the breakout at the Kuje prison.",
  "Troops were deployed to the northern border after clashes with rebels on Friday.",
  "The coach said his team was on high alert before the match against the league leaders.",
  "Police reinforcements were sent to the Kuje prison as gunmen attacked it on Friday.",
  "A curfew was imposed on the city of Kano after protests over fuel prices.",
  "Troops were deployed to the town after the attack on an army camp on Friday.",
  "The Lagos State Police Command said on Friday it had arrested a robbery suspect.",
  "Police intensified patrols in the city centre ahead of the elections.",
  // the border word of the measure is no escape
  "Mali closed its border with Niger on Saturday because of the coup.",
  "Nigeria closed its land borders to curb rice smuggling.",
  "In the film, the governor declares a curfew after convicts escape from an island prison.",
  "Zoo officials put the town on alert after a tiger escaped from its enclosure on Friday.",
  "The team escaped relegation on the final day, and the police set up checkpoints around the stadium.",
  "The minister said the army would be deployed to the town if inmates escaped from the Kuje prison.",
  // a weak verb far from the escape, with attackers rather than forces doing it
  "Over 200 inmates escaped from the Kuje prison on Friday. Police recaptured 40 of them on Saturday. The governor visited the town. Officials said the search continued. Militants have stepped up their attacks on army posts in the region.",
];

for (const [text, where] of POSITIVE) {
  test(`alert at ${where}: ${text.slice(0, 60)}…`, () => {
    const alerts = mentionsOf(text).filter((m) => m.type === "alert").map(described);
    assert.equal(alerts.length, 1, JSON.stringify(alerts));
    assert.ok(alerts[0].startsWith(`alert@${where}`), alerts[0]);
  });
}

for (const text of NEGATIVE) {
  test(`no alert: ${text.slice(0, 60)}…`, () => {
    assert.deepEqual(mentionsOf(text).filter((m) => m.type === "alert").map(described), []);
  });
}

test("an alert answering an escape is dated from the escape to publication", () => {
  const text = "Over 200 inmates escaped from the Kuje prison on Friday. The police imposed a curfew on Kuje town.";
  const [alert] = mentionsOf(text).filter((m) => m.type === "alert");
  assert.deepEqual(alert.date, { earliest: "2024-03-08", latest: "2024-03-10" });
});
