import { users, webhookDeliveries, webhooks } from "@finstat/db/schema";
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPersonalOrganisation } from "../../src/use-cases/memberships";
import type { WebhookPolicy } from "../../src/use-cases/webhook-target";
import { deliverDueWebhooks, queueWebhookEvent } from "../../src/worker/webhook-delivery";
import { type HostResolver, postToWebhook } from "../../src/worker/webhook-request";
import { databaseTargets, type TestDatabase } from "../support/databases";
import { freePort } from "../support/free-port";
import { serveOnFreePort } from "../support/http-server";

const trusting: WebhookPolicy = { allowHttp: true, allowPrivateNetworks: true };
/** The embedded shape without WEBHOOK_ALLOW_PRIVATE: plain http, public addresses only. */
const embedded: WebhookPolicy = { allowHttp: true, allowPrivateNetworks: false };
const production: WebhookPolicy = { allowHttp: false, allowPrivateNetworks: false };

interface Received {
  host: string | undefined;
  body: string;
}

describe("webhook delivery connects only to the address it checked", () => {
  let receiver: { url: string; close(): Promise<void> };
  let port: string;
  const received: Received[] = [];
  const request = { headers: { "content-type": "application/json" }, body: '{"ok":true}', timeoutMs: 5000 };

  beforeAll(async () => {
    receiver = await serveOnFreePort(
      new Hono().post("/hook", async (c) => {
        received.push({ host: c.req.header("host"), body: await c.req.text() });
        return c.text("ok");
      }).fetch,
    );
    port = new URL(receiver.url).port;
  });
  afterAll(() => receiver.close());
  beforeEach(() => {
    received.length = 0;
  });

  /** A DNS that answers each name with the next of its answers (the last one repeats). */
  function scriptedDns(answers: Record<string, string[][]>) {
    const lookups: string[] = [];
    const resolve: HostResolver = async (hostname) => {
      lookups.push(hostname);
      const script = answers[hostname];
      if (!script) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
      const answer = script.length > 1 ? script.shift()! : script[0]!;
      return answer.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    };
    return { resolve, lookups };
  }

  it("resolves once and connects to that address, sending the URL's host name", async () => {
    // Answered 127.0.0.1 first, a private address after: a second lookup would miss the receiver.
    const dns = scriptedDns({ "hooks.finstat.test": [["127.0.0.1"], ["10.255.255.1"]] });
    const response = await postToWebhook(`http://hooks.finstat.test:${port}/hook`, request, {
      policy: trusting,
      resolve: dns.resolve,
    });
    expect(response.status).toBe(200);
    expect(dns.lookups).toEqual(["hooks.finstat.test"]);
    expect(received).toEqual([{ host: `hooks.finstat.test:${port}`, body: '{"ok":true}' }]);
  });

  it("refuses a name that resolves to a private address before connecting", async () => {
    const dns = scriptedDns({ "hooks.finstat.test": [["127.0.0.1"]] });
    await expect(
      postToWebhook(`http://hooks.finstat.test:${port}/hook`, request, {
        policy: embedded,
        resolve: dns.resolve,
      }),
    ).rejects.toMatchObject({ code: "webhook_url_private" });
    expect(received).toEqual([]);
  });

  it("refuses when any resolved address is not public (a rebinding answer mixes them)", async () => {
    for (const answer of [
      ["93.184.216.34", "127.0.0.1"],
      ["2606:4700::1", "::ffff:7f00:1"],
      ["64:ff9b::7f00:1"],
      ["2002:7f00:1::1"],
      ["198.18.0.1"],
    ]) {
      const dns = scriptedDns({ "rebind.finstat.test": [answer] });
      await expect(
        postToWebhook(`http://rebind.finstat.test:${port}/hook`, request, {
          policy: embedded,
          resolve: dns.resolve,
        }),
        answer.join(","),
      ).rejects.toMatchObject({ code: "webhook_url_private" });
    }
    expect(received).toEqual([]);
  });

  it("refuses non-public address literals without a lookup", async () => {
    const dns = scriptedDns({});
    for (const host of ["127.0.0.1", "[::ffff:7f00:1]", "[::7f00:1]", "[::1]", "198.18.0.1", "224.0.0.1"]) {
      await expect(
        postToWebhook(`http://${host}:${port}/hook`, request, { policy: embedded, resolve: dns.resolve }),
        host,
      ).rejects.toMatchObject({ code: "webhook_url_private" });
    }
    expect(dns.lookups).toEqual([]);
    expect(received).toEqual([]);
  });

  it("requires https outside the embedded shape", async () => {
    const dns = scriptedDns({ "hooks.finstat.test": [["93.184.216.34"]] });
    await expect(
      postToWebhook(`http://hooks.finstat.test:${port}/hook`, request, {
        policy: production,
        resolve: dns.resolve,
      }),
    ).rejects.toMatchObject({ code: "webhook_url_insecure" });
    expect(dns.lookups).toEqual([]);
  });

  describe.each(databaseTargets())("the delivery log on $name", (target) => {
    let database: TestDatabase;
    let ownerId: string;
    let organisationId: string;
    beforeAll(async () => {
      database = await target.open();
      const [owner] = await database.db
        .insert(users)
        .values({ email: "hooks@example.com", passwordHash: "x", fullName: "Hooks" })
        .returning();
      ownerId = owner!.id;
      organisationId = await createPersonalOrganisation(database.db, { id: ownerId, fullName: "Hooks" });
    });
    afterAll(() => database.destroy());

    it("tells an open port from a closed one apart in no way: both are refused unopened", async () => {
      const closed = await freePort();
      const targets = [
        `http://127.0.0.1:${port}/hook`,
        `http://127.0.0.1:${closed}/hook`,
        `http://[::ffff:7f00:1]:${port}/hook`,
        "https://198.18.0.1:8443/hook",
      ];
      // Stored directly: registration refuses these, but a row may predate the rule.
      await database.db.insert(webhooks).values(
        targets.map((url) => ({
          organisationId,
          ownerId,
          url,
          secret: "whsec_test",
          events: ["document.done"],
        })),
      );
      expect(await queueWebhookEvent(database.db, organisationId, "document.done", { documentId: "d" })).toBe(
        4,
      );

      const services = {
        db: database.db,
        logger: pino({ level: "silent" }),
        now: () => new Date(),
        webhookPolicy: embedded,
      };
      expect(await deliverDueWebhooks(services)).toEqual({ delivered: 0, failed: 4 });
      expect(received).toEqual([]);
      const log = await database.db
        .select({
          url: webhooks.url,
          lastError: webhookDeliveries.lastError,
          code: webhookDeliveries.responseCode,
        })
        .from(webhookDeliveries)
        .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId));
      for (const entry of log) {
        expect(entry.code).toBeNull();
        expect(entry.lastError).toMatch(/^refused: Webhook URLs must point at a public address/);
      }
      const loopbacks = log.filter((entry) => entry.url.includes("127.0.0.1") || entry.url.includes("7f00"));
      expect(new Set(loopbacks.map((entry) => entry.lastError)).size).toBe(1);
    });
  });
});
