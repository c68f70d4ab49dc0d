// New alerts since the reader's last visit: a badge in the top bar and the list behind it. The
// server time the reader has seen alerts up to is kept in localStorage, so each visit shows only
// the alerts queued after the previous one (GET /api/alerts?since=).
import { getJson, type AlertList } from "./api.ts";
import { el } from "./dom.ts";

export const ALERTS_SEEN_KEY = "escapewatch.alertsSeenAt";
/** The server lists at most this many (RECENT_ALERTS_LIMIT): a full list may hide older ones. */
const LISTED_AT_MOST = 50;

function shortTime(iso: string): string {
  return `${iso.replace("T", " ").slice(0, 16)} UTC`;
}

/** Adds the badge to `bar`; a server that refuses the list (a private one before its token) shows none. */
export async function mountAlerts(bar: Element): Promise<void> {
  const seen = localStorage.getItem(ALERTS_SEEN_KEY);
  let list: AlertList;
  try {
    list = await getJson<AlertList>(`/api/alerts${seen ? `?since=${encodeURIComponent(seen)}` : ""}`);
  } catch {
    return;
  }
  // 1. What this visit shows is seen from now on: the next visit starts after the newest of it.
  const newest = list.items[0]?.createdAt;
  localStorage.setItem(ALERTS_SEEN_KEY, newest && newest > list.now ? newest : list.now);
  // 2. The badge and its list; every string is text (headlines come from reports).
  const count = list.items.length;
  const panel = el(
    "section",
    { class: "alerts-panel", hidden: true, "aria-label": "New alerts" },
    count === 0
      ? el("p", { class: "muted" }, seen ? `No new alerts since ${shortTime(seen)}.` : "No alerts in the last week.")
      : el(
          "ul",
          {},
          ...list.items.map((alert) =>
            el(
              "li",
              { "data-rule": alert.rule },
              el("span", { class: "muted" }, `${shortTime(alert.createdAt)} · ${alert.rule} · ${alert.change} `),
              el("a", { href: `#/incidents/${encodeURIComponent(alert.incident)}` }, alert.headline),
            ),
          ),
        ),
  );
  const label = count === 0 ? "No new alerts" : `${count}${count >= LISTED_AT_MOST ? "+" : ""} new alert${count === 1 ? "" : "s"}`;
  const badge = el("button", { type: "button", class: count ? "alerts-badge new" : "alerts-badge", "data-new": count, "aria-expanded": "false" }, label);
  badge.addEventListener("click", () => {
    panel.hidden = !panel.hidden;
    badge.setAttribute("aria-expanded", String(!panel.hidden));
  });
  bar.append(badge);
  bar.closest("header")?.after(panel);
  // Following an alert to its incident folds the list away.
  panel.addEventListener("click", (event) => {
    if (!(event.target as Element).closest("a")) return;
    panel.hidden = true;
    badge.setAttribute("aria-expanded", "false");
  });
}
