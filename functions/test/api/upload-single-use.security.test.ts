import { documents } from "@finstat/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementPdf } from "../../src/cli/sample-statement-pdf";
import { closeOcr } from "../../src/pipeline/pdf";
import { storageKeys } from "../../src/use-cases/stored-files";
import { databaseTargets } from "../support/databases";
import type { ApiClient } from "./support/client";
import { openTestApi, processQueued, sha256, type TestApi } from "./support/harness";

afterAll(() => closeOcr());

/** Same length, different bytes, still a PDF: what an attacker would swap in. */
async function lookalike(pdf: Uint8Array, scale: number): Promise<Uint8Array> {
  const other = await statementPdf({ scale });
  const bytes = new Uint8Array(pdf.byteLength).fill(0x20);
  bytes.set(other.subarray(0, Math.min(other.byteLength, pdf.byteLength)));
  return bytes;
}

describe.each(databaseTargets())("an upload URL is good for one upload on $name", (target) => {
  let api: TestApi;
  let browser: ApiClient;
  let companyId: string;
  beforeAll(async () => {
    api = await openTestApi(target);
    browser = api.client();
    await browser.signUp("single-use@example.com");
    companyId = (await browser.createCompany("Single Use Ltd")).id;
  });
  afterAll(() => api.close());

  async function announceAndPut(pdf: Uint8Array) {
    const created = await browser.post("/api/documents", {
      companyId,
      fileName: "s.pdf",
      contentType: "application/pdf",
      sizeBytes: pdf.byteLength,
      sha256: sha256(pdf),
    });
    expect(created.status).toBe(201);
    const { document, upload } = created.body;
    const put = (body: Uint8Array) =>
      browser.raw(upload.url, {
        method: "PUT",
        headers: upload.headers,
        body: body as Uint8Array<ArrayBuffer>,
      });
    expect((await put(pdf)).status).toBe(200);
    return { id: document.id as string, put };
  }

  const stored = async (id: string) => {
    const [row] = await api.database.db.select().from(documents).where(eq(documents.id, id));
    return row!;
  };

  it("refuses a PUT once the document is completed, and the retry reads the checked bytes", async () => {
    const pdf = await statementPdf({ scale: 31 });
    const { id, put } = await announceAndPut(pdf);
    expect((await browser.post(`/api/documents/${id}/complete`)).status).toBe(202);

    const swapped = await put(await lookalike(pdf, 32));
    expect(swapped.status).toBe(409);
    expect(((await swapped.json()) as { error: { code: string } }).error.code).toBe(
      "upload_already_completed",
    );

    expect((await processQueued(api, id)).status).toBe("done");
    expect((await put(await lookalike(pdf, 33))).status).toBe(409);
    expect((await browser.post(`/api/documents/${id}/retry`)).status).toBe(202);
    expect((await processQueued(api, id)).status).toBe("done");
    expect(sha256(await api.storage.get((await stored(id)).storageKey))).toBe(sha256(pdf));
  });

  it("keeps the checked bytes apart from the upload key, which an S3 URL could still overwrite", async () => {
    const pdf = await statementPdf({ scale: 34 });
    const { id } = await announceAndPut(pdf);
    expect((await browser.post(`/api/documents/${id}/complete`)).status).toBe(202);
    const document = await stored(id);
    expect(document.storageKey).not.toBe(storageKeys.source(id));

    // A presigned S3 PUT cannot be revoked: it lands on the upload key, which nothing reads now.
    await api.storage.put(storageKeys.source(id), await lookalike(pdf, 35), "application/pdf");
    expect((await processQueued(api, id)).status).toBe("done");
    expect(sha256(await api.storage.get(document.storageKey))).toBe(sha256(pdf));

    // Deleting the document removes the late upload too.
    expect((await browser.delete(`/api/documents/${id}`)).status).toBe(200);
    expect(await api.storage.head(storageKeys.source(id))).toBeNull();
    expect(await api.storage.head(document.storageKey)).toBeNull();
  });

  it("fails a document whose stored bytes no longer match the checked sha256", async () => {
    const pdf = await statementPdf({ scale: 36 });
    const { id } = await announceAndPut(pdf);
    expect((await browser.post(`/api/documents/${id}/complete`)).status).toBe(202);
    const document = await stored(id);
    await api.storage.put(document.storageKey, await lookalike(pdf, 37), "application/pdf");

    const outcome = await processQueued(api, id);
    expect(outcome.status).toBe("failed");
    const failed = (await browser.get(`/api/documents/${id}`)).body.document;
    expect(failed).toMatchObject({ status: "failed", errorCode: "file_changed" });
    expect(failed.errorMessage).toMatch(/does not match/i);
  });
});
