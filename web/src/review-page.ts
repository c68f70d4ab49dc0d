// The review page (#/review, #/review/ID): a person's token entered once for the tab, the queue
// (unreviewed, disputed and thin evidence first), and one incident at a time: confirm or reject
// it, correct its fields with a note, merge it with another, split reports off into a new one,
// mark a report not relevant, with the claims and their sentences beside the form and what each
// review changed below it. Keyboard shortcuts (help with `?`) never fire while typing.
import {
  ApiFailure,
  getDocument,
  getHistory,
  getIncident,
  getReviewQueue,
  listFacilities,
  markNotRelevant,
  mergeIncidents,
  patchIncident,
  reviewIncident,
  reviewToken,
  setReviewToken,
  splitIncident,
  type IncidentView,
  type QueueItem,
  type RevisionView,
} from "./api.ts";
import { el, externalLink, replace } from "./dom.ts";
import { countBlock } from "./incident-page.ts";
import { dateLabel, headlineCount, TYPE_STYLE } from "./incidents.ts";
import { navigate } from "./router.ts";
import { historySection, latestDecision } from "./review-history.ts";
import { flagsBox, helpDialog, tokenForm } from "./review-parts.ts";
import { reviewForm, type ReviewFormView } from "./review-form.ts";
import { actionLabel, formChanged, isContested, markedPieces, nextInQueue, orderQueue, patchFromForm, shortcutFor, valueText, type KnownFacility, type ShortcutAction } from "./review.ts";

/** Incidents fetched into the queue at once: a sitting's work, not the whole database. */
const QUEUE_LIMIT = 200;

/** Kept between incidents of one sitting, so moving through the queue does not refetch or reorder it. */
let queue: QueueItem[] | null = null;
/** How many incidents wait for review in all (the queue shows the first QUEUE_LIMIT). */
let waiting = 0;
let facilities: KnownFacility[] | null = null;
/** Decisions made in this sitting, shown in the queue at once. */
const decided = new Map<string, "confirmed" | "rejected">();
/** A message to show after the page re-renders on a new route (a merge lands on another incident). */
let flash: { text: string; link?: { href: string; label: string } } | null = null;

const typeLabel = (type: string) => TYPE_STYLE[type]?.label ?? type;
const whereOf = (incident: { facility: { name: string } | null; place: { name: string } | null }) => incident.facility?.name ?? incident.place?.name ?? "unknown place";

/** A new sitting: the queue is fetched again, for the token now kept. */
function restart(): void {
  queue = null;
  navigate("#/review");
}

/** Renders the page; returns the cleanup that removes its keyboard listener. */
export async function renderReview(root: HTMLElement, id: string | undefined): Promise<() => void> {
  if (!reviewToken()) {
    replace(root, tokenForm(restart));
    return () => {};
  }
  const status = el("p", { class: "review-status", role: "status", "aria-live": "polite" });
  const alert = el("div", { class: "review-alert error", role: "alert", hidden: true });
  const help = helpDialog();
  const queueNav = el("nav", { class: "review-queue", "aria-label": "Review queue" });
  const panel = el("div", { class: "review-panel" });
  // A hash link would change the route: the skip link moves focus itself.
  const skip = (event: Event) => {
    event.preventDefault();
    (panel.querySelector<HTMLElement>(".review-title") ?? panel).focus();
  };

  try {
    if (!queue || id === undefined) {
      const fetched = await getReviewQueue(QUEUE_LIMIT);
      queue = orderQueue(fetched.items);
      waiting = fetched.total;
    }
    facilities ??= (await listFacilities()).items.map(({ facility }) => ({ id: facility.id, name: facility.name }));
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) {
      setReviewToken(null);
      replace(root, tokenForm(restart, "That token was not accepted: enter it again, or ask an admin for a new one."));
      return () => {};
    }
    throw error;
  }
  const current = id ?? queue[0]?.id ?? null;
  // The first incident's address, without a new history entry or a second render.
  if (id === undefined && current) history.replaceState(null, "", `#/review/${encodeURIComponent(current)}`);

  replace(
    root,
    el(
      "section",
      { class: "review" },
      // The queue comes first on the page: one link takes keyboard users past it to the incident.
      el("a", { class: "skip-link", href: "#" }, "Skip to the incident"),
      el(
        "div",
        { class: "review-head" },
        el("h1", {}, "Review"),
        el(
          "div",
          { class: "review-tools" },
          el("button", { type: "button", class: "link", "data-action": "help", "aria-keyshortcuts": "?" }, "Keyboard shortcuts (?)"),
          el("button", { type: "button", class: "link", "data-action": "forget" }, "Forget token"),
        ),
      ),
      status,
      alert,
      el("div", { class: "review-layout" }, queueNav, panel),
      help,
    ),
  );

  const page = new ReviewSession({ status, alert, help, queueNav, panel, current });
  root.querySelector(".skip-link")!.addEventListener("click", skip);
  root.querySelector("[data-action='help']")!.addEventListener("click", () => page.toggleHelp());
  root.querySelector("[data-action='forget']")!.addEventListener("click", () => {
    setReviewToken(null);
    restart();
  });
  if (flash) page.say(flash.text, flash.link);
  flash = null;
  page.drawQueue();
  await page.load();
  const onKey = (event: KeyboardEvent) => page.onKey(event);
  document.addEventListener("keydown", onKey);
  return () => document.removeEventListener("keydown", onKey);
}

