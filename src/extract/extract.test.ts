// Sentence -> expected incident tables for the whole extraction pipeline, plus a negative table of
// look-alike stories that must yield nothing. Texts are written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { IncidentMention } from "../model/incident.ts";
import { extract } from "./pipeline.ts";
import { docOf, mentionsOf } from "./testing.ts";

function countOf(m: IncidentMention | undefined, quantity: string) {
  return m?.counts.find((c) => c.quantity === quantity)?.claims[0];
}

interface Case {
  text: string;
  type: string;
  facility?: RegExp;
  place?: RegExp;
  count?: [string, number, number | null];
  source?: RegExp;
  date?: [string, string];
  published?: string;
}

// published 2024-03-10 is a Sunday.
const POSITIVE: Case[] = [
  {
    text: "More than 200 inmates escaped from Kuje prison in Abuja on Saturday after gunmen blasted the walls, police said.",
    type: "escape", facility: /Kuje/i, count: ["escaped", 201, null], source: /police/i, date: ["2024-03-09", "2024-03-09"],
  },
  {
    text: "Guards recaptured 41 of the escapees near the town of Gwagwalada, the prison service said on Monday.",
    type: "recapture", count: ["recaptured", 41, 41], source: /prison service/i,
  },
  {
    text: "Armed men stormed the central prison in Butembo late on Thursday, freeing dozens of detainees.",
    type: "attack", facility: /Butembo/i, date: ["2024-03-07", "2024-03-07"],
  },
  {
    text: "According to the interior ministry, about 120 prisoners fled the central jail in Kano during the night.",
    type: "escape", count: ["escaped", 108, 132], source: /interior ministry/i,
  },
  {
    text: "Rebels took control of the Makala prison and released hundreds of inmates, witnesses said.",
    type: "control_change", facility: /Makala/i,
  },
  {
    text: "Authorities transferred 300 detainees from al-Hol camp to a facility in Iraq last week.",
    type: "transfer", facility: /Hol/i, count: ["transferred", 300, 300],
  },
  {
    text: "Security forces in Borno state were put on high alert after the jailbreak in Maiduguri, officials said.",
    type: "alert",
  },
  {
    text: "Dozens of militants stormed a prison in the northwestern city of Dera Ismail Khan overnight, freeing around 250 prisoners, officials said.",
    type: "escape", facility: /Dera Ismail Khan/i, count: ["escaped", 225, 275], source: /officials/i,
  },
  {
    text: "Security at the Roj camp was handed over on Friday to government forces, officials from both sides said.",
    type: "control_change", facility: /Roj/i, date: ["2024-03-08", "2024-03-08"],
  },
  {
    text: "A convoy carrying 150 Iraqi families left al-Hol camp on Wednesday in the latest round of repatriations, the ministry said.",
    type: "transfer", facility: /Hol/i, count: ["families", 150, 150], source: /ministry/i,
  },
  // escapes worded as outlets write them
  {
    text: "Nearly 40 inmates have broken out of a prison in Moundou, Chad, the justice ministry said on Friday.",
    type: "escape", facility: /Moundou/i, count: ["escaped", 36, 40], source: /justice ministry/i,
  },
  {
    text: "Six remand prisoners absconded from the Kisii GK Prison on Friday night, prison officials said.",
    type: "escape", facility: /Kisii/i, place: /Kisii/i, count: ["escaped", 6, 6],
  },
  {
    text: "Three convicts scaled the wall of the Kakamega GK Prison in Kenya overnight.",
    type: "escape", facility: /Kakamega/i, count: ["escaped", 3, 3],
  },
];

const NEGATIVE: string[] = [
  "A fire swept through a refugee camp on the outskirts of the city, destroying hundreds of tents.",
  "Twenty hostages are still held in the tunnels, the army said on Sunday.",
  "Gunmen stormed an army barracks before dawn, killing 11 soldiers before escaping into the hills.",
  "The army launched a sweep through the desert to flush out militants hiding in caves.",
  "No prisoners escaped during the disturbance, the justice ministry said.",
  "Officials fear that detainees could escape if the fighting reaches the camp.",
  "In 2014 the group carried out several prison breaks across the region.",
  "Civilians fled the town as the fighting intensified.",
  "The minister released a statement on the budget on Tuesday.",
  "Everton escaped the relegation zone on Saturday with a late winner against Leeds.",
  "Gunmen released 137 students kidnapped from a school two weeks ago, police said.",
  "A new documentary about the 1998 prison break premiered on Friday.",
  "Government forces are nearby but have not yet entered the two prisons.",
  "The inmates had been arrested at different times while crossing the border.",
  "The striker broke free of his marker and scored in the second half.",
  "Two soldiers absconded from their unit and joined the rebels.",
  // look-alikes of the machine-translated and wire wordings read as escapes
  "The striker evaded two defenders and scored.",
  "The suspect evaded police for weeks before his arrest.",
  "He evaded taxes for years, the prosecutor said.",
  "A tiger escaped from its enclosure at the city zoo on Friday, and police put the town on alert.",
  "Lawmakers debated prison reform on Tuesday amid warnings about overcrowding at the Kuje prison.",
  "Fifty years after the breakout at the Kuje prison, former guards gathered for an anniversary.",
];

