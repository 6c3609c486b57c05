import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { IssuedSession } from "../use-cases/sessions";

/**
 * The access token travels only in an httpOnly cookie scoped to the API; the refresh token in
 * one scoped to /api/auth, so ordinary requests never carry it. Both are Secure (browsers
 * treat http://localhost as secure) and SameSite; the CSRF token is returned in the body.
 */
export const ACCESS_COOKIE = "finstat_access";
export const REFRESH_COOKIE = "finstat_refresh";
export const CSRF_HEADER = "x-csrf-token";

export function setSessionCookies(c: Context, session: IssuedSession): void {
  setCookie(c, ACCESS_COOKIE, session.accessToken, {
    path: "/api",
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
    expires: session.accessExpiresAt,
  });
  setCookie(c, REFRESH_COOKIE, session.refreshToken, {
    path: "/api/auth",
    httpOnly: true,
    secure: true,
    sameSite: "Strict",
    expires: session.refreshExpiresAt,
  });
}

export function clearSessionCookies(c: Context): void {
  deleteCookie(c, ACCESS_COOKIE, { path: "/api", secure: true });
  deleteCookie(c, REFRESH_COOKIE, { path: "/api/auth", secure: true });
}

export const accessTokenOf = (c: Context) => getCookie(c, ACCESS_COOKIE);
export const refreshTokenOf = (c: Context) => getCookie(c, REFRESH_COOKIE);

/** What the web keeps in memory after log-in or refresh. */
export function sessionBody(session: IssuedSession) {
  return { csrfToken: session.csrfToken, accessExpiresAt: session.accessExpiresAt.toISOString() };
}
