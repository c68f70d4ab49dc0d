// The overview page: filter bar, map, brushable timeline and the incident list.
import { allIncidents, type IncidentQuery, type IncidentSummary } from "./api.ts";
import { el, replace } from "./dom.ts";
import { TYPE_STYLE, TYPES, dateLabel, formatRange, headlineCount, incidentLocation, isDisputed, QUANTITY_LABEL } from "./incidents.ts";
import { incidentMap, REGIONS } from "./map.ts";
import { mountTimeline, type DayWindow } from "./timeline.ts";
import { navigate } from "./router.ts";

let countryOptions: Promise<string[]> | null = null;

/** Countries with at least one incident, for the filter (fetched once per page load). */
function countries(): Promise<string[]> {
  countryOptions ??= allIncidents({}).then((all) =>
    [...new Set(all.map((i) => i.place?.country ?? i.facility?.place?.country).filter((c): c is string => !!c))].sort(),
  );
  return countryOptions;
}

export async function renderOverview(root: HTMLElement, params: URLSearchParams): Promise<() => void> {
  const query: IncidentQuery = {
    type: params.get("type") ?? undefined,
    country: params.get("country") ?? undefined,
    q: params.get("q") ?? undefined,
  };
  const [incidents, countryList] = await Promise.all([allIncidents(query), countries()]);

  const mapPanel = el("div", { class: "map-panel" });
  const listPanel = el("section", { class: "list-panel" });
  const brushInfo = el("span", { class: "brush-info" });
  const timelineBox = el("div", { class: "timeline", id: "timeline" });

  let region: string | null = null;
  let shownWindow: DayWindow | null = null;
  const regionBar = el("div", { class: "regions", role: "group", "aria-label": "Map view" });
  const regionButtons = [["", "Fit incidents"], ...Object.entries(REGIONS).map(([id, r]) => [id, r.label])].map(([id, label]) => {
    const button = el("button", { type: "button", "data-region": id, "aria-pressed": String(id === "") }, label);
    button.addEventListener("click", () => {
      region = id || null;
      for (const b of regionButtons) b.setAttribute("aria-pressed", String(b === button));
      show(shownWindow);
    });
    return button;
  });
  regionBar.append(...regionButtons);

  const show = (window: DayWindow | null) => {
    shownWindow = window;
    const visible = window ? incidents.filter((i) => i.date && i.date.latest >= window.since && i.date.earliest <= window.until) : incidents;
    replace(brushInfo, window ? `Showing ${window.since} to ${window.until} (drag again, or click the chart to clear)` : "Drag across the timeline to filter by time");
    replace(mapPanel, regionBar, incidentMap(visible, (id) => navigate(`#/incidents/${encodeURIComponent(id)}`), region), legend(), unplacedNote(visible));
    replace(listPanel, incidentList(visible));
  };

  replace(
    root,
    filterBar(query, countryList),
    el("p", { class: "summary" }, `${incidents.length} incident${incidents.length === 1 ? "" : "s"}`, " · ", brushInfo),
    mapPanel,
    el("section", { class: "timeline-panel" }, el("h2", {}, "Incidents by type over time"), timelineBox),
    listPanel,
  );
  show(null);
  const unmount = mountTimeline(timelineBox, incidents, show);
  return unmount;
}

function filterBar(query: IncidentQuery, countryList: string[]): HTMLFormElement {
  const type = el("select", { name: "type", "aria-label": "Incident type" }, el("option", { value: "" }, "All types"));
  for (const t of TYPES) type.append(el("option", { value: t, selected: query.type === t }, TYPE_STYLE[t].label));
  const country = el("select", { name: "country", "aria-label": "Country" }, el("option", { value: "" }, "All countries"));
  for (const c of countryList) country.append(el("option", { value: c, selected: query.country === c }, c));
  const text = el("input", { name: "q", type: "search", placeholder: "Facility, place, actor, quote…", "aria-label": "Free text" });
  text.value = query.q ?? "";
  const form = el("form", { class: "filters" }, type, country, text, el("button", { type: "submit" }, "Filter"), el("a", { href: "#/" }, "Reset"));
  const submit = () => {
    const params = new URLSearchParams();
    if (type.value) params.set("type", type.value);
    if (country.value) params.set("country", country.value);
    if (text.value.trim()) params.set("q", text.value.trim());
    navigate(`#/?${params}`);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });
  type.addEventListener("change", submit);
  country.addEventListener("change", submit);
  return form;
}

function legend(): HTMLElement {
  return el(
    "ul",
    { class: "legend" },
    ...TYPES.map((t) => el("li", {}, el("span", { class: `swatch type-${t}` }), TYPE_STYLE[t].label)),
    el("li", { class: "muted" }, "marker area ∝ headline count"),
  );
}

function unplacedNote(incidents: IncidentSummary[]): HTMLElement | null {
  const unplaced = incidents.filter((i) => !incidentLocation(i)).length;
  return unplaced ? el("p", { class: "muted" }, `${unplaced} incident${unplaced === 1 ? "" : "s"} without coordinates are listed below but not mapped.`) : null;
}

function incidentList(incidents: IncidentSummary[]): HTMLElement {
  if (incidents.length === 0) return el("p", { class: "empty" }, "No incidents match.");
  const rows = [...incidents]
    .sort((a, b) => (b.date?.earliest ?? "").localeCompare(a.date?.earliest ?? ""))
    .map((i) => {
      const headline = headlineCount(i);
      const count = headline ? i.counts.find((c) => c.quantity === headline.quantity)! : null;
      return el(
        "tr",
        { "data-incident": i.id },
        el("td", {}, dateLabel(i.date)),
        el("td", {}, el("span", { class: `badge type-${i.type}` }, TYPE_STYLE[i.type]?.label ?? i.type)),
        el("td", {}, el("a", { href: `#/incidents/${encodeURIComponent(i.id)}` }, i.facility?.name ?? i.place?.name ?? "unknown place")),
        el("td", {}, [i.place?.name, i.place?.country ?? i.facility?.place?.country].filter(Boolean).join(", ")),
        el(
          "td",
          {},
          count ? `${formatRange(count.low, count.best, count.high)} ${QUANTITY_LABEL[count.quantity] ?? count.quantity}` : "",
          isDisputed(i) ? el("span", { class: "badge disputed" }, "disputed") : null,
        ),
        el("td", {}, String(i.documents.length)),
      );
    });
  return el(
    "div",
    {},
    el("h2", {}, `Incidents (${incidents.length})`),
    el(
      "table",
      { class: "incidents" },
      el("thead", {}, el("tr", {}, ...["Date", "Type", "Facility / place", "Where", "Count", "Reports"].map((h) => el("th", {}, h)))),
      el("tbody", {}, ...rows),
    ),
  );
}
