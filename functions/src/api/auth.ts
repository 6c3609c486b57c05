import { createRoute } from "@hono/zod-openapi";
import { credentials, currentUser, logIn, registerUser, registration } from "../use-cases/accounts";
import type { Services } from "../use-cases/context";
import { organisationsOf } from "../use-cases/memberships";
import {
  authenticateAccessToken,
  revokeRefreshToken,
  revokeSession,
  rotateRefreshToken,
  unauthenticated,
} from "../use-cases/sessions";
import { clientIp } from "./client-ip";
import { type Answer, apiRouter, jsonAnswer, jsonRequest } from "./openapi-route";
import { limitByAddress } from "./rate-limit";
import { requireUser, sessionOf } from "./require-user";
import {
  accessTokenOf,
  clearSessionCookies,
  refreshTokenOf,
  sessionBody,
  setSessionCookies,
} from "./session-cookies";
import { plainText } from "./validation";

const tags = ["auth"];
type Session = ReturnType<typeof sessionBody>;
type SignedIn = { user: Answer<typeof logIn>["user"] } & Session;
type Refreshed = { user: Answer<typeof currentUser> } & Session;

export function authRoutes(services: Services) {
  const open = limitByAddress(services);
  const register = createRoute({
    method: "post",
    path: "/register",
    summary: "Create an account (then log in); the same answer whether or not the address is taken",
    tags,
    security: [],
    middleware: [open, plainText],
    request: { body: jsonRequest(registration) },
    responses: { 202: jsonAnswer<Answer<typeof registerUser>>("Received; no session") },
  });
  const login = createRoute({
    method: "post",
    path: "/login",
    summary: "Log in (throttled per account and address)",
    tags,
    security: [],
    middleware: [open, plainText],
    request: { body: jsonRequest(credentials) },
    responses: { 200: jsonAnswer<SignedIn>("Signed in; session cookies set") },
  });
  const refresh = createRoute({
    method: "post",
    path: "/refresh",
    summary: "Rotate the refresh token, new access cookie",
    tags,
    security: [],
    middleware: [open],
    responses: { 200: jsonAnswer<Refreshed>("New session cookies set") },
  });
  const logout = createRoute({
    method: "post",
    path: "/logout",
    summary: "Revoke the session and clear the cookies",
    tags,
    security: [],
    responses: { 200: jsonAnswer<{ ok: boolean }>("Signed out") },
  });
  const me = createRoute({
    method: "get",
    path: "/me",
    summary: "The signed-in user and the CSRF token",
    tags,
    middleware: [requireUser(services)],
    responses: {
      200: jsonAnswer<{
        user: Answer<typeof currentUser>;
        organisations: Answer<typeof organisationsOf>;
        csrfToken: string;
      }>("The signed-in user, their organisations and roles"),
    },
  });

  return apiRouter()
    .openapi(register, async (c) => {
      // The same 202 for a new and a taken address, and no session: the web logs in next.
      return c.json(await registerUser(services, c.req.valid("json"), { ip: clientIp(c) }), 202);
    })
    .openapi(login, async (c) => {
      const meta = { ip: clientIp(c), userAgent: c.req.header("user-agent") };
      const { user, session } = await logIn(services, c.req.valid("json"), meta);
      setSessionCookies(c, session);
      return c.json({ user, ...sessionBody(session) }, 200);
    })
    .openapi(refresh, async (c) => {
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
    .openapi(logout, async (c) => {
      // Logging out must work with an expired access token too: revoke whatever can be identified.
      const token = accessTokenOf(c);
      const claims = token
        ? await authenticateAccessToken(services, token).catch(() => undefined)
        : undefined;
      if (claims) await revokeSession(services, claims.sessionId);
      const refreshToken = refreshTokenOf(c);
      if (refreshToken && !claims) await revokeRefreshToken(services, refreshToken);
      clearSessionCookies(c);
      return c.json({ ok: true }, 200);
    })
    .openapi(me, async (c) => {
      const user = sessionOf(c);
      return c.json(
        {
          user: await currentUser(services, user.userId),
          organisations: await organisationsOf(services.db, user.userId),
          csrfToken: user.csrfToken,
        },
        200,
      );
    });
}
