import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseTargets } from "../support/databases";
import type { Json } from "./support/client";
import { openTestApi, type TestApi } from "./support/harness";

/**
 * Issue #18: the log-in throttle under parallel guesses, a growing wait instead of a lockout,
 * X-Forwarded-For only from trusted proxies, refresh rotation between two tabs, registration
 * that does not tell who has an account.
 */
const PASSWORD = "the owner's long password";
/** The password `ApiClient.signUp` uses when none is given. */
const PASSWORD_OF_SIGN_UP = "correct horse battery staple";

interface Answer {
  status: number;
  body: Json;
  headers: Headers;
}

/** A request arriving on a socket from `address` (Node's bindings), as the embedded server sees it. */
async function send(
  api: TestApi,
  path: string,
  body: unknown,
  from: { address: string; forwardedFor?: string },
): Promise<Answer> {
  const response = await api.app.request(
    `http://localhost:3000${path}`,
    {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(from.forwardedFor ? { "x-forwarded-for": from.forwardedFor } : {}),
      },
      body: JSON.stringify(body),
    },
    { incoming: { socket: { remoteAddress: from.address } } },
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

function logIn(api: TestApi, address: string, email: string, password: string) {
  return send(api, "/api/auth/login", { email, password }, { address });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(databaseTargets())("auth hardening on $name", (target) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(target);
  });
  afterAll(() => api.close());

  describe("parallel log-in guesses", () => {
    it("counts each attempt before the password is checked: of 20 at once, at most 5 are answered", async () => {
      const email = "parallel@example.com";
      await api.client().signUp(email, PASSWORD);
      // 19 wrong guesses and the right password last, all at the same moment.
      const guesses = Array.from({ length: 20 }, (_, i) => (i === 19 ? PASSWORD : `wrong guess ${i}`));
      const answers = await Promise.all(
        guesses.map((password) => logIn(api, "198.51.100.10", email, password)),
      );
      const refused = answers.filter((answer) => answer.status === 429);
      const checked = answers.filter((answer) => answer.status === 401 || answer.status === 200);
      expect(refused.length).toBeGreaterThanOrEqual(15);
      expect(checked.length).toBeLessThanOrEqual(5);
      expect(refused.length + checked.length).toBe(20);
      for (const answer of refused) {
        expect(answer.body.error.code).toBe("too_many_login_attempts");
        expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
      }
    });

    it("counts each attempt per address too: one address guessing across 35 accounts at once", async () => {
      const answers = await Promise.all(
        Array.from({ length: 35 }, (_, i) =>
          logIn(api, "198.51.100.11", `sprayed-${i}@example.com`, "Summer2024!"),
        ),
      );
      const refused = answers.filter((answer) => answer.status === 429);
      expect(answers.filter((answer) => answer.status === 401).length).toBeLessThanOrEqual(30);
      expect(refused.length).toBeGreaterThanOrEqual(5);
      // Another address is not affected.
      expect((await logIn(api, "198.51.100.12", "sprayed-0@example.com", "Summer2024!")).status).toBe(401);
    });
  });

  describe("refresh rotation", () => {
    it("keeps two tabs signed in when they refresh at the same moment (5 of 5 tries)", async () => {
      const tab = api.client();
      await tab.signUp("two-tabs@example.com");
      for (let round = 0; round < 5; round++) {
        // Two tabs of one browser share its cookies.
        const other = api.client();
        for (const [name, value] of tab.cookies) other.cookies.set(name, value);
        other.csrfToken = tab.csrfToken;
        const [first, second] = await Promise.all([
          tab.post("/api/auth/refresh"),
          other.post("/api/auth/refresh"),
        ]);
        expect({ round, statuses: [first.status, second.status] }).toEqual({ round, statuses: [200, 200] });
        expect((await tab.get("/api/auth/me")).status).toBe(200);
        expect((await other.get("/api/auth/me")).status).toBe(200);
      }
    });

    it("accepts the just-rotated refresh token once more within the grace window", async () => {
      const browser = api.client();
      await browser.signUp("grace@example.com");
      const previous = browser.cookies.get("finstat_refresh")!;
      expect((await browser.post("/api/auth/refresh")).status).toBe(200);
      const late = api.client();
      late.cookies.set("finstat_refresh", previous);
      const answer = await late.post("/api/auth/refresh");
      expect(answer.status).toBe(200);
      expect(answer.body.user.email).toBe("grace@example.com");
      expect((await late.get("/api/auth/me")).status).toBe(200);
      // The tab that rotated first is still signed in.
      expect((await browser.get("/api/auth/me")).status).toBe(200);
      expect((await browser.post("/api/auth/refresh")).status).toBe(200);
    });

    it("revokes the token's family when a rotated token comes back after the grace window", async () => {
      const browser = api.client();
      await browser.signUp("family@example.com");
      const laptop = api.client();
      expect(
        (await laptop.post("/api/auth/login", { email: "family@example.com", password: PASSWORD_OF_SIGN_UP }))
          .status,
      ).toBe(200);
      const stolen = browser.cookies.get("finstat_refresh")!;
      expect((await browser.post("/api/auth/refresh")).status).toBe(200);
      await api.database.db.execute(
        sql`update sessions set rotated_at = rotated_at - interval '60 seconds', revoked_at = revoked_at - interval '60 seconds' where rotated_at is not null`,
      );
      const thief = api.client();
      thief.cookies.set("finstat_refresh", stolen);
      expect((await thief.post("/api/auth/refresh")).status).toBe(401);
      // The browser's family is gone: it must log in again ...
      expect((await browser.get("/api/auth/me")).status).toBe(401);
      expect((await browser.post("/api/auth/refresh")).status).toBe(401);
      // ... while the session the user opened on another device is a family of its own.
      expect((await laptop.get("/api/auth/me")).status).toBe(200);
    });

    it("does not revive a logged-out session within the grace window", async () => {
      const browser = api.client();
      await browser.signUp("logged-out@example.com");
      const refresh = browser.cookies.get("finstat_refresh")!;
      expect((await browser.post("/api/auth/logout")).status).toBe(200);
      const replay = api.client();
      replay.cookies.set("finstat_refresh", refresh);
      expect((await replay.post("/api/auth/refresh")).status).toBe(401);
    });
  });
});

