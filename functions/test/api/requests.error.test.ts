import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../support/databases";
import type { ApiClient } from "./support/client";
import { openTestApi, type TestApi } from "./support/harness";

const errorShape = {
  error: { code: expect.any(String), message: expect.any(String), requestId: expect.any(String) },
};

describe.each(databaseTargets())("request errors on $name", (target) => {
  let api: TestApi;
  let browser: ApiClient;
  beforeAll(async () => {
    api = await openTestApi(target, { RATE_LIMIT_PER_HOUR: "40" });
    browser = api.client();
    await browser.signUp("errors@example.com");
  });
  afterAll(() => api.close());

  it("answers invalid input with 400 in the one error shape, naming the fields", async () => {
    const response = await browser.post("/api/companies", { name: "", currency: "dollars" });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject(errorShape);
    expect(response.body.error.code).toBe("invalid_request");
    const fields = response.body.error.details.issues.map((i: { path: string }) => i.path);
    expect(fields).toEqual(expect.arrayContaining(["name", "currency"]));
    expect(response.headers.get("x-request-id")).toBe(response.body.error.requestId);
  });

  it("refuses a tax id whose check digits do not match", async () => {
    const response = await browser.post("/api/companies", { name: "Typo AŞ", taxId: "1234567891" });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/check digits/);
    expect((await browser.post("/api/companies", { name: "Real AŞ", taxId: "1234567890" })).status).toBe(201);
    const twice = await browser.post("/api/companies", { name: "Again AŞ", taxId: "1234567890" });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("company_exists");
  });

  it("answers malformed JSON, unknown routes and unknown ids without leaking internals", async () => {
    const broken = await browser.raw("/api/companies", {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf-token": browser.csrfToken! },
      body: "{not json",
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject(errorShape);
    const unknown = await browser.get("/api/nothing-here");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject(errorShape);
    const notUuid = await browser.get("/api/documents/1%27%20or%201=1");
    expect(notUuid.status).toBe(404);
    expect(notUuid.body.error.code).toBe("not_found");
  });

  it("refuses registration twice with the same address (without saying so) and weak passwords", async () => {
    const again = await api.client().post("/api/auth/register", {
      email: "ERRORS@example.com",
      password: "another long password",
      fullName: "X",
    });
    expect(again.status).toBe(202);
    const login = await api
      .client()
      .post("/api/auth/login", { email: "errors@example.com", password: "another long password" });
    expect(login.status).toBe(401);
    const weak = await api
      .client()
      .post("/api/auth/register", { email: "weak@example.com", password: "short", fullName: "X" });
    expect(weak.status).toBe(400);
  });

  it("requires a session for every resource", async () => {
    const anonymous = api.client();
    for (const path of [
      "/api/companies",
      "/api/documents",
      "/api/webhooks",
      "/api/account/export",
      "/api/auth/me",
    ]) {
      const response = await anonymous.get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 401 });
      expect(response.body.error.code).toBe("unauthenticated");
    }
  });

  it("throttles log-in failures per account, even with the right password afterwards", async () => {
    const victim = api.client();
    await victim.signUp("victim@example.com", "the right password!");
    const attacker = api.client();
    for (let i = 0; i < 5; i++) {
      const wrong = await attacker.post("/api/auth/login", {
        email: "victim@example.com",
        password: `guess ${i}`,
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.code).toBe("invalid_credentials");
    }
    const blocked = await attacker.post("/api/auth/login", {
      email: "victim@example.com",
      password: "the right password!",
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe("too_many_login_attempts");
    expect(blocked.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    // An unknown account fails exactly like a wrong password.
    const unknown = await api
      .client()
      .post("/api/auth/login", { email: "nobody@example.com", password: "whatever" });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe("The e-mail address or password is wrong.");
  });

  it("limits each user to RATE_LIMIT_PER_HOUR requests, counted in the database", async () => {
    const busy = api.client();
    await busy.signUp("busy@example.com");
    let last = await busy.get("/api/companies");
    const limit = Number(last.headers.get("x-ratelimit-limit"));
    expect(limit).toBe(40);
    while (last.status === 200) last = await busy.get("/api/companies");
    expect(last.status).toBe(429);
    expect(last.body.error.code).toBe("rate_limited");
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last.headers.get("x-ratelimit-remaining")).toBe("0");
    // Another user is not affected.
    expect((await browser.get("/api/companies")).status).toBe(200);
  });

  it("refuses oversized JSON bodies", async () => {
    const response = await browser.post("/api/companies", { name: "x".repeat(300_000) });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("payload_too_large");
  });
});
