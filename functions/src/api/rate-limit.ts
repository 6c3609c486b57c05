import type { Context, MiddlewareHandler } from "hono";
import { AppError } from "../app-error";
import type { Services } from "../use-cases/context";
import { countHit } from "../use-cases/rate-limits";
import { resolveClientIp } from "./client-ip";
import type { ApiEnv } from "./env";

const HOUR = 3600;

/**
 * RATE_LIMIT_PER_HOUR requests per user (or, before log-in, per address) per clock hour,
 * counted in Postgres so every Lambda instance and process shares the count.
 */
export async function enforceRateLimit(
  services: Pick<Services, "db" | "config" | "now">,
  c: Context,
  subject: string,
) {
  // Every route passes through here before its handler (open routes per address, the others per
  // user): the request's address is settled now, with TRUSTED_PROXIES, for the audit log too.
  resolveClientIp(c, services.config.TRUSTED_PROXIES);
  const limit = services.config.RATE_LIMIT_PER_HOUR;
  const { count, resetAt } = await countHit(services.db, subject, HOUR, services.now());
  const resetSeconds = Math.max(0, Math.ceil((resetAt.getTime() - services.now().getTime()) / 1000));
  c.header("X-RateLimit-Limit", String(limit));
  c.header("X-RateLimit-Remaining", String(Math.max(0, limit - count)));
  c.header("X-RateLimit-Reset", String(Math.floor(resetAt.getTime() / 1000)));
  if (count > limit) {
    c.header("Retry-After", String(resetSeconds));
    throw new AppError(
      "rate_limited",
      `Too many requests: the limit is ${limit} per hour. Try again in ${Math.ceil(resetSeconds / 60)} minutes.`,
      { limit, retryAfterSeconds: resetSeconds },
    );
  }
}

/** For the routes open before log-in (register, log-in, refresh): limited per address. */
export function limitByAddress(services: Pick<Services, "db" | "config" | "now">): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    await enforceRateLimit(services, c, `ip:${resolveClientIp(c, services.config.TRUSTED_PROXIES)}`);
    await next();
  };
}