describe("a growing wait instead of a lockout", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(databaseTargets()[0]!);
  });
  afterAll(() => api.close());

  it("answers 429 with Retry-After in seconds, and lets the owner in once the wait has passed", async () => {
    const email = "owner@example.com";
    await api.client().signUp(email, PASSWORD);
    for (let i = 0; i < 5; i++) {
      expect((await logIn(api, "198.51.100.20", email, `typo ${i}`)).status).toBe(401);
    }
    const early = await logIn(api, "198.51.100.20", email, PASSWORD);
    expect(early.status).toBe(429);
    expect(early.headers.get("retry-after")).toBe("1");
    expect(early.body.error).toMatchObject({
      code: "too_many_login_attempts",
      message: expect.stringMatching(/try again in 1 second/i),
      details: { retryAfterSeconds: 1 },
    });
    await sleep(1100);
    expect((await logIn(api, "198.51.100.20", email, PASSWORD)).status).toBe(200);
    // The success cleared the account's failures: five fresh mistakes are allowed again.
    for (let i = 0; i < 5; i++) {
      expect((await logIn(api, "198.51.100.20", email, `typo again ${i}`)).status).toBe(401);
    }
  });

  it("doubles the wait with each further failure, up to 15 minutes", async () => {
    const email = "target@example.com";
    await api.client().signUp(email, PASSWORD);
    for (let i = 0; i < 5; i++) {
      expect((await logIn(api, "198.51.100.21", email, `guess ${i}`)).status).toBe(401);
    }
    for (const wait of [1, 2, 4, 8]) {
      const refused = await logIn(api, "198.51.100.21", email, "next guess");
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe(String(wait));
      // Let the wait pass without sleeping through it.
      await api.database.db.execute(
        sql`update login_attempts set last_attempt_at = last_attempt_at - make_interval(secs => ${wait}) where key = ${`account:${email}`}`,
      );
      expect((await logIn(api, "198.51.100.21", email, `guess after ${wait}s`)).status).toBe(401);
    }
    await api.database.db.execute(
      sql`update login_attempts set failures = 40 where key = ${`account:${email}`}`,
    );
    const capped = await logIn(api, "198.51.100.21", email, PASSWORD);
    expect(capped.status).toBe(429);
    expect(Number(capped.headers.get("retry-after"))).toBe(15 * 60);
  });
});

