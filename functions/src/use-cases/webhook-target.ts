import { isIPv4, isIPv6 } from "node:net";

/**
 * Where a webhook may point: pure checks of a URL and of the addresses its host resolves to,
 * shared by registration (use-cases/webhooks.ts) and delivery (worker/webhook-delivery.ts,
 * which connects only to an address these checks passed).
 */

export interface WebhookPolicy {
  /** Loopback, private and reserved addresses: WEBHOOK_ALLOW_PRIVATE in the embedded shape, and tests. */
  allowPrivateNetworks: boolean;
  /** Plain http: never in AWS. Unset, it follows allowPrivateNetworks. */
  allowHttp?: boolean;
}

/** What the internet can route to, or the special-purpose range an address belongs to. */
export type AddressRange =
  | "public"
  | "this-network"
  | "unspecified"
  | "loopback"
  | "private"
  | "shared"
  | "link-local"
  | "unique-local"
  | "ietf-protocol"
  | "documentation"
  | "benchmarking"
  | "multicast"
  | "broadcast"
  | "reserved";

export interface TargetProblem {
  code: "webhook_url_insecure" | "webhook_url_credentials" | "webhook_url_private" | "webhook_url_invalid";
  message: string;
}

type Range4 = [number, number, AddressRange];

/** IANA IPv4 special-purpose registry (RFC 6890 and successors), as [network, prefix length, range]. */
const IPV4_RANGES: Range4[] = [
  [ipv4("0.0.0.0"), 8, "this-network"],
  [ipv4("10.0.0.0"), 8, "private"],
  [ipv4("100.64.0.0"), 10, "shared"],
  [ipv4("127.0.0.0"), 8, "loopback"],
  [ipv4("169.254.0.0"), 16, "link-local"],
  [ipv4("172.16.0.0"), 12, "private"],
  [ipv4("192.0.0.0"), 24, "ietf-protocol"],
  [ipv4("192.0.2.0"), 24, "documentation"],
  [ipv4("192.88.99.0"), 24, "reserved"],
  [ipv4("192.168.0.0"), 16, "private"],
  [ipv4("198.18.0.0"), 15, "benchmarking"],
  [ipv4("198.51.100.0"), 24, "documentation"],
  [ipv4("203.0.113.0"), 24, "documentation"],
  [ipv4("224.0.0.0"), 4, "multicast"],
  [ipv4("255.255.255.255"), 32, "broadcast"],
  [ipv4("240.0.0.0"), 4, "reserved"],
];

/** Host names that only mean something inside a network, whatever they resolve to. */
const LOCAL_NAME_SUFFIXES = [".localhost", ".local", ".internal", ".home.arpa", ".localdomain", ".lan"];

/**
 * The range of an IPv4 or IPv6 address (brackets and an IPv6 zone allowed), or null when the
 * text is not an address in canonical notation. An IPv6 address that carries an IPv4 address
 * (mapped ::ffff:0:0/96, compatible ::/96, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged by
 * the IPv4 address, because that is where a packet to it ends up.
 */
export function addressRange(text: string): AddressRange | null {
  const literal = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  if (isIPv4(literal)) return ipv4Range(ipv4(literal));
  const withoutZone = literal.replace(/%[\w.-]+$/, "");
  if (!isIPv6(withoutZone)) return null;
  const words = ipv6Words(withoutZone);
  return words ? ipv6Range(words) : null;
}

export function isPublicAddress(text: string): boolean {
  return addressRange(text) === "public";
}

/**
 * Checks what the URL alone tells: scheme, credentials, and a host that is a non-public
 * address literal or a local-only name. The addresses a name resolves to are checked when
 * the webhook is delivered (checkWebhookAddress), because DNS answers change.
 */
export function checkWebhookUrl(url: URL, policy: WebhookPolicy): TargetProblem | null {
  const allowHttp = policy.allowHttp ?? policy.allowPrivateNetworks;
  if (url.protocol !== "https:" && !(allowHttp && url.protocol === "http:")) {
    return { code: "webhook_url_insecure", message: "Webhook URLs must use https." };
  }
  if (url.username || url.password) {
    return { code: "webhook_url_credentials", message: "Put no user name or password in the webhook URL." };
  }
  if (policy.allowPrivateNetworks) return null;
  const range = addressRange(url.hostname);
  if (range !== null) return range === "public" ? null : privateTarget(range);
  if (isLocalName(url.hostname)) return privateTarget("local network name");
  return null;
}

