import type { AppType } from "@finstat/functions/api";
import { hc } from "hono/client";
import { actingOrganisation, ORGANISATION_HEADER, sendsOrganisation } from "./acting-organisation";
import { ApiError, errorFromResponse } from "./errors";
import { csrfToken, rememberSession } from "./session-token";

const CSRF_HEADER = "X-CSRF-Token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Endpoints that must never trigger a refresh-and-retry (they are the refresh, or give no session). */
const NO_REFRESH = ["/api/auth/login", "/api/auth/register", "/api/auth/refresh", "/api/auth/logout"];

let refreshing: Promise<boolean> | null = null;

/**
 * Renews the 15-minute access cookie with the refresh cookie. Concurrent callers share one
 * request, because the refresh token rotates: a second parallel refresh would be refused.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const response = await fetch("/api/auth/refresh", { method: "POST", credentials: "same-origin" });
      if (!response.ok) return false;
      const body = (await response.json()) as { csrfToken?: string };
      rememberSession(body.csrfToken ?? null);
      return true;
    } catch {
      return false;
    } finally {
      setTimeout(() => {
        refreshing = null;
      }, 0);
    }
  })();
  return refreshing;
}

/**
 * fetch with the session's CSRF token on writes and one transparent refresh when the access
 * cookie has expired. Every API call of the web goes through it, typed or not.
 */
export async function apiFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const send = () => {
    const request = new Request(input, { credentials: "same-origin", ...init });
    const token = csrfToken();
    if (token && !SAFE_METHODS.has(request.method)) request.headers.set(CSRF_HEADER, token);
    const organisation = actingOrganisation();
    if (organisation && sendsOrganisation(path)) request.headers.set(ORGANISATION_HEADER, organisation);
    return fetch(request);
  };
  const path = new URL(
    typeof input === "string" || input instanceof URL ? input : input.url,
    window.location.href,
  ).pathname;
  const response = await send();
  if (response.status !== 401) return response;
  if (NO_REFRESH.includes(path)) return response;
  return (await refreshSession()) ? send() : response;
}

function createClient() {
  return hc<AppType>(typeof window === "undefined" ? "http://localhost" : window.location.origin, {
    fetch: apiFetch as typeof fetch,
  });
}

let client: ReturnType<typeof createClient> | null = null;

/** The typed API client (Hono RPC); created lazily because it needs the page's origin. */
export function api(): ReturnType<typeof createClient>["api"] {
  client ??= createClient();
  return client.api;
}

/** Awaits a typed call and returns its JSON body, or throws the API's error as an ApiError. */
export async function unwrap<T>(
  pending: Promise<{ ok: boolean; status: number; json(): Promise<T> }>,
): Promise<T> {
  let response: { ok: boolean; status: number; json(): Promise<T> };
  try {
    response = await pending;
  } catch (error) {
    throw new ApiError("network_error", 0, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await errorFromResponse(response as unknown as Response);
  return response.json();
}
