// Which network addresses escapewatch may fetch from. Feed and page URLs come from users and
// from feeds themselves, so a fetch must never reach cloud metadata services or, unless the
// operator allows it, the private network the server sits in.
import { BlockList, isIP } from "node:net";

/** Hosts named by cloud providers for their metadata services: refused by name as well as address. */
export const METADATA_HOSTS = new Set(["metadata.google.internal", "metadata", "instance-data", "metadata.azure.com"]);

/** Always refused, whatever ESCAPEWATCH_FETCH_ALLOW says: link-local (cloud metadata lives there), metadata addresses, "this network". */
const ALWAYS_REFUSED: Array<[string, number, "ipv4" | "ipv6"]> = [
  ["169.254.0.0", 16, "ipv4"],
  ["100.100.100.200", 32, "ipv4"], // Alibaba Cloud metadata
  ["0.0.0.0", 8, "ipv4"],
  ["fe80::", 10, "ipv6"],
  ["fd00:ec2::254", 128, "ipv6"], // AWS metadata over IPv6
  ["::", 128, "ipv6"],
];

/** Refused unless listed in ESCAPEWATCH_FETCH_ALLOW: loopback, private and shared ranges. */
const PRIVATE: Array<[string, number, "ipv4" | "ipv6"]> = [
  ["127.0.0.0", 8, "ipv4"],
  ["10.0.0.0", 8, "ipv4"],
  ["172.16.0.0", 12, "ipv4"],
  ["192.168.0.0", 16, "ipv4"],
  ["100.64.0.0", 10, "ipv4"],
  ["224.0.0.0", 4, "ipv4"],
  ["240.0.0.0", 4, "ipv4"],
  ["::1", 128, "ipv6"],
  ["fc00::", 7, "ipv6"],
  ["ff00::", 8, "ipv6"],
];

function blockListOf(ranges: Array<[string, number, "ipv4" | "ipv6"]>): BlockList {
  const list = new BlockList();
  for (const [network, prefix, family] of ranges) list.addSubnet(network, prefix, family);
  return list;
}

const alwaysRefused = blockListOf(ALWAYS_REFUSED);
const privateRanges = blockListOf(PRIVATE);

/** A URL or address escapewatch will not fetch; `code` is stable. */
export class AddressRefused extends Error {
  readonly code = "E_ADDRESS";
  constructor(detail: string) {
    super(`${detail}; only public http(s) addresses are fetched (list private ranges in ESCAPEWATCH_FETCH_ALLOW to allow them)`);
  }
}

/**
 * Parses ESCAPEWATCH_FETCH_ALLOW: comma-separated CIDR ranges or single addresses.
 * Example: "127.0.0.0/8,10.1.2.0/24,::1/128". Throws on a malformed entry so a typo is not silently ignored.
 */
export function allowListOf(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (value ?? "").split(",").map((e) => e.trim()).filter(Boolean)) {
    const [network, prefixText] = entry.split("/");
    const family = isIP(network);
    const prefix = prefixText === undefined ? (family === 6 ? 128 : 32) : Number(prefixText);
    if (family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new Error(`ESCAPEWATCH_FETCH_ALLOW: "${entry}" is not a CIDR range such as 127.0.0.0/8`);
    }
    list.addSubnet(network, prefix, family === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

/** An IPv4 address written as IPv6 (::ffff:127.0.0.1) is checked as the IPv4 address it is. */
function unmapped(address: string): { address: string; family: "ipv4" | "ipv6" } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1], family: "ipv4" };
  return { address, family: isIP(address) === 6 ? "ipv6" : "ipv4" };
}

/** Throws AddressRefused unless `address` (an IP literal) may be fetched from. */
export function checkAddress(ip: string, allow: BlockList): void {
  const { address, family } = unmapped(ip);
  if (alwaysRefused.check(address, family)) throw new AddressRefused(`${ip} is a link-local or cloud-metadata address`);
  if (privateRanges.check(address, family) && !allow.check(address, family)) {
    throw new AddressRefused(`${ip} is a private or loopback address`);
  }
}

/** Throws AddressRefused unless the URL is http(s) and its host is not refused by name. */
export function checkUrl(url: URL): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new AddressRefused(`${url.protocol} URLs are not fetched`);
  if (url.username || url.password) throw new AddressRefused("URLs with credentials are not fetched");
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (METADATA_HOSTS.has(host)) throw new AddressRefused(`${host} is a cloud-metadata host`);
}

/**
 * Refuses what can be refused before any request: a non-http(s) URL, a refused literal address
 * (names are checked again on every fetch, since what they resolve to can change).
 * Returns the normalised URL or the reason it is refused.
 */
export function checkFeedUrl(value: string): { url: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { error: `"${value}" is not a URL; give the feed's http(s) address` };
  }
  try {
    checkUrl(url);
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (isIP(host)) checkAddress(host, allowListOf(process.env.ESCAPEWATCH_FETCH_ALLOW));
  } catch (error) {
    return { error: (error as Error).message };
  }
  return { url: url.href };
}
