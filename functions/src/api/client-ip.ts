import type { Context } from "hono";

interface RuntimeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
  server?: { incoming?: { socket?: { remoteAddress?: string } } };
  event?: { requestContext?: { http?: { sourceIp?: string }; identity?: { sourceIp?: string } } };
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * The caller's address from the runtime itself (Lambda's request context, Node's socket),
 * never from a header a client could set. Behind a proxy on the same machine (the embedded
 * web server) the last X-Forwarded-For hop, which that proxy wrote, is used instead.
 */
export function clientIp(c: Context): string {
  const env = (c.env ?? {}) as RuntimeBindings;
  const lambda = env.event?.requestContext?.http?.sourceIp ?? env.event?.requestContext?.identity?.sourceIp;
  if (lambda) return lambda;
  const socket = env.incoming?.socket?.remoteAddress ?? env.server?.incoming?.socket?.remoteAddress;
  if (socket && LOOPBACK.has(socket)) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return socket ?? "unknown";
}
