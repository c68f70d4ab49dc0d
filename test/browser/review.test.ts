// The review page as a reviewer uses it, in Debian's Chromium, against the real server over the
// bundled sample reports, with people's tokens made by `escapewatch users add`: the token asked
// once and kept out of the address, the queue's order, a count and the facility corrected with a
// note, confirmed by keyboard, the next incident rejected, merge, split and a report marked not
// relevant, each checked through the API (the change and its history hold) and on the page (the
// diff); a reader's write refused and the page saying so; the layout at a phone's 390 px.
// Screenshots go to screenshots/ (git-ignored).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { ingestPaths, ingestRecord } from "../../src/ingest/pipeline.ts";
import { updateIncidents } from "../../src/incidents/update.ts";
import { createApp } from "../../src/server/app.ts";
import { listen, type RunningServer } from "../../src/server/listen.ts";
import { ensureDashboard } from "../../src/server/dashboard.ts";
import { REPO_ROOT, SAMPLES_DIR, WEB_DIST } from "../../src/server/paths.ts";
import { runCli } from "../../src/cli/testing.ts";
import { editableCounts, orderQueue, type Revision } from "../../web/src/review.ts";
import type { IncidentView, QueueItem } from "../../web/src/api.ts";
import { dashboardStale } from "./stale.ts";

const CHROMIUM = "/usr/bin/chromium";
const SKIP = existsSync(CHROMIUM) ? false : "chromium not installed: apt-get install -y chromium";
const SCREENSHOTS = join(REPO_ROOT, "screenshots");
const WAIT_MS = 20_000;
const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** A report of our own whose title and text carry markup: the page must show it as text. */
const IMG_PAYLOAD = '<img src=x onerror="window.__pwned=1">';
const SCRIPT_PAYLOAD = "<script>window.__pwned=1</script>";
const MARKUP_REPORT = {
  id: "markup-report",
  origin: "review.test",
  url: "https://wire.example/markup-report",
  title: `Prison break near Mosul ${IMG_PAYLOAD}`,
  published: "2025-02-04",
  text:
    `Prison break near Mosul ${IMG_PAYLOAD}\n\nMOSUL, Iraq, Feb 3 — Gunmen attacked Badush prison near Mosul on Monday night and 14 inmates escaped ` +
    `${IMG_PAYLOAD} during the fighting, police said ${SCRIPT_PAYLOAD}.\n\nSecurity forces closed the roads around the prison.`,
  html: null,
};

/** The token `users add` printed: the one long word of its output. */
function tokenIn(output: string): string {
  const token = output.split(/\s+/).filter((word) => /^[\w.~+/=-]{20,}$/.test(word)).at(-1);
  assert.ok(token, `users add printed a token: ${output}`);
  return token;
}

