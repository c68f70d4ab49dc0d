import { test } from "node:test";
import assert from "node:assert/strict";
import { claimBest, isDisputed, reconcileCounts } from "./reconcile.ts";
import { claim, count } from "./testing/fixtures.ts";

test("two sources far apart (1,500+ vs 100-130): disputed, both named", () => {
  const [escaped] = reconcileCounts([
    count("escaped", claim("d1", 1500, null, "Kurdish media")),
    count("escaped", claim("d2", 100, 130, "Damascus-linked media")),
  ]);
  assert.equal(escaped.disputed, true);
  assert.deepEqual([escaped.low, escaped.best, escaped.high], [100, 115, null]);
  assert.deepEqual(
    escaped.disagreement?.map((f) => [f.source, f.low, f.high]),
    [["Kurdish media", 1500, null], ["Damascus-linked media", 100, 130]],
  );
  assert.equal(escaped.claims.length, 2);
});

test("the same source repeating a figure across documents counts once", () => {
  const [killed] = reconcileCounts([
    count("killed", claim("d1", 40, 40, "war monitor")),
    count("killed", claim("d2", 40, 40, "war monitor")),
    count("killed", claim("d3", 40, 40, "war monitor")),
    count("killed", claim("d4", 10, 10, "health ministry")),
  ]);
  // Three repeats of 40 would drag a per-claim median to 40; per source it is the lower of {10, 40}.
  assert.equal(killed.best, 10);
  assert.equal(killed.claims.length, 4, "every claim is kept as evidence");
  assert.deepEqual(killed.disagreement?.map((f) => f.source), ["war monitor", "health ministry"]);
});

test("a source's later figure replaces its earlier one", () => {
  const rank = (doc: string) => ({ d1: 0, d2: 1 })[doc] ?? 0;
  const [recaptured] = reconcileCounts([count("recaptured", claim("d2", 40, 40, "police")), count("recaptured", claim("d1", 18, 18, "police"))], rank);
  assert.deepEqual([recaptured.low, recaptured.best, recaptured.high, recaptured.disputed], [40, 40, 40, undefined]);
});

test("within one document a source's most precise figure wins", () => {
  const [escaped] = reconcileCounts([count("escaped", claim("d1", 24, 99, "officials", 10), claim("d1", 37, 37, "officials", 50))]);
  assert.deepEqual([escaped.low, escaped.best, escaped.high], [37, 37, 37]);
});

test("reconciled low/best/high: table", () => {
  const table: Array<[string, Array<[number, number | null, string | null]>, [number, number, number | null]]> = [
    ["one exact figure", [[37, 37, "a"]], [37, 37, 37]],
    ["open figure bounded by another source", [[750, null, "a"], [1000, 1000, "b"]], [750, 1000, 1000]],
    ["open figure above every bound stays open", [[2000, null, "a"], [900, 1000, "b"]], [900, 950, null]],
    ["exact figures preferred for best over ranges", [[24, 99, "a"], [30, 30, "b"]], [24, 30, 99]],
    ["lower median of three sources", [[10, 10, "a"], [14, 14, "b"], [60, 60, "c"]], [10, 14, 60]],
    ["unattributed figures speak for their documents", [[5, 5, null], [7, 7, null]], [5, 5, 7]],
  ];
  for (const [why, claims, expected] of table) {
    const [c] = reconcileCounts([count("escaped", ...claims.map(([low, high, source], i) => claim(`d${i}`, low, high, source)))]);
    assert.deepEqual([c.low, c.best, c.high], expected, why);
  }
});

