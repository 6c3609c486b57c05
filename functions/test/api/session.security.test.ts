import { sessions, users } from "@finstat/db/schema";
import { eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../support/databases";
import { openTestApi, type TestApi } from "./support/harness";

describe.each(databaseTargets())("sessions and request safety on $name", (target) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(target);
  });
  afterAll(() => api.close());

  it("sets httpOnly, Secure, SameSite cookies and never returns a token in the body", async () => {
    const browser = api.client();
    const credentials = { email: "cookies@example.com", password: "a long enough password" };
    expect((await browser.post("/api/auth/register", { ...credentials, fullName: "C" })).status).toBe(202);
    const response = await browser.raw("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(credentials),
    });
    expect(response.status).toBe(200);
    const cookies = response.headers.getSetCookie();
    const access = cookies.find((c) => c.startsWith("finstat_access="))!;
    const refresh = cookies.find((c) => c.startsWith("finstat_refresh="))!;
    expect(access).toMatch(/HttpOnly/i);
    expect(access).toMatch(/Secure/i);
    expect(access).toMatch(/SameSite=Lax/i);
    expect(refresh).toMatch(/Path=\/api\/auth/);
    expect(refresh).toMatch(/SameSite=Strict/i);
    const body = await response.text();
    expect(body).not.toContain(browser.cookies.get("finstat_access")!);
    expect(body).not.toContain(browser.cookies.get("finstat_refresh")!);
  });

  it("requires the CSRF token on cookie-authenticated writes and refuses foreign origins", async () => {
    const browser = api.client();
    await browser.signUp("csrf@example.com");
    const token = browser.csrfToken;
    browser.csrfToken = undefined;
    const forged = await browser.post("/api/companies", { name: "Forged" });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe("csrf_token_invalid");
    browser.csrfToken = "not-the-token";
    expect((await browser.post("/api/companies", { name: "Forged" })).status).toBe(403);
    browser.csrfToken = token;
    browser.origin = "https://evil.example";
    const crossSite = await browser.post("/api/companies", { name: "Forged" });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.error.code).toBe("origin_not_allowed");
    browser.origin = "http://localhost:3000";
    expect((await browser.post("/api/companies", { name: "Allowed" })).status).toBe(201);
    expect((await browser.get("/api/companies")).body.companies.map((c: { name: string }) => c.name)).toEqual(
      ["Allowed"],
    );
  });

  it("revokes the session at logout: the old access cookie no longer works", async () => {
    const browser = api.client();
    await browser.signUp("logout@example.com");
    const stolen = new Map(browser.cookies);
    expect((await browser.post("/api/auth/logout")).status).toBe(200);
    const replay = api.client();
    for (const [name, value] of stolen) replay.cookies.set(name, value);
    expect((await replay.get("/api/auth/me")).status).toBe(401);
    expect((await replay.post("/api/auth/refresh")).status).toBe(401);
  });

  it("rotates refresh tokens and revokes every session when a used one comes back", async () => {
    const browser = api.client();
    await browser.signUp("refresh@example.com");
    const firstRefresh = browser.cookies.get("finstat_refresh")!;
    const refreshed = await browser.post("/api/auth/refresh");
    expect(refreshed.status).toBe(200);
    expect(browser.cookies.get("finstat_refresh")).not.toBe(firstRefresh);
    expect((await browser.get("/api/auth/me")).status).toBe(200);

    // Past the grace window that lets two tabs refresh at once (see auth-hardening.security.test.ts).
    await api.database.db
      .update(sessions)
      .set({
        rotatedAt: sql`rotated_at - interval '1 minute'`,
        revokedAt: sql`revoked_at - interval '1 minute'`,
      })
      .where(isNotNull(sessions.rotatedAt));
    const thief = api.client();
    thief.cookies.set("finstat_refresh", firstRefresh);
    expect((await thief.post("/api/auth/refresh")).status).toBe(401);
    // The reuse revoked the legitimate session too: both must log in again.
    expect((await browser.get("/api/auth/me")).status).toBe(401);
  });

  it("rejects forged and malformed access tokens", async () => {
    const browser = api.client();
    await browser.signUp("forged@example.com");
    const token = browser.cookies.get("finstat_access")!;
    const [header, payload] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString());
    const tampered = Buffer.from(
      JSON.stringify({ ...claims, sub: "00000000-0000-4000-8000-000000000000" }),
    ).toString("base64url");
    browser.cookies.set("finstat_access", `${header}.${tampered}.${token.split(".")[2]}`);
    expect((await browser.get("/api/auth/me")).status).toBe(401);
    const none = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    browser.cookies.set("finstat_access", `${none}.${payload}.`);
    expect((await browser.get("/api/auth/me")).status).toBe(401);
  });

  it("sends security headers and keeps passwords, tokens and cookies out of the logs", async () => {
    const browser = api.client();
    const password = "s3cret-password-never-logged";
    await browser.signUp("logs@example.com", password);
    const response = await browser.raw("/api/auth/me", { method: "GET" });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-request-id")).toEqual(expect.any(String));
    const logs = api.logs.join("\n");
    expect(logs).toContain('"path":"/api/auth/me"');
    expect(logs).toContain(`"userId"`);
    expect(logs).not.toContain(password);
    expect(logs).not.toContain(browser.cookies.get("finstat_access")!);
    expect(logs).not.toContain(browser.cookies.get("finstat_refresh")!);
    expect(logs).not.toContain(browser.csrfToken!);
  });

  it("stores passwords only as scrypt hashes", async () => {
    const browser = api.client();
    await browser.signUp("hash@example.com", "plain text password");
    const [row] = await api.database.db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.email, "hash@example.com"));
    expect(row!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row!.passwordHash).not.toContain("plain text password");
  });
});