interface Parts {
  status: HTMLElement;
  alert: HTMLElement;
  help: HTMLDialogElement;
  queueNav: HTMLElement;
  panel: HTMLElement;
  current: string | null;
}

/** One incident on screen and what the reviewer can do to it. */
class ReviewSession {
  private view: IncidentView | null = null;
  private history: RevisionView[] = [];
  private form: ReviewFormView | null = null;
  private busy = false;

  constructor(private readonly parts: Parts) {}

  // -- messages ------------------------------------------------------------------------------

  say(text: string, link?: { href: string; label: string }): void {
    replace(this.parts.status, text, link ? " " : null, link ? el("a", { href: link.href }, link.label) : null);
  }

  /** An API failure in words a reviewer can act on; a refusal says which token is missing. */
  fail(error: unknown, doing: string): void {
    let message = error instanceof Error ? error.message : String(error);
    if (error instanceof ApiFailure) {
      message = `${error.message} (HTTP ${error.status}, ${error.code})`;
      if (error.code === "E_WRITES_DISABLED") message = `This server takes no changes: an admin must add users (escapewatch users add) or start it with ESCAPEWATCH_TOKEN. ${message}`;
      else if (error.status === 403) message = `Refused: this token may not ${doing}; that needs a reviewer's or admin's token. The server said: ${message}`;
      else if (error.status === 401) message = `The token was not accepted: use "Forget token" and enter it again. ${message}`;
      else message = `Could not ${doing}: ${message}`;
    }
    this.parts.alert.hidden = false;
    replace(this.parts.alert, el("p", {}, message));
    this.parts.alert.setAttribute("tabindex", "-1");
    this.parts.alert.focus();
  }

  private clearAlert(): void {
    this.parts.alert.hidden = true;
    replace(this.parts.alert);
  }

  // -- the queue -----------------------------------------------------------------------------

  drawQueue(): void {
    const items = queue ?? [];
    replace(
      this.parts.queueNav,
      el("h2", { id: "review-queue-title" }, waiting > items.length ? `Queue (first ${items.length} of ${waiting})` : `Queue (${items.length})`),
      items.length
        ? el(
            "ol",
            { "aria-labelledby": "review-queue-title" },
            ...items.map((item) => {
              const decision = decided.get(item.id) ?? (item.reviewed ? "reviewed" : null);
              const figure = headlineCount(item);
              return el(
                "li",
                { "data-id": item.id, class: decision ? "done" : "" },
                el(
                  "a",
                  { href: `#/review/${encodeURIComponent(item.id)}`, "aria-current": item.id === this.parts.current ? "page" : null },
                  el("span", { class: `badge type-${item.type}` }, typeLabel(item.type)),
                  " ",
                  whereOf(item),
                  el("span", { class: "queue-meta" }, dateLabel(item.date), figure ? ` · ${figure.text}` : ""),
                  isContested(item) ? el("span", { class: "badge disputed" }, "disputed") : null,
                  decision ? el("span", { class: `badge decision ${decision}` }, decision) : null,
                ),
              );
            }),
          )
        : el("p", { class: "muted" }, "Nothing left to review."),
    );
  }

  // -- one incident --------------------------------------------------------------------------

