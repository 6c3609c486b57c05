import type { Context, MiddlewareHandler } from "hono";
import { AppError } from "../app-error";
import type { Actor, Services } from "../use-cases/context";
import { notFound } from "../use-cases/errors";
import { membershipsOf } from "../use-cases/memberships";
import { authenticateAccessToken, unauthenticated } from "../use-cases/sessions";
import { clientIp } from "./client-ip";
import type { ApiEnv } from "./env";
import { enforceRateLimit } from "./rate-limit";
import { accessTokenOf, CSRF_HEADER } from "./session-cookies";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Authenticates by the access cookie, then: a write must carry the session's CSRF token in
 * X-CSRF-Token (a cross-site form or fetch cannot read it), and the user's hourly rate limit is
 * counted. Sets `user` and a logger carrying the user id.
 */
export function requireUser(services: Pick<Services, "db" | "config" | "now">): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const token = accessTokenOf(c);
    if (!token) throw unauthenticated();
    const claims = await authenticateAccessToken(services, token);
    if (!SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== claims.csrfToken) {
      throw new AppError(
        "csrf_token_invalid",
        "This request is missing its security token. Reload the page and try again.",
      );
    }
    c.set("user", claims);
    const organisationId = c.req.header(ORGANISATION_HEADER);
    if (organisationId)
      c.set("organisationId", await actingOrganisation(services, claims.userId, organisationId));
    const logger = c.get("logger");
    if (logger) c.set("logger", logger.child({ userId: claims.userId }));
    await enforceRateLimit(services, c, `user:${claims.userId}`);
    await next();
  };
}

/** The organisation switcher's choice: lists show it alone, new companies go into it. */
export const ORGANISATION_HEADER = "x-organisation-id";

/** Naming an organisation one does not belong to answers like an unknown one: nothing is learnt. */
async function actingOrganisation(services: Pick<Services, "db">, userId: string, organisationId: string) {
  const members = await membershipsOf(services.db, userId);
  if (!members.some((member) => member.organisationId === organisationId)) throw notFound("organisation");
  return organisationId;
}

/** The use-case caller for this request. */
// biome-ignore lint/suspicious/noExplicitAny: any route's context, whatever its path and input.
export function actorOf(c: Context<ApiEnv, any, any>): Actor {
  const organisationId = c.get("organisationId");
  return { userId: c.get("user").userId, ip: clientIp(c), ...(organisationId ? { organisationId } : {}) };
}
