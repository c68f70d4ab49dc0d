// The dashboard's pure parts without a browser: time bins that fit the range, the timeline's
// readout, screen-space clustering, label placement and how a figure reads. Tables of input ->
// expected, with the cases that must not happen.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { binIncidents, binLabel, binReadout, binStart, rangeOf, toSeconds, unitFor } from "../../web/src/bins.ts";
import { clusterPoints, type ScreenPoint } from "../../web/src/cluster.ts";
import { placeLabels, type LabelRequest } from "../../web/src/labels.ts";
import { formatFigure } from "../../web/src/incidents.ts";

const on = (day: string, type = "escape") => ({ type, date: { earliest: day } });

describe("time bins fit the range shown", () => {
  const units: Array<[string, string, string]> = [
    ["2025-01-10", "2025-01-23", "day"],
    ["2025-01-01", "2025-03-03", "day"],
    ["2025-01-01", "2025-03-04", "week"],
    ["2024-01-01", "2025-06-30", "week"],
    ["2023-06-01", "2025-06-30", "month"],
    ["2021-01-01", "2025-06-30", "month"],
  ];
  for (const [since, until, unit] of units) test(`${since}..${until} by ${unit}`, () => assert.equal(unitFor({ since, until }), unit));

  test("665 incidents over two weeks make fourteen day bars, not one", () => {
    const items = Array.from({ length: 665 }, (_, i) => on(`2025-01-${String(10 + (i % 14)).padStart(2, "0")}`));
    const bins = binIncidents(items, { since: "2025-01-10", until: "2025-01-23" }, ["escape"]);
    assert.equal(bins.unit, "day");
    assert.equal(bins.starts.length, 14);
    assert.equal(bins.totals.reduce((a, b) => a + b, 0), 665);
    assert.ok(Math.max(...bins.totals) < 665 / 10);
  });

  test("weeks start on Monday; months on the first", () => {
    assert.equal(new Date(binStart("2025-01-15", "week") * 1000).toISOString().slice(0, 10), "2025-01-13");
    assert.equal(new Date(binStart("2025-01-13", "week") * 1000).toISOString().slice(0, 10), "2025-01-13");
    assert.equal(new Date(binStart("2025-01-12", "week") * 1000).toISOString().slice(0, 10), "2025-01-06");
    assert.equal(new Date(binStart("2025-02-28", "month") * 1000).toISOString().slice(0, 10), "2025-02-01");
  });

  test("incidents outside the range, undated or of another type are not counted", () => {
    const bins = binIncidents([on("2025-01-09"), on("2025-01-24"), { type: "escape", date: null }, on("2025-01-12", "riot"), on("2025-01-12")], { since: "2025-01-10", until: "2025-01-23" }, ["escape"]);
    assert.deepEqual(bins.totals.filter((n) => n > 0), [1]);
  });

  test("rangeOf spans the dated incidents, null when none is dated", () => {
    assert.deepEqual(rangeOf([on("2025-03-01"), on("2024-12-31"), { date: null }]), { since: "2024-12-31", until: "2025-03-01" });
    assert.equal(rangeOf([{ date: null }]), null);
  });

  test("labels and readout say the unit and the counts per type", () => {
    assert.equal(binLabel(toSeconds("2025-01-13"), "week"), "week of 2025-01-13");
    assert.equal(binLabel(toSeconds("2025-01-01"), "month"), "January 2025");
    const bins = binIncidents([on("2025-01-10"), on("2025-01-10", "attack"), on("2025-01-10")], { since: "2025-01-10", until: "2025-01-11" }, ["attack", "escape"]);
    assert.equal(binReadout(bins, 0), "2025-01-10: 3 incidents — 1 attack, 2 escape");
    assert.equal(binReadout(bins, 1), "2025-01-11: 0 incidents");
  });
});

describe("clustering in screen space", () => {
  const point = (x: number, y: number, group = "precise", weight = 1, item = `${x},${y}`): ScreenPoint<string> => ({ x, y, group, weight, item });

  test("points within the radius share a cluster, farther ones do not", () => {
    const clusters = clusterPoints([point(0, 0), point(10, 0), point(100, 0)], 22);
    assert.deepEqual(clusters.map((c) => c.members.sort()), [["0,0", "10,0"], ["100,0"]]);
  });

  test("a province never hides in a cluster of precise places", () => {
    const clusters = clusterPoints([point(0, 0), point(1, 1, "province"), point(2, 0)], 22);
    assert.equal(clusters.length, 2);
    assert.deepEqual(clusters.find((c) => c.group === "province")!.members, ["1,1"]);
  });

  test("every point lands in exactly one cluster, however many", () => {
    const many = Array.from({ length: 3000 }, (_, i) => point((i * 37) % 500, (i * 91) % 300, i % 5 ? "precise" : "province", 1, String(i)));
    const members = clusterPoints(many, 22).flatMap((c) => c.members);
    assert.equal(members.length, 3000);
    assert.equal(new Set(members).size, 3000);
  });

  test("same-spot clusters are marked: zooming cannot split them", () => {
    const [spot, spread] = [clusterPoints([point(5, 5), point(5, 5)], 22)[0], clusterPoints([point(5, 5), point(15, 5)], 22)[0]];
    assert.equal(spot.samePlace, true);
    assert.equal(spread.samePlace, false);
  });
});

describe("labels never overlap", () => {
  const overlapping = (a: { x: number; y: number; w: number }, b: { x: number; y: number; w: number }) => Math.abs(a.x - b.x) < (a.w + b.w) / 2 && Math.abs(a.y - b.y) < 13;

  test("the more important marker is labelled when two compete; the other label moves or is dropped", () => {
    const requests: LabelRequest[] = [
      { text: "Hasakah", x: 100, y: 100, r: 10, priority: 10 },
      { text: "Qamishli", x: 100, y: 104, r: 5, priority: 1 },
    ];
    const placed = placeLabels(requests, 400, 300);
    assert.equal(placed[0].text, "Hasakah");
    const boxes = placed.map((p) => ({ x: p.anchor === "start" ? p.x + p.text.length * 3.1 : p.anchor === "end" ? p.x - p.text.length * 3.1 : p.x, y: p.y, w: p.text.length * 6.2 }));
    for (let i = 1; i < boxes.length; i++) assert.ok(!overlapping(boxes[0], boxes[i]), JSON.stringify(placed));
  });

  test("a label that fits nowhere inside the frame is dropped", () => {
    assert.deepEqual(placeLabels([{ text: "A very long place name indeed", x: 5, y: 5, r: 4, priority: 1 }], 60, 20), []);
  });
});

describe("figures read with their doubt", () => {
  const table: Array<[Parameters<typeof formatFigure>[0], string]> = [
    [{ low: 37, best: 37, high: 37 }, "37"],
    [{ low: 100, best: 115, high: 130 }, "115 (100–130)"],
    [{ low: 750, best: 750, high: null }, "at least 750"],
    [{ low: 2000, best: 3000, high: 9999, vague: true }, "2,000–9,999 (vague)"],
    [{ low: 24, best: 36, high: 99, vague: true }, "24–99 (vague)"],
  ];
  for (const [figure, expected] of table) test(`${JSON.stringify(figure)} -> ${expected}`, () => assert.equal(formatFigure(figure), expected));

  test("a vague figure is never its bare best", () => assert.doesNotMatch(formatFigure({ low: 2000, best: 3000, high: 9999, vague: true }), /3,000/));
});
