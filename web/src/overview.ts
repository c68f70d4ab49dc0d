// The overview: filters, downloads of what is shown, the map, the timeline and the incident list.
// Everything a reader sets is in the URL (#/?type=…&since=…&until=…&region=…&view=…&page=…), so a
// view can be shared; brushing, zooming and paging rewrite the URL in place without reloading.
import { allIncidents, downloadWithToken, exportUrl, hasReadToken, listFacilities, type IncidentQuery, type IncidentSummary } from "./api.ts";
import { rangeOf, type DayRange } from "./bins.ts";
import { el, replace } from "./dom.ts";
import { TYPE_STYLE, TYPES, STATUSES, dateLabel, headlineCount, incidentLocation, isDisputed } from "./incidents.ts";
import { IncidentMap, REGIONS, formatView, parseView } from "./map.ts";
import { mountTimeline } from "./timeline.ts";
import { navigate } from "./router.ts";

/** Rows per page of the incident list. */
export const LIST_PAGE = 100;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The downloads offered, in the order shown. */
const DOWNLOADS: Array<[format: string, label: string, extension: string]> = [
  ["csv", "CSV (ACLED columns)", "csv"],
  ["ucdp", "UCDP GED", "ucdp.csv"],
  ["geojson", "GeoJSON", "geojson"],
  ["json", "JSON", "json"],
];
/** Waits this long after typing before looking up facilities by alias. */
const SUGGEST_DELAY_MS = 250;

let countryOptions: Promise<string[]> | null = null;

/** Countries with at least one incident, for the filter (fetched once per page load). */
function countries(): Promise<string[]> {
  countryOptions ??= allIncidents({}).then((all) =>
    [...new Set(all.map((i) => i.facility?.place?.country ?? i.place?.country).filter((c): c is string => !!c))].sort(),
  );
  return countryOptions;
}

/** The time window in the URL, when both ends are days in order. */
function windowOf(params: URLSearchParams): DayRange | null {
  const [since, until] = [params.get("since"), params.get("until")];
  return since && until && DAY.test(since) && DAY.test(until) && since <= until ? { since, until } : null;
}

/** Rewrites the URL's query without a reload (no hashchange): the page updates itself. */
function rewriteUrl(params: URLSearchParams): void {
  history.replaceState(null, "", `#/?${params}`);
}

