import assert from "node:assert/strict";
import { test } from "node:test";
import { findDates } from "./find.ts";

const SUNDAY = "2025-04-20";
const FRIDAY = "2025-04-18";

/** [published, sentence, expected "rule [covered text] earliest..latest"] */
const POSITIVE: Array<[string, string, string[]]> = [
  [SUNDAY, "Inmates broke out on Saturday.", ["date.weekday-past [on Saturday] 2025-04-19..2025-04-19"]],
  [SUNDAY, "Guards were attacked on Sunday.", ["date.weekday-past [on Sunday] 2025-04-20..2025-04-20"]],
  [SUNDAY, "The raid came late Thursday.", ["date.weekday-past [Thursday] 2025-04-17..2025-04-17"]],
  [SUNDAY, "Clashes erupted Thursday night.", ["date.weekday-past [Thursday night] 2025-04-17..2025-04-17"]],
  [SUNDAY, "A convoy left on Friday.", ["date.weekday-past [on Friday] 2025-04-18..2025-04-18"]],
  [SUNDAY, "The riot started three days ago.", ["date.relative-ago [three days ago] 2025-04-17..2025-04-17"]],
  [SUNDAY, "Checkpoints have been on alert since Saturday.", ["date.since [since Saturday] 2025-04-19..2025-04-20"]],
  [SUNDAY, "Two guards were killed last week.", ["date.last-week [last week] 2025-04-07..2025-04-13"]],
  [SUNDAY, "Transfers resumed this week.", ["date.this-week [this week] 2025-04-14..2025-04-20"]],
  [SUNDAY, "The camp was emptied earlier this month.", ["date.earlier-this-month [earlier this month] 2025-04-01..2025-04-20"]],
  [SUNDAY, "The governor resigned last month.", ["date.last-month [last month] 2025-03-01..2025-03-31"]],
  [SUNDAY, "Raids intensified over the past few days.", ["date.recent-days [over the past few days] 2025-04-15..2025-04-20"]],
  [SUNDAY, "Patrols increased in recent days.", ["date.recent-days [in recent days] 2025-04-15..2025-04-20"]],
  [SUNDAY, "Arrests rose over the last two days.", ["date.past-days [over the last two days] 2025-04-18..2025-04-20"]],
  [SUNDAY, "The fugitives were caught yesterday.", ["date.yesterday [yesterday] 2025-04-19..2025-04-19"]],
  [SUNDAY, "The ministry confirmed the figure today.", ["date.today [today] 2025-04-20..2025-04-20"]],
  [SUNDAY, "Sirens sounded this morning.", ["date.today [this morning] 2025-04-20..2025-04-20"]],
  [SUNDAY, "A curfew starts tonight.", ["date.today [tonight] 2025-04-20..2025-04-20"]],
  [SUNDAY, "The prison was attacked on 20 January.", ["date.month-day [on 20 January] 2025-01-20..2025-01-20"]],
  [SUNDAY, "The prison was attacked January 20.", ["date.month-day [January 20] 2025-01-20..2025-01-20"]],
  [SUNDAY, "The prison was attacked Jan. 20.", ["date.month-day [Jan. 20] 2025-01-20..2025-01-20"]],
  [SUNDAY, "The trial opened on May 3.", ["date.month-day [May 3] 2024-05-03..2024-05-03"]],
  [SUNDAY, "The prison was attacked on January 20, 2022.", ["date.absolute [January 20, 2022] 2022-01-20..2022-01-20"]],
  [SUNDAY, "The camp changed hands in August 2017.", ["date.month-year [August 2017] 2017-08-01..2017-08-31"]],
  [SUNDAY, "A similar breakout happened in 2014.", ["date.year-only [2014] 2014-01-01..2014-12-31"]],
  [SUNDAY, "The siege began in October.", ["date.month [October] 2024-10-01..2024-10-31"]],
  [SUNDAY, "Most transfers happened in April.", ["date.month [April] 2025-04-01..2025-04-20"]],
  [SUNDAY, "The site has been guarded since 2019.", ["date.since [since 2019] 2019-01-01..2025-04-20"]],
  [SUNDAY, "Officials met on 3 a.m. Saturday.", ["date.weekday-past [3 a.m. Saturday] 2025-04-19..2025-04-19"]],
  [SUNDAY, "The gates stayed shut over the past 48 hours.", ["date.past-hours [over the past 48 hours] 2025-04-18..2025-04-20"]],
  [FRIDAY, "Inmates broke out on Saturday.", ["date.weekday-past [on Saturday] 2025-04-12..2025-04-12"]],
  [SUNDAY, "Rebels took control Friday of the jail.", ["date.weekday-past [Friday] 2025-04-18..2025-04-18"]],
  [SUNDAY, "Inmates escaped in the early hours of Tuesday.", ["date.weekday-past [Tuesday] 2025-04-15..2025-04-15"]],
  [SUNDAY, "Gunmen struck on the night of April 12.", ["date.month-day [April 12] 2025-04-12..2025-04-12"]],
  [SUNDAY, "Gunmen struck on the morning of 12 April.", ["date.month-day [12 April] 2025-04-12..2025-04-12"]],
  [SUNDAY, "The breakout came on New Year's Eve.", ["date.new-years-eve [New Year's Eve] 2024-12-31..2024-12-31"]],
  [SUNDAY, "The breakout came on New Year’s Day.", ["date.new-years-day [New Year’s Day] 2025-01-01..2025-01-01"]],
  ["2025-12-26", "The breakout came on Christmas Eve.", ["date.christmas-eve [Christmas Eve] 2025-12-24..2025-12-24"]],
  ["2025-12-20", "The breakout came on Christmas Day.", ["date.christmas-day [Christmas Day] 2024-12-25..2024-12-25"]],
  [FRIDAY, "Guards were attacked on Friday.", ["date.weekday-past [on Friday] 2025-04-18..2025-04-18"]],
  [FRIDAY, "The fugitives were caught on Thursday.", ["date.weekday-past [on Thursday] 2025-04-17..2025-04-17"]],
  [FRIDAY, "Two guards were killed last week.", ["date.last-week [last week] 2025-04-07..2025-04-13"]],
  [FRIDAY, "Transfers resumed this week.", ["date.this-week [this week] 2025-04-14..2025-04-18"]],
  [FRIDAY, "The hearing was held on 19 April.", ["date.month-day [on 19 April] 2024-04-19..2024-04-19"]],
  [SUNDAY, "On Friday, the gates were closed.", ["date.weekday-past [On Friday] 2025-04-18..2025-04-18"]],
  [SUNDAY, "Searches went on in the past few days.\n\nThis week, calm returned.", [
    "date.recent-days [in the past few days] 2025-04-15..2025-04-20",
    "date.this-week [This week] 2025-04-14..2025-04-20",
  ]],
  [FRIDAY, "The escape happened last Friday.", ["date.weekday-past [last Friday] 2025-04-11..2025-04-11"]],
  // parts of last week, weekends, and feast days written out
  [SUNDAY, "The guards were arrested late last week.", ["date.late-last-week [late last week] 2025-04-10..2025-04-13"]],
  [FRIDAY, "Inmates rioted early last week.", ["date.early-last-week [early last week] 2025-04-07..2025-04-09"]],
  ["2025-04-21", "Inmates broke out over the weekend.", ["date.weekend [over the weekend] 2025-04-19..2025-04-20"]],
  [SUNDAY, "Inmates broke out over the weekend.", ["date.weekend [over the weekend] 2025-04-19..2025-04-20"]],
  ["2025-04-19", "Inmates broke out this weekend.", ["date.weekend [this weekend] 2025-04-19..2025-04-19"]],
  [SUNDAY, "Inmates broke out last weekend.", ["date.last-weekend [last weekend] 2025-04-12..2025-04-13"]],
  ["2025-04-23", "Inmates broke out last weekend.", ["date.last-weekend [last weekend] 2025-04-19..2025-04-20"]],
  ["2025-01-03", "The breakout came on the eve of the New Year.", ["date.new-years-eve [the eve of the New Year] 2024-12-31..2024-12-31"]],
  ["2025-12-27", "Guards were overpowered on Christmas night.", ["date.christmas-day [Christmas night] 2025-12-25..2025-12-25"]],
];