describe("the client address behind proxies", () => {
  const target = databaseTargets()[0]!;

  async function loggedInAddress(
    api: TestApi,
    email: string,
    from: { address: string; forwardedFor?: string },
  ) {
    const answer = await send(api, "/api/auth/login", { email, password: PASSWORD }, from);
    expect(answer.status).toBe(200);
    const result = await api.database.db.execute(
      sql`select ip_address from audit_log where action = 'account.login' order by id desc limit 1`,
    );
    return (result.rows[0] as { ip_address: string }).ip_address;
  }

  it("ignores X-Forwarded-For unless TRUSTED_PROXIES names the sender, loopback included", async () => {
    const api = await openTestApi(target);
    try {
      await api.client().signUp("direct@example.com", PASSWORD);
      expect(
        await loggedInAddress(api, "direct@example.com", {
          address: "127.0.0.1",
          forwardedFor: "203.0.113.9",
        }),
      ).toBe("127.0.0.1");
      expect(
        await loggedInAddress(api, "direct@example.com", {
          address: "198.51.100.7",
          forwardedFor: "203.0.113.9",
        }),
      ).toBe("198.51.100.7");
    } finally {
      await api.close();
    }
  });

  it("takes the nearest untrusted hop of X-Forwarded-For from a trusted proxy", async () => {
    const api = await openTestApi(target, { TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8" });
    try {
      await api.client().signUp("proxied@example.com", PASSWORD);
      const email = "proxied@example.com";
      expect(await loggedInAddress(api, email, { address: "127.0.0.1", forwardedFor: "203.0.113.9" })).toBe(
        "203.0.113.9",
      );
      // The client may write anything left of the hops our proxies appended.
      expect(
        await loggedInAddress(api, email, {
          address: "::ffff:10.1.2.3",
          forwardedFor: "192.0.2.1, 203.0.113.9, 10.0.0.5",
        }),
      ).toBe("203.0.113.9");
      // A sender outside the list is the client itself, whatever it claims.
      expect(
        await loggedInAddress(api, email, { address: "198.51.100.7", forwardedFor: "203.0.113.9" }),
      ).toBe("198.51.100.7");
    } finally {
      await api.close();
    }
  });
});

describe("registration that does not reveal accounts", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(databaseTargets()[0]!);
  });
  afterAll(() => api.close());

  it("answers the same for a new and a taken address, and tells the owner of the taken one", async () => {
    await api.client().signUp("taken@example.com", PASSWORD);
    api.mailer.sent.length = 0;
    const fresh = await api.client().raw("/api/auth/register", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "new@example.com", password: "a new long password", fullName: "New" }),
    });
    const taken = await api.client().raw("/api/auth/register", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "TAKEN@example.com", password: "an attacker's password", fullName: "X" }),
    });
    expect(fresh.status).toBe(202);
    expect(taken.status).toBe(fresh.status);
    expect(fresh.headers.getSetCookie()).toEqual([]);
    expect(taken.headers.getSetCookie()).toEqual([]);
    expect(await taken.json()).toEqual(await fresh.json());

    // The new account exists: its owner signs in with the password just chosen.
    const signIn = await api
      .client()
      .post("/api/auth/login", { email: "new@example.com", password: "a new long password" });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user.email).toBe("new@example.com");

    // The taken address's owner is told by mail; their account and password are untouched.
    await vi.waitFor(() =>
      expect(api.mailer.sent.filter((mail) => mail.to.includes("taken@example.com"))).toHaveLength(1),
    );
    const notice = api.mailer.sent.find((mail) => mail.to.includes("taken@example.com"))!;
    expect(notice.text).toMatch(/register/i);
    expect(api.mailer.sent.some((mail) => mail.to.includes("new@example.com"))).toBe(false);
    const owner = await api
      .client()
      .post("/api/auth/login", { email: "taken@example.com", password: PASSWORD });
    expect(owner.status).toBe(200);
  });
});
