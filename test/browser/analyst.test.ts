// The dashboard used as an analyst would, in Debian's Chromium, over a store of a few thousand
// generated incidents (analyst-store.ts) plus the bundled samples: the map (clusters, labels,
// precision styles, zoom and pan, tooltips on hover and on keyboard focus), the timeline (bins
// that fit the range, hover values, brush), state kept in the URL, the search box finding a
// facility by another spelling, downloads of what is shown, and every page type at a desktop
// width and at a phone's 390 px, with screenshots in screenshots/ (git-ignored).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { ingestPaths } from "../../src/ingest/pipeline.ts";
import { updateIncidents } from "../../src/incidents/update.ts";
import { createApp } from "../../src/server/app.ts";
import { listen, type RunningServer } from "../../src/server/listen.ts";
import { ensureDashboard } from "../../src/server/dashboard.ts";
import { REPO_ROOT, SAMPLES_DIR, WEB_DIST } from "../../src/server/paths.ts";
import { BURST, fillAnalystStore } from "./analyst-store.ts";
import { dashboardStale } from "./stale.ts";

const CHROMIUM = "/usr/bin/chromium";
const SKIP = existsSync(CHROMIUM) ? false : "chromium not installed: apt-get install -y chromium";
const SCREENSHOTS = join(REPO_ROOT, "screenshots");
const WAIT_MS = 20_000;
const GENERATED_INCIDENTS = 3000;
/** Records in a CSV text: line breaks outside quoted cells. */
function csvRecords(text: string): number {
  let quoted = false;
  let records = 0;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (c === "\n" && !quoted) records++;
  }
  return records;
}

const WIDTHS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
];

