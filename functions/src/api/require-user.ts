import type { Context, MiddlewareHandler } from "hono";
import { AppError } from "../app-error";
import { authenticateApiKey } from "../use-cases/api-key-authentication";
import { apiKeyNotAllowed } from "../use-cases/api-keys";
import type { Actor, Services } from "../use-cases/context";
import { notFound } from "../use-cases/errors";
import { membersOf } from "../use-cases/memberships";
import { authenticateAccessToken, unauthenticated } from "../use-cases/sessions";
import { clientIp } from "./client-ip";
import type { ApiEnv, AuthenticatedUser } from "./env";
import { enforceRateLimit } from "./rate-limit";
import { accessTokenOf, CSRF_HEADER } from "./session-cookies";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const BEARER = /^Bearer\s+(\S+)\s*$/i;

export interface CallerOptions {
  /**
   * Whether a script's API key may call these routes (documents, companies, reports). Off by
   * default: the account, its sessions and the keys themselves take a signed-in person.
   */
  apiKeys?: boolean;
}

/**
 * Authenticates by `Authorization: Bearer fsk_…` or else by the access cookie. A cookie write
 * must carry the session's CSRF token in X-CSRF-Token (a cross-site form or fetch cannot read
 * it); a bearer call needs none, as a browser never adds that header on its own. The hourly
 * rate limit is counted per user, or per key. Sets `user` and a logger carrying the user id.
 */
export function requireUser(
  services: Pick<Services, "db" | "config" | "now">,
  options: CallerOptions = {},
): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    // Routers sharing a prefix (organisations, their API keys) may each ask: authenticate and
    // count the request once, but let each decide whether a key may call it.
    const known = c.get("user");
    if (known) {
      if (known.apiKey && !options.apiKeys) throw apiKeyNotAllowed();
      return next();
    }
    const bearer = c.req.header("authorization")?.match(BEARER)?.[1];
    const user: AuthenticatedUser = bearer
      ? await authenticateApiKey(services, bearer)
      : await sessionCaller(services, c);
    c.set("user", user);
    const logger = c.get("logger");
    if (logger) {
      c.set(
        "logger",
        logger.child({ userId: user.userId, ...(user.apiKey ? { apiKeyId: user.apiKey.id } : {}) }),
      );
    }
    if (user.apiKey && !options.apiKeys) throw apiKeyNotAllowed();
    const organisationId = c.req.header(ORGANISATION_HEADER);
    if (organisationId) c.set("organisationId", await actingOrganisation(services, user, organisationId));
    await enforceRateLimit(services, c, user.apiKey ? `key:${user.apiKey.id}` : `user:${user.userId}`);
    await next();
  };
}

async function sessionCaller(
  services: Pick<Services, "db" | "config" | "now">,
  c: Context<ApiEnv>,
): Promise<AuthenticatedUser> {
  const token = accessTokenOf(c);
  if (!token) throw unauthenticated();
  const claims = await authenticateAccessToken(services, token);
  if (!SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== claims.csrfToken) {
    throw new AppError(
      "csrf_token_invalid",
      "This request is missing its security token. Reload the page and try again.",
    );
  }
  return claims;
}

/** The signed-in person's session, for routes that refuse API keys. */
// biome-ignore lint/suspicious/noExplicitAny: any route's context, whatever its path and input.
export function sessionOf(c: Context<ApiEnv, any, any>): {
  userId: string;
  sessionId: string;
  csrfToken: string;
} {
  const user = c.get("user");
  if (user.apiKey) throw apiKeyNotAllowed();
  return user;
}

/** The organisation switcher's choice: lists show it alone, new companies go into it. */
export const ORGANISATION_HEADER = "x-organisation-id";

/** Naming an organisation one does not belong to answers like an unknown one: nothing is learnt. */
async function actingOrganisation(
  services: Pick<Services, "db">,
  user: AuthenticatedUser,
  organisationId: string,
): Promise<string> {
  const members = await membersOf(services, {
    userId: user.userId,
    ...(user.apiKey ? { apiKey: user.apiKey } : {}),
  });
  if (!members.some((member) => member.organisationId === organisationId)) throw notFound("organisation");
  return organisationId;
}

/** The use-case caller for this request. */
// biome-ignore lint/suspicious/noExplicitAny: any route's context, whatever its path and input.
export function actorOf(c: Context<ApiEnv, any, any>): Actor {
  const user = c.get("user");
  const organisationId = c.get("organisationId");
  return {
    userId: user.userId,
    ip: clientIp(c),
    ...(user.apiKey ? { apiKey: user.apiKey } : {}),
    ...(organisationId ? { organisationId } : {}),
  };
}
