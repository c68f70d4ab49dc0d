// Sentence -> source tables for claims: who said each figure, with the role and outlet the text
// gives, through the whole extraction pipeline. Texts are written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { extract } from "./pipeline.ts";
import { docOf } from "./testing.ts";

/** Every claim of the text as "quantity low source", and the attributions' roles and outlets. */
function read(text: string) {
  const doc = docOf(text);
  const { mentions } = extract(doc);
  const claims = mentions.flatMap((m) => m.counts.flatMap((c) => c.claims.map((cl) => `${c.quantity} ${cl.low} ${cl.source}`)));
  const attributions = doc.annotations.filter((a) => a.kind === "attribution").map((a) => a.value as { source: string; role?: string; via?: string });
  return { claims, attributions };
}

interface Case {
  text: string;
  /** "quantity low source" of the claim that must be there. */
  claim: string;
  role?: string;
  via?: string;
}

const POSITIVE: Case[] = [
  {
    text: "Fourteen inmates escaped from Kuje prison on Friday night, said Modeste Kalumba, the town's mayor.",
    claim: "escaped 14 Modeste Kalumba", role: "town's mayor",
  },
  {
    text: "At least 40 prisoners escaped from Kuje prison, Haruna Bello, the chief minister, said on Monday.",
    claim: "escaped 40 Haruna Bello", role: "chief minister",
  },
  {
    text: "Thirty inmates broke out of Kuje prison overnight, a member of parliament's security committee said.",
    claim: "escaped 30 member of parliament's security committee",
  },
  {
    text: "An official at the facility told Radio Kano that 17 detainees had escaped from Kuje prison.",
    claim: "escaped 17 official at the facility", via: "Radio Kano",
  },
  {
    text: "According to the Public Ministry, 30 inmates were killed in a riot at Kuje prison on Friday.",
    claim: "killed 30 Public Ministry",
  },
  {
    text: "A riot at Kuje prison on Friday left 12 dead, the country's judiciary said.",
    claim: "killed 12 country's judiciary",
  },
  {
    text: "Police said 25 inmates escaped from Kuje prison on Sunday.",
    claim: "escaped 25 police",
  },
  {
    text: "Eleven inmates escaped from Kuje prison on Friday, said a military official who asked not to be named.",
    claim: "escaped 11 military official",
  },
  {
    text: "Gunmen attacked Kuje prison on Friday. Security sources have said that at least 15 of the escapees have been recaptured.",
    claim: "recaptured 15 security sources",
  },
  {
    text: "Controller of Corrections, Kano State Command, Mr. Yusuf Garba, has said 90 inmates escaped from Kuje prison on Friday.",
    claim: "escaped 90 Yusuf Garba",
  },
  {
    text: "A spokesman for the Kano governor, Ibrahim Sani, said 60 inmates escaped from Kuje prison. Sani said 20 guards were wounded in the attack on the prison.",
    claim: "escaped 60 Ibrahim Sani", role: "spokesman for the Kano governor",
  },
  {
    text: "Gunmen attacked Kuje prison on Friday, a spokesman for the Kano governor, Ibrahim Sani, said. According to him, 20 guards were wounded.",
    claim: "wounded 20 Ibrahim Sani",
  },
  {
    text: "Director of Prisons Samuel Ochieng said 45 inmates escaped from Kuje prison on Friday.",
    claim: "escaped 45 Samuel Ochieng", role: "Director of Prisons",
  },
  {
    text: "According to the prison service, 80 inmates escaped from Kuje prison on Friday. Guards have since recaptured 30 of the escapees.",
    claim: "recaptured 30 prison service",
  },
  {
    text: "Sixty inmates escaped from Kuje prison on Friday, including 20 convicted of murder and 40 awaiting\ntrial, officials said.",
    claim: "escaped 60 officials",
  },
  {
    text: "Fifty inmates escaped from Kuje prison on Friday, two Kano security officials said.",
    claim: "escaped 50 Kano security officials",
  },
  {
    text: "The official, who asked not to be named, said that 70 inmates escaped from Kuje prison on Friday.",
    claim: "escaped 70 official",
  },
  {
    text: "A rights group, the Observatoire des prisons du Sahel, said 33 inmates escaped from Kuje prison on Friday.",
    claim: "escaped 33 Observatoire des prisons du Sahel",
  },
  {
    text: "Police chief Musa Adamu was quoted as saying that 40 inmates escaped from Kuje prison on Friday.",
    claim: "escaped 40 Musa Adamu", role: "Police chief",
  },
  {
    text: "The escape of 120 inmates from Kuje prison was confirmed by the state's commissioner for justice, Ali Bello.",
    claim: "escaped 120 Ali Bello", role: "state's commissioner for justice",
  },
  {
    text: "A senior prison official, speaking on condition of anonymity, told AFP that 50 inmates escaped from Kuje prison.",
    claim: "escaped 50 senior prison official", via: "AFP",
  },
  {
    text: "The prison service's spokesperson, Maj. Grace Atim, said the 25 inmates, most of them serving life terms, escaped from Kuje prison on Friday.",
    claim: "escaped 25 Grace Atim", role: "prison service's spokesperson",
  },
  {
    text: "Reliable sources have informed the Observatory that three inmates escaped from Kuje prison on Friday.",
    claim: "escaped 3 reliable sources",
  },
  {
    text: "The prison service said gunmen attacked Kuje prison on Friday. It added in a statement:\n\n“Twelve of the inmates who escaped have been recaptured.”",
    claim: "recaptured 12 prison service",
  },
  {
    text: "Seventy-six inmates escaped from Kuje prison on Friday, 40 of them from the north and 36\n\nfrom the south, officials said.",
    claim: "escaped 76 officials",
  },
  {
    text: "This is in a statement by the spokesman of the Kano Command of the prison service, NCoS, Adamu Musa, on Thursday. He stated that 10 inmates escaped from Kuje prison.",
    claim: "escaped 10 Adamu Musa", role: "spokesman of the Kano Command of the prison service",
  },
  {
    text: "Radio Kano quoted prison spokesman Musa Bala as saying 40 inmates escaped from Kuje prison on Friday.",
    claim: "escaped 40 Musa Bala", role: "prison spokesman", via: "Radio Kano",
  },
  {
    text: "Kuje prison: 40 inmates escaped on Friday - police chief",
    claim: "escaped 40 police chief",
  },
  // "he said" refers to the last person named with an office, quoted before or not.
  {
    text: "Prison spokesman Tomas Oduya met reporters at the gate on Saturday.\n\n“Twenty-two inmates escaped from Kuje prison overnight,” he said.",
    claim: "escaped 22 Tomas Oduya",
  },
  // A lone surname before "told" is the speaker; the outlet told is not.
  {
    text: "Nine inmates escaped from Kuje prison on Friday, Oduya told the BBC.",
    claim: "escaped 9 Oduya", via: "BBC",
  },
  // Translated copy: the speaker after the verb.
  {
    text: "Thirteen inmates escaped from Kuje prison on Sunday, declared the spokesman of the police, Rafael Quintero.",
    claim: "escaped 13 Rafael Quintero", role: "spokesman of the police",
  },
  {
    text: "Twenty inmates escaped from Kuje prison on Sunday, informed the Ministry of Justice in a statement.",
    claim: "escaped 20 Ministry of Justice",
  },
  {
    text: "Twenty-six inmates escaped from Kuje prison on Friday, state television reported.",
    claim: "escaped 26 state television",
  },
  {
    text: "Local press reported on Monday that 31 inmates escaped from Kuje prison.",
    claim: "escaped 31 local press",
  },
  // A paragraph's figure, its speaker named in the next sentence.
  {
    text: "Fifteen inmates escaped from Kuje prison on Friday. “Some of them are armed,” police commander Ruth Wanjiru said.",
    claim: "escaped 15 Ruth Wanjiru",
  },
  {
    text: "Thirty inmates escaped from Kuje prison on Friday, the warden informed reporters.",
    claim: "escaped 30 warden",
  },
  // A headline and an unattributed lead are told from the story's first source.
  {
    text: "Manhunt for 35 inmates who fled Kuje prison\n\nTroops are searching the hills for 35 inmates who escaped from Kuje prison on Wednesday.\n\nThe army spokesman, Lt. Col. Okello Mwaka, said the inmates overpowered a guard.",
    claim: "escaped 35 Okello Mwaka",
  },
  // A speaker named by an office with a long complement; "he" then means that office holder.
  {
    text: "Gunmen attacked Kuje prison last week.\n\nSixty of the escaped inmates have been recaptured, the prosecutor of the Kano high court said on Tuesday.\n\n“More than 40 are still on the run,” he told reporters.",
    claim: "at_large 41 prosecutor of the Kano high court",
  },
  // An office alone names its holder; an acronym in brackets stays beside the name it abbreviates.
  {
    text: "Eighteen inmates escaped from Kuje prison on Friday, the district commissioner said.",
    claim: "escaped 18 district commissioner",
  },
  {
    text: "Twelve inmates escaped from Kuje prison on Friday, according to the National Prisons Institute (INAP).",
    claim: "escaped 12 National Prisons Institute (INAP)",
  },
  {
    text: "Nineteen inmates escaped from Kuje prison on Friday, Diallo, the governor, said.",
    claim: "escaped 19 Diallo", role: "governor",
  },
  // A paragraph opening with a figure goes on with the speaker the paragraph before ended on.
  {
    text: "Police spokesman Ali Musa said gunmen attacked Kuje prison at midnight.\n\nEighteen inmates escaped during the attack.",
    claim: "escaped 18 Ali Musa",
  },
  // A figure stated again elsewhere with a source takes that source.
  {
    text: "Gunmen attacked Kuje prison on Friday.\n\nThe town was calm on Saturday.\n\nShops opened late.\n\nSchools stayed shut.\n\nSeventeen inmates were recaptured on Sunday.\n\nThe hunt went on in the hills.\n\nCommissioner Halima Sule says the 17 were found in a farmhouse.",
    claim: "recaptured 17 Halima Sule",
  },
  // An organisation named by a capitalised run that ends in an organisation word, and its head noun later.
  {
    text: "Seven inmates were killed in a riot at Kuje prison on Sunday, the Prisons Secretariat said.",
    claim: "killed 7 Prisons Secretariat",
  },
  {
    text: "Seven inmates were killed in a riot at Kuje prison on Sunday, the state's Prisons Bureau said.",
    claim: "killed 7 Prisons Bureau",
  },
  // An outlet whose name ends in letters: the capitalised words before them belong to it.
  {
    text: "According to Savannah FM, 16 inmates escaped from Kuje prison on Friday.",
    claim: "escaped 16 Savannah FM",
  },
  // An organisation described before it is named is the monitor or NGO named next.
  {
    text: "Gunmen stormed Kuje prison on Friday, freeing about 70 inmates, a war monitor said. The Syrian Observatory for Human Rights said the attackers came from the north.",
    claim: "escaped 63 Syrian Observatory for Human Rights",
  },
  {
    text: "At least 15 inmates were killed in a riot at Kuje prison, a rights group said on Sunday.\n\nAmnesty International called for an inquiry.",
    claim: "killed 15 Amnesty International",
  },
  // A name, then what it is; a report an outlet saw is not the outlet's.
  {
    text: "Eighteen inmates escaped from Kuje prison, Tasnim, the state's news agency, reported.",
    claim: "escaped 18 Tasnim",
  },
  {
    text: "Eighteen inmates escaped from Kuje prison, according to a police report seen by AFP.",
    claim: "escaped 18 police report",
  },
  // An adverb before the apposition is no name.
  {
    text: "Meanwhile, a local rights group reported that 11 inmates escaped from Kuje prison.",
    claim: "escaped 11 local rights group",
  },
  // Headlines report in the present: "police confirm".
  {
    text: "Kuje prison: police confirm 21 inmates escaped",
    claim: "escaped 21 police",
  },
  // An office, then the name in apposition, in a sentence that reports nothing: "him" and "he" later mean that person.
  {
    text: "Gunmen attacked Kuje prison on Friday.\n\nThe prison's director, Amadou Diallo, spoke to reporters on Saturday. According to him, 18 inmates escaped.",
    claim: "escaped 18 Amadou Diallo", role: "prison's director",
  },
  {
    text: "Gunmen attacked Kuje prison on Friday.\n\nThe state governor, Halima Bello, visited the prison on Saturday. She said 23 inmates escaped.",
    claim: "escaped 23 Halima Bello",
  },
  // Translated copy: a time between the inverted verb and its speaker.
  {
    text: "Eighteen inmates escaped from Kuje prison, said on Friday the governor of the state, Amadou Diallo.",
    claim: "escaped 18 Amadou Diallo", role: "governor of the state",
  },
  {
    text: "Twenty inmates escaped from Kuje prison, reported this morning the National Police.",
    claim: "escaped 20 National Police",
  },
  // One name alone after an inverted verb, with an office or nothing after it.
  {
    text: "Eighteen inmates escaped from Kuje prison on Friday, said Suharto, the security minister.",
    claim: "escaped 18 Suharto", role: "security minister",
  },
  {
    text: "“Twenty-four inmates escaped from Kuje prison,” said Bakari.",
    claim: "escaped 24 Bakari",
  },
  // A name ending in a particle joined to a capital.
  {
    text: "Eighteen inmates escaped from Kuje prison on Friday, Abdul Karim al-Tikriti, a local official, said.",
    claim: "escaped 18 Abdul Karim al-Tikriti", role: "local official",
  },
  // A figure given without a verb of saying.
  {
    text: "Gunmen attacked Kuje prison on Friday, killing 12 people, police said. A local rights network gave a higher toll of 19 dead.",
    claim: "killed 19 local rights network",
  },
  {
    text: "An attack on Kuje prison on Friday killed 14 people. The Observatory later raised the death toll to 22.",
    claim: "killed 22 Syrian Observatory for Human Rights",
  },
];

