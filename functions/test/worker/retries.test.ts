import { analysisResults, documents, financialStatements } from "@finstat/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementPdf } from "../../src/cli/sample-statement-pdf";
import { closeOcr } from "../../src/pipeline/pdf";
import { handleSqsBatch } from "../../src/platform/queue";
import type { Storage } from "../../src/platform/storage";
import { documentJobHandler } from "../../src/worker/document-job";
import { processDocument } from "../../src/worker/process-document";
import type { ApiClient } from "../api/support/client";
import { openTestApi, type TestApi, uploadDocument } from "../api/support/harness";
import { databaseTargets } from "../support/databases";
import { documentMessage, sqsEvent } from "./sqs-event";

afterAll(() => closeOcr());

/** Storage whose reads fail with a network error the first `failures` times. */
function flakyStorage(storage: Storage, failures: number): Storage {
  let left = failures;
  return {
    ...storage,
    get: async (key) => {
      if (left > 0) {
        left -= 1;
        throw Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
      }
      return storage.get(key);
    },
  };
}

describe.each(databaseTargets())("worker retries and idempotency on $name", (target) => {
  let api: TestApi;
  let browser: ApiClient;
  let companyId: string;
  beforeAll(async () => {
    api = await openTestApi(target);
    browser = api.client();
    await browser.signUp("worker@example.com");
    companyId = (await browser.createCompany("Worker Ltd")).id;
  });
  afterAll(() => api.close());

  const statementsOf = (id: string) =>
    api.database.db.select().from(financialStatements).where(eq(financialStatements.documentId, id));
  const documentOf = async (id: string) =>
    (await api.database.db.select().from(documents).where(eq(documents.id, id)))[0]!;

  it("returns a transient failure to SQS, then succeeds on the next delivery", async () => {
    const id = await uploadDocument(browser, companyId, await statementPdf({ scale: 51 }));
    const services = { ...api.worker, storage: flakyStorage(api.storage, 1) };
    const options = { maxAttempts: 3 };
    const first = documentMessage(id, { receiveCount: 1 });
    expect(await handleSqsBatch(sqsEvent(first), documentJobHandler(services), options)).toEqual({
      batchItemFailures: [{ itemIdentifier: first.messageId }],
    });
    expect(await documentOf(id)).toMatchObject({ status: "queued", stage: "retrying", attempts: 1 });
    const second = { ...first, attributes: { ...first.attributes, ApproximateReceiveCount: "2" } };
    expect(await handleSqsBatch(sqsEvent(second), documentJobHandler(services), options)).toEqual({
      batchItemFailures: [],
    });
    expect(await documentOf(id)).toMatchObject({ status: "done", attempts: 2 });
    expect(await statementsOf(id)).toHaveLength(1);
  });

  it("marks the document failed when the last delivery fails, so it never stays 'processing'", async () => {
    const id = await uploadDocument(browser, companyId, await statementPdf({ scale: 52 }));
    const services = { ...api.worker, storage: flakyStorage(api.storage, 5) };
    const last = documentMessage(id, { receiveCount: 3 });
    const response = await handleSqsBatch(sqsEvent(last), documentJobHandler(services), { maxAttempts: 3 });
    // Still reported: SQS moves it to the dead-letter queue for an operator to see.
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: last.messageId }]);
    expect(await documentOf(id)).toMatchObject({ status: "failed", errorCode: "processing_failed" });
    // The user can send it through again once the outage is over.
    expect((await browser.post(`/api/documents/${id}/retry`)).status).toBe(202);
    expect((await processDocument(api.worker, id)).status).toBe("done");
  });

  it("runs the pipeline once when two deliveries of a message arrive at once", async () => {
    const id = await uploadDocument(browser, companyId, await statementPdf({ scale: 53 }));
    const outcomes = await Promise.all([processDocument(api.worker, id), processDocument(api.worker, id)]);
    // The second finds the first's live lease: one OCR run, one document.done webhook.
    expect(outcomes.map((o) => o.status).sort()).toEqual(["done", "skipped"]);
    expect((await api.database.db.select().from(documents).where(eq(documents.id, id)))[0]?.attempts).toBe(1);
    expect(await statementsOf(id)).toHaveLength(1);
    const analyses = await api.database.db
      .select()
      .from(analysisResults)
      .where(eq(analysisResults.documentId, id));
    expect(analyses.map((a) => a.kind).sort()).toEqual(["document", "extraction"]);
    // A third, late delivery finds the document settled and changes nothing.
    const before = (await statementsOf(id))[0]!.id;
    expect(await processDocument(api.worker, id)).toMatchObject({
      status: "skipped",
      reason: "document is done",
    });
    expect((await statementsOf(id)).map((s) => s.id)).toEqual([before]);
  });

  it("lets the user send again a document whose job died, once it shows no sign of life", async () => {
    const id = await uploadDocument(browser, companyId, await statementPdf({ scale: 55 }));
    await api.database.db
      .update(documents)
      .set({ status: "processing", stage: "reading" })
      .where(eq(documents.id, id));
    const busy = await browser.post(`/api/documents/${id}/retry`);
    expect(busy.body.error.code).toBe("document_busy");
    // It says when: two thirds of the 30-second lease after its last sign of life.
    expect(busy.body.error.details.retryAfterSeconds).toBeGreaterThanOrEqual(19);
    expect(busy.body.error.details.retryAfterSeconds).toBeLessThanOrEqual(20);
    expect(busy.headers.get("retry-after")).toBe(String(busy.body.error.details.retryAfterSeconds));
    const longAgo = new Date(Date.now() - (api.config.DOCUMENT_LEASE_SECONDS + 5) * 1000);
    await api.database.db.update(documents).set({ updatedAt: longAgo }).where(eq(documents.id, id));
    const retried = await browser.post(`/api/documents/${id}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.body.document).toMatchObject({ status: "queued", attempts: 0 });
    expect((await processDocument(api.worker, id)).status).toBe("done");
  });

  it("fails a document over its time budget and acknowledges the message", async () => {
    const id = await uploadDocument(browser, companyId, await statementPdf({ scale: 54 }));
    const slowStorage: Storage = {
      ...api.storage,
      get: async (key) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        return api.storage.get(key);
      },
    };
    const services = {
      ...api.worker,
      storage: slowStorage,
      config: { ...api.config, DOCUMENT_TIME_BUDGET_SECONDS: 1 },
    };
    const response = await handleSqsBatch(sqsEvent(documentMessage(id)), documentJobHandler(services), {
      maxAttempts: 3,
    });
    expect(response).toEqual({ batchItemFailures: [] });
    expect(await documentOf(id)).toMatchObject({ status: "failed", errorCode: "time_budget_exceeded" });
  });
});
