import { test } from "node:test";
import assert from "node:assert/strict";
import { addDays, intersectWindows, isDay, windowGap } from "./days.ts";

test("isDay: calendar days only", () => {
  for (const ok of ["2026-01-19", "2024-02-29"]) assert.equal(isDay(ok), true, ok);
  for (const bad of ["2026-02-30", "2025-02-29", "2026-13-01", "19/01/2026", "2026-1-9", ""]) assert.equal(isDay(bad), false, bad);
});

test("addDays and windowGap across month and year ends", () => {
  assert.equal(addDays("2025-12-30", 3), "2026-01-02");
  assert.equal(addDays("2026-03-01", -1), "2026-02-28");
  const w = (earliest: string, latest: string) => ({ earliest, latest });
  assert.equal(windowGap(w("2026-01-17", "2026-01-21"), w("2026-01-19", "2026-01-19")), 0);
  assert.equal(windowGap(w("2025-12-31", "2025-12-31"), w("2026-01-03", "2026-01-05")), 3);
  assert.deepEqual(intersectWindows([w("2026-01-17", "2026-01-21"), w("2026-01-20", "2026-01-25")]), w("2026-01-20", "2026-01-21"));
  assert.equal(intersectWindows([w("2026-01-17", "2026-01-18"), w("2026-01-20", "2026-01-25")]), null);
});
