// A facility: who held it from when, escaped/recaptured/at large over time, and its incidents.
import { getFacility } from "./api.ts";
import { el, replace } from "./dom.ts";
import { TYPE_STYLE, dateLabel, formatRange, QUANTITY_LABEL } from "./incidents.ts";

export async function renderFacility(root: HTMLElement, id: string): Promise<void> {
  const view = await getFacility(id);
  const place = view.facility.place;
  const figures = [...view.population, ...view.movements].sort((a, b) => (a.date?.earliest ?? "9999").localeCompare(b.date?.earliest ?? "9999"));
  replace(
    root,
    el(
      "article",
      { class: "facility" },
      el("h1", {}, view.facility.name, " ", el("span", { class: "muted" }, `(${view.facility.kind.replace("_", " ")})`)),
      place ? el("p", { class: "meta" }, [place.name, place.admin1, place.country].filter(Boolean).join(", ")) : null,
      view.alsoMatched.length ? el("p", { class: "muted" }, `Also matched: ${view.alsoMatched.map((f) => f.name).join(", ")}`) : null,
      el("h2", {}, "Held by"),
      view.holders.length
        ? el(
            "table",
            { class: "holders" },
            el("thead", {}, el("tr", {}, ...["From", "Until", "Holder", "Evidence"].map((h) => el("th", {}, h)))),
            el(
              "tbody",
              {},
              ...view.holders.map((period) =>
                el(
                  "tr",
                  {},
                  el("td", {}, period.from ?? "undated"),
                  el("td", {}, period.until ?? "—"),
                  el("td", {}, period.holder),
                  el(
                    "td",
                    {},
                    ...period.evidence.flatMap((e, i) => [
                      i > 0 ? ", " : null,
                      e.incident
                        ? el("a", { href: `#/incidents/${encodeURIComponent(e.incident)}` }, "control change")
                        : el("a", { href: `#/documents/${encodeURIComponent(e.document)}${e.start !== undefined ? `?hl=${e.start}-${e.end}` : ""}` }, "statement"),
                    ]),
                  ),
                ),
              ),
            ),
          )
        : el("p", { class: "muted" }, "No statement of who holds it."),
      el("h2", {}, "Held, escaped, recaptured and at large over time"),
      figures.length
        ? el(
            "table",
            { class: "timeline-table" },
            el("thead", {}, el("tr", {}, ...["Date", "Incident", "Figure", "Count", ""].map((h) => el("th", {}, h)))),
            el(
              "tbody",
              {},
              ...figures.map((f) =>
                el(
                  "tr",
                  {},
                  el("td", {}, dateLabel(f.date)),
                  el("td", {}, el("a", { href: `#/incidents/${encodeURIComponent(f.incident)}` }, TYPE_STYLE[f.type]?.label ?? f.type)),
                  el("td", {}, QUANTITY_LABEL[f.quantity] ?? f.quantity),
                  el("td", {}, formatRange(f.low, f.best, f.high)),
                  el(
                    "td",
                    {},
                    f.disputed ? el("span", { class: "badge disputed" }, "disputed") : null,
                    f.derived ? el("span", { class: "badge derived" }, "derived") : null,
                  ),
                ),
              ),
            ),
          )
        : el("p", { class: "muted" }, "No figures reported."),
      el("h2", {}, `Incidents (${view.incidents.length})`),
      el(
        "ul",
        {},
        ...view.incidents.map((i) =>
          el("li", {}, el("a", { href: `#/incidents/${encodeURIComponent(i.id)}` }, `${TYPE_STYLE[i.type]?.label ?? i.type}, ${dateLabel(i.date)}`)),
        ),
      ),
    ),
  );
}
