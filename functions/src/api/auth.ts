import { Hono } from "hono";
import { credentials, currentUser, logIn, registerUser, registration } from "../use-cases/accounts";
import type { Services } from "../use-cases/context";
import {
  authenticateAccessToken,
  revokeRefreshToken,
  revokeSession,
  rotateRefreshToken,
  unauthenticated,
} from "../use-cases/sessions";
import { clientIp } from "./client-ip";
import type { ApiEnv } from "./env";
import { limitByAddress } from "./rate-limit";
import { requireUser } from "./require-user";
import {
  accessTokenOf,
  clearSessionCookies,
  refreshTokenOf,
  sessionBody,
  setSessionCookies,
} from "./session-cookies";
import { jsonBody } from "./validation";

export function authRoutes(services: Services) {
  const open = limitByAddress(services);
  return new Hono<ApiEnv>()
    .post("/register", open, jsonBody(registration), async (c) => {
      // The same 202 for a new and a taken address, and no session: the web logs in next.
      return c.json(await registerUser(services, c.req.valid("json"), { ip: clientIp(c) }), 202);
    })
    .post("/login", open, jsonBody(credentials), async (c) => {
      const meta = { ip: clientIp(c), userAgent: c.req.header("user-agent") };
      const { user, session } = await logIn(services, c.req.valid("json"), meta);
      setSessionCookies(c, session);
      return c.json({ user, ...sessionBody(session) }, 200);
    })
    .post("/refresh", open, async (c) => {
      const token = refreshTokenOf(c);
      if (!token) throw unauthenticated();
      try {
        const session = await rotateRefreshToken(services, token, c.req.header("user-agent"));
        setSessionCookies(c, session);
        return c.json({ user: await currentUser(services, session.userId), ...sessionBody(session) }, 200);
      } catch (error) {
        clearSessionCookies(c);
        throw error;
      }
    })
    .post("/logout", async (c) => {
      // Logging out must work with an expired access token too: revoke whatever can be identified.
      const token = accessTokenOf(c);
      const claims = token
        ? await authenticateAccessToken(services, token).catch(() => undefined)
        : undefined;
      if (claims) await revokeSession(services, claims.sessionId);
      const refresh = refreshTokenOf(c);
      if (refresh && !claims) await revokeRefreshToken(services, refresh);
      clearSessionCookies(c);
      return c.json({ ok: true }, 200);
    })
    .get("/me", requireUser(services), async (c) => {
      const user = c.get("user");
      return c.json({ user: await currentUser(services, user.userId), csrfToken: user.csrfToken }, 200);
    });
}