export async function renderOverview(root: HTMLElement, params: URLSearchParams): Promise<() => void> {
  const query: IncidentQuery = {
    type: params.get("type") ?? undefined,
    country: params.get("country") ?? undefined,
    status: params.get("status") ?? undefined,
    facility: params.get("facility") ?? undefined,
    q: params.get("q") ?? undefined,
  };
  const [incidents, countryList] = await Promise.all([allIncidents(query), countries()]);
  const state = new URLSearchParams(params);
  const fullRange = rangeOf(incidents);
  let window = windowOf(params);
  let page = Math.max(0, Number(params.get("page") ?? 0) || 0);

  const summary = el("p", { class: "summary", "aria-live": "polite" });
  const downloads = el("p", { class: "downloads" });
  const listPanel = el("section", { class: "list-panel", "aria-label": "Incident list" });
  const timelineBox = el("div", { class: "timeline", id: "timeline" });
  const from = el("input", { type: "date", name: "since", "aria-label": "From day" });
  const to = el("input", { type: "date", name: "until", "aria-label": "To day" });
  const clearTime = el("button", { type: "button", class: "clear-time" }, "Show all time");
  let unmountTimeline = () => {};

  const map = new IncidentMap({
    open: (id) => navigate(`#/incidents/${encodeURIComponent(id)}`),
    onViewChange: (view) => {
      state.set("view", formatView(view));
      state.delete("region");
      for (const b of regionButtons) b.setAttribute("aria-pressed", "false");
      rewriteUrl(state);
    },
  });
  const regionButtons = [["", "Fit incidents"], ...Object.entries(REGIONS).map(([id, r]) => [id, r.label])].map(([id, label]) => {
    const button = el("button", { type: "button", "data-region": id, "aria-pressed": String((params.get("region") ?? "") === id && !params.get("view")) }, label);
    button.addEventListener("click", () => {
      map.showRegion(id || null);
      if (id) state.set("region", id);
      else state.delete("region");
      state.delete("view");
      rewriteUrl(state);
      for (const b of regionButtons) b.setAttribute("aria-pressed", String(b === button));
    });
    return button;
  });

  /** Shows the incidents of the window (all when null) on the map, the timeline and the list. */
  const show = (next: DayRange | null, remountTimeline: boolean) => {
    window = next;
    for (const [key, value] of [["since", next?.since], ["until", next?.until]] as const) {
      if (value) state.set(key, value);
      else state.delete(key);
    }
    const visible = next ? incidents.filter((i) => i.date && i.date.latest >= next.since && i.date.earliest <= next.until) : incidents;
    replace(
      summary,
      `${incidents.length.toLocaleString("en")} incident${incidents.length === 1 ? "" : "s"}`,
      next ? ` · ${visible.length.toLocaleString("en")} from ${next.since} to ${next.until}` : "",
      ` · ${unplacedNote(visible)}`,
    );
    replace(downloads, "Download what is shown: ", ...DOWNLOADS.flatMap(([format, label, extension], i) => [i ? " · " : null, downloadLink({ ...query, ...(next ?? {}) }, format, label, extension)]));
    map.setIncidents(visible);
    from.value = next?.since ?? "";
    to.value = next?.until ?? "";
    clearTime.hidden = !next;
    if (remountTimeline) {
      unmountTimeline();
      const range = next ?? fullRange;
      unmountTimeline = range ? mountTimeline(timelineBox, incidents, range, (picked) => {
        page = 0;
        state.delete("page");
        show(picked, true);
        rewriteUrl(state);
      }) : () => replace(timelineBox, "No dated incidents.");
    }
    renderList(visible);
  };

  const renderList = (visible: IncidentSummary[]) => {
    const pages = Math.max(1, Math.ceil(visible.length / LIST_PAGE));
    page = Math.min(page, pages - 1);
    const turn = (to: number) => {
      page = to;
      if (page) state.set("page", String(page));
      else state.delete("page");
      rewriteUrl(state);
      renderList(visible);
      listPanel.querySelector("h2")?.focus();
    };
    replace(listPanel, incidentList(visible, page, turn));
  };

  const timeForm = el("form", { class: "time-form" }, el("label", {}, "From ", from), el("label", {}, "to ", to), el("button", { type: "submit" }, "Apply"), clearTime);
  timeForm.addEventListener("submit", (event) => {
    event.preventDefault();
    if (from.value && to.value && from.value <= to.value) {
      show({ since: from.value, until: to.value }, true);
      rewriteUrl(state);
    }
  });
  clearTime.addEventListener("click", () => {
    show(null, true);
    rewriteUrl(state);
  });

  replace(
    root,
    filterBar(query, countryList),
    summary,
    downloads,
    el("section", { class: "map-panel", "aria-label": "Map" }, el("div", { class: "regions", role: "group", "aria-label": "Map view" }, ...regionButtons), map.element, legend()),
    el("section", { class: "timeline-panel", "aria-label": "Timeline" }, el("h2", {}, "Incidents by type over time"), timeForm, timelineBox),
    listPanel,
  );
  const view = parseView(params.get("view"));
  const region = params.get("region");
  if (view) map.setView(view);
  else if (region && REGIONS[region]) map.showRegion(region);
  show(window, true);
  return () => {
    unmountTimeline();
    map.destroy();
  };
}

function downloadLink(query: IncidentQuery, format: string, label: string, extension: string): HTMLAnchorElement {
  const url = exportUrl(query, format);
  const link = el("a", { href: url, download: `escapewatch-incidents.${extension}`, "data-format": format }, label);
  link.addEventListener("click", (event) => {
    if (!hasReadToken()) return; // a plain link streams the file; with a token, fetch must send it
    event.preventDefault();
    void downloadWithToken(url, `escapewatch-incidents.${extension}`);
  });
  return link;
}

function filterBar(query: IncidentQuery, countryList: string[]): HTMLElement {
  const type = el("select", { name: "type", "aria-label": "Incident type" }, el("option", { value: "" }, "All types"));
  for (const t of TYPES) type.append(el("option", { value: t, selected: query.type === t }, TYPE_STYLE[t].label));
  const country = el("select", { name: "country", "aria-label": "Country" }, el("option", { value: "" }, "All countries"));
  for (const c of countryList) country.append(el("option", { value: c, selected: query.country === c }, c));
  const status = el("select", { name: "status", "aria-label": "Status" }, el("option", { value: "" }, "Any status"));
  for (const s of STATUSES) status.append(el("option", { value: s, selected: query.status === s }, s));
  const text = el("input", { name: "q", type: "search", placeholder: "Facility, place, actor, quote — any spelling", "aria-label": "Search incidents", autocomplete: "off" });
  text.value = query.q ?? "";
  const suggestions = el("div", { class: "suggestions", "aria-live": "polite" });
  const form = el("form", { class: "filters", role: "search" }, type, country, status, text, el("button", { type: "submit" }, "Filter"), el("a", { href: "#/" }, "Reset"));
  const submit = () => {
    const params = new URLSearchParams();
    if (type.value) params.set("type", type.value);
    if (country.value) params.set("country", country.value);
    if (status.value) params.set("status", status.value);
    if (query.facility) params.set("facility", query.facility);
    if (text.value.trim()) params.set("q", text.value.trim());
    navigate(`#/?${params}`);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });
  for (const select of [type, country, status]) select.addEventListener("change", submit);
  // Facilities named by what was typed, in any spelling the gazetteer knows ("Gweiran").
  let timer = 0;
  const suggest = () => {
    const value = text.value.trim();
    if (value.length < 3) return replace(suggestions);
    void listFacilities(value).then((found) => {
      if (text.value.trim() !== value) return;
      replace(suggestions, ...found.items.slice(0, 3).map(({ facility, incidents }) => el("a", { href: `#/facilities/${encodeURIComponent(facility.id)}`, class: "suggestion" }, `Facility: ${facility.name} (${incidents} incidents) →`)));
    }, () => replace(suggestions));
  };
  text.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, SUGGEST_DELAY_MS) as unknown as number;
  });
  if (query.q) suggest();
  return el("div", { class: "filter-bar" }, form, suggestions, query.facility ? el("p", { class: "muted" }, `Facility: ${query.facility} `, el("a", { href: "#/" }, "clear")) : null);
}

