import { test } from "node:test";
import assert from "node:assert/strict";
import { datelineDay, isDateOnlyLine, yearHintFromUrl } from "./dateline.ts";
import { parseDay } from "./dates.ts";

const BODY = "\n\nArmed men attacked the central prison on Sunday night, officials said.";

const DATELINES: Array<[string, number | null, string]> = [
  ["Fri 21 January 2022:", null, "2022-01-21"],
  ["Friday, 21 January 2022", null, "2022-01-21"],
  ["January 21, 2022", null, "2022-01-21"],
  ["Published: 3 March 2023 10:45 GMT", null, "2023-03-03"],
  ["2021-09-09", null, "2021-09-09"],
  ["CAIRO, Jan 20, 2022 (Reuters) - Gunmen attacked a prison.", null, "2022-01-20"],
  ["CAIRO, Jan 20 - Gunmen attacked a prison.", 2022, "2022-01-20"],
  ["Beirut, Jan 21 (EFE) Gunmen attacked a prison.", 2022, "2022-01-21"],
  ["KANDORA, March 3 (Wire) - Armed men attacked the jail.", 2025, "2025-03-03"],
];

for (const [line, yearHint, expected] of DATELINES) {
  test(`dateline: ${line}`, () => assert.equal(datelineDay(line + BODY, yearHint), expected));
}

const NOT_PUBLICATION_DATES: Array<[string, number | null]> = [
  ["Thursday, May 26", null],
  ["Thursday, May 26", 2022], // a banner without a year never takes one from elsewhere
  ["CAIRO, Jan 20 - Gunmen attacked a prison.", null],
  ["ERBIL, Kurdistan Region – Iraq has detained militants who escaped.", null],
  ["In August 2017, the monitor reported seeing helicopters.", null],
  ["On 20 January 2022 the army entered the camp.", null],
  ["Fri 31 February 2022", null],
];

for (const [line, yearHint] of NOT_PUBLICATION_DATES) {
  test(`no publication date: ${line} (year hint ${yearHint})`, () => assert.equal(datelineDay(line + BODY, yearHint), null));
}

test("a date far down the page is not a dateline", () => {
  const lines = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} says the prison was quiet on that day.`);
  assert.equal(datelineDay([...lines, "21 January 2022"].join("\n\n"), null), null);
});

test("date-only lines are recognised, prose is not", () => {
  assert.equal(isDateOnlyLine("Thursday, May 26"), true);
  assert.equal(isDateOnlyLine("Fri 21 January 2022:"), true);
  assert.equal(isDateOnlyLine("May 26 was the day the prison fell."), false);
});

const METADATA_DATES: Array<[unknown, string | null]> = [
  ["2022-01-21", "2022-01-21"],
  ["2022-01-21T09:30:00Z", "2022-01-21"],
  ["2024-02-01 18:30:00", "2024-02-01"],
  ["2022/01/21", "2022-01-21"],
  ["Fri, 21 Jan 2022 09:30:00 GMT", "2022-01-21"],
  ["January 21, 2022", "2022-01-21"],
  ["May 26", null],
  ["2022-13-01", null],
  ["", null],
  [null, null],
  [20220121, null],
];

for (const [value, expected] of METADATA_DATES) {
  test(`metadata date ${JSON.stringify(value)} -> ${expected}`, () => assert.equal(parseDay(value), expected));
}

test("year hint from a url path", () => {
  assert.equal(yearHintFromUrl("https://example.net/2024/02/01/riot"), 2024);
  assert.equal(yearHintFromUrl("https://example.net/news/riot-2024"), null);
  assert.equal(yearHintFromUrl(null), null);
});

// Lines are read by index and only lines with a digit are normalised: blank lines of any
// whitespace, CRLF and lone CR endings, the eighth-line limit and the 300-character cut must
// count exactly as a line-by-line reading does.
const LINE_READING: Array<[string, string, string | null]> = [
  ["blank lines of spaces, tabs, no-break and zero-width spaces", " \t\n\u00a0\u200b\n\nFri 21 January 2022:\nBody.", "2022-01-21"],
  ["CRLF endings", "Headline\r\n\r\nFri 21 January 2022:\r\nBody.", "2022-01-21"],
  ["lone CR endings", "Headline\rFri 21 January 2022:\rBody.", "2022-01-21"],
  ["the eighth non-blank line is read", "a\nb\nc\n \nd\ne\nf\ng\nFri 21 January 2022:", "2022-01-21"],
  ["the ninth is not", "a\nb\nc\nd\ne\nf\ng\nh\nFri 21 January 2022:", null],
  ["a date after the first 300 characters of a line is not read", `${"x".repeat(300)}Fri 21 January 2022:`, null],
  ["a dateline whose place is too long to be one", `${"A".repeat(45)}, Jan 20, 2022 - Gunmen attacked a prison.`, null],
  ["a place with spaces, full stops and apostrophes", "ST. JOHN'S, Jan 20, 2022 (Wire) - Gunmen attacked a prison.", "2022-01-20"],
  ["spacing inside the line is normalised first", "CAIRO,\u00a0\u00a0Jan   20,  2022 (Reuters) - Gunmen attacked a prison.", "2022-01-20"],
];

for (const [name, text, expected] of LINE_READING) {
  test(`dateline lines: ${name}`, () => assert.equal(datelineDay(text, null), expected));
}