/** Checks one address the webhook's host resolved to, before anything connects to it. */
export function checkWebhookAddress(address: string, policy: WebhookPolicy): TargetProblem | null {
  const range = addressRange(address);
  if (range === null) {
    return { code: "webhook_url_invalid", message: "The webhook host did not resolve to an IP address." };
  }
  if (range === "public" || policy.allowPrivateNetworks) return null;
  return privateTarget(range);
}

function privateTarget(range: string): TargetProblem {
  return {
    code: "webhook_url_private",
    message: `Webhook URLs must point at a public address, not a ${range} one.`,
  };
}

/** localhost, mDNS and cloud-internal names, and single-label names (completed by a search domain). */
function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.+$/, "");
  if (name === "localhost" || !name.includes(".")) return true;
  return LOCAL_NAME_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

function ipv4(text: string): number {
  return text.split(".").reduce((value, octet) => value * 256 + Number(octet), 0);
}

function ipv4Range(value: number): AddressRange {
  for (const [network, bits, range] of IPV4_RANGES) {
    const size = 2 ** (32 - bits);
    if (value >= network && value < network + size) return range;
  }
  return "public";
}

/** Eight 16-bit words of a valid IPv6 address (isIPv6 has accepted it). */
function ipv6Words(text: string): number[] | null {
  let head = text;
  let tail: number[] = [];
  const dotted = text.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    if (!isIPv4(dotted[2]!)) return null;
    const value = ipv4(dotted[2]!);
    head = `${dotted[1]}0:0`;
    tail = [Math.floor(value / 65536), value % 65536];
  }
  const halves = head.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string) =>
    part === "" ? [] : part.split(":").map((word) => Number.parseInt(word, 16));
  const left = parse(halves[0]!);
  const right = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const words = [...left, ...Array<number>(missing).fill(0), ...right];
  if (tail.length === 2) words.splice(6, 2, ...tail);
  return words.length === 8 && words.every((word) => Number.isInteger(word) && word >= 0 && word <= 0xffff)
    ? words
    : null;
}

function ipv6Range(words: number[]): AddressRange {
  const [w0, w1, w2, w3, w4, w5, w6, w7] = words as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const embedded = (high: number, low: number) => ipv4Range(high * 65536 + low);
  const firstFiveZero = w0 === 0 && w1 === 0 && w2 === 0 && w3 === 0 && w4 === 0;

  if (firstFiveZero && w5 === 0xffff) return embedded(w6, w7); // ::ffff:a.b.c.d, mapped
  if (firstFiveZero && w5 === 0) {
    if (w6 === 0 && w7 === 0) return "unspecified";
    if (w6 === 0 && w7 === 1) return "loopback";
    return embedded(w6, w7); // ::a.b.c.d, IPv4-compatible (deprecated)
  }
  if (w0 === 0x64 && w1 === 0xff9b && w2 === 0 && w3 === 0 && w4 === 0 && w5 === 0) {
    return embedded(w6, w7); // NAT64 well-known prefix
  }
  if (w0 === 0x2002) return embedded(w1, w2); // 6to4
  if (w0 >= 0xff00) return "multicast";
  if ((w0 & 0xffc0) === 0xfe80) return "link-local";
  if ((w0 & 0xffc0) === 0xfec0) return "reserved"; // site-local, deprecated
  if ((w0 & 0xfe00) === 0xfc00) return "unique-local";
  if (w0 === 0x2001 && w1 === 0x0db8) return "documentation";
  if ((w0 & 0xfff0) === 0x3ff0) return "documentation"; // 3fff::/20
  if (w0 === 0x2001 && w1 < 0x0200) return "ietf-protocol"; // 2001::/23: Teredo, benchmarking, ORCHID
  // Everything else outside global unicast 2000::/3 is unassigned or special (100::/64, 64:ff9b:1::/48).
  if ((w0 & 0xe000) !== 0x2000) return "reserved";
  return "public";
}