/** Sentences whose figure has no source the text names. */
const NEGATIVE: string[] = [
  "Twenty inmates escaped from Kuje prison on Friday.",
  "Fourteen inmates escaped from Kuje prison on Friday, but the guards, who are reported to have fled, were later arrested.",
  "The warden was sacked after 12 inmates escaped from Kuje prison, in changes announced by the ministry.",
  "According to her, 20 inmates escaped from Kuje prison.",
  "Forty inmates escaped from Kuje prison on Friday — the third jailbreak this year.",
  "The government declared a state of emergency on Saturday after gangs freed 400 inmates from Kuje prison.",
  "The governor declared a curfew after 40 inmates escaped from Kuje prison.",
  "Gunmen freed 40 inmates from Kuje prison on Friday, declared a curfew in the town and left.",
  // Past the lead, the next paragraph's speaker does not speak for this one.
  "Gunmen attacked Kuje prison on Friday.\n\nThe town was calm on Saturday.\n\nShops opened late.\n\nSchools stayed shut.\n\nTwenty inmates escaped from Kuje prison on Friday.\n\nPolice chief Ruth Wanjiru said the search would go on.",
  // A quotation closed by “he said” speaks for no one in the next paragraph.
  "Gunmen attacked Kuje prison on Friday.\n\nThe town was calm on Saturday.\n\nShops opened late.\n\nSchools stayed shut.\n\n\"Twenty inmates escaped from Kuje prison on Friday,\" he said.\n\nOn Monday the ministry said the school would reopen.",
  "Eleven inmates escaped from Kuje prison on Friday, Others said nothing.",
  "Eleven inmates escaped from Kuje prison, said on Friday that the search goes on.",
  // Past the lead, a paragraph after one with no source stays unattributed; a small figure stated again is another figure.
  "Gunmen attacked Kuje prison on Friday.\n\nThe town was calm on Saturday.\n\nShops opened late.\n\nSchools stayed shut.\n\nTwo inmates were recaptured on Sunday.\n\nTwo vans were burnt, the mayor said.",
];

