/**
 * A processing document's lease: a duplicate message never runs the pipeline twice, a worker
 * that went silent is replaced within the lease, and a live worker keeps renewing it.
 */

import { documents } from "@finstat/db/schema";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementPdf } from "../../src/cli/sample-statement-pdf";
import { closeOcr } from "../../src/pipeline/pdf";
import type { Storage } from "../../src/platform/storage";
import { processDocument } from "../../src/worker/process-document";
import type { ApiClient } from "../api/support/client";
import { openTestApi, type TestApi, uploadDocument } from "../api/support/harness";
import { databaseTargets } from "../support/databases";

afterAll(() => closeOcr());

describe.each(databaseTargets())("a processing document's lease on $name", (target) => {
  let api: TestApi;
  let browser: ApiClient;
  let companyId: string;
  beforeAll(async () => {
    api = await openTestApi(target, { DOCUMENT_LEASE_SECONDS: "3" });
    browser = api.client();
    await browser.signUp("lease@example.com");
    companyId = (await browser.createCompany("Lease Ltd")).id;
  });
  afterAll(() => api.close());

  const documentRow = async (id: string) =>
    (await api.database.db.select().from(documents).where(eq(documents.id, id)))[0]!;

  it("leaves a document a live worker is processing to that worker", async () => {
    const id = await uploadDocument(browser, companyId, await statementPdf({ scale: 71 }));
    await api.database.db
      .update(documents)
      .set({ status: "processing", stage: "reading", progress: 30, updatedAt: sql`now()` })
      .where(eq(documents.id, id));
    const outcome = await processDocument(api.worker, id);
    expect(outcome).toMatchObject({
      status: "skipped",
      reason: "document is being processed by a live worker",
    });
    expect(await documentRow(id)).toMatchObject({ status: "processing", progress: 30, attempts: 0 });
  });

  it("takes over a document whose worker has been silent for two thirds of the lease", async () => {
    const id = await uploadDocument(browser, companyId, await statementPdf({ scale: 73 }));
    await api.database.db
      .update(documents)
      .set({ status: "processing", stage: "reading", updatedAt: sql`now() - interval '2.5 seconds'` })
      .where(eq(documents.id, id));
    expect((await processDocument(api.worker, id)).status).toBe("done");
  });

  it("renews the lease while the pipeline runs, so a slow document is never taken over", async () => {
    const id = await uploadDocument(browser, companyId, await statementPdf({ scale: 74 }));
    const slowStorage: Storage = {
      ...api.storage,
      get: async (key) => {
        await new Promise((resolve) => setTimeout(resolve, 3500));
        return api.storage.get(key);
      },
    };
    const running = processDocument({ ...api.worker, storage: slowStorage }, id);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    // Past two thirds of the lease since the claim, a second delivery still finds it alive.
    expect((await processDocument(api.worker, id)).status).toBe("skipped");
    const outcome = await running;
    expect(outcome.status).toBe("done");
    expect(await documentRow(id)).toMatchObject({ status: "done", attempts: 1 });
  });
});
