import { BlockList, isIP } from "node:net";
import type { Context } from "hono";

interface RuntimeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
  server?: { incoming?: { socket?: { remoteAddress?: string } } };
  event?: { requestContext?: { http?: { sourceIp?: string }; identity?: { sourceIp?: string } } };
}

/** Per request: the address settled with TRUSTED_PROXIES, for readers that have no config (audit). */
const settled = new WeakMap<Request, string>();
const matchers = new WeakMap<readonly string[], BlockList>();

/**
 * The caller's address, from the runtime itself (Lambda's request context, Node's socket).
 * X-Forwarded-For is a header any client can write, so it counts only when the socket's peer is
 * one of TRUSTED_PROXIES; then the nearest hop those proxies did not write is the client.
 * Settles the address for the request, so `clientIp(c)` later gives the same answer.
 */
export function resolveClientIp(c: Context, trustedProxies: readonly string[]): string {
  const address = addressOf(c, trustedProxies);
  settled.set(c.req.raw, address);
  return address;
}

/** The address `resolveClientIp` settled for this request; without one, the runtime's own. */
export function clientIp(c: Context): string {
  return settled.get(c.req.raw) ?? addressOf(c, []);
}

function addressOf(c: Context, trustedProxies: readonly string[]): string {
  const env = (c.env ?? {}) as RuntimeBindings;
  // API Gateway and function URLs take sourceIp from the connection, not from a header.
  const lambda = env.event?.requestContext?.http?.sourceIp ?? env.event?.requestContext?.identity?.sourceIp;
  if (lambda) return lambda;
  const socket = env.incoming?.socket?.remoteAddress ?? env.server?.incoming?.socket?.remoteAddress;
  if (!socket) return "unknown";
  const peer = plainAddress(socket) ?? socket;
  if (trustedProxies.length === 0) return peer;
  const trusted = matcherFor(trustedProxies);
  if (!isTrusted(trusted, peer)) return peer;
  // Each proxy appends the address it was reached from: walk back from our side of the chain.
  let nearest = peer;
  const hops = (c.req.header("x-forwarded-for") ?? "").split(",").reverse();
  for (const hop of hops) {
    const address = plainAddress(hop.trim());
    if (!address) return nearest;
    if (!isTrusted(trusted, address)) return address;
    nearest = address;
  }
  return nearest;
}

function matcherFor(trustedProxies: readonly string[]): BlockList {
  let matcher = matchers.get(trustedProxies);
  if (!matcher) {
    matcher = new BlockList();
    for (const entry of trustedProxies) {
      const [address = "", prefix] = entry.split("/");
      const type = isIP(address) === 6 ? "ipv6" : "ipv4";
      if (prefix === undefined) matcher.addAddress(address, type);
      else matcher.addSubnet(address, Number(prefix), type);
    }
    matchers.set(trustedProxies, matcher);
  }
  return matcher;
}

function isTrusted(matcher: BlockList, address: string): boolean {
  return matcher.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/** "::ffff:10.0.0.1" → "10.0.0.1", "10.0.0.1:8080" and "[::1]:443" lose the port; not an IP → undefined. */
function plainAddress(value: string): string | undefined {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value)?.[1];
  const withoutPort = bracketed ?? /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value)?.[1] ?? value;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(withoutPort)?.[1] ?? withoutPort;
  return isIP(mapped) === 0 ? undefined : mapped;
}
