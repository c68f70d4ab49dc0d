// What reviews changed, from GET /api/incidents/:id/history: each person's revision as a table of
// field, before and after (values as text, never markup), newest first; the pipeline's own
// revisions folded away below them.
import { el } from "./dom.ts";
import type { RevisionView } from "./api.ts";
import { actionLabel, byPerson, diffRows } from "./review.ts";

/** "2026-11-30 02:14 UTC": minutes are enough to tell revisions apart for a reader. */
const when = (at: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(at) ? `${at.slice(0, 10)} ${at.slice(11, 16)} UTC` : at);

function revisionBlock(revision: RevisionView): HTMLElement {
  const rows = diffRows(revision);
  return el(
    "section",
    { class: "revision", "data-version": revision.version, "data-action": revision.action },
    el(
      "h4",
      {},
      `Version ${revision.version}: ${actionLabel(revision.action)}`,
      el("span", { class: "muted" }, ` by ${revision.by ?? "escapewatch"}, ${when(revision.at)}`),
    ),
    revision.note ? el("p", { class: "revision-note" }, "Note: ", el("q", {}, revision.note)) : null,
    rows.length
      ? el(
          "table",
          { class: "diff" },
          el("caption", { class: "visually-hidden" }, `Changes in version ${revision.version}`),
          el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Field"), el("th", { scope: "col" }, "Before"), el("th", { scope: "col" }, "After"))),
          el(
            "tbody",
            {},
            ...rows.map((row) =>
              el("tr", { "data-field": row.field }, el("th", { scope: "row" }, row.label), el("td", {}, el("del", {}, row.before)), el("td", {}, el("ins", {}, row.after))),
            ),
          ),
        )
      : null,
  );
}

/** The review history section: people's revisions open, the pipeline's in a fold. */
export function historySection(history: RevisionView[]): HTMLElement {
  const newestFirst = [...history].sort((a, b) => b.version - a.version);
  const people = newestFirst.filter(byPerson);
  const automatic = newestFirst.filter((r) => !byPerson(r));
  return el(
    "section",
    { class: "review-history", "aria-labelledby": "review-history-title" },
    el("h3", { id: "review-history-title" }, "What reviews changed"),
    people.length ? el("div", { class: "revisions" }, ...people.map(revisionBlock)) : el("p", { class: "muted" }, "No person has reviewed this incident yet."),
    automatic.length
      ? el("details", { class: "fold" }, el("summary", {}, `${automatic.length} automatic revision${automatic.length === 1 ? "" : "s"}`), ...automatic.map(revisionBlock))
      : null,
  );
}

/** The latest decision a person made (confirm or reject), for the badge at the top. */
export function latestDecision(history: RevisionView[]): RevisionView | null {
  return [...history].sort((a, b) => b.version - a.version).find((r) => byPerson(r) && (r.action === "confirm" || r.action === "reject")) ?? null;
}
