import { documents, financialStatements } from "@finstat/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementPdf } from "../../src/cli/sample-statement-pdf";
import { closeWorker, handler } from "../../src/handlers/worker";
import { closeOcr } from "../../src/pipeline/pdf";
import type { ApiClient } from "../api/support/client";
import { openTestApi, type TestApi, uploadDocument } from "../api/support/harness";
import { databaseTargets } from "../support/databases";
import { documentMessage, sqsEvent, sqsRecord } from "./sqs-event";

afterAll(() => closeOcr());

/** A PDF whose header survives (the upload is accepted) but whose body is destroyed. */
async function corruptPdf(scale: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(await statementPdf({ scale }));
  bytes.fill(0x20, 200, bytes.byteLength - 50);
  return bytes;
}

describe.each(databaseTargets())("the Lambda worker handler (handlers/worker.ts) on $name", (target) => {
  let api: TestApi;
  let browser: ApiClient;
  let good: string;
  let broken: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    api = await openTestApi(target, {}, { onDisk: true });
    browser = api.client();
    await browser.signUp("lambda@example.com");
    const company = (await browser.createCompany("Lambda Ltd")).id;
    good = await uploadDocument(browser, company, await statementPdf({ scale: 41 }));
    broken = await uploadDocument(browser, company, await corruptPdf(42));
    // The handler opens its own platform from the environment, as on Lambda.
    Object.assign(process.env, {
      DATA_DIR: api.config.DATA_DIR,
      DATABASE_URL: api.database.env.DATABASE_URL ?? "",
      JWT_SECRET: api.config.JWT_SECRET,
      LOG_LEVEL: "silent",
      OCR_DPI: "72",
      OCR_WORKERS: "1",
      QUEUE_MAX_ATTEMPTS: "3",
    });
    await api.database.disconnect();
  });
  afterAll(async () => {
    await closeWorker();
    process.env = saved;
    await api.database.reconnect();
    await api.close();
  });

  it("processes a batch: a good document, a corrupt one, a duplicate delivery and a malformed body", async () => {
    const message = documentMessage(good);
    const response = await handler(
      sqsEvent(
        message,
        documentMessage(broken),
        sqsRecord("{not json"),
        sqsRecord(JSON.stringify({ wrong: 1 })),
      ),
    );
    // Nothing comes back: the corrupt PDF and the malformed bodies are permanent failures.
    expect(response).toEqual({ batchItemFailures: [] });
    const again = await handler(
      sqsEvent({ ...message, attributes: { ...message.attributes, ApproximateReceiveCount: "2" } }),
    );
    expect(again).toEqual({ batchItemFailures: [] });
    await closeWorker();

    await api.database.reconnect();
    const db = api.database.db;
    const [done] = await db.select().from(documents).where(eq(documents.id, good));
    expect(done).toMatchObject({ status: "done", progress: 100, attempts: 1 });
    expect(
      await db.select().from(financialStatements).where(eq(financialStatements.documentId, good)),
    ).toHaveLength(1);
    const [failed] = await db.select().from(documents).where(eq(documents.id, broken));
    expect(failed).toMatchObject({ status: "failed", errorCode: "pdf_corrupt" });
    expect(failed!.errorMessage).toMatch(/damaged/);
    await api.database.disconnect();
  });
});
