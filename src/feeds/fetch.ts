// Fetching feeds and pages from the open web, defensively: only http(s), only addresses the
// policy in address.ts accepts (checked on the address actually connected to, so a name that
// resolves to a private address is refused too), redirects re-checked, whole-response time and
// size limited. Feed and page bodies are untrusted text handed to the same readers ingest uses.
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type BlockList, type LookupFunction } from "node:net";
import { AddressRefused, allowListOf, checkAddress, checkUrl } from "./address.ts";

/** Whole request, from connecting to the last byte. */
export const FETCH_TIMEOUT_MS = 15_000;
/** Larger feeds and pages are refused: a news page is far smaller, a bigger body is a mistake or an attack. */
export const MAX_FETCH_BYTES = 5 * 1024 * 1024;
export const MAX_REDIRECTS = 5;
export const USER_AGENT = "escapewatch-feeds/0.1 (+https://github.com/escapewatch)";

export const FETCH_ERRORS = {
  E_ADDRESS: "the address is refused",
  E_TIMEOUT: "no complete answer in time",
  E_TOO_LARGE: "the response is larger than the limit",
  E_HTTP: "the server answered with an error status",
  E_NETWORK: "the connection failed",
  E_REDIRECT: "too many redirects or a redirect without a target",
} as const;

export type FetchErrorCode = keyof typeof FETCH_ERRORS;

export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    detail: string,
  ) {
    super(`${code} ${detail}`);
  }
}

export interface FetchOptions {
  /** GET (default) or POST with `body` (webhooks). */
  method?: "GET" | "POST";
  body?: string;
  /** Request headers (conditional ones: If-None-Match, If-Modified-Since). */
  headers?: Record<string, string>;
  timeoutMs?: number;
  maxBytes?: number;
  /** Ranges allowed despite being private; default from ESCAPEWATCH_FETCH_ALLOW. */
  allow?: BlockList;
}

export interface FetchedResponse {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * GETs `url` within the limits. Resolves with 2xx and 304 responses; rejects with a FetchError
 * for anything else. Example: safeFetch("https://news.example/feed.xml", { headers: { "If-None-Match": '"v7"' } }).
 */
export async function safeFetch(url: string, opts: FetchOptions = {}): Promise<FetchedResponse> {
  const allow = opts.allow ?? allowListOf(process.env.ESCAPEWATCH_FETCH_ALLOW);
  const deadline = Date.now() + (opts.timeoutMs ?? FETCH_TIMEOUT_MS);
  let target = parseUrl(url);
  for (let redirects = 0; ; redirects++) {
    const response = await fetchOnce(target, opts, allow, deadline);
    const location = response.headers.location;
    // A webhook is not followed elsewhere: its body would go to a place nobody configured.
    if (response.status >= 300 && response.status < 400 && response.status !== 304 && (opts.method ?? "GET") === "GET") {
      if (!location || redirects >= MAX_REDIRECTS) throw new FetchError("E_REDIRECT", `${response.status} from ${target.href}`);
      target = parseUrl(new URL(location, target).href);
      continue;
    }
    if (response.status !== 304 && (response.status < 200 || response.status > 299)) {
      throw new FetchError("E_HTTP", `HTTP ${response.status} from ${target.href}`);
    }
    return response;
  }
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchError("E_ADDRESS", `"${text}" is not a URL`);
  }
  try {
    checkUrl(url);
  } catch (error) {
    throw new FetchError("E_ADDRESS", (error as Error).message);
  }
  return url;
}

/** Resolves the host and checks every address before connecting; connects only to checked ones. */
async function checkedAddresses(url: URL, allow: BlockList): Promise<Array<{ address: string; family: number }>> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await dnsLookup(host, { all: true }).catch((error: Error) => {
    throw new FetchError("E_NETWORK", `cannot resolve ${host}: ${error.message}`);
  });
  try {
    for (const { address } of addresses) checkAddress(address, allow);
  } catch (error) {
    if (error instanceof AddressRefused) throw new FetchError("E_ADDRESS", `${url.href}: ${error.message}`);
    throw error;
  }
  return addresses;
}

async function fetchOnce(url: URL, opts: FetchOptions, allow: BlockList, deadline: number): Promise<FetchedResponse> {
  const addresses = await checkedAddresses(url, allow);
  const maxBytes = opts.maxBytes ?? MAX_FETCH_BYTES;
  // The connection goes to the addresses just checked, never to a second answer from DNS.
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (e: null, a: typeof addresses) => void)(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise<FetchedResponse>((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new FetchError("E_TIMEOUT", url.href));
    const request = client.request(url, {
      method: opts.method ?? "GET",
      lookup: pinned,
      headers: { "User-Agent": USER_AGENT, "Accept-Encoding": "identity", ...opts.headers },
    });
    request.end(opts.body);
    const timer = setTimeout(() => request.destroy(new FetchError("E_TIMEOUT", `${url.href} after ${opts.timeoutMs ?? FETCH_TIMEOUT_MS} ms`)), remaining);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error instanceof FetchError ? error : new FetchError("E_NETWORK", `${url.href}: ${error.message}`));
    };
    request.on("error", fail);
    request.on("response", (response) => {
      const declared = Number(response.headers["content-length"]);
      if (Number.isFinite(declared) && declared > maxBytes) {
        request.destroy(new FetchError("E_TOO_LARGE", `${url.href} declares ${declared} bytes, over ${maxBytes}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) request.destroy(new FetchError("E_TOO_LARGE", `${url.href} is over ${maxBytes} bytes`));
        else chunks.push(chunk);
      });
      response.on("error", fail);
      response.on("end", () => {
        clearTimeout(timer);
        resolve({ url: url.href, status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
      });
    });
  });
}