function legend(): HTMLElement {
  return el(
    "ul",
    { class: "legend" },
    ...TYPES.map((t) => el("li", {}, el("span", { class: `swatch type-${t}` }), TYPE_STYLE[t].label)),
    el("li", {}, el("span", { class: "swatch precision-precise" }), "facility or town"),
    el("li", {}, el("span", { class: "swatch precision-province" }), "province only"),
    el("li", {}, el("span", { class: "swatch precision-country" }), "country only"),
    el("li", {}, el("span", { class: "swatch precision-cluster" }), "several incidents (click to zoom)"),
  );
}

function unplacedNote(incidents: IncidentSummary[]): string {
  const unplaced = incidents.filter((i) => !incidentLocation(i)).length;
  return unplaced ? `${unplaced} without coordinates (listed, not mapped)` : "all mapped";
}

function incidentList(incidents: IncidentSummary[], page: number, turn: (page: number) => void): HTMLElement {
  if (incidents.length === 0) return el("p", { class: "empty" }, "No incidents match.");
  const sorted = [...incidents].sort((a, b) => (b.date?.earliest ?? "").localeCompare(a.date?.earliest ?? "") || a.id.localeCompare(b.id));
  const first = page * LIST_PAGE;
  const rows = sorted.slice(first, first + LIST_PAGE).map((i) => {
    const headline = headlineCount(i);
    const where = [i.facility?.place?.name ?? i.place?.name, i.facility?.place?.country ?? i.place?.country].filter(Boolean).join(", ");
    return el(
      "tr",
      { "data-incident": i.id },
      el("td", { "data-label": "Date" }, dateLabel(i.date)),
      el("td", { "data-label": "Type" }, el("span", { class: `badge type-${i.type}` }, TYPE_STYLE[i.type]?.label ?? i.type)),
      el("td", { "data-label": "Facility / place" }, el("a", { href: `#/incidents/${encodeURIComponent(i.id)}` }, i.facility?.name ?? i.place?.name ?? "unknown place")),
      el("td", { "data-label": "Where" }, where),
      el("td", { "data-label": "Figure" }, headline?.text ?? "", isDisputed(i) ? el("span", { class: "badge disputed" }, "disputed") : null),
      el("td", { "data-label": "Reports" }, String(i.documents.length)),
    );
  });
  const last = Math.min(first + LIST_PAGE, sorted.length);
  const pager = (where: string) => {
    const previous = el("button", { type: "button", disabled: page === 0, "data-pager": `previous-${where}` }, "← Previous");
    const next = el("button", { type: "button", disabled: last >= sorted.length, "data-pager": `next-${where}` }, "Next →");
    previous.addEventListener("click", () => turn(page - 1));
    next.addEventListener("click", () => turn(page + 1));
    return el("div", { class: "pager" }, previous, el("span", {}, `${(first + 1).toLocaleString("en")}–${last.toLocaleString("en")} of ${sorted.length.toLocaleString("en")}`), next);
  };
  return el(
    "div",
    {},
    el("h2", { tabindex: -1 }, `Incidents ${(first + 1).toLocaleString("en")}–${last.toLocaleString("en")} of ${sorted.length.toLocaleString("en")}`),
    pager("top"),
    el(
      "table",
      { class: "incidents" },
      el("thead", {}, el("tr", {}, ...["Date", "Type", "Facility / place", "Where", "Figure", "Reports"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, ...rows),
    ),
    pager("bottom"),
  );
}
