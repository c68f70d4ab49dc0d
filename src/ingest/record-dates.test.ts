import { test } from "node:test";
import assert from "node:assert/strict";
import { NumericDateEvidence, readRecordDate } from "./record-dates.ts";

const DAYS: Array<[unknown, string]> = [
  ["2025-03-03", "2025-03-03"],
  ["2025-03-03T23:30:00-05:00", "2025-03-03"],
  ["2025/3/3", "2025-03-03"],
  ["Mon, 03 Mar 2025 10:00:00 +0000", "2025-03-03"],
  ["Mon Mar 03 2025 10:00:00 GMT+0000", "2025-03-03"],
  ["March 3, 2025", "2025-03-03"],
  [1741000000, "2025-03-03"],
  ["1741000000", "2025-03-03"],
  [1741000000000, "2025-03-03"],
  ["20250303", "2025-03-03"],
  ["03/03/2025", "2025-03-03"],
  ["3.3.2025", "2025-03-03"],
  ["21/04/2025", "2025-04-21"],
  ["04/21/2025 10:00", "2025-04-21"],
  ["21-04-2025", "2025-04-21"],
];
for (const [value, day] of DAYS) {
  test(`reads ${JSON.stringify(value)} as ${day}`, () => assert.deepEqual(readRecordDate(value, null), { day }));
}

const REFUSED: Array<[unknown, "ambiguous" | "unreadable"]> = [
  ["03/04/2025", "ambiguous"],
  ["yesterday", "unreadable"],
  ["Thursday, May 26", "unreadable"],
  ["32/13/2025", "unreadable"],
  [12345678901, "unreadable"],
  ["20251340", "unreadable"],
  [true, "unreadable"],
  ["", "unreadable"],
];
for (const [value, why] of REFUSED) {
  test(`refuses ${JSON.stringify(value)} as ${why}`, () => {
    const read = readRecordDate(value, null);
    assert.ok("refused" in read && read.refused === why, JSON.stringify(read));
  });
}

test("the file's other numeric dates settle the order, unless they disagree", () => {
  const evidence = new NumericDateEvidence();
  for (const value of ["03/04/2025", "2025-01-01", 17, null]) evidence.observe(value);
  assert.equal(evidence.order, "none");
  evidence.observe("25/12/2024");
  assert.equal(evidence.order, "day-first");
  assert.deepEqual(readRecordDate("03/04/2025", evidence), { day: "2025-04-03" });
  evidence.observe("12/25/2024");
  assert.equal(evidence.order, "mixed");
  const read = readRecordDate("03/04/2025", evidence);
  assert.ok("refused" in read && /day-first and others only month-first/.test(read.detail));
});
