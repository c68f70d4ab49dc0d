// Incidents by type over time: uPlot stacked bars in bins that fit the range shown (bins.ts).
// Hovering, or moving through the bars with the arrow keys, reads out each bin's counts;
// dragging across the chart selects a window of days, which the overview applies to the map, the
// list and the URL.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { IncidentSummary } from "./api.ts";
import { binIncidents, binReadout, dayOfSeconds, nextBin, type DayRange } from "./bins.ts";
import { el, replace } from "./dom.ts";
import { TYPE_STYLE, TYPES } from "./incidents.ts";

const HEIGHT = 190;
const MIN_WIDTH = 280;
const BAR_WIDTH_FACTOR = 0.86;
/** A drag narrower than this many pixels is a click: it clears the selection. */
const MIN_SELECTION_PX = 3;

export type DayWindow = DayRange;

/**
 * Mounts the timeline of `incidents` over `range` into `container`. `onSelect` receives the dragged
 * window of days, or null when a click clears it. Returns a function that removes the chart.
 */
export function mountTimeline(container: HTMLElement, incidents: IncidentSummary[], range: DayRange, onSelect: (window: DayWindow | null) => void): () => void {
  const bins = binIncidents(incidents, range, TYPES);
  const present = TYPES.filter((t) => bins.byType.get(t)!.some((n) => n > 0));
  const readout = el("p", { class: "timeline-readout", "aria-live": "polite" }, `By ${bins.unit}. Hover or use the arrow keys for each ${bins.unit}'s counts.`);
  const chartBox = el("div", { class: "timeline-chart", tabindex: 0, role: "img", "aria-label": `Incidents by type per ${bins.unit}, ${range.since} to ${range.until}. Left and right arrows read each ${bins.unit}.` });
  replace(container, readout, chartBox);
  if (bins.starts.length === 0 || present.length === 0) {
    replace(chartBox, "No dated incidents to chart.");
    return () => {};
  }
  // Bars stand in the middle of their bin; the scale spans whole bins.
  const mids = bins.starts.map((s) => (s + nextBin(s, bins.unit)) / 2);
  const end = nextBin(bins.starts[bins.starts.length - 1], bins.unit);
  // Stack: each series carries itself plus every series after it and is drawn first, so the
  // shorter bars painted later show as the upper layers. Empty bins are null: no hairline bar.
  const stacked = present.map((type, i) =>
    bins.starts.map((_, b) => (bins.byType.get(type)![b] === 0 ? null : present.slice(i).reduce((sum, t) => sum + bins.byType.get(t)![b], 0))),
  );
  const bars = uPlot.paths.bars!({ size: [BAR_WIDTH_FACTOR, 80] });
  const show = (i: number | null | undefined) => {
    if (i === null || i === undefined || i < 0) return;
    readout.textContent = binReadout(bins, i);
  };
  const chart = new uPlot(
    {
      width: Math.max(MIN_WIDTH, chartBox.clientWidth),
      height: HEIGHT,
      legend: { show: false },
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
      scales: { x: { time: true, range: [bins.starts[0], end] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [{ space: 60 }, { label: "incidents", size: 50 }],
      series: [
        {},
        ...present.map((type) => ({ label: TYPE_STYLE[type].label, fill: TYPE_STYLE[type].color, stroke: TYPE_STYLE[type].color, paths: bars, points: { show: false } })),
      ],
      hooks: {
        setCursor: [(u: uPlot) => show(u.cursor.idx)],
        setSelect: [
          (u: uPlot) => {
            if (u.select.width < MIN_SELECTION_PX) return onSelect(null);
            const from = Math.max(bins.starts[0], u.posToVal(u.select.left, "x"));
            const to = Math.min(end - 1, u.posToVal(u.select.left + u.select.width, "x"));
            onSelect({ since: dayOfSeconds(from), until: dayOfSeconds(to) });
          },
        ],
      },
    },
    [mids, ...stacked],
    chartBox,
  );
  // Keyboard: the arrow keys walk the bins and read each one out.
  let index = -1;
  chartBox.addEventListener("keydown", (event) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : event.key === "Home" ? -Infinity : event.key === "End" ? Infinity : 0;
    if (!step) return;
    event.preventDefault();
    index = Math.max(0, Math.min(bins.starts.length - 1, index < 0 && step === -1 ? bins.starts.length - 1 : index + step));
    chart.setCursor({ left: chart.valToPos(mids[index], "x"), top: HEIGHT / 3 });
    show(index);
  });
  const resize = () => chart.setSize({ width: Math.max(MIN_WIDTH, chartBox.clientWidth), height: HEIGHT });
  window.addEventListener("resize", resize);
  return () => {
    window.removeEventListener("resize", resize);
    chart.destroy();
  };
}