test("isDisputed: overlapping or close figures are not a dispute", () => {
  const f = (low: number, high: number | null, best: number) => ({ source: null, low, high, best, document: "d" });
  const table: Array<[string, ReturnType<typeof f>[], boolean]> = [
    ["overlapping ranges", [f(100, 130, 115), f(120, 150, 135)], false],
    ["near miss within the slack", [f(100, 100, 100), f(108, 108, 108)], false],
    ["apart but within the best ratio", [f(100, 100, 100), f(140, 140, 140)], false],
    ["apart and far", [f(7, 7, 7), f(23, 23, 23)], true],
    ["zero against some", [f(0, 0, 0), f(5, 5, 5)], true],
    ["one source cannot dispute itself", [f(7, 7, 7)], false],
  ];
  for (const [why, figures, expected] of table) assert.equal(isDisputed(figures), expected, why);
});

test("claimBest: explicit, exact, range midpoint, open floor", () => {
  assert.equal(claimBest({ low: 100, high: 130, best: 100 }), 100);
  assert.equal(claimBest({ low: 37, high: 37 }), 37);
  assert.equal(claimBest({ low: 24, high: 99 }), 62);
  assert.equal(claimBest({ low: 750, high: null }), 750);
});

test("counts come out in contract order, one per quantity and group", () => {
  const counts = reconcileCounts([
    count("killed", claim("d1", 3, 3, "a")),
    { quantity: "killed", group: "attackers", claims: [claim("d1", 9, 9, "a")] },
    count("escaped", claim("d1", 37, 37, "a")),
    count("recaptured"),
  ]);
  assert.deepEqual(counts.map((c) => `${c.quantity}/${c.group}`), ["escaped/null", "killed/null", "killed/attackers"]);
});

test("vague: the best comes from a word standing in for a figure", () => {
  const vague = (document: string, low: number, high: number | null, best: number, rule: string, source: string) => ({ ...claim(document, low, high, source), best, rule });
  const table: Array<[string, ReturnType<typeof vague>[], boolean]> = [
    ["'thousands' alone", [vague("d1", 2000, 9999, 3000, "quantity.thousands", "a")], true],
    ["'dozens' from two sources", [vague("d1", 24, 99, 36, "quantity.dozens", "a"), vague("d2", 24, 99, 36, "quantity.dozens", "b")], true],
    ["a stated figure beside 'thousands' gives the best", [vague("d1", 2000, 9999, 3000, "quantity.thousands", "a"), vague("d2", 2500, 2500, 2500, "quantity.digits", "b")], false],
    ["'at least 750' is open, not vague", [vague("d1", 750, null, 750, "quantity.at-least", "a")], false],
    ["'about 120' is approximate, not vague", [vague("d1", 108, 132, 120, "quantity.about", "a")], false],
    ["the lower median is a stated bound, not the vague word", [vague("d1", 2000, 9999, 3000, "quantity.thousands", "a"), vague("d2", 1500, null, 1500, "quantity.at-least", "b")], false],
  ];
  for (const [why, claims, expected] of table) {
    const [c] = reconcileCounts([count("escaped", ...claims)]);
    assert.equal(c.vague ?? false, expected, why);
  }
});

test("a figure its report says was revised stays a claim and bounds the range, but gives no best", () => {
  const [killed] = reconcileCounts([
    count("killed", { ...claim("d1", 30, 30, "prosecutors"), revised: true }),
    count("killed", claim("d1", 101, null, "prison authority")),
  ]);
  assert.deepEqual([killed.low, killed.best], [30, 101]);
  assert.equal(killed.claims.length, 2);
  // alone, a revised figure is still the only figure there is
  const [only] = reconcileCounts([count("killed", { ...claim("d1", 30, 30, "prosecutors"), revised: true })]);
  assert.equal(only.best, 30);
});

test("one source's figure revised in its own report gives way to the revision, and still bounds the range", () => {
  // "Police first said 30 inmates escaped, but later raised the figure to 52."
  const [escaped] = reconcileCounts([
    count("escaped", { ...claim("d1", 30, 30, "police"), revised: true }),
    count("escaped", claim("d1", 52, 52, "police")),
  ]);
  assert.deepEqual([escaped.low, escaped.best, escaped.high], [30, 52, 52]);
  assert.equal(escaped.claims.length, 2);
});
