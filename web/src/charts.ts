// The facility page's two charts, as SVG drawn at the container's own width (so text stays
// readable on a phone): who held the facility when, one lane per holder; and its figures over
// time (held, escaped, recaptured, at large), each a point at its best value with a bar from low
// to high, hollow when derived. Every point links to its incident and is reachable by keyboard.
import { svg } from "./dom.ts";
import type { FacilityView } from "./api.ts";
import { QUANTITY_LABEL, formatFigure } from "./incidents.ts";
import { CHAR_WIDTH_PX } from "./labels.ts";

const MARGIN = { left: 44, right: 16, top: 12, bottom: 26 };
const LANE_HEIGHT = 26;
const FIGURE_HEIGHT = 220;
const DAY_MS = 86_400_000;
/** Holder colours, in order of first appearance. */
const HOLDER_COLORS = ["#12507a", "#b3261e", "#2e7d32", "#7b4ca0", "#a8660b", "#00796b"];
export const FIGURE_COLORS: Record<string, string> = { held: "#5b6770", escaped: "#9467bd", recaptured: "#1f77b4", at_large: "#d35400" };
/** A period still running is drawn up to this many days past the last dated evidence. */
const OPEN_PERIOD_DAYS = 30;
const TICKS = 5;

/** Redraws `draw(width)` into `container` whenever its width changes; returns a stop function. */
export function mountChart(container: HTMLElement, draw: (width: number) => SVGSVGElement): () => void {
  let width = 0;
  const redraw = () => {
    const now = Math.round(container.clientWidth);
    if (!now || now === width) return;
    width = now;
    container.replaceChildren(draw(width));
  };
  const observer = new ResizeObserver(redraw);
  observer.observe(container);
  redraw();
  return () => observer.disconnect();
}

const time = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A time axis over [start, end] across `width` pixels, with its tick marks. */
function timeAxis(start: number, end: number, width: number, y: number) {
  const span = Math.max(DAY_MS, end - start);
  const x = (ms: number) => MARGIN.left + ((ms - start) / span) * (width - MARGIN.left - MARGIN.right);
  const ticks = svg("g", { class: "axis" });
  const count = width < 420 ? 3 : TICKS;
  for (let i = 0; i <= count; i++) {
    const at = start + (span * i) / count;
    ticks.append(svg("line", { x1: x(at), x2: x(at), y1: MARGIN.top, y2: y, class: "grid" }), svg("text", { x: x(at), y: y + 16, "text-anchor": i === 0 ? "start" : i === count ? "end" : "middle" }, dayOf(at)));
  }
  return { x, ticks };
}

