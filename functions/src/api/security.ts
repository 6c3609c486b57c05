import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { AppError } from "../app-error";
import type { Config } from "../platform/config";

/**
 * Headers for a JSON API: nothing may frame it, sniff its types or cache its answers; the CSP
 * forbids everything because the API never serves a page.
 */
export function apiSecurityHeaders(): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    strictTransportSecurity: "max-age=31536000; includeSubDomains",
    xFrameOptions: "DENY",
    referrerPolicy: "no-referrer",
    crossOriginResourcePolicy: "same-site",
  });
  return async (c, next) => {
    await headers(c, async () => {
      await next();
      if (!c.res.headers.has("Cache-Control")) c.header("Cache-Control", "no-store");
    });
  };
}

/**
 * Browsers send Origin on cross-site writes: one that is neither the web app nor the API
 * itself is refused before any cookie is looked at (login CSRF included).
 */
export function sameOriginWrites(config: Pick<Config, "WEB_ORIGIN" | "PUBLIC_URL">): MiddlewareHandler {
  const allowed = new Set([config.WEB_ORIGIN, new URL(config.PUBLIC_URL).origin]);
  return async (c, next) => {
    const origin = c.req.header("origin");
    if (origin && !["GET", "HEAD", "OPTIONS"].includes(c.req.method) && !allowed.has(origin)) {
      throw new AppError("origin_not_allowed", "Requests from this site are not accepted.");
    }
    await next();
  };
}
