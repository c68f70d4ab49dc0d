// The start-up table's CPU figure: the mean of the middle half of the runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { middleMean } from "./startup.ts";

test("middleMean: the quarters at either end are left out, the middle averaged", () => {
  const table: Array<[number[], number]> = [
    [[0.06], 0.06],
    [[0.05, 0.06, 0.06, 0.07], 0.06],
    // One busy moment (0.5) and one lucky tick (0.01) do not move it.
    [[0.06, 0.5, 0.05, 0.06, 0.01, 0.06, 0.07, 0.06], 0.06],
    // Ticks of 10 ms even out to a figure finer than a tick.
    [[0.05, 0.06, 0.05, 0.06, 0.05, 0.06, 0.05, 0.06], 0.055],
  ];
  for (const [runs, expected] of table) assert.ok(Math.abs(middleMean(runs) - expected) < 1e-9, `${runs.join(" ")}: ${middleMean(runs)}`);
});