for (const c of POSITIVE) {
  test(`finds ${c.type}: ${c.text.slice(0, 60)}…`, () => {
    const found = mentionsOf(c.text, c.published).filter((m) => m.type === c.type);
    assert.equal(found.length, 1, `expected one ${c.type}, got ${JSON.stringify(mentionsOf(c.text).map((m) => m.type))}`);
    const m = found[0];
    if (c.facility) assert.match(m.facility?.name ?? "", c.facility);
    if (c.place) assert.match(m.place?.name ?? "", c.place);
    if (c.count) {
      const claim = countOf(m, c.count[0]);
      assert.ok(claim, `no ${c.count[0]} count`);
      assert.equal(claim.low, c.count[1]);
      assert.equal(claim.high, c.count[2]);
    }
    if (c.source) assert.match(countOf(m, c.count![0])?.source ?? "", c.source);
    if (c.date) assert.deepEqual(m.date, { earliest: c.date[0], latest: c.date[1] });
  });
}

for (const text of NEGATIVE) {
  test(`yields nothing: ${text.slice(0, 60)}…`, () => {
    assert.deepEqual(mentionsOf(text).map((m) => `${m.type}@${m.facility?.name ?? m.place?.name}`), []);
  });
}

test("every mention keeps rule ids and offsets inside the text", () => {
  const text = "Inmates broke out of the Kangbayi prison in Beni on Friday. Police said 12 were recaptured the next day.";
  const doc = docOf(text);
  const { mentions } = extract(doc);
  assert.ok(mentions.length >= 1);
  for (const m of mentions) {
    assert.match(m.trigger.rule, /^trigger\./);
    for (const e of m.evidence) {
      assert.ok(e.start >= 0 && e.end <= text.length && e.start < e.end, `${e.kind} ${e.start}-${e.end}`);
      assert.ok(e.rule.length > 0);
    }
  }
  for (const a of doc.annotations) assert.ok(a.start >= 0 && a.end <= text.length);
});

test("a person named in apposition is the source, by surname too, with the role the text gives", () => {
  const text =
    "Ahmed Karimi, a spokesman for the Syrian Democratic Forces, said militants attacked the Ghwayran prison on Thursday. " +
    "Karimi said 14 guards were killed in the attack.";
  const attack = mentionsOf(text).find((m) => m.type === "attack");
  const killed = attack?.counts.find((c) => c.quantity === "killed");
  assert.equal(killed?.claims[0].low, 14);
  assert.equal(killed?.claims[0].source, "Ahmed Karimi");
  assert.equal(killed?.group, "security_forces");
  const doc = docOf(text);
  extract(doc);
  const roles = doc.annotations.filter((a) => a.kind === "attribution").map((a) => (a.value as { role?: string }).role);
  assert.ok(roles.some((r) => /spokesman for the Syrian Democratic Forces/.test(r ?? "")), JSON.stringify(roles));
});

test("two sources disagreeing on one escape stay two claims", () => {
  const text =
    "At least 900 detainees escaped from the Ghwayran prison, according to local activists. " +
    "The government says just over 60 escaped.";
  const escape = mentionsOf(text).filter((m) => m.type === "escape");
  assert.equal(escape.length, 1);
  const claims = escape[0].counts.find((c) => c.quantity === "escaped")!.claims;
  assert.equal(claims.length, 2);
  assert.deepEqual(claims.map((c) => c.low).sort((a, b) => a - b), [60, 900]);
});

test("a planned transfer is kept as planned, not as an occurrence", () => {
  const m = mentionsOf("Up to 2,000 detainees could be transferred from Syria to Iraq in the coming weeks, officials said.");
  const transfer = m.find((x) => x.type === "transfer");
  assert.equal(transfer?.modality, "planned");
});

test("the month May is no possibility: a dateline's or a date's May leaves the event as told", () => {
  const texts = [
    "KANDAHAR, May 2 - Police recaptured 9 inmates on Thursday who had escaped from the Sarposa prison last week.",
    "Inmates who broke out in May were recaptured at the Sarposa prison on Thursday.",
    "Police on 2 May recaptured nine inmates of the Sarposa prison.",
  ];
  for (const text of texts) {
    const recapture = mentionsOf(text, "2025-05-02").find((x) => x.type === "recapture");
    assert.equal(recapture?.modality, "occurred", text);
  }
  const possible = mentionsOf("Up to 300 detainees may be transferred from the Sarposa prison to Kabul in the coming weeks, officials said.", "2025-05-02").find((x) => x.type === "transfer");
  assert.equal(possible?.modality, "planned");
});

test("one report naming a facility and its town's jail tells one event", () => {
  const text =
    "Terrorists free hundreds of inmates in Abuja jail attack\n\n" +
    "Gunmen attacked the Kuje Medium Security Custodial Centre in Abuja late on Tuesday. " +
    "The correctional service said 879 inmates escaped during the attack.";
  const mentions = mentionsOf(text, "2022-07-06");
  assert.deepEqual(
    mentions.map((m) => `${m.type}@${m.facility?.id}`).sort(),
    ["attack@kuje-prison", "escape@kuje-prison"],
  );
});

test("a country as subject is an actor, not where an escape happened", () => {
  const text = "Iraq detains militants fleeing prisons in Syria. At least 750 detainees escaped from the Ain Issa camp.";
  const escapes = mentionsOf(text, "2019-10-17").filter((m) => m.type === "escape");
  assert.equal(escapes.length, 1);
  assert.match(escapes[0].facility?.name ?? "", /Ain Issa/);
});