  async load(): Promise<void> {
    const id = this.parts.current;
    if (!id) {
      replace(this.parts.panel, el("p", { class: "muted" }, "The queue is empty: every incident has been reviewed."));
      return;
    }
    try {
      [this.view, this.history] = await Promise.all([getIncident(id), getHistory(id)]);
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 404) return this.drawGone(id);
      throw error;
    }
    this.draw();
  }

  /** An incident that left the data (rejected, merged away, left without reports): its history still tells why. */
  private async drawGone(id: string): Promise<void> {
    this.view = null;
    this.form = null;
    const history = await getHistory(id).catch(() => [] as RevisionView[]);
    const last = [...history].sort((a, b) => b.version - a.version)[0];
    // What it was, from the revision that removed it (its fields' "before").
    const was = (field: string) => last?.changes.find((c) => c.field === field)?.before;
    const what = typeof was("type") === "string" ? `${typeLabel(was("type") as string)} at ${valueText(was("facility") ?? was("place"))}` : `Incident ${id}`;
    const heading = el("h2", { class: "review-title", tabindex: -1 }, `${what} is no longer in the data`, last ? el("span", { class: `badge decision ${last.action}` }, `${actionLabel(last.action)} by ${last.by ?? "escapewatch"}`) : null);
    const next = el("button", { type: "button", "data-action": "next", "aria-keyshortcuts": "j" }, "Next ", el("kbd", {}, "j"));
    next.addEventListener("click", () => void this.run("next"));
    replace(
      this.parts.panel,
      el(
        "article",
        { class: "review-incident gone", "data-id": id },
        heading,
        el("p", { class: "muted" }, history.length ? "It was rejected, merged into another incident or left without reports; its history stays." : "No incident with this id was ever stored."),
        el("div", { class: "review-decide" }, next),
        history.length ? historySection(history) : null,
      ),
    );
    heading.focus();
  }

  private draw(): void {
    const { incident, documents, derivedFrom } = this.view!;
    const titles = new Map(documents.map((d) => [d.id, d.title ?? d.id]));
    // The incident's own review state, else the history's latest decision.
    const decision = latestDecision(this.history) ?? (incident.review ? { action: incident.review.action, by: incident.review.by } : null);
    this.form = reviewForm(incident, facilities ?? []);
    this.form.element.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.save();
    });
    const heading = el(
      "h2",
      { class: "review-title", tabindex: -1 },
      el("span", { class: `badge type-${incident.type}` }, typeLabel(incident.type)),
      " ",
      whereOf(incident),
      isContested(incident) ? el("span", { class: "badge disputed" }, "disputed") : null,
      decision ? el("span", { class: `badge decision ${decision.action}` }, `${actionLabel(decision.action)} by ${decision.by}`) : null,
    );
    const button = (action: string, label: string, key: string) =>
      el("button", { type: "button", "data-action": action, "aria-keyshortcuts": key }, label, " ", el("kbd", {}, key));
    const decide = el("div", { class: "review-decide", role: "group", "aria-label": "Decision" }, button("confirm", "Confirm", "c"), button("reject", "Reject", "x"), button("next", "Next", "j"));
    decide.addEventListener("click", (event) => {
      const action = (event.target as HTMLElement).closest("button")?.getAttribute("data-action") as ShortcutAction | null;
      if (action) void this.run(action);
    });
    replace(
      this.parts.panel,
      el(
        "article",
        { class: "review-incident", "data-id": incident.id },
        heading,
        el("p", { class: "muted review-meta" }, `${dateLabel(incident.date)} · ${documents.length} report${documents.length === 1 ? "" : "s"} · id `, el("code", {}, incident.id), " · ", el("a", { href: `#/incidents/${encodeURIComponent(incident.id)}` }, "public page")),
        decide,
        flagsBox(incident.review),
        el(
          "div",
          { class: "review-columns" },
          this.form.element,
          el(
            "section",
            { class: "review-evidence", "aria-labelledby": "review-evidence-title" },
            el("h3", { id: "review-evidence-title" }, "Claims and their sentences"),
            incident.counts.length ? el("div", { class: "counts" }, ...incident.counts.map((c) => countBlock(c, titles, derivedFrom))) : el("p", { class: "muted" }, "No figures reported."),
          ),
        ),
        historySection(this.history),
        this.reportsSection(),
        this.mergeSection(),
      ),
    );
    heading.focus();
  }

  /** The reports: each may be marked not relevant, or checked to split off into a new incident. */
  private reportsSection(): HTMLElement {
    const { documents, incident } = this.view!;
    const newSince = new Set(incident.review?.newDocuments ?? []);
    const list = el(
      "ul",
      { class: "review-reports" },
      ...documents.map((d) => {
        const box = el("input", { type: "checkbox", id: `move-${d.id}`, value: d.id, name: "move" });
        const notRelevant = el("button", { type: "button", class: "small", "data-document": d.id }, "Not relevant");
        notRelevant.addEventListener("click", () => void this.notRelevant(d.id, d.title ?? d.id));
        return el(
          "li",
          { "data-document": d.id },
          box,
          el("label", { for: box.id }, d.title ?? d.id),
          newSince.has(d.id) ? el("span", { class: "badge new-since", title: "joined the incident after its latest review" }, "new since review") : null,
          " ",
          el("span", { class: "muted" }, d.published ?? "undated"),
          " ",
          el("a", { href: `#/documents/${encodeURIComponent(d.id)}` }, "read"),
          d.url ? " · " : null,
          d.url ? externalLink(d.url, "source") : null,
          " ",
          notRelevant,
          this.reportText(d.id),
        );
      }),
    );
    const split = el("button", { type: "button", "data-action": "split" }, "Move the checked reports to a new incident");
    split.addEventListener("click", () => {
      const moved = Array.from(list.querySelectorAll<HTMLInputElement>("input[name='move']:checked"), (box) => box.value);
      void this.split(moved);
    });
    return el(
      "section",
      { class: "review-split", "aria-labelledby": "review-reports-title" },
      el("h3", { id: "review-reports-title" }, `Reports (${documents.length})`),
      el("p", { class: "muted" }, "Check the reports about another event and move them to a new incident, or mark a report that is not about a detention facility. Both take the note above."),
      list,
      documents.length > 1 ? split : null,
    );
  }

  /** The report's text, fetched when opened, with this incident's claim sentences marked (as text, never markup). */
  private reportText(documentId: string): HTMLElement {
    const spans = this.view!.incident.counts.flatMap((c) => c.claims).filter((claim) => claim.document === documentId);
    const body = el("div", { class: "doc-text" }, el("p", { class: "muted" }, "Loading…"));
    const details = el("details", { class: "report-text" }, el("summary", {}, `Text, with ${spans.length} claim${spans.length === 1 ? "" : "s"} marked`), body);
    details.addEventListener("toggle", async () => {
      if (!details.open || details.dataset.loaded) return;
      details.dataset.loaded = "yes";
      try {
        const doc = await getDocument(documentId);
        replace(body, ...markedPieces(doc.text, spans).map((piece) => (piece.marked ? el("mark", { class: "claim-hl" }, piece.text) : piece.text)));
      } catch (error) {
        replace(body, el("p", { class: "error" }, `Could not load the report: ${error instanceof Error ? error.message : String(error)}`));
      }
    });
    return details;
  }

  private mergeSection(): HTMLElement {
    const id = this.view!.incident.id;
    const others = (queue ?? []).filter((item) => item.id !== id);
    const input = el("input", { type: "text", id: "merge-with", autocomplete: "off", list: "merge-candidates", "aria-describedby": "merge-hint" });
    const form = el(
      "form",
      { class: "review-merge", "aria-labelledby": "review-merge-title" },
      el("h3", { id: "review-merge-title" }, "Merge with another incident"),
      el("label", { for: "merge-with" }, "The other incident's id"),
      input,
      el("datalist", { id: "merge-candidates" }, ...others.map((item) => el("option", { value: item.id }, `${typeLabel(item.type)}, ${whereOf(item)}, ${dateLabel(item.date)}`))),
      el("p", { class: "field-hint", id: "merge-hint" }, "Both become one incident with every report of each; the note above says why."),
      el("button", { type: "submit" }, "Merge"),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.merge(input.value.trim());
    });
    return form;
  }

  // -- actions -------------------------------------------------------------------------------

  /** Runs one action at a time; failures go to the alert, successes to the status line. */
  private async guarded(doing: string, work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.clearAlert();
    this.parts.panel.setAttribute("aria-busy", "true");
    try {
      await work();
    } catch (error) {
      this.fail(error, doing);
    } finally {
      this.busy = false;
      this.parts.panel.setAttribute("aria-busy", "false");
    }
  }

  /** The note, or null after telling the reviewer it is needed. */
  private requireNote(doing: string): string | null {
    const note = this.form?.note.value.trim() ?? "";
    if (note) return note;
    this.form?.showErrors([{ field: "note", message: `Say why in the note before you ${doing}.` }]);
    return null;
  }

  private async reload(message: string, link?: { href: string; label: string }): Promise<void> {
    await this.load();
    // The queue shows the incident as it now is (a corrected facility, a new figure).
    const fresh = this.view?.incident;
    const item = fresh && queue?.find((q) => q.id === fresh.id);
    if (fresh && item) Object.assign(item, { type: fresh.type, status: fresh.status, facility: fresh.facility, place: fresh.place, date: fresh.date, counts: fresh.counts.map((c) => ({ ...c, claims: c.claims.length })) });
    this.drawQueue();
    this.say(message, link);
  }

  private async save(): Promise<void> {
    if (!this.view || !this.form) return;
    const result = patchFromForm(this.view.incident, this.form.read(), facilities ?? []);
    if (!result.ok) return this.form.showErrors(result.errors);
    await this.guarded("save the correction", async () => {
      await patchIncident(this.view!.incident.id, result.body);
      await this.reload("Correction saved. Confirm it with c, or go on with j.");
    });
  }

  /** Confirm saves a pending correction first, so what is confirmed is what the reviewer sees. */
  private async decide(action: "confirm" | "reject"): Promise<void> {
    if (!this.view || !this.form) return;
    const incident = this.view.incident;
    const typed = this.form.read();
    // Confirm saves a pending correction first (refused while it has errors); reject leaves the form aside.
    const pending = action === "confirm" && formChanged(incident, typed, facilities ?? []) ? patchFromForm(incident, typed, facilities ?? []) : null;
    if (pending && !pending.ok) return this.form.showErrors(pending.errors);
    await this.guarded(`${action} this incident`, async () => {
      if (pending?.ok) await patchIncident(incident.id, pending.body);
      await reviewIncident(incident.id, action, typed.note.trim() || undefined);
      decided.set(incident.id, action === "confirm" ? "confirmed" : "rejected");
      const item = queue?.find((q) => q.id === incident.id);
      if (item) item.reviewed = true;
      await this.reload(`${action === "confirm" ? "Confirmed" : "Rejected"}. Press j for the next incident.`);
    });
  }

  private async merge(other: string): Promise<void> {
    if (!this.view) return;
    const id = this.view.incident.id;
    if (!other || other === id) return this.fail(new Error("Enter the id of another incident to merge with."), "merge");
    const note = this.requireNote("merge");
    if (!note) return;
    await this.guarded("merge these incidents", async () => {
      const merged = await mergeIncidents([id, other], note);
      // The merged incident takes the first one's place in the queue; the other leaves it.
      queue = (queue ?? []).filter((q) => q.id !== other).map((q) => (q.id === id ? { ...q, id: merged.id } : q));
      flash = { text: `Merged ${id} and ${other} into ${merged.id}.` };
      navigate(`#/review/${encodeURIComponent(merged.id)}`);
    });
  }

  private async split(documents: string[]): Promise<void> {
    if (!this.view) return;
    if (documents.length === 0) return this.fail(new Error("Check the reports to move first."), "split");
    if (documents.length === this.view.documents.length) return this.fail(new Error("Leave at least one report with this incident: a split moves some of its reports, not all."), "split");
    const note = this.requireNote("split");
    if (!note) return;
    await this.guarded("split this incident", async () => {
      const created = await splitIncident(this.view!.incident.id, documents, note);
      const at = (queue ?? []).findIndex((q) => q.id === this.parts.current);
      const summary = { ...queue![at], id: created.id, reviewed: false };
      if (queue && at >= 0) queue.splice(at + 1, 0, summary);
      await this.reload(`Split: ${documents.length} report${documents.length === 1 ? "" : "s"} moved to a new incident.`, { href: `#/review/${encodeURIComponent(created.id)}`, label: `Open ${created.id}` });
    });
  }

  private async notRelevant(documentId: string, title: string): Promise<void> {
    const note = this.requireNote("mark a report not relevant");
    if (!note) return;
    await this.guarded("mark the report not relevant", async () => {
      await markNotRelevant(documentId, note);
      await this.reload(`"${title}" is marked not relevant; its incidents no longer count it.`);
    });
  }

  // -- keyboard ------------------------------------------------------------------------------

  onKey(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.repeat) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    const action = shortcutFor({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      targetTag: target?.tagName,
      targetType: target?.getAttribute("type"),
      targetEditable: target?.isContentEditable,
    });
    if (!action) return;
    // While the help is open only help and close act: it is a modal dialog.
    if (this.parts.help.open && action !== "help" && action !== "close") return;
    event.preventDefault();
    void this.run(action);
  }

  async run(action: ShortcutAction): Promise<void> {
    switch (action) {
      case "confirm":
      case "reject":
        return this.decide(action);
      case "next":
      case "previous": {
        const next = nextInQueue(queue ?? [], this.parts.current, action === "next" ? 1 : -1);
        if (next && next !== this.parts.current) navigate(`#/review/${encodeURIComponent(next)}`);
        return;
      }
      case "edit":
        return this.form?.focusFirst();
      case "help":
        return this.toggleHelp();
      case "close":
        if (this.parts.help.open) this.parts.help.close();
        return;
    }
  }

  toggleHelp(): void {
    if (this.parts.help.open) this.parts.help.close();
    else this.parts.help.showModal();
  }
}