describe("the review page as a reviewer uses it", { skip: SKIP }, () => {
  let dir: string;
  let db: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let reviewer: string;
  let reader: string;
  const pageErrors: string[] = [];

  before(async () => {
    await ensureDashboard({ force: dashboardStale() });
    dir = mkdtempSync(join(tmpdir(), "escapewatch-review-"));
    mkdirSync(SCREENSHOTS, { recursive: true });
    db = join(dir, "review.db");
    store = await openStore(db);
    await ingestPaths(store, [SAMPLES_DIR]);
    assert.equal((await ingestRecord(store, MARKUP_REPORT)).status, "new");
    await updateIncidents(store);
    const [made, madeReader] = [await runCli(["users", "add", "alice", "--role", "reviewer", "--db", db]), await runCli(["users", "add", "rita", "--role", "reader", "--db", db])];
    assert.equal(made.status, 0, made.err);
    assert.equal(madeReader.status, 0, madeReader.err);
    [reviewer, reader] = [tokenIn(made.out), tokenIn(madeReader.out)];
    server = await listen(createApp({ store, webRoot: WEB_DIST }), { port: 0, host: "127.0.0.1" });
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function newPage(width = 1280, height = 1000): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height } });
    page.setDefaultTimeout(WAIT_MS);
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      // Refusals (401, 403) and a rejected incident that left the data (404) are answers the page shows, not faults.
      if (message.type() === "error" && !/status of 40[134]/.test(message.text())) pageErrors.push(message.text());
    });
    return page;
  }

  async function api<T>(path: string, token = reviewer, init: RequestInit = {}): Promise<{ status: number; body: T }> {
    const response = await fetch(`${server.url}${path.replace(/^\//, "")}`, { ...init, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...init.headers } });
    return { status: response.status, body: (await response.json()) as T };
  }
  const incident = async (id: string) => (await api<IncidentView>(`/api/incidents/${encodeURIComponent(id)}`)).body.incident;
  const history = async (id: string) => {
    const { status, body } = await api<{ revisions: Revision[] }>(`/api/incidents/${encodeURIComponent(id)}/history`);
    assert.equal(status, 200, `history of ${id}`);
    return body.revisions;
  };
  const queueFromApi = async () => {
    const { body } = await api<{ total: number; items: QueueItem[] }>("/api/review/queue?limit=200");
    return body.items;
  };

  /** Opens the review page in a fresh tab and enters `token` in its form. */
  async function signIn(token: string, width?: number, height?: number): Promise<Page> {
    const page = await newPage(width, height);
    await page.goto(`${server.url}#/review`);
    await page.getByLabel("Your review token").fill(token);
    await page.keyboard.press("Enter");
    await page.waitForSelector(".review-incident h2");
    return page;
  }
  const currentId = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash.replace(/^#\/review\//, "")));
  /** Waits for the status line to say `pattern` (every action ends by saying what it did). */
  const statusSays = (page: Page, pattern: RegExp) => page.waitForFunction((source) => new RegExp(source).test(document.querySelector(".review-status")?.textContent ?? ""), pattern.source);

  let shared: Page;

  test("the token is asked once per tab and never enters the address", async () => {
    shared = await signIn(reviewer);
    const url = shared.url();
    assert.ok(!url.includes(reviewer), "the token is not in the URL");
    assert.equal(await shared.evaluate(() => sessionStorage.getItem("escapewatch.reviewToken")), reviewer);
    await shared.reload();
    await shared.waitForSelector(".review-incident h2");
    assert.equal(await shared.locator("#review-token").count(), 0, "not asked again in the same tab");
    await shared.screenshot({ path: join(SCREENSHOTS, "review-desktop.png"), fullPage: true });
  });

  test("the queue lists unreviewed incidents, disputed and thin evidence first", async () => {
    const fromApi = await queueFromApi();
    assert.ok(fromApi.length >= 5, `queue of ${fromApi.length}`);
    assert.ok(fromApi.every((item) => !item.reviewed), "nothing is reviewed yet");
    const shown = await shared.locator(".review-queue li").evaluateAll((items) => items.map((li) => li.getAttribute("data-id")));
    assert.deepEqual(shown, orderQueue(fromApi).map((item) => item.id));
    assert.ok(fromApi.find((i) => i.id === shown[0])!.disputed, "a disputed incident leads");
    assert.equal(await currentId(shared), shown[0], "the page opens on the first in the queue");
  });

  test("shortcut letters typed in a field stay in the field", async () => {
    const id = await currentId(shared);
    const note = shared.getByLabel("Note: why (required for every change)");
    await note.fill("");
    await note.pressSequentially("check xj nkc ?");
    assert.equal(await note.inputValue(), "check xj nkc ?");
    assert.equal(await currentId(shared), id, "j and n did not move on");
    assert.equal(await shared.locator("dialog.review-help[open]").count(), 0, "? did not open the help");
    assert.equal((await history(id)).filter((r) => r.by === "alice").length, 0, "c and x did not decide");
    await note.fill("");
  });

  test("a count and the facility are corrected with a note, confirmed by keyboard, and the diff is shown", async () => {
    // The first queued incident with a figure a person can correct.
    const queue = await queueFromApi();
    const target = orderQueue(queue).find((item) => editableCounts(item).length > 0 && item.facility);
    assert.ok(target, "a queued incident with a figure and a facility");
    await shared.locator(`.review-queue li[data-id='${target.id}'] a`).click();
    await shared.waitForFunction((id) => document.querySelector(".review-incident")?.getAttribute("data-id") === id, target.id);
    const before = await incident(target.id);
    const count = editableCounts(before)[0];
    const corrected = count.best + 7;
    const facilities = (await api<{ items: Array<{ facility: { id: string; name: string } }> }>("/api/facilities")).body.items.map((f) => f.facility);
    const otherFacility = facilities.find((f) => f.id !== before.facility?.id)!;

    const fieldset = shared.locator(`fieldset[data-count='${count.quantity}']`);
    await fieldset.getByLabel("Best").fill(String(corrected));
    await fieldset.getByLabel("Low").fill(String(corrected));
    await fieldset.getByLabel("High").fill(String(corrected));
    await shared.getByLabel("Facility").fill(otherFacility.name);
    // Without a note the form refuses, names the field and moves focus to it.
    await shared.getByRole("button", { name: "Save correction" }).click();
    assert.match((await shared.locator(".field-note .field-error").textContent())!, /why/);
    assert.equal(await shared.evaluate(() => document.activeElement?.getAttribute("name")), "note");
    await shared.getByLabel("Note: why (required for every change)").fill("The prison service's statement gives the figure; the facility was misread.");
    await shared.getByRole("button", { name: "Save correction" }).click();
    await statusSays(shared, /Correction saved/);

    // Focus is on the incident's heading, not in a field: the letter confirms.
    await shared.keyboard.press("c");
    await statusSays(shared, /Confirmed/);
    const after = await incident(target.id);
    const afterCount = editableCounts(after).find((c) => c.quantity === count.quantity)!;
    assert.deepEqual([afterCount.low, afterCount.best, afterCount.high], [corrected, corrected, corrected]);
    assert.equal(after.facility?.id, otherFacility.id);

    const revisions = (await history(target.id)).filter((r) => r.by === "alice");
    assert.ok(revisions.some((r) => r.action === "confirm"), JSON.stringify(revisions));
    const edit = revisions.find((r) => r.changes.some((c) => /count/.test(c.field)));
    assert.ok(edit, `an edit revision: ${JSON.stringify(revisions)}`);
    assert.match(edit.note ?? "", /prison service/);
    assert.ok(edit.changes.some((c) => /facility/.test(c.field)), "the facility change is in the same revision");

    // The page shows the diff: the figure and the facility, before and after.
    const diff = shared.locator(".review-history .revision table.diff");
    await diff.first().waitFor();
    const text = (await shared.locator(".review-history").textContent())!;
    assert.ok(text.includes(String(corrected).replace(/\B(?=(\d{3})+$)/g, ",")), `the new figure in the diff: ${text}`);
    assert.ok(text.includes(otherFacility.name), "the new facility in the diff");
    assert.ok(before.facility && text.includes(before.facility.name), "the old facility in the diff");
    assert.match(text, /by alice/);
    assert.match((await shared.locator(".review-title").textContent())!, /confirmed by alice/);
    assert.equal(await shared.locator(`.review-queue li[data-id='${target.id}'] .badge.decision`).textContent(), "confirmed");
    await shared.screenshot({ path: join(SCREENSHOTS, "review-corrected.png"), fullPage: true });
  });

  test("j goes to the next incident; x rejects it", async () => {
    const from = await currentId(shared);
    await shared.keyboard.press("j");
    await shared.waitForFunction((id) => {
      const shown = document.querySelector(".review-incident")?.getAttribute("data-id");
      return shown && shown !== id;
    }, from);
    const next = await currentId(shared);
    assert.notEqual(next, from);
    await shared.keyboard.press("x");
    await statusSays(shared, /Rejected/);
    const revisions = (await history(next)).filter((r) => r.by === "alice");
    assert.ok(revisions.some((r) => r.action === "reject"), JSON.stringify(revisions));
    assert.equal(await shared.locator(`.review-queue li[data-id='${next}'] .badge.decision`).textContent(), "rejected");
    // A rejected incident leaves the data; the page keeps its history, with the rejection and who made it.
    assert.match((await shared.locator(".review-incident").textContent())!, /rejected by alice/);
    await shared.screenshot({ path: join(SCREENSHOTS, "review-rejected.png") });
    const queue = await queueFromApi();
    assert.ok(!queue.some((item) => item.id === next && !item.reviewed), "a rejected incident leaves the unreviewed queue");
  });

  test("? shows the shortcuts; Escape closes them", async () => {
    await shared.locator(".review-title").focus();
    await shared.keyboard.press("?");
    await shared.waitForSelector("dialog.review-help[open]");
    assert.match((await shared.locator("dialog.review-help").textContent())!, /confirm this incident/);
    await shared.keyboard.press("Escape");
    await shared.waitForSelector("dialog.review-help:not([open])", { state: "attached" });
  });

  test("a reader's token reads the queue but its writes are refused, and the page says so", async () => {
    const page = await signIn(reader);
    const id = await currentId(page);
    const before = await history(id);
    await page.keyboard.press("c");
    const alert = page.locator(".review-alert");
    await alert.waitFor({ state: "visible" });
    const said = (await alert.textContent())!;
    assert.match(said, /Refused/);
    assert.match(said, /403/);
    assert.equal((await history(id)).length, before.length, "nothing was recorded");
    const direct = await api<{ error: { code: string } }>(`/api/incidents/${encodeURIComponent(id)}/review`, reader, { method: "POST", body: JSON.stringify({ action: "confirm" }) });
    assert.equal(direct.status, 403);
    await page.screenshot({ path: join(SCREENSHOTS, "review-reader-refused.png") });
    await page.close();
  });

  test("reports split off into a new incident, two incidents merged, a report marked not relevant", async () => {
    // Split: an incident told by two reports keeps one and the other starts a new incident.
    const queue = orderQueue(await queueFromApi());
    const full = await Promise.all(queue.map((item) => incident(item.id)));
    const twoReports = full.find((i) => i.documents.length >= 2);
    assert.ok(twoReports, "an incident with two reports");
    await shared.goto(`${server.url}#/review/${encodeURIComponent(twoReports.id)}`);
    await shared.waitForFunction((id) => document.querySelector(".review-incident")?.getAttribute("data-id") === id, twoReports.id);
    const moved = twoReports.documents[1];
    await shared.locator(`.review-reports li[data-document='${moved}'] input[type='checkbox']`).check();
    await shared.getByLabel("Note: why (required for every change)").fill("The second report describes a separate break-out a day later.");
    await shared.getByRole("button", { name: "Move the checked reports to a new incident" }).click();
    await statusSays(shared, /Split/);
    const split = await shared.locator(".review-status a").getAttribute("href");
    const newId = decodeURIComponent(split!.replace(/^#\/review\//, ""));
    assert.ok((await incident(newId)).documents.includes(moved), "the new incident has the moved report");
    assert.ok(!(await incident(twoReports.id)).documents.includes(moved), "the old one lost it");

    // Merge it back by id.
    await shared.getByLabel("Note: why (required for every change)").fill("On reflection the same event.");
    await shared.getByLabel("The other incident's id").fill(newId);
    await shared.getByRole("button", { name: "Merge", exact: true }).click();
    await statusSays(shared, /Merged/);
    const mergedId = await currentId(shared);
    assert.deepEqual([...(await incident(mergedId)).documents].sort(), [...twoReports.documents].sort());
    assert.ok((await history(mergedId)).some((r) => r.by === "alice" && r.action === "merge"));

    // Not relevant: the report leaves its incidents.
    const notRelevant = twoReports.documents[0];
    await shared.getByLabel("Note: why (required for every change)").fill("An opinion piece, not a report of the event.");
    await shared.locator(`.review-reports li[data-document='${notRelevant}'] button`, { hasText: "Not relevant" }).click();
    await statusSays(shared, /not relevant/);
    const current = await api<IncidentView>(`/api/incidents/${encodeURIComponent(mergedId)}`);
    assert.ok(current.status === 404 || !current.body.incident.documents.includes(notRelevant), "the incident no longer counts the report");
  });

  test("a report's markup shows as text in the claims and in the report's marked text", async () => {
    const item = (await queueFromApi()).find((i) => i.documents.includes(MARKUP_REPORT.id) && i.counts.some((c) => Array.isArray(c.claims) && c.claims.length > 0));
    assert.ok(item, "the markup report made an incident with a claim");
    await shared.goto(`${server.url}#/review/${encodeURIComponent(item.id)}`);
    await shared.waitForFunction((id) => document.querySelector(".review-incident")?.getAttribute("data-id") === id, item.id);
    assert.ok((await shared.locator(".review-evidence").textContent())!.includes(IMG_PAYLOAD), "the quote keeps the payload as text");
    const report = shared.locator(`.review-reports li[data-document='${MARKUP_REPORT.id}']`);
    await report.locator(".report-text summary").click();
    await report.locator("mark.claim-hl").first().waitFor();
    const text = (await report.locator(".doc-text").textContent())!;
    for (const payload of [IMG_PAYLOAD, SCRIPT_PAYLOAD]) assert.ok(text.includes(payload), payload);
    assert.ok((await report.locator("label").textContent())!.includes(IMG_PAYLOAD), "the title as text");
    assert.equal(await shared.locator("main img, main script").count(), 0, "no element built from a payload");
    assert.equal(await shared.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    await report.screenshot({ path: join(SCREENSHOTS, "review-report-text.png") });
  });

  test("at a phone's 390 px the page fits the width and every control is reachable", async () => {
    const page = await signIn(reviewer, 390, 844);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow} px too wide)`);
    for (const name of ["Confirm", "Reject", "Save correction"]) assert.ok(await page.getByRole("button", { name }).first().isVisible(), name);
    // Every control has a name a screen reader can say.
    const unnamed = await page.locator(".review input, .review select, .review textarea, .review button").evaluateAll((controls) =>
      controls.filter((c) => {
        const id = c.getAttribute("id");
        return !(c.getAttribute("aria-label") || (id && document.querySelector(`label[for='${id}']`)) || (c.tagName === "BUTTON" && c.textContent?.trim()));
      }).length,
    );
    assert.equal(unnamed, 0, "every control is labelled");
    await page.screenshot({ path: join(SCREENSHOTS, "review-phone.png"), fullPage: true });
    await page.close();
    assert.deepEqual(pageErrors, [], "no script errors or CSP violations");
  });
});
