// When events happened: the date nearest each event in its sentence, never the day something was
// said ("police said on Wednesday") nor a recalled event's; a reference's own date ("Tuesday's
// attack"); undated events on publication day or the day before. Texts are written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mentionsOf } from "./testing.ts";

// [published, text, type, earliest, latest]
const CASES: Array<[string, string, string, string, string]> = [
  ["2024-03-14", "Gunmen attacked the Kuje prison late on Tuesday, allowing 200 inmates to flee, police said on Wednesday.", "escape", "2024-03-12", "2024-03-12"],
  ["2024-03-14", "Police recaptured 40 inmates on Wednesday after Tuesday's attack on the Kuje prison.", "attack", "2024-03-12", "2024-03-12"],
  ["2024-03-14", "Police recaptured 40 inmates on Wednesday after Tuesday's attack on the Kuje prison.", "recapture", "2024-03-13", "2024-03-13"],
  ["2024-03-13", "Twenty inmates escaped from the Kuje prison, police said on Monday.", "escape", "2024-03-10", "2024-03-11"],
  ["2024-03-10", "Rebels took control of the Makala prison Friday, witnesses said.", "control_change", "2024-03-08", "2024-03-08"],
  ["2024-03-10", "Police said 30 inmates escaped from the Kuje prison.", "escape", "2024-03-09", "2024-03-10"],
  ["2024-03-10", "Inmates took control of the Kuje prison in the early hours of Tuesday.", "riot", "2024-03-05", "2024-03-05"],
  ["2024-03-10", "Rebels take over Bukavu prison\n\nRebels took control Friday of the central prison in Bukavu after a month of fighting, residents said.", "control_change", "2024-03-08", "2024-03-08"],
  ["2024-03-10", "Inmates took control on Monday of two wings of the Bukavu central prison.", "riot", "2024-03-04", "2024-03-04"],
  ["2025-01-02", "Inmates rioted at the Kuje prison on New Year's Eve, leaving four dead.", "riot", "2024-12-31", "2024-12-31"],
  // what happens during a dated event, told just after it, takes its day, not a window to publication
  ["2024-03-10", "Rebels took control of the Uvira prison Friday. They freed hundreds of inmates.", "escape", "2024-03-08", "2024-03-08"],
  ["2024-03-12", "Inmates rioted at the Kuje prison on Sunday in protest at overcrowding. Five inmates escaped during the unrest, an official said.", "escape", "2024-03-10", "2024-03-10"],
  ["2024-03-10", "The attack on Friday in Oko prison allowed the escape of 826 prisoners.", "escape", "2024-03-08", "2024-03-08"],
  ["2024-03-10", "Rebels seize Uvira prison, free inmates\n\nRebels took control Friday of the central prison in Uvira, residents said on Sunday.\n\nThe fighters freed hundreds of inmates, a local official said.", "escape", "2024-03-08", "2024-03-08"],
  // "the incident occurred" dates the event just told
  ["2024-03-10", "Gangs took control of the National Penitentiary in Port-au-Prince. The takeover happened late Friday, police said.", "control_change", "2024-03-08", "2024-03-08"],
  ["2024-03-10", "Forty inmates escaped from the Kuje prison. The incident occurred at about 2 a.m. on Thursday.", "escape", "2024-03-07", "2024-03-07"],
  ["2024-03-10", "Forty inmates escaped from the Kuje prison, officials said. It happened on Thursday night as guards changed shifts.", "escape", "2024-03-07", "2024-03-07"],
  ["2024-03-10", "Inmates escaped from the Kuje prison on the night of Monday to Tuesday.", "escape", "2024-03-04", "2024-03-04"],
  ["2025-01-03", "Forty inmates escaped from the Kuje prison on the eve of the New Year.", "escape", "2024-12-31", "2024-12-31"],
  // a date goes to the event on its own side of a relative clause's boundary
  ["2025-05-02", "Police recaptured nine inmates on Thursday who had escaped from the Sarposa prison last week.", "escape", "2025-04-21", "2025-04-27"],
  ["2025-05-02", "Police recaptured nine inmates on Thursday who had escaped from the Sarposa prison last week.", "recapture", "2025-05-01", "2025-05-01"],
  ["2024-03-10", "Gunmen attacked the Kuje prison, from which 800 inmates escaped in July 2022, on Friday night.", "attack", "2024-03-08", "2024-03-08"],
  ["2024-03-10", "Twenty inmates escaped on Friday from the Kuje prison, which was attacked by jihadists two years ago.", "escape", "2024-03-08", "2024-03-08"],
  ["2024-03-10", "Twenty inmates escaped on Friday from the Kuje prison, where jihadists freed 800 inmates in 2022.", "escape", "2024-03-08", "2024-03-08"],
  ["2025-05-02", "KANDAHAR, May 2 - Police recaptured 9 inmates on Thursday who had escaped from the Sarposa prison in Kandahar last week.", "recapture", "2025-05-01", "2025-05-01"],
];

