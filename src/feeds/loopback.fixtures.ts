// A local news site for feed tests, on 127.0.0.1 only: two outlets report one invented prison
// escape in Maiduguri with different figures, through RSS, Atom and JSON Feed, beside feeds that
// fail in every way a real one does (broken XML, 304, 500, too slow, too large).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const LAKESIDE_STORY = `Inmates break out of Maiduguri prison after night attack

MAIDUGURI, March 3 (Lakeside Wire) - Armed men stormed the Maiduguri Maximum Security Custodial Centre in northeast Nigeria late on Sunday and freed 120 inmates, a prison service spokesman said on Monday.

The attackers cut through the outer fence shortly before midnight and exchanged fire with guards for about an hour, the spokesman said. Soldiers were searching nearby villages for the escaped prisoners.`;

export const SAHEL_STORY = (figure: number) => `Prisoners flee Maiduguri jail as gunmen strike

MAIDUGURI, March 3 (Sahel Daily) - At least ${figure} prisoners escaped from the Maiduguri Maximum Security Custodial Centre when gunmen attacked it on Sunday night, a police officer in Borno state told reporters on Monday.

The officer, who asked not to be named, said the attackers arrived in pickup trucks and blew open a gate. Borno police said searches were continuing.`;

/** A story as an outlet's web page: headline, paragraphs, and the chrome readability drops. */
export function pageOf(story: string): string {
  const [headline, ...paragraphs] = story.split("\n\n");
  return `<!doctype html><html><head><title>${headline}</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${headline}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}</article>
<footer>Copyright the outlet. All rights reserved.</footer></body></html>`;
}

export interface NewsSite {
  origin: string;
  /** Requests per path, and the conditional headers each feed request carried. */
  hits: Map<string, number>;
  conditionals: Array<{ path: string; ifNoneMatch?: string; ifModifiedSince?: string }>;
  /** The Sahel Daily figure; changing it revises the page and the Atom entry. */
  sahelFigure: number;
  close(): Promise<void>;
}

/** Longer than the tests' time limit, so the slow feed always times out. */
const SLOW_MS = 8_000;
/** About 720 KB: over the tests' small size limit. */
const HUGE_ITEMS = 20_000;

/** How slow the slow feed is and how large the oversized one: beyond the limits the caller polls with. */
export interface NewsSiteOptions {
  slowMs?: number;
  /** Filler items in the oversized feed, about 36 bytes each. */
  hugeItems?: number;
}

export async function startNewsSite(options: NewsSiteOptions = {}): Promise<NewsSite> {
  const slowMs = options.slowMs ?? SLOW_MS;
  const hugeItems = options.hugeItems ?? HUGE_ITEMS;
  const hits = new Map<string, number>();
  const site: NewsSite = { origin: "", hits, conditionals: [], sahelFigure: 95, close: async () => {} };
  const lakesideRss = () => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Lakeside Wire</title><link>${site.origin}/</link>
<item><title>Inmates break out of Maiduguri prison after night attack</title>
<link>${site.origin}/lakeside/maiduguri-escape.html</link><guid isPermaLink="false">lakeside-2025-0303-maiduguri</guid>
<pubDate>Mon, 03 Mar 2025 09:00:00 GMT</pubDate><description>Armed men stormed a prison in northeast Nigeria.</description></item>
</channel></rss>`;
  const sahelAtom = () => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Sahel Daily</title><id>urn:sahel-daily</id><updated>2025-03-03T11:00:00Z</updated>
<entry><title>Prisoners flee Maiduguri jail as gunmen strike</title><id>urn:sahel-daily:maiduguri-jail</id>
<link href="${site.origin}/sahel/maiduguri-jail.html"/><published>2025-03-03T10:00:00Z</published>
<updated>2025-03-03T${site.sahelFigure === 95 ? "10" : "12"}:00:00Z</updated><summary>Gunmen attacked a jail in Borno.</summary></entry>
</feed>`;
  // A syndication feed that points at the Lakeside page under its own id: the same content.
  const wireJson = () =>
    JSON.stringify({
      version: "https://jsonfeed.org/version/1.1",
      title: "Regional wire",
      items: [{ id: "wire-7781", url: `${site.origin}/lakeside/maiduguri-escape.html`, title: "Maiduguri prison attack", summary: "Inmates freed.", date_published: "2025-03-03T09:30:00Z" }],
    });
  const lastModified = "Mon, 03 Mar 2025 11:00:00 GMT";

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
    "/lakeside/feed.rss": (req, res) => {
      const etag = '"lakeside-1"';
      if (req.headers["if-none-match"] === etag) return void res.writeHead(304).end();
      res.writeHead(200, { "Content-Type": "application/rss+xml; charset=utf-8", ETag: etag }).end(lakesideRss());
    },
    "/sahel/feed.atom": (req, res) => {
      const stamp = site.sahelFigure === 95 ? lastModified : "Mon, 03 Mar 2025 12:00:00 GMT";
      if (req.headers["if-modified-since"] === stamp) return void res.writeHead(304).end();
      res.writeHead(200, { "Content-Type": "application/atom+xml", "Last-Modified": stamp }).end(sahelAtom());
    },
    "/wire/feed.json": (_req, res) => void res.writeHead(200, { "Content-Type": "application/feed+json" }).end(wireJson()),
    "/lakeside/maiduguri-escape.html": (_req, res) => void res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(pageOf(LAKESIDE_STORY)),
    "/sahel/maiduguri-jail.html": (_req, res) => void res.writeHead(200, { "Content-Type": "text/html" }).end(pageOf(SAHEL_STORY(site.sahelFigure))),
    "/broken.xml": (_req, res) => void res.writeHead(200, { "Content-Type": "application/rss+xml" }).end("<rss version=\"2.0\"><channel><item><title>half</title></channel"),
    "/unchanged.rss": (_req, res) => void res.writeHead(304).end(),
    "/error.rss": (_req, res) => void res.writeHead(500).end("internal error"),
    "/slow.rss": (_req, res) => void setTimeout(() => res.writeHead(200).end(lakesideRss()), slowMs).unref(),
    "/huge.rss": (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/rss+xml" });
      res.end(`<rss version="2.0"><channel>${"<item><title>filler</title></item>".repeat(hugeItems)}</channel></rss>`);
    },
  };

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path.includes("feed")) {
      site.conditionals.push({ path, ifNoneMatch: req.headers["if-none-match"], ifModifiedSince: req.headers["if-modified-since"] as string | undefined });
    }
    const route = routes[path];
    if (route) route(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  site.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return site;
}
