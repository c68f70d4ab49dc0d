// Drives the built dashboard in Debian's Chromium through playwright-core: a temp database
// ingested from samples/, the real server on an ephemeral loopback port, then the overview
// (map markers, timeline), an incident, a claim's sentence highlighted in its document, and an
// XSS report whose payloads must show as text. Screenshots go to screenshots/ (git-ignored).
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import type { Incident } from "../../src/model/incident.ts";
import { ingestPaths, ingestRecord } from "../../src/ingest/pipeline.ts";
import { updateIncidents } from "../../src/incidents/update.ts";
import { createApp } from "../../src/server/app.ts";
import { listen, type RunningServer } from "../../src/server/listen.ts";
import { ensureDashboard } from "../../src/server/dashboard.ts";
import { REPO_ROOT, SAMPLES_DIR, WEB_DIST } from "../../src/server/paths.ts";
import { dashboardStale } from "./stale.ts";

const CHROMIUM = "/usr/bin/chromium";
const SKIP = existsSync(CHROMIUM) ? false : "chromium not installed: apt-get install -y chromium";
const SCREENSHOTS = join(REPO_ROOT, "screenshots");
const WAIT_MS = 15_000;

const SCRIPT_PAYLOAD = "<script>window.__pwned=1</script>";
const IMG_PAYLOAD = '<img src=x onerror="window.__pwned=1">';
const JS_URL_PAYLOAD = "javascript:alert(1)";
const XSS_TITLE = `Jail break ${SCRIPT_PAYLOAD} ${IMG_PAYLOAD}`;
const XSS_TEXT =
  `Inmates escaped ${SCRIPT_PAYLOAD} from the central prison in Mosul on Monday, officials said.\n\n` +
  `Police said 14 prisoners escaped after a wall collapsed ${IMG_PAYLOAD} and a link ${JS_URL_PAYLOAD} circulated online.`;

/** A hand-made incident whose every article-derived string carries a payload. */
function xssIncident(documentId: string): Incident {
  const quote = "14 prisoners escaped";
  const start = XSS_TEXT.indexOf(quote);
  return {
    id: "inc-xss",
    type: "escape",
    status: "occurred",
    unconfirmed: false,
    facility: { id: "xss-prison", name: `Central ${SCRIPT_PAYLOAD} prison`, kind: "prison", place: null },
    place: { name: `Mosul ${IMG_PAYLOAD}`, admin1: null, country: "IQ", lat: 36.34, lon: 43.13, precision: "town" },
    destination: null,
    date: { earliest: "2025-02-03", latest: "2025-02-03" },
    actors: [IMG_PAYLOAD],
    counts: [
      {
        quantity: "escaped",
        group: null,
        low: 14,
        best: 14,
        high: 14,
        claims: [{ low: 14, high: 14, source: SCRIPT_PAYLOAD, document: documentId, quote, start, end: start + quote.length, rule: "quantity.cardinal" }],
      },
    ],
    documents: [documentId],
    mentions: [],
  };
}

