import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { dateToDay, dayToDate, parts } from "./calendar.ts";

const MS_PER_DAY = 86_400_000;

test("dateToDay writes what toISOString writes, years outside four digits included", () => {
  fc.assert(
    fc.property(fc.integer({ min: -8.64e15 / MS_PER_DAY, max: 8.64e15 / MS_PER_DAY }), fc.integer({ min: 0, max: MS_PER_DAY - 1 }), (days, ms) => {
      const date = new Date(days * MS_PER_DAY + ms);
      if (Number.isNaN(date.getTime())) return;
      assert.equal(dateToDay(date), date.toISOString().slice(0, 10));
    }),
    { numRuns: 5000 },
  );
  assert.throws(() => dateToDay(new Date(NaN)), RangeError);
});

test("dayToDate and parts read a day as the date parser and split read it, malformed days included", () => {
  const digits = fc.integer({ min: 0, max: 9 }).map(String);
  const shaped = fc.tuple(fc.array(digits, { minLength: 4, maxLength: 4 }), fc.array(digits, { minLength: 2, maxLength: 2 }), fc.array(digits, { minLength: 2, maxLength: 2 }))
    .map(([y, m, d]) => `${y.join("")}-${m.join("")}-${d.join("")}`);
  const odd = fc.constantFrom("2025-4-1", "2025-04-1x", "abcd-ef-gh", "2025/04/01", "+02025-04-01", "2025-04-01T", "", "2025-0４-01", " 2025-04-1");
  fc.assert(
    fc.property(fc.oneof(shaped, odd), (day) => {
      const parsed = new Date(`${day}T12:00:00Z`);
      assert.equal(dayToDate(day).getTime(), parsed.getTime(), day);
      const [year, month, d] = day.split("-").map(Number);
      assert.deepEqual(parts(day), { year, month, day: d }, day);
    }),
    { numRuns: 5000 },
  );
});
