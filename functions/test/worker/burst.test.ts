import { documents, financialStatements, jobs } from "@finstat/db/schema";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementPdf } from "../../src/cli/sample-statement-pdf";
import { closeOcr } from "../../src/pipeline/pdf";
import { documentJobHandler } from "../../src/worker/document-job";
import { openTestApi, type TestApi, uploadDocument } from "../api/support/harness";
import { databaseTargets } from "../support/databases";

afterAll(() => closeOcr());

const BURST = 20;

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.each(databaseTargets())("a burst of uploads through the durable queue on $name", (target) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(target);
  });
  afterAll(() => api.close());

  it(`processes ${BURST} documents uploaded at once, each exactly once`, async () => {
    const browser = api.client();
    await browser.signUp("burst@example.com");
    const company = (await browser.createCompany("Burst Ltd")).id;
    const pdfs = await Promise.all(Array.from({ length: BURST }, (_, i) => statementPdf({ scale: 100 + i })));
    const ids = await Promise.all(
      pdfs.map((pdf, i) => uploadDocument(browser, company, pdf, `burst-${i}.pdf`)),
    );
    expect(new Set(ids).size).toBe(BURST);
    expect((await api.queue.depth()).waiting).toBe(BURST);

    const started = performance.now();
    const failures: unknown[] = [];
    const stop = api.queue.startConsumer(documentJobHandler(api.worker), {
      concurrency: 2,
      pollIntervalMs: 50,
      onFailure: ({ error }) => failures.push(error),
    });
    try {
      await waitFor(async () => {
        const rows = await api.database.db
          .select({ status: documents.status })
          .from(documents)
          .where(inArray(documents.id, ids));
        return rows.every((row) => row.status === "done" || row.status === "failed");
      }, 180_000);
    } finally {
      await stop();
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${BURST} documents processed in ${seconds.toFixed(1)} s (${(BURST / seconds).toFixed(2)} documents/s)`,
    );

    expect(failures).toEqual([]);
    const rows = await api.database.db.select().from(documents).where(inArray(documents.id, ids));
    expect(rows.map((row) => row.status)).toEqual(Array(BURST).fill("done"));
    for (const id of ids) {
      const statements = await api.database.db
        .select()
        .from(financialStatements)
        .where(eq(financialStatements.documentId, id));
      expect(statements).toHaveLength(1);
    }
    const jobRows = await api.database.db.select({ status: jobs.status, attempts: jobs.attempts }).from(jobs);
    expect(jobRows).toHaveLength(BURST);
    expect(jobRows.every((job) => job.status === "done" && job.attempts === 1)).toBe(true);
    const listed = await browser.get(`/api/documents?companyId=${company}&status=done&pageSize=100`);
    expect(listed.body.total).toBe(BURST);
  });
});