for (const [published, text, type, earliest, latest] of CASES) {
  test(`${type} on ${earliest}: ${text.slice(0, 60)}…`, () => {
    const found = mentionsOf(text, published).filter((m) => m.type === type);
    assert.equal(found.length, 1, JSON.stringify(found.map((m) => m.type)));
    assert.deepEqual(found[0].date, { earliest, latest });
  });
}

test("a release announced months earlier stays apart from today's; an undated quote joins today's", () => {
  const text =
    "Rebels seized most of the Kuje prison today, freeing hundreds of inmates, monitors said. " +
    '"They freed hundreds of prisoners," a monitor told reporters. ' +
    "Overcrowding led the government to announce in December the release of 300 inmates from the Kuje prison.";
  const departures = mentionsOf(text, "2024-02-06").filter((m) => m.type === "release" || m.type === "escape");
  assert.deepEqual(departures.map((m) => `${m.date?.earliest}..${m.date?.latest}`).sort(), ["2023-12-01..2023-12-31", "2024-02-06..2024-02-06"]);
});

/** [published, text, type, a window the event must not be given: the day it was told, not the day it happened] */
const NEGATIVE: Array<[string, string, string, string]> = [
  ["2024-03-13", "Inmates escaped from the Kuje prison, police said on Monday.", "escape", "2024-03-11..2024-03-11"],
  ["2024-03-13", "NIAMEY, March 8 (Sahel Wire) - Inmates escaped from the Kuje prison.", "escape", "2024-03-08..2024-03-08"],
  ["2024-03-13", "Police recaptured ten of the escaped inmates of the Kuje prison on Monday.", "escape", "2024-03-11..2024-03-11"],
  // a recapture comes after the event it follows: its window stays open to publication
  ["2024-03-10", "Rebels took control of the Uvira prison Friday. Police have since recaptured 40 of the escapees.", "recapture", "2024-03-08..2024-03-08"],
  // a recalled event in a relative clause is history, never dated by publication
  ["2024-03-10", "Gunmen attacked the Kuje prison on Friday. The prison, from which 300 inmates escaped in 2019, holds 700 inmates.", "escape", "2024-03-09..2024-03-10"],
  ["2024-03-10", "Troops guarded the Kuje prison on Sunday. The Kuje prison, from which more than 50 inmates escaped last year, is being repaired.", "escape", "2024-03-09..2024-03-10"],
  // a date told of when something was reported is not when it happened
  ["2024-03-10", "Forty inmates escaped from the Kuje prison. The incident was reported to police on Saturday.", "escape", "2024-03-09..2024-03-09"],
];

for (const [published, text, type, window] of NEGATIVE) {
  test(`${type} not dated ${window}: ${text.slice(0, 60)}…`, () => {
    const dated = mentionsOf(text, published).filter((m) => m.type === type).map((m) => `${m.date?.earliest}..${m.date?.latest}`);
    assert.ok(!dated.includes(window), JSON.stringify(dated));
  });
}
