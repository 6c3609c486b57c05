import { webhookDeliveries } from "@finstat/db/schema";
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementPdf } from "../../src/cli/sample-statement-pdf";
import { closeOcr } from "../../src/pipeline/pdf";
import { deliverDueWebhooks, WEBHOOK_BACKOFF_SECONDS } from "../../src/worker/webhook-delivery";
import { verifyWebhookSignature } from "../../src/worker/webhook-signature";
import { databaseTargets } from "../support/databases";
import { serveOnFreePort } from "../support/http-server";
import type { ApiClient } from "./support/client";
import { openTestApi, processQueued, type TestApi, uploadDocument } from "./support/harness";

afterAll(() => closeOcr());

interface Received {
  headers: Record<string, string>;
  body: string;
}

describe.each(databaseTargets())("progress events, webhooks and e-mail on $name", (target) => {
  let api: TestApi;
  let browser: ApiClient;
  let companyId: string;
  let receiver: { url: string; close(): Promise<void> };
  const received: Received[] = [];
  let failuresToSend = 0;

  beforeAll(async () => {
    receiver = await serveOnFreePort(
      new Hono().post("/hook", async (c) => {
        received.push({ headers: Object.fromEntries(c.req.raw.headers), body: await c.req.text() });
        if (failuresToSend > 0) {
          failuresToSend -= 1;
          return c.text("down", 503);
        }
        return c.text("ok");
      }).fetch,
    );
    api = await openTestApi(target);
    browser = api.client();
    await browser.signUp("notify@example.com");
    companyId = (await browser.createCompany("Notify Ltd")).id;
  });
  afterAll(async () => {
    await api.close();
    await receiver.close();
  });

  it("streams progress as server-sent events until the document is done", async () => {
    const id = await uploadDocument(browser, companyId, await statementPdf({ scale: 21 }));
    const response = await browser.raw(`/api/documents/${id}/events`, { method: "GET" });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const processing = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return processQueued(api, id);
    })();
    const text = await response.text();
    await processing;
    const events = [...text.matchAll(/event: (\w+)\ndata: (.*)\n/g)].map((m) => ({
      event: m[1],
      data: JSON.parse(m[2]!),
    }));
    expect(events[0]!.event).toBe("ready");
    const progress = events.filter((e) => e.event === "progress").map((e) => e.data);
    expect(progress[0]).toMatchObject({ status: "queued", progress: 0 });
    expect(progress.at(-1)).toMatchObject({ status: "done", progress: 100 });
    // Progress never goes backwards.
    const values = progress.map((p) => p.progress as number);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ event: "done", data: { documentId: id, status: "done" } });
  });

  it("posts signed document.done and document.failed webhooks, retrying with back-off", async () => {
    const created = await browser.post("/api/webhooks", {
      url: `${receiver.url}/hook`,
      events: ["document.done", "document.failed"],
    });
    expect(created.status).toBe(201);
    const { secret, id: webhookId } = created.body.webhook;
    expect(secret).toMatch(/^whsec_/);
    expect((await browser.get("/api/webhooks")).body.webhooks[0]).not.toHaveProperty("secret");

    const doneId = await uploadDocument(browser, companyId, await statementPdf({ scale: 22 }));
    await processQueued(api, doneId);
    const done = received.at(-1)!;
    expect(done.headers["finstat-event"]).toBe("document.done");
    expect(verifyWebhookSignature(secret, done.headers["finstat-signature"]!, done.body)).toBe(true);
    expect(verifyWebhookSignature("whsec_wrong", done.headers["finstat-signature"]!, done.body)).toBe(false);
    expect(JSON.parse(done.body)).toMatchObject({
      event: "document.done",
      data: { documentId: doneId, status: "done", statements: 1 },
    });

    // The receiver is down for the failure event: the delivery waits for its back-off, then succeeds.
    failuresToSend = 1;
    const broken = await statementPdf({ scale: 23 });
    const corrupt = new Uint8Array(broken);
    corrupt.fill(0x20, 200, broken.byteLength - 50);
    const failedId = await uploadDocument(browser, companyId, corrupt, "broken.pdf");
    expect((await processQueued(api, failedId)).status).toBe("failed");
    let log = (await browser.get(`/api/webhooks/${webhookId}/deliveries`)).body.deliveries;
    const pending = log.find((d: { event: string }) => d.event === "document.failed");
    expect(pending).toMatchObject({ status: "pending", attempts: 1, responseCode: 503 });
    const waited = new Date(pending.nextAttemptAt).getTime() - Date.now();
    expect(waited).toBeGreaterThan((WEBHOOK_BACKOFF_SECONDS[0]! - 5) * 1000);

    const later = new Date(Date.now() + (WEBHOOK_BACKOFF_SECONDS[0]! + 1) * 1000);
    // Time passes: the retry is due.
    await api.database.db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: new Date() })
      .where(eq(webhookDeliveries.status, "pending"));
    const retried = await deliverDueWebhooks({ ...api.worker, now: () => later });
    expect(retried).toEqual({ delivered: 1, failed: 0 });
    log = (await browser.get(`/api/webhooks/${webhookId}/deliveries`)).body.deliveries;
    expect(log.map((d: { status: string }) => d.status)).toEqual(["delivered", "delivered"]);
    const failure = JSON.parse(received.at(-1)!.body);
    expect(failure).toMatchObject({
      event: "document.failed",
      data: { documentId: failedId, error: { code: "pdf_corrupt" } },
    });
    // The fault is in the file's bytes: reading it again cannot help, so the API refuses to.
    const retry = await browser.post(`/api/documents/${failedId}/retry`);
    expect(retry.status).toBe(409);
    expect(retry.body.error.code).toBe("retry_cannot_help");

    expect((await browser.delete(`/api/webhooks/${webhookId}`)).status).toBe(200);
    expect((await browser.get("/api/webhooks")).body.webhooks).toEqual([]);
  });

  it("e-mails the reports with the Excel and PDF attached and records it", async () => {
    const id = await uploadDocument(browser, companyId, await statementPdf({ scale: 24 }));
    await processQueued(api, id);
    const response = await browser.post(`/api/documents/${id}/email`, {
      recipients: ["client@example.com", "Client@Example.com", "partner@example.org"],
      message: "Bilanço analizi ektedir.",
      language: "tr",
    });
    expect(response.status).toBe(202);
    expect(response.body.recipients).toEqual(["client@example.com", "partner@example.org"]);
    const mail = api.mailer.sent.at(-1)!;
    expect(mail.to).toEqual(["client@example.com", "partner@example.org"]);
    expect(mail.replyTo).toBe("notify@example.com");
    expect(mail.attachments.map((a) => a.filename.split(".").at(-1)).sort()).toEqual(["pdf", "xlsx"]);
    expect(mail.text).toContain("Bilanço analizi ektedir.");
    expect(response.body.exports).toHaveLength(2);
  });
});
