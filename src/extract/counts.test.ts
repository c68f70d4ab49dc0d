// Sentence -> count tables: which quantity (and casualty group) each figure is, through the whole
// extraction pipeline, and a negative table of figures that are not this event's head-counts.
// Texts are written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Doc } from "../model/doc.ts";
import { extract } from "./pipeline.ts";

function claimsOf(text: string): string[] {
  const doc: Doc = {
    id: "t",
    contentHash: "h",
    url: null,
    title: null,
    published: "2024-03-10",
    publishedOrigin: "metadata",
    text,
    segments: [{ start: 0, end: text.length, relevant: true, reason: "test" }],
    annotations: [],
  };
  return extract(doc).mentions.flatMap((m) =>
    m.counts.flatMap((c) => c.claims.map((cl) => `${c.quantity}${c.group ? `/${c.group}` : ""} ${cl.low}..${cl.high ?? "open"}`)),
  );
}

/** [text, every count it must give as "quantity[/group] low..high"] */
const POSITIVE: Array<[string, string[]]> = [
  ["Around two hundred militants stormed Kuje prison on Friday.", ["attackers 180..220"]],
  // a comma grouping thousands closes no clause
  ["Gunmen attacked the Kuje prison on Monday, freeing 1,844 inmates, the prison service said.", ["escaped 1844..1844"]],
  ["Officials said 2,315 prisoners fled the Kuje prison after the attack.", ["escaped 2315..2315"]],
  // a figure the report says was revised is still read as a claim (marked revised, see reconcile)
  ["More than 100 people died in the riot at the Kuje prison on Tuesday. Initially, prosecutors said the clashes had left 30 dead.", ["killed 101..open", "killed 30..30"]],
  // a part of the facility set on fire keeps the riot the story is about
  ["Inmates rioted at the Kuje prison on Monday. They set fire to the registry office. A rights group said at least 40 people had died.", ["killed 40..open"]],
  ["About 60 inmates escaped from Kuje prison on Friday. Four of them were recaptured on Saturday.", ["escaped 54..66", "recaptured 4..4"]],
  ["More than 480 inmates escaped from Kuje prison on Friday.", ["escaped 481..open"]],
  ["826 inmates fled Kuje prison after the attack.", ["escaped 826..826"]],
  ["Of the inmates who fled Kuje prison on Friday, 447 surrendered or were arrested.", ["recaptured 447..447"]],
  ["The riot at Kuje prison broke out on Friday, claiming the lives of five police and one inmate.", ["killed/security_forces 5..5", "killed/detainees 1..1"]],
  ["A riot at Kuje prison on Friday left 30 dead.", ["killed 30..30"]],
  ["Three killed as inmates riot at Kuje prison", ["killed 3..3"]],
  ["Gunmen attacked Kuje prison on Friday; 15 of the 21 escaped prisoners were recaptured.", ["recaptured 15..15", "escaped 21..21"]],
  [
    "More than 300 inmates of the Kuje custodial centre in Abuja that escaped during Friday's attack have been recaptured.",
    ["recaptured 301..open"],
  ],
  ["Two guards and three attackers were killed when gunmen stormed Kuje prison on Friday.", ["killed/security_forces 2..2", "killed/attackers 3..3"]],
  ["At least 12 people, including three prison officers, were killed in the attack on Kuje prison on Friday.", ["killed 12..open", "killed/security_forces 3..3"]],
  ["Gunmen stormed Kuje prison on Friday, killing two guards, the deadliest attack since 2019.", ["killed/security_forces 2..2"]],
  ["Gunmen attacked Kuje prison on Friday. The death toll rose to 29, including three prisoners.", ["killed 29..29", "killed/detainees 3..3"]],
  ["Gunmen stormed Kuje prison on Friday, killing 12 people, among them four guards.", ["killed 12..12", "killed/security_forces 4..4"]],
  ["The attack on Kuje prison on Friday left two guards dead and five wounded.", ["killed/security_forces 2..2", "wounded 5..5"]],
  ["About 240 inmates escaped from Kuje prison on Friday. Of the 240 who escaped, 110 have been recaptured.", ["recaptured 110..110"]],
  ["Three inmates escaped from Kuje prison on Monday. One of them was recaptured hours later, and two remain on the run.", ["recaptured 1..1", "at_large 2..2"]],
  ["In Kano, 34 inmates escaped from Kuje prison on Thursday.", ["escaped 34..34"]],
  ["Gunmen stormed Kuje prison on Friday, killing 12 people, three of them guards.", ["killed 12..12", "killed/security_forces 3..3"]],
  ["Gunmen stormed Kuje prison on Friday, killing 12 people, including three guards and two inmates.", ["killed/security_forces 3..3", "killed/detainees 2..2"]],
  ["Most of 21 inmates who escaped from Kuje prison on Monday were recaptured.", ["escaped 21..21"]],
  // a dateline's day and dash, then the figure that opens the story
  ["GULU, March 8 - Twenty-five inmates escaped from the Gulu prison on Thursday night, a warden said.", ["escaped 25..25"]],
  ["MUKALLA, March 9 – Forty prisoners were moved from a prison in Mukalla to the central prison in Aden on Saturday.", ["transferred 40..40"]],
  // people who are held themselves are counted by what happened to them, kin are families
  ["The rebels released 126 minors from the Makala prison on Saturday.", ["released 126..126"]],
  ["The authorities freed 43 juveniles held at the Makala prison on Sunday, a rights group said.", ["released 43..43"]],
  ["Iraq repatriated 150 families from the al-Hol camp on Monday.", ["families 150..150"]],
  ["Gunmen stormed the Mubi prison on Friday, killing two women who were visiting relatives.", ["killed/civilians 2..2"]],
  // figures revised in the same story
  ["Police initially said 30 inmates escaped from the Kutacane prison on Monday, but later raised the figure to 52.", ["escaped 30..30", "escaped 52..52"]],
  ["Ninety inmates escaped from the Mubi prison on Sunday. Officials later put the number at 112.", ["escaped 90..90", "escaped 112..112"]],
  ["Twelve inmates escaped from the Mubi prison on Sunday. The tally later rose to 19, police said.", ["escaped 19..19"]],
  ["The death toll from Monday's riot at the Kutacane prison rose to 17, up from an earlier figure of 9.", ["killed 17..17"]],
  ["The number of escapees from Sunday's breakout at the Mubi prison has since climbed to 61.", ["escaped 61..61"]],
  // attackers as the agent of a passive, or opening their clause
  ["The Mubi prison was attacked by some 200 gunmen on Friday.", ["attackers 180..220"]],
  ["The Mubi prison was overrun on Friday by an estimated 250 insurgents, who freed 300 inmates.", ["attackers 225..275", "escaped 300..300"]],
  ["The attack on the Mubi prison on Friday was carried out by around 100 militants.", ["attackers 90..110"]],
  ["About 300 fighters took part in the assault on the Mubi prison on Friday.", ["attackers 270..330"]],
  ["Police said the raid on the Mubi prison on Friday involved at least 50 gunmen.", ["attackers 50..open"]],
  ["Hundreds of armed men in pickup trucks attacked the Mubi prison on Friday, freeing 800 inmates.", ["attackers 200..999", "escaped 800..800"]],
  // one casualty named with an article, by its group
  ["Gunmen stormed the Mubi prison on Friday, killing a warder and two inmates.", ["killed/security_forces 1..1", "killed/detainees 2..2"]],
  ["A guard was killed when gunmen stormed the Mubi prison on Friday.", ["killed/security_forces 1..1"]],
  ["The riot at the Mubi prison on Friday left an inmate dead and a guard wounded.", ["killed/detainees 1..1", "wounded/security_forces 1..1"]],
  ["Gunmen stormed the Mubi prison on Friday. A police officer and three attackers were killed.", ["killed/security_forces 1..1", "killed/attackers 3..3"]],
  // those who gave themselves up or were caught after an escape
  ["Some 447 escapees surrendered or were arrested after the Oko prison break on Friday.", ["recaptured 402..492"]],
  ["Police said 447 of the escapees had surrendered or been arrested since the Oko prison break on Friday.", ["recaptured 447..447"]],
  ["Nine detainees broke out of the Kisumu jail on Sunday; three of them have since been rearrested.", ["escaped 9..9", "recaptured 3..3"]],
  ["Of the 64 inmates who escaped from the Kuje prison on Tuesday, 21 have been rearrested.", ["escaped 64..64", "recaptured 21..21"]],
  ["Over 1,200 prisoners escaped from the Owerri custodial centre on Monday.", ["escaped 1201..open"]],
  ["Between 30 and 40 inmates escaped from the Kutacane prison on Monday.", ["escaped 30..40"]],
  ["Nearly two thousand inmates escaped from the Kutacane prison on Monday.", ["escaped 1800..2000"]],
  // a part of a whole named after it is counted by the main verb
  ["826 of the 1,200 inmates held at the Oko prison escaped on Friday.", ["escaped 826..826"]],
  // a toll, then its parts after a colon
  ["Gunmen stormed the Oko prison on Friday, killing five people: three guards and two inmates.", ["killed 5..5", "killed/security_forces 3..3", "killed/detainees 2..2"]],
  ["Police said: 20 inmates escaped from the Oko prison on Friday.", ["escaped 20..20"]],
  // figures of one group listed together add up; the last item of a list may be "a warder"
  ["Gunmen stormed the Oko prison on Friday, killing two policemen and a prison warder.", ["killed/security_forces 3..3"]],
  ["Three soldiers, two guards and a policeman died when gunmen stormed the Oko prison on Friday.", ["killed/security_forces 6..6"]],
  ["Thirty-one people died in the riot at the Oko prison on Friday, the prison service said, adding that 20 others were hospitalised.", ["killed 31..31", "wounded 20..20"]],
  // an event noun told with its count
  ["The attack on Friday in Oko prison allowed the escape of 826 prisoners.", ["escaped 826..826"]],
];

