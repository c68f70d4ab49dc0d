// Incidents by type over time: uPlot stacked bars per month. Dragging across the chart selects a
// window of days, which the overview applies to the map and the list.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { IncidentSummary } from "./api.ts";
import { TYPE_STYLE, TYPES } from "./incidents.ts";

const HEIGHT = 180;
const MIN_WIDTH = 320;
const BAR_WIDTH_FACTOR = 0.8;
const SECONDS_PER_DAY = 86_400;

export interface DayWindow {
  since: string;
  until: string;
}

/** First day of the month of a YYYY-MM-DD day, as unix seconds (UTC). */
function monthStart(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, 1) / 1000;
}

function dayOf(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** Months from the first to the last incident, with a count per type; stacked cumulatively. */
export function monthlyCounts(incidents: IncidentSummary[]): { months: number[]; byType: Map<string, number[]> } {
  const dated = incidents.filter((i) => i.date);
  const byType = new Map<string, number[]>(TYPES.map((t) => [t, []]));
  if (dated.length === 0) return { months: [], byType };
  const starts = dated.map((i) => monthStart(i.date!.earliest));
  const months: number[] = [];
  const last = Math.max(...starts);
  for (let m = Math.min(...starts); m <= last; ) {
    months.push(m);
    const d = new Date(m * 1000);
    m = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
  }
  const index = new Map(months.map((m, i) => [m, i]));
  for (const type of TYPES) byType.set(type, months.map(() => 0));
  for (const incident of dated) {
    const row = byType.get(incident.type);
    if (row) row[index.get(monthStart(incident.date!.earliest))!] += 1;
  }
  return { months, byType };
}

/**
 * Mounts the timeline into `container`. `onSelect` receives the dragged day window, or null
 * when the selection is cleared. Returns a function that removes the chart.
 */
export function mountTimeline(
  container: HTMLElement,
  incidents: IncidentSummary[],
  onSelect: (window: DayWindow | null) => void,
): () => void {
  const { months, byType } = monthlyCounts(incidents);
  const present = TYPES.filter((t) => byType.get(t)!.some((n) => n > 0));
  if (months.length === 0) {
    container.textContent = "No dated incidents to chart.";
    return () => {};
  }
  // Stack: each series carries the sum of itself and every series after it, and is drawn first,
  // so the shorter bars painted later show as the upper layers of one stacked bar.
  // Empty months are null, not 0: uPlot would draw a hairline bar for a zero.
  const stacked = present.map((type, i) =>
    months.map((_, m) => (byType.get(type)![m] === 0 ? null : present.slice(i).reduce((sum, t) => sum + byType.get(t)![m], 0))),
  );
  // Pad the x range by half a month on each side so the first and last bars are whole.
  const halfMonth = 15 * SECONDS_PER_DAY;
  const bars = uPlot.paths.bars!({ size: [BAR_WIDTH_FACTOR, 60] });
  const chart = new uPlot(
    {
      width: Math.max(MIN_WIDTH, container.clientWidth),
      height: HEIGHT,
      legend: { show: false },
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
      scales: { x: { time: true, range: [months[0] - halfMonth, months[months.length - 1] + halfMonth] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [{}, { label: "incidents", size: 50, incrs: [1, 2, 5, 10, 20, 50, 100] }],
      series: [
        {},
        ...present.map((type) => ({
          label: TYPE_STYLE[type].label,
          fill: TYPE_STYLE[type].color,
          stroke: TYPE_STYLE[type].color,
          paths: bars,
          points: { show: false },
        })),
      ],
      hooks: {
        setSelect: [
          (u: uPlot) => {
            if (u.select.width < 2) return onSelect(null);
            const from = u.posToVal(u.select.left, "x");
            const to = u.posToVal(u.select.left + u.select.width, "x");
            onSelect({ since: dayOf(from), until: dayOf(to) });
          },
        ],
      },
    },
    [months, ...stacked],
    container,
  );
  const resize = () => chart.setSize({ width: Math.max(MIN_WIDTH, container.clientWidth), height: HEIGHT });
  window.addEventListener("resize", resize);
  return () => {
    window.removeEventListener("resize", resize);
    chart.destroy();
  };
}