describe("dashboard in Chromium", { skip: SKIP }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  before(async () => {
    await ensureDashboard({ force: dashboardStale() });
    dir = mkdtempSync(join(tmpdir(), "escapewatch-browser-"));
    mkdirSync(SCREENSHOTS, { recursive: true });
    store = await openStore(join(dir, "test.db"));
    const summary = await ingestPaths(store, [SAMPLES_DIR]);
    assert.ok(summary.new >= 10, `samples ingested: ${JSON.stringify(summary)}`);
    const xss = await ingestRecord(store, {
      id: "xss-report",
      origin: "test",
      url: `https://evil.example/${SCRIPT_PAYLOAD}`,
      title: XSS_TITLE,
      published: "2025-02-04",
      text: XSS_TEXT,
      html: null,
    });
    assert.equal(xss.status, "new");
    await updateIncidents(store);
    await store.replaceIncidents(["test-xss"], [xssIncident(xss.id)]);
    server = await listen(createApp({ store, webRoot: WEB_DIST }), { port: 0, host: "127.0.0.1" });
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.setDefaultTimeout(WAIT_MS);
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("overview shows map markers, the timeline canvas and the incident list", async () => {
    await page.goto(server.url);
    await page.waitForSelector("svg.map .marker, svg.map .cluster");
    const markers = Number(await page.locator("svg.map").getAttribute("data-markers"));
    assert.ok(markers >= 3, `incidents on the map: ${markers}`);
    await page.waitForSelector("#timeline canvas");
    assert.ok((await page.locator("table.incidents tbody tr").count()) >= 3);
    assert.ok((await page.locator("svg.map path.land").getAttribute("d"))!.length > 1000, "country outlines drawn");
    await page.screenshot({ path: join(SCREENSHOTS, "overview.png"), fullPage: true });
    assert.deepEqual(pageErrors, [], "no script errors or CSP violations");
  });

  test("the Syria & Iraq view zooms the map onto the markers there", async () => {
    await page.locator(".regions button[data-region='syria_iraq']").click();
    await page.waitForSelector(".regions button[data-region='syria_iraq'][aria-pressed='true']");
    await page.waitForFunction(() => document.querySelectorAll("svg.map .marker, svg.map .cluster").length > 0);
    const inFrame = await page.locator("svg.map").evaluate((map) => {
      const [width, height] = [Number(map.getAttribute("width")), Number(map.getAttribute("height"))];
      return Array.from(map.querySelectorAll(".marker, .cluster circle")).filter((c) => {
        const [x, y] = [Number(c.getAttribute("cx")), Number(c.getAttribute("cy"))];
        return x >= 0 && x <= width && y >= 0 && y <= height;
      }).length;
    });
    assert.ok(inFrame >= 2, `marks inside the Syria & Iraq frame: ${inFrame}`);
    await page.locator("svg.map").screenshot({ path: join(SCREENSHOTS, "map-syria-iraq.png") });
    await page.locator(".regions button[data-region='']").click();
  });

  test("dragging across the timeline filters the list", async () => {
    const before = await page.locator("table.incidents tbody tr").count();
    const over = page.locator("#timeline .u-over");
    await over.scrollIntoViewIfNeeded();
    const box = (await over.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => / from \d{4}-\d{2}-\d{2} to /.test(document.querySelector(".summary")?.textContent ?? ""));
    const afterDrag = await page.locator("table.incidents tbody tr").count();
    assert.ok(afterDrag < before, `list narrowed from ${before} to ${afterDrag}`);
  });

  test("an incident shows its claims; a claim opens its document with the sentence highlighted", async () => {
    const list = (await (await fetch(`${server.url}api/incidents?limit=500`)).json()) as { items: Array<{ id: string; counts: Array<{ claims: number }> }> };
    const withClaims = list.items.find((i) => i.id !== "inc-xss" && i.counts.some((c) => c.claims > 0));
    assert.ok(withClaims, "some sample incident has a claim");
    await page.goto(`${server.url}#/incidents/${encodeURIComponent(withClaims.id)}`);
    await page.waitForSelector(".claim-link");
    await page.screenshot({ path: join(SCREENSHOTS, "incident.png"), fullPage: true });
    const quote = (await page.locator(".claim blockquote").first().textContent())!;
    await page.locator(".claim-link").first().click();
    await page.waitForSelector(".doc-text .hl");
    const highlighted = await page.locator(".doc-text .hl").allTextContents();
    assert.equal(highlighted.join(""), quote);
    assert.ok(await page.locator(".doc-text mark.ann").count() > 0, "extracted spans are marked");
    assert.ok(await page.locator(".doc-text .hl").first().isVisible());
    await page.screenshot({ path: join(SCREENSHOTS, "document.png") });
  });

  test("a facility page lists its incidents", async () => {
    const facilities = (await (await fetch(`${server.url}api/facilities`)).json()) as { items: Array<{ facility: { id: string }; incidents: number }> };
    const busiest = facilities.items.find((f) => f.incidents > 0 && f.facility.id !== "xss-prison");
    assert.ok(busiest);
    await page.goto(`${server.url}#/facilities/${encodeURIComponent(busiest.facility.id)}`);
    await page.waitForSelector("article.facility h1");
    await page.screenshot({ path: join(SCREENSHOTS, "facility.png"), fullPage: true });
    assert.ok(await page.locator("article.facility a[href^='#/incidents/']").count() > 0);
  });

  test("payloads in a report's title, body and url stay text on the document and incident pages", async () => {
    await page.goto(`${server.url}#/documents/xss-report`);
    await page.waitForSelector("article.document h1");
    assert.equal(await page.locator("article.document h1").textContent(), XSS_TITLE);
    const body = (await page.locator(".doc-text").textContent())!;
    for (const payload of [SCRIPT_PAYLOAD, IMG_PAYLOAD, JS_URL_PAYLOAD]) assert.ok(body.includes(payload), payload);
    assert.ok((await page.locator("article.document .meta").textContent())!.includes(SCRIPT_PAYLOAD), "url shown as text");

    await page.goto(`${server.url}#/incidents/inc-xss`);
    await page.waitForSelector(".claim");
    const incidentText = (await page.locator("article.incident").textContent())!;
    for (const payload of [SCRIPT_PAYLOAD, IMG_PAYLOAD, XSS_TITLE]) assert.ok(incidentText.includes(payload), payload);
    await page.screenshot({ path: join(SCREENSHOTS, "xss-incident.png"), fullPage: true });

    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await page.locator("img[src='x'], main script").count(), 0, "no element built from a payload");
    assert.equal(await page.locator("a[href^='javascript:']").count(), 0);
  });
});