/** [text, counts it must not give] */
const NEGATIVE: Array<[string, string[]]> = [
  ["Inmates who escaped from Kuje prison on Friday had each served 30 years.", ["escaped 30..30"]],
  ["The attack on Kuje prison on Friday lasted 20 minutes.", ["attackers 20..20", "killed 20..20"]],
  ["Inmates escaped from Kuje prison on Friday and fled along Highway 40.", ["escaped 40..40"]],
  ["Three convicts with a Sh20 million bounty on their heads escaped from Kuje prison on Friday.", ["escaped 20000000..20000000"]],
  ["Gunmen attacked Kuje prison on Friday; 15 of the 21 escaped prisoners were recaptured.", ["escaped 15..15", "recaptured 21..21"]],
  ["Three killed as inmates riot at Kuje prison", ["killed/detainees 3..3"]],
  ["Danelo Rocha, 34, escaped from Kuje prison on Thursday.", ["escaped 34..34"]],
  ["Seventy-six inmates escaped from Kuje prison on Friday, 40 of them from the north.", ["escaped 40..40"]],
  ["Five detainees, including two Russians, two Afghans and one Libyan, escaped from Kuje prison on Friday.", ["escaped 2..2", "escaped 1..1"]],
  ["Seven wardens at Kuje prison were arrested after three inmates escaped on Monday.", ["recaptured 7..7"]],
  ["Gunmen stormed Kuje prison on Friday, killing two guards. More than 200 inmates were killed in prison riots in the country in 2021 alone.", ["killed/detainees 201..open"]],
  ["Gunmen stormed Kuje prison on Friday, killing two guards. Thousands have been killed across the region.", ["killed 2000..9999"]],
  ["Gunmen stormed Kuje prison on Friday, freeing 300 inmates, including four militant commanders.", ["escaped 4..4", "killed 4..4"]],
  ["Gunmen attacked Kuje prison on Friday; reporters found at least nine bodies near the gate, several with gunshot wounds.", ["killed 3..9", "wounded 3..9"]],
  ["About 240 inmates escaped from Kuje prison on Friday. Of the 240 who escaped, 110 have been recaptured.", ["recaptured 240..240", "escaped 110..110"]],
  ["At least 12 people, including three prison officers, were killed in the attack on Kuje prison on Friday.", ["killed/security_forces 12..open"]],
  ["Gunmen stormed Kuje prison on Friday, killing two guards. In 2019, 30 inmates were killed in a riot at the same prison.", ["killed/detainees 30..30", "killed 30..30"]],
  ["Gunmen stormed Kuje prison on Friday, killing two guards. Five years ago, 30 inmates died at the same prison.", ["killed/detainees 30..30", "killed 30..30"]],
  ["Of the 1,793 inmates at Kuje prison, 400 escaped on Friday and 300 were recaptured.", ["escaped 1793..1793", "recaptured 1793..1793"]],
  // parts of a set are neither families nor a count of their own
  ["The junta released 600 prisoners, among them 40 women, from the Insein prison on Friday.", ["families 40..40", "released 40..40"]],
  ["Police said 52 inmates escaped, including 10 women, from the Kutacane prison on Monday.", ["families 10..10", "escaped 10..10"]],
  ["Police said 447 of the escapees had surrendered or been arrested since the Oko prison break on Friday.", ["escaped 447..447"]],
  // totals over a period or a country, and other events the story recalls
  ["Fifty inmates escaped from the Kutacane prison on Monday. More than 1,000 prisoners have escaped from Indonesian jails this year.", ["escaped 1001..open"]],
  ["Fifty inmates escaped from the Mubi prison on Monday. In a previous escape from the same prison, 300 inmates fled.", ["escaped 300..300"]],
  ["Seventy inmates escaped from the Mubi prison on Sunday; since January, more than 400 inmates have escaped from jails in the state.", ["escaped 401..open"]],
  ["Fifty inmates escaped from the Kutacane prison on Monday. The prison, from which 300 inmates escaped in 2019, holds 1,200 inmates.", ["escaped 300..300"]],
  // armed people arrested or killed are not the attack's attackers
  ["Five militants were arrested over the attack on the Mubi prison on Friday.", ["attackers 5..5"]],
  ["Police arrested 12 gunmen after the attack on the Mubi prison on Friday.", ["attackers 12..12"]],
  // an article is one casualty only beside its own verb
  ["A guard said 12 inmates were killed in the riot at the Mubi prison on Friday.", ["killed/security_forces 1..1"]],
  ["Gunmen attacked the Mubi prison on Friday; a higher death toll was feared.", ["killed 1..1"]],
  ["826 of the 1,200 inmates held at the Oko prison escaped on Friday.", ["held 826..826"]],
  ["Two guards and three inmates were killed when gunmen attacked the Mubi prison on Friday.", ["killed/security_forces 5..5", "killed/detainees 5..5"]],
  ["Gunmen stormed the Oko prison on Friday, killing two guards. Three guards were wounded.", ["killed/security_forces 5..5", "wounded/security_forces 5..5"]],
  ["Twenty inmates escaped on Friday from the Kuje prison. It was the biggest escape since 2022, when 800 inmates fled the same prison.", ["escaped 800..800"]],
  ["Twenty inmates escaped on Friday from the Kuje prison, where jihadists freed 800 inmates in 2022.", ["escaped 800..800"]],
  ["Gunmen stormed the Oko prison on Friday, killing five people: three guards and two inmates.", ["killed/security_forces 5..5"]],
];

for (const [text, expected] of POSITIVE) {
  test(`counts: ${text.slice(0, 70)}…`, () => {
    const found = claimsOf(text);
    for (const e of expected) assert.ok(found.includes(e), `expected "${e}" in ${JSON.stringify(found)}`);
  });
}

for (const [text, unexpected] of NEGATIVE) {
  test(`not counts: ${text.slice(0, 70)}…`, () => {
    const found = claimsOf(text);
    for (const u of unexpected) assert.ok(!found.includes(u), `did not expect "${u}" in ${JSON.stringify(found)}`);
  });
}
