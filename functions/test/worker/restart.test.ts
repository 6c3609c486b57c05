import { documents, financialStatements, jobs } from "@finstat/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementPdf } from "../../src/cli/sample-statement-pdf";
import { closeOcr } from "../../src/pipeline/pdf";
import { documentJobHandler } from "../../src/worker/document-job";
import { openTestApi, type TestApi, uploadDocument } from "../api/support/harness";
import { databaseTargets } from "../support/databases";

afterAll(() => closeOcr());

describe.each(databaseTargets())("a worker that dies in the middle of a document on $name", (target) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(target, { DOCUMENT_LEASE_SECONDS: "3" });
  });
  afterAll(() => api.close());

  it("is replaced: the job is claimed again after its visibility timeout and the document finishes", async () => {
    const browser = api.client();
    await browser.signUp("restart@example.com");
    const company = (await browser.createCompany("Restart Ltd")).id;
    const id = await uploadDocument(browser, company, await statementPdf({ scale: 61 }));

    // The dying worker: claims the job, starts the document, then vanishes without settling.
    const abandoned = await api.queue.claim();
    expect(abandoned?.payload).toEqual({ documentId: id });
    await api.database.db
      .update(documents)
      .set({ status: "processing", stage: "reading", progress: 30 })
      .where(eq(documents.id, id));
    const claimedAt = Date.now();

    const deliveries: number[] = [];
    const handler = documentJobHandler(api.worker);
    const stop = api.queue.startConsumer(
      async (job, delivery) => {
        deliveries.push(delivery.attempt);
        await handler(job, delivery);
      },
      { pollIntervalMs: 100 },
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      // Within the lease nobody touches the job.
      expect(deliveries).toEqual([]);
      const deadline = Date.now() + 60_000;
      while (
        (await api.database.db.select().from(documents).where(eq(documents.id, id)))[0]!.status !== "done"
      ) {
        if (Date.now() > deadline) throw new Error("document was not resumed");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await stop();
    }
    expect(Date.now() - claimedAt).toBeGreaterThanOrEqual(3000);
    expect(deliveries).toEqual([2]);
    const [job] = await api.database.db.select().from(jobs);
    expect(job).toMatchObject({ status: "done", attempts: 2 });
    const [document] = await api.database.db.select().from(documents).where(eq(documents.id, id));
    expect(document).toMatchObject({ status: "done", progress: 100 });
    expect(
      await api.database.db.select().from(financialStatements).where(eq(financialStatements.documentId, id)),
    ).toHaveLength(1);
  });
});
