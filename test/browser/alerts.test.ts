// The dashboard's "new alerts since your last visit" in Debian's Chromium: alert rules over a real
// store and the real server, three visits of one reader (localStorage kept between them), and an
// alert whose headline carries markup that must show as text.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { openStore } from "../../src/store/open.ts";
import type { AlertRule, Store } from "../../src/store/store.ts";
import type { Incident } from "../../src/model/incident.ts";
import { checkRules } from "../../src/alerts/evaluate.ts";
import { createApp } from "../../src/server/app.ts";
import { listen, type RunningServer } from "../../src/server/listen.ts";
import { ensureDashboard } from "../../src/server/dashboard.ts";
import { REPO_ROOT, WEB_DIST } from "../../src/server/paths.ts";
import { dashboardStale } from "./stale.ts";

const CHROMIUM = "/usr/bin/chromium";
const SKIP = existsSync(CHROMIUM) ? false : "chromium not installed: apt-get install -y chromium";
const SCREENSHOTS = join(REPO_ROOT, "screenshots");
const WAIT_MS = 15_000;
const PAYLOAD = "<img src=x onerror=\"window.__pwned=1\">";

function escape(id: string, town: string, lat: number, lon: number, country: string): Incident & { block: string } {
  return {
    id,
    block: `test|${id}`,
    type: "escape",
    status: "occurred",
    unconfirmed: false,
    facility: null,
    place: { name: town, admin1: null, country, lat, lon, precision: "town" },
    destination: null,
    date: { earliest: "2025-03-02", latest: "2025-03-02" },
    actors: [],
    counts: [{ quantity: "escaped", group: null, low: 20, best: 20, high: 20, claims: [] }],
    documents: [],
    mentions: [],
  } as Incident & { block: string };
}

const rule = (name: string, o: Partial<AlertRule>): AlertRule => ({ name, types: ["escape"], country: null, facility: null, min: [], on: ["new"], webhook: null, secret: null, ...o });

describe("new alerts since the last visit, in Chromium", { skip: SKIP }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  /** Writes incidents and lets the rules queue their alerts, as `watch` does after a pass. */
  async function happen(...incidents: Array<Incident & { block: string }>): Promise<void> {
    await store.replaceIncidents(incidents.map((i) => i.block), incidents);
    await checkRules(store);
  }

  async function visit(): Promise<{ count: number; items: string[] }> {
    await page.goto(server.url);
    await page.waitForSelector(".alerts-badge");
    const count = Number(await page.locator(".alerts-badge").getAttribute("data-new"));
    await page.locator(".alerts-badge").click();
    await page.waitForSelector(".alerts-panel:not([hidden])");
    return { count, items: await page.locator(".alerts-panel li").allTextContents() };
  }

  before(async () => {
    await ensureDashboard({ force: dashboardStale() });
    dir = mkdtempSync(join(tmpdir(), "escapewatch-alerts-browser-"));
    mkdirSync(SCREENSHOTS, { recursive: true });
    store = await openStore(join(dir, "alerts.db"));
    await store.addRule(rule("iraq-border", { border: { country: "IQ", km: 100 } }));
    await store.addRule(rule("any-escape", {}));
    await checkRules(store, { baseline: true });
    server = await listen(createApp({ store, webRoot: WEB_DIST }), { port: 0, host: "127.0.0.1" });
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(WAIT_MS);
    page.on("pageerror", (error) => pageErrors.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("a first visit lists the week's alerts; a second, with nothing new, none; a third only what came since", async () => {
    // al-Hol lies 13 km from Iraq's border (both rules alert); Ramadi 200 km (one rule).
    await happen(escape("inc-alhol", `al-Hol ${PAYLOAD}`, 36.378, 41.146, "SY"), escape("inc-ramadi", "Ramadi", 33.426, 43.299, "IQ"));
    const first = await visit();
    assert.equal(first.count, 3);
    assert.equal(first.items.filter((t) => t.includes("iraq-border")).length, 1);
    assert.ok(first.items.some((t) => t.includes(`escape at al-Hol ${PAYLOAD}, SY on 2025-03-02`)), "the headline, markup shown as text");
    assert.equal(await page.locator(".alerts-panel img").count(), 0);
    await page.screenshot({ path: join(SCREENSHOTS, "alerts-first-visit.png") });

    const second = await visit();
    assert.equal(second.count, 0);
    assert.match(await page.locator(".alerts-badge").textContent() ?? "", /No new alerts/);

    await happen(escape("inc-zakho", "Zakho", 37.144, 42.682, "IQ"));
    const third = await visit();
    assert.equal(third.count, 2, "Zakho, for both rules");
    assert.ok(third.items.every((t) => t.includes("Zakho")), third.items.join(" | "));
    await page.locator(".alerts-panel li[data-rule='iraq-border'] a").click();
    await page.waitForFunction(() => location.hash === "#/incidents/inc-zakho");
    assert.equal(await page.locator(".alerts-panel").isHidden(), true, "following an alert folds the list");

    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.deepEqual(pageErrors, []);
  });
});