/** Who held the facility when: one lane per holder, a bar per period. */
export function holderChart(holders: FacilityView["holders"], width: number): SVGSVGElement {
  const dated = holders.filter((p) => p.from);
  const names = [...new Set(dated.map((p) => p.holder))];
  const height = MARGIN.top + names.length * LANE_HEIGHT + MARGIN.bottom;
  const root = svg("svg", { class: "chart holder-chart", viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": `Holders over time: ${dated.map((p) => `${p.holder} from ${p.from}${p.until ? ` until ${p.until}` : ""}`).join("; ")}` });
  if (!dated.length) return root;
  const days = dated.flatMap((p) => [time(p.from!), ...(p.until ? [time(p.until)] : [])]);
  const start = Math.min(...days);
  const end = Math.max(...days) + OPEN_PERIOD_DAYS * DAY_MS;
  const axisY = height - MARGIN.bottom;
  const { x, ticks } = timeAxis(start, end, width, axisY);
  root.append(ticks);
  for (const period of dated) {
    const lane = names.indexOf(period.holder);
    const x0 = x(time(period.from!));
    const x1 = period.until ? x(time(period.until)) : x(end);
    const y = MARGIN.top + lane * LANE_HEIGHT + 3;
    root.append(
      svg(
        "rect",
        { x: x0.toFixed(1), y, width: Math.max(3, x1 - x0).toFixed(1), height: LANE_HEIGHT - 8, rx: 3, fill: HOLDER_COLORS[lane % HOLDER_COLORS.length], class: period.until ? "period" : "period open" },
        svg("title", {}, `${period.holder}: from ${period.from}${period.until ? ` until ${period.until}` : ", still holding as far as reports go"}`),
      ),
      periodLabel(period.holder, x0, x1, y, width),
    );
  }
  return root;
}

/** Inside its bar when it fits; else beside it, on whichever side has room. */
function periodLabel(holder: string, x0: number, x1: number, y: number, width: number): SVGTextElement {
  const textWidth = holder.length * CHAR_WIDTH_PX;
  const baseline = y + LANE_HEIGHT - 13;
  if (x1 - x0 >= textWidth + 8) return svg("text", { x: (x0 + 4).toFixed(1), y: baseline, class: "period-label" }, holder);
  const after = x1 + 4 + textWidth <= width;
  return svg("text", { x: (after ? x1 + 4 : x0 - 4).toFixed(1), y: baseline, "text-anchor": after ? "start" : "end", class: "period-label outside" }, holder);
}

type Figure = FacilityView["movements"][number];

/** Figures spanning more than this ratio (largest / smallest) are drawn on a log scale. */
const LOG_SCALE_RATIO = 50;

/** Figures over time: a point at best, a bar from low to high (an arrow when open), per quantity. */
export function figureChart(figures: Figure[], width: number): SVGSVGElement {
  const dated = figures.filter((f) => f.date);
  const height = FIGURE_HEIGHT;
  const root = svg("svg", { class: "chart figure-chart", viewBox: `0 0 ${width} ${height}`, width, height, role: "group", "aria-label": "Held, escaped, recaptured and at large over time; each point links to its incident" });
  if (!dated.length) return root;
  const times = dated.map((f) => time(f.date!.earliest));
  const pad = Math.max(DAY_MS, (Math.max(...times) - Math.min(...times)) * 0.05);
  const axisY = height - MARGIN.bottom;
  const { x, ticks } = timeAxis(Math.min(...times) - pad, Math.max(...times) + pad, width, axisY);
  const top = Math.max(1, ...dated.map((f) => f.high ?? f.best)) * 1.1;
  const smallest = Math.max(1, Math.min(...dated.map((f) => Math.max(1, f.low))));
  const log = top / smallest > LOG_SCALE_RATIO;
  const span = axisY - MARGIN.top;
  const y = log ? (value: number) => axisY - (Math.log10(Math.max(1, value)) / Math.log10(top)) * span : (value: number) => axisY - (value / top) * span;
  root.append(ticks);
  const values = log ? [1, 10, 100, 1000, 10_000, 100_000].filter((v) => v <= top) : [0, 1, 2, 3, 4].map((i) => Math.round((top * i) / 4));
  for (const value of values) {
    root.append(svg("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(value), y2: y(value), class: "grid" }), svg("text", { x: MARGIN.left - 6, y: y(value) + 4, "text-anchor": "end", class: "axis" }, value.toLocaleString("en")));
  }
  if (log) root.append(svg("text", { x: MARGIN.left, y: MARGIN.top - 2, class: "axis" }, "log scale"));
  for (const f of dated) {
    const cx = x(time(f.date!.earliest));
    const color = FIGURE_COLORS[f.quantity] ?? "#333";
    const label = `${QUANTITY_LABEL[f.quantity] ?? f.quantity} ${formatFigure(f)} on ${f.date!.earliest}${f.derived ? " (derived)" : ""}${f.disputed ? " (disputed)" : ""}`;
    root.append(
      svg(
        "a",
        { href: `#/incidents/${encodeURIComponent(f.incident)}`, class: "figure-point", "aria-label": label, "data-quantity": f.quantity },
        svg("line", { x1: cx, x2: cx, y1: y(f.low), y2: f.high === null ? MARGIN.top : y(f.high), stroke: color, class: f.high === null ? "range open" : "range" }),
        svg("circle", { cx, cy: y(f.best), r: 5, fill: f.derived ? "#fff" : color, stroke: color, class: f.derived ? "derived" : "" }),
        svg("title", {}, label),
      ),
    );
  }
  return root;
}