/** Sentences that must yield no date. */
const NEGATIVE: Array<[string | null, string]> = [
  [SUNDAY, "Shots were heard at 3 a.m. near the gate."],
  [SUNDAY, "The attack began around 7 pm."],
  [SUNDAY, "They were recaptured 24 hours later."],
  [SUNDAY, "The 7th Division took over the area."],
  [SUNDAY, "Guards said 37 inmates slipped out."],
  [SUNDAY, "The victims were aged 15 to 17."],
  [SUNDAY, "Between 20 and 30 inmates escaped."],
  [SUNDAY, "The COVID-19 outbreak closed the jail."],
  [SUNDAY, "The day before, guards had been warned."],
  [SUNDAY, "Guards were warned a day earlier."],
  [null, "Inmates broke out on Saturday."],
  [null, "The fugitives were caught yesterday."],
  [null, "The prison was attacked on 20 January."],
  [null, "Two guards were killed last week."],
];

const describe = (text: string, a: ReturnType<typeof findDates>[number]) =>
  `${a.rule} [${text.slice(a.start, a.end)}] ${a.value.earliest}..${a.value.latest}`;

test("resolves dates against the publication day, biased to the past", () => {
  for (const [published, sentence, expected] of POSITIVE) {
    assert.deepEqual(findDates(sentence, published).map((a) => describe(sentence, a)), expected, `${published}: ${sentence}`);
  }
});

test("negative: times, durations, counts and unresolvable relatives yield no date", () => {
  for (const [published, sentence] of NEGATIVE) {
    assert.deepEqual(findDates(sentence, published).map((a) => describe(sentence, a)), [], `${published}: ${sentence}`);
  }
});

test("never returns a weekday after publication", () => {
  for (const weekday of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]) {
    const [found] = findDates(`It happened on ${weekday}.`, FRIDAY);
    assert.ok(found.value.latest <= FRIDAY, weekday);
    assert.ok(found.value.earliest > "2025-04-11", weekday);
  }
});

test("exact and relative flags", () => {
  const [weekday] = findDates("on Saturday", SUNDAY);
  assert.equal(weekday.value.exact, true);
  assert.equal(weekday.value.relative, true);
  const [absolute] = findDates("on January 20, 2022", SUNDAY);
  assert.equal(absolute.value.exact, true);
  assert.equal(absolute.value.relative, false);
  const [week] = findDates("last week", SUNDAY);
  assert.equal(week.value.exact, false);
});

test("with no publication day, dates that carry their year still resolve", () => {
  const text = "The prison was attacked on January 20, 2022, and again in 2014.";
  assert.deepEqual(findDates(text, null).map((a) => describe(text, a)), [
    "date.absolute [January 20, 2022] 2022-01-20..2022-01-20",
    "date.year-only [2014] 2014-01-01..2014-12-31",
  ]);
});

test("offsets stay in the whole text when a scope is given", () => {
  const text = "Intro on Friday. The breakout came on Saturday. Then calm.";
  const from = text.indexOf("The");
  const to = text.indexOf("Then");
  const found = findDates(text, SUNDAY, from, to);
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0].start, found[0].end), "on Saturday");
});