describe("the dashboard as an analyst uses it", { skip: SKIP }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let total = 0;
  const pageErrors: string[] = [];

  before(async () => {
    await ensureDashboard({ force: dashboardStale() });
    dir = mkdtempSync(join(tmpdir(), "escapewatch-analyst-"));
    mkdirSync(SCREENSHOTS, { recursive: true });
    store = await openStore(join(dir, "analyst.db"));
    await ingestPaths(store, [SAMPLES_DIR]);
    await updateIncidents(store);
    await fillAnalystStore(store, { incidents: GENERATED_INCIDENTS });
    total = await store.countIncidents();
    server = await listen(createApp({ store, webRoot: WEB_DIST }), { port: 0, host: "127.0.0.1" });
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await newPage(WIDTHS[0]);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function newPage(size: { width: number; height: number }): Promise<Page> {
    const created = await browser.newPage({ viewport: { width: size.width, height: size.height } });
    created.setDefaultTimeout(WAIT_MS);
    created.on("pageerror", (error) => pageErrors.push(error.message));
    created.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
    return created;
  }

  const open = async (target: Page, hash: string, ready: string) => {
    await target.goto(`${server.url}${hash}`);
    await target.waitForSelector(ready);
  };
  const hashParams = async (target: Page) => new URLSearchParams((await target.evaluate(() => location.hash)).split("?")[1] ?? "");
  const mapMarks = (target: Page) => target.locator("svg.map .marker, svg.map .cluster");

  test(`the overview lists all ${GENERATED_INCIDENTS}+ incidents, a page at a time`, async () => {
    await open(page, "#/", "table.incidents tbody tr");
    assert.match((await page.locator(".summary").textContent())!, new RegExp(`^${total.toLocaleString("en")} incidents`));
    assert.equal(await page.locator("table.incidents tbody tr").count(), 100);
    assert.match((await page.locator(".list-panel h2").textContent())!, new RegExp(`1–100 of ${total.toLocaleString("en")}`));
    await page.locator("[data-pager='next-top']").click();
    assert.match((await page.locator(".list-panel h2").textContent())!, /101–200 of/);
    assert.equal((await hashParams(page)).get("page"), "1");
  });

  test("overlapping markers are clustered, labelled, and styled by how precisely they are located", async () => {
    await open(page, "#/", "svg.map .cluster");
    const svgMap = page.locator("svg.map");
    const placed = Number(await svgMap.getAttribute("data-markers"));
    const drawn = Number(await svgMap.getAttribute("data-clusters"));
    assert.ok(placed > 2000 && drawn < placed / 10, `${placed} incidents drawn as ${drawn} marks`);
    const counted = await page.locator("svg.map .cluster").evaluateAll((gs) => gs.reduce((sum, g) => sum + Number(g.getAttribute("data-count")), 0));
    const singles = await page.locator("svg.map .marker").count();
    assert.equal(counted + singles, placed, "every placed incident is in exactly one mark");
    assert.ok((await page.locator("svg.map text.label:not(.country-label)").count()) >= 5, "places are labelled");
    for (const precision of ["province", "country"]) {
      assert.ok((await page.locator(`svg.map [data-precision='${precision}']`).count()) > 0, `${precision}-level incidents have their own style`);
    }
  });

  test("zoom and pan by buttons, wheel, drag and keys; the view is kept in the URL and restored", async () => {
    await open(page, "#/", "svg.map .cluster");
    const world = await page.locator("svg.map").getAttribute("data-markers");
    await page.locator(".regions button[data-region='syria_iraq']").click();
    assert.equal((await hashParams(page)).get("region"), "syria_iraq");
    await page.waitForFunction((n) => document.querySelector("svg.map")?.getAttribute("data-markers") !== n, world);
    const before = Number(await page.locator("svg.map").getAttribute("data-clusters"));
    await page.locator(".map-controls .zoom-in").click();
    await page.waitForFunction(() => new URLSearchParams(location.hash.split("?")[1]).has("view"));
    const box = (await page.locator("svg.map").boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 30, { steps: 6 });
    await page.mouse.up();
    await page.locator("svg.map").focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("+");
    await page.waitForTimeout(200);
    const view = (await hashParams(page)).get("view")!;
    assert.match(view, /^-?\d+\.\d+,-?\d+\.\d+,\d+\.\d+$/);
    assert.notEqual(Number(await page.locator("svg.map").getAttribute("data-clusters")), before, "zooming in splits clusters");
    await page.screenshot({ path: join(SCREENSHOTS, "map-zoomed-desktop.png") });
    // The same URL in a new tab shows the same view.
    const shared = await newPage(WIDTHS[0]);
    await open(shared, `#/?view=${view}`, "svg.map .land");
    await shared.waitForTimeout(300);
    const restored = (await hashParams(shared)).get("view");
    assert.equal(restored ?? view, view);
    const [a, b] = await Promise.all([page, shared].map((p) => p.locator("svg.map path.land").getAttribute("d")));
    // The URL keeps the view to three decimals: the frames agree within a pixel.
    const numbers = (d: string | null) => (d ?? "").match(/-?\d+(\.\d+)?/g)!.slice(0, 20).map(Number);
    const [na, nb] = [numbers(a), numbers(b)];
    assert.ok(na.every((v, i) => Math.abs(v - nb[i]) < 1), `the shared URL draws the same frame: ${na.slice(0, 6)} / ${nb.slice(0, 6)}`);
    await shared.close();
  });

  test("a tooltip gives type, place, date and figure on hover and on keyboard focus", async () => {
    await open(page, `#/?since=${BURST.start}&until=2025-01-23&region=syria_iraq`, "svg.map .marker");
    const marker = page.locator("svg.map .marker.precise").first();
    await marker.hover();
    const tooltip = page.locator(".map-tooltip");
    await tooltip.waitFor({ state: "visible" });
    const hovered = (await tooltip.textContent())!;
    assert.match(hovered, /(Attack|Riot|Escape|Release|Recapture|Transfer|Alert|Control change)/);
    assert.match(hovered, /\d{4}-\d{2}-\d{2}/);
    await page.mouse.move(1, 1);
    await page.locator("svg.map").focus();
    await page.keyboard.press("Tab");
    await tooltip.waitFor({ state: "visible" });
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
    assert.match(focused, /location: (facility or town|province only|country only)/);
    await page.screenshot({ path: join(SCREENSHOTS, "map-tooltip-desktop.png") });
  });

  test("Enter on a cluster zooms in; on a single marker it opens the incident", async () => {
    await open(page, "#/?region=syria_iraq", "svg.map .cluster");
    const cluster = page.locator("svg.map .cluster:not([data-same-place])").first();
    await cluster.focus();
    const before = Number(await page.locator("svg.map").getAttribute("data-clusters"));
    await page.keyboard.press("Enter");
    await page.waitForFunction((n) => Number(document.querySelector("svg.map")?.getAttribute("data-clusters")) !== n, before);
    await open(page, `#/?since=${BURST.start}&until=2025-01-23&region=syria_iraq`, "svg.map .marker");
    const single = page.locator("svg.map .marker").first();
    await single.focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector("article.incident h1");
    assert.match(await page.evaluate(() => location.hash), /^#\/incidents\//);
  });

  test("the timeline bins by the range shown: months over four years, days over the two-week burst", async () => {
    await open(page, "#/", "#timeline canvas");
    assert.match((await page.locator(".timeline-readout").textContent())!, /^By month\./);
    await open(page, `#/?since=${BURST.start}&until=2025-01-23`, "#timeline canvas");
    assert.match((await page.locator(".timeline-readout").textContent())!, /^By day\./);
    assert.match((await page.locator(".summary").textContent())!, /from 2025-01-10 to 2025-01-23/);
    // Hover values.
    const over = page.locator("#timeline .u-over");
    await over.scrollIntoViewIfNeeded();
    const box = (await over.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.8);
    await page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.8, { steps: 4 });
    await page.waitForFunction(() => /^2025-01-\d\d: \d+ incidents? — /.test(document.querySelector(".timeline-readout")?.textContent ?? ""));
    // The same by keyboard.
    await page.locator(".timeline-chart").focus();
    await page.keyboard.press("Home");
    assert.match((await page.locator(".timeline-readout").textContent())!, /^2025-01-10: \d+ incidents/);
    await page.keyboard.press("ArrowRight");
    assert.match((await page.locator(".timeline-readout").textContent())!, /^2025-01-11: /);
    await page.screenshot({ path: join(SCREENSHOTS, "timeline-days-desktop.png"), fullPage: false });
  });

  test("brushing the timeline filters map and list and goes into the URL", async () => {
    await open(page, `#/?since=${BURST.start}&until=2025-01-23`, "#timeline canvas");
    const listed = async () => Number((await page.locator(".list-panel h2").textContent())!.match(/of ([\d,]+)/)![1].replace(/,/g, ""));
    const before = await listed();
    assert.equal(before, BURST.incidents, "the burst's incidents, and only those, are listed");
    const over = page.locator("#timeline .u-over");
    await over.scrollIntoViewIfNeeded();
    const box = (await over.boundingBox())!;
    await page.mouse.move(box.x + 3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    await page.waitForFunction((n) => !document.querySelector(".list-panel h2")?.textContent?.includes(`of ${n.toLocaleString("en")}`), before);
    const params = await hashParams(page);
    assert.equal(params.get("since"), BURST.start);
    assert.ok(params.get("until")! < "2025-01-16", `until ${params.get("until")}`);
    assert.ok((await listed()) < before);
    await page.locator(".clear-time").click();
    assert.equal((await hashParams(page)).get("since"), null);
  });

  test("the search box finds a facility by another spelling, and the filter by any alias", async () => {
    await open(page, "#/", "table.incidents tbody tr");
    await page.locator("input[name='q']").fill("Gweiran");
    const suggestion = page.locator(".suggestions a.suggestion");
    await suggestion.waitFor();
    assert.match((await suggestion.textContent())!, /^Facility: Ghwayran prison/);
    await page.locator("input[name='q']").press("Enter");
    await page.waitForFunction(() => location.hash.includes("q=Gweiran"));
    await page.waitForSelector("table.incidents tbody tr");
    const expected = (await (await fetch(`${server.url}api/incidents?facility=ghwayran-prison&limit=1`)).json()).total as number;
    const shown = Number((await page.locator(".summary").textContent())!.match(/^([\d,]+)/)![1].replace(/,/g, ""));
    assert.ok(shown >= expected && expected > 400, `"Gweiran" finds ${shown} incidents, the facility has ${expected}`);
    for (const spelling of ["Sinaa prison", "Hassakeh"]) {
      const found = (await (await fetch(`${server.url}api/incidents?q=${encodeURIComponent(spelling)}&limit=1`)).json()).total as number;
      assert.ok(found >= expected, `${spelling}: ${found}`);
    }
  });

  test("the downloads export exactly what is shown", async () => {
    await open(page, `#/?type=escape&since=${BURST.start}&until=2025-01-23`, "table.incidents tbody tr");
    // The list of the previous view may still stand for a moment: wait for the filtered one.
    const total = (await (await fetch(`${server.url}api/incidents?type=escape&since=${BURST.start}&until=2025-01-23&limit=1`)).json()).total as number;
    await page.waitForFunction((n) => document.querySelector(".list-panel h2")?.textContent?.includes(`of ${n.toLocaleString("en")}`), total);
    const shown = Number((await page.locator(".list-panel h2").textContent())!.match(/of ([\d,]+)/)![1].replace(/,/g, ""));
    const href = (await page.locator(".downloads a[data-format='csv']").getAttribute("href"))!;
    const params = new URLSearchParams(href.split("?")[1]);
    assert.deepEqual([params.get("type"), params.get("since"), params.get("until"), params.get("format")], ["escape", BURST.start, "2025-01-23", "csv"]);
    const csv = await (await fetch(`${server.url}${href.slice(1)}`)).text();
    assert.equal(csvRecords(csv) - 1, shown, "one CSV row per incident shown, after the header");
    for (const format of ["ucdp", "geojson", "json"]) assert.ok(await page.locator(`.downloads a[data-format='${format}']`).count());
  });

  test("an incident shows roles, a vague figure as its range, and what a derived figure came from", async () => {
    const vague = (await (await fetch(`${server.url}api/incidents?q=${encodeURIComponent("Thousands of detainees escaped")}&limit=1`)).json()).items[0];
    await open(page, `#/incidents/${encodeURIComponent(vague.id)}`, ".count");
    const heading = (await page.locator(".count h3").first().textContent())!;
    assert.match(heading, /2,000–9,999 \(vague\)/);
    assert.doesNotMatch(heading, /: 3,000/, "never the bare point value");
    assert.ok(await page.locator("dd[data-role]").count(), "actors are shown by role");
    const derived = (await (await fetch(`${server.url}api/incidents?type=escape&limit=500`)).json()).items.find((i: { counts: Array<{ derived: boolean }> }) => i.counts.some((c) => c.derived));
    await open(page, `#/incidents/${encodeURIComponent(derived.id)}`, ".derivation");
    assert.ok(await page.locator(".derivation a[href^='#/incidents/']").count(), "the derivation links to its incidents");
  });

  test("a document lists the incidents and claims it fed; a claim opens its sentence", async () => {
    await open(page, "#/documents/report-0003", ".fed");
    assert.match((await page.locator(".fed h2").textContent())!, /Incidents this report fed \(\d+\)/);
    const claim = page.locator("a.fed-claim").first();
    await claim.click();
    await page.waitForSelector(".doc-text .hl");
    assert.match((await page.locator(".doc-text .hl").textContent())!, /according to/);
  });

  const PAGES: Array<[string, string, string]> = [
    ["overview", "#/", "svg.map .cluster"],
    ["overview-burst", `#/?since=${BURST.start}&until=2025-01-23&region=syria_iraq`, "svg.map .marker"],
    ["incident", "#/incidents/gen_00010", "article.incident h1"],
    ["facility", "#/facilities/Gweiran", "svg.holder-chart rect"],
    ["document", "#/documents/report-0003", ".fed"],
    ["documents", "#/documents", "table.documents tbody tr"],
  ];
  /** Pages whose full length is a long list: screenshotted as the reader first sees them. */
  const LONG_PAGES = new Set(["overview", "overview-burst", "documents"]);
  for (const size of WIDTHS) {
    test(`every page type at ${size.width} px fits the width, works by keyboard and is screenshotted`, async () => {
      const sized = await newPage(size);
      try {
        for (const [name, hash, ready] of PAGES) {
          await open(sized, hash, ready);
          await sized.waitForTimeout(250); // charts and the map draw on the next frame
          const overflow = await sized.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 1, `${name} overflows the ${size.width} px viewport by ${overflow} px`);
          // Tab reaches the page's content, and what has focus is visible.
          await sized.keyboard.press("Tab");
          assert.notEqual(await sized.evaluate(() => document.activeElement?.tagName), "BODY", `${name}: Tab reaches a control`);
          await sized.screenshot({ path: join(SCREENSHOTS, `${name}-${size.name}.png`), fullPage: !LONG_PAGES.has(name) });
        }
        await open(sized, "#/facilities/Gweiran", "svg.figure-chart a.figure-point");
        assert.equal(await sized.locator("article.facility h1").textContent(), "Ghwayran prison (prison)");
        assert.ok(await sized.locator(".facility-map svg.map .cluster, .facility-map svg.map .marker").count(), "the facility has its own map");
      } finally {
        await sized.close();
      }
      assert.deepEqual(pageErrors, [], "no script errors or CSP violations");
    });
  }
});