for (const c of POSITIVE) {
  test(`claim source: ${c.text.slice(0, 70)}…`, () => {
    const { claims, attributions } = read(c.text);
    assert.ok(claims.includes(c.claim), `expected "${c.claim}" in ${JSON.stringify(claims)}`);
    const source = c.claim.split(" ").slice(2).join(" ");
    if (c.role) assert.ok(attributions.some((a) => a.source === source && a.role === c.role), JSON.stringify(attributions));
    if (c.via) assert.ok(attributions.some((a) => a.source === source && a.via === c.via), JSON.stringify(attributions));
  });
}

for (const text of NEGATIVE) {
  test(`no source: ${text.slice(0, 70)}…`, () => {
    const { claims } = read(text);
    assert.ok(claims.length > 0, "the figure is still a claim");
    assert.deepEqual(claims.filter((c) => !c.endsWith(" null")), []);
  });
}

test("one person keeps one name across the document: full name, surname and pronoun", () => {
  const text =
    "Jail spokesperson Amina Yusuf said 52 inmates escaped from Kuje prison on Friday. " +
    "Yusuf said 12 of the escapees were recaptured on Saturday. " +
    "She said two guards were killed in the attack on the prison.";
  const { claims } = read(text);
  assert.ok(claims.includes("escaped 52 Amina Yusuf"), JSON.stringify(claims));
  assert.ok(claims.includes("recaptured 12 Amina Yusuf"), JSON.stringify(claims));
});

test("a claim carries its source's role and the outlet it spoke to", () => {
  const doc = docOf("Deputy warden Grace Achieng told Radio Kano that 17 inmates escaped from Kuje prison on Friday.");
  const claim = extract(doc).mentions.flatMap((m) => m.counts.flatMap((c) => c.claims))[0];
  assert.deepEqual({ source: claim?.source, role: claim?.role, via: claim?.via }, { source: "Grace Achieng", role: "Deputy warden", via: "Radio Kano" });
});
