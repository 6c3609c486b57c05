import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementPdf } from "../../src/cli/sample-statement-pdf";
import { closeOcr } from "../../src/pipeline/pdf";
import { databaseTargets } from "../support/databases";
import type { ApiClient } from "./support/client";
import { openTestApi, processQueued, sha256, type TestApi, uploadDocument } from "./support/harness";

afterAll(() => closeOcr());

describe.each(databaseTargets())("upload and result errors on $name", (target) => {
  let api: TestApi;
  let browser: ApiClient;
  let companyId: string;
  beforeAll(async () => {
    api = await openTestApi(target, { UPLOAD_MAX_BYTES: "200000" });
    browser = api.client();
    await browser.signUp("uploads@example.com");
    companyId = (await browser.createCompany()).id;
  });
  afterAll(() => api.close());

  const announce = (bytes: Uint8Array, extra: Record<string, unknown> = {}) =>
    browser.post("/api/documents", {
      companyId,
      fileName: "s.pdf",
      contentType: "application/pdf",
      sizeBytes: bytes.byteLength,
      sha256: sha256(bytes),
      ...extra,
    });

  it("checks type and size before handing out an upload URL", async () => {
    const pdf = await statementPdf({ scale: 5 });
    const word = await announce(pdf, { contentType: "application/msword" });
    expect(word.status).toBe(400);
    const huge = await announce(pdf, { sizeBytes: 500_000 });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("file_too_large");
    const badHash = await announce(pdf, { sha256: "xyz" });
    expect(badHash.status).toBe(400);
  });

  it("verifies the object on complete: missing, wrong size, not a PDF, wrong checksum", async () => {
    const pdf = await statementPdf({ scale: 6 });
    const created = await announce(pdf);
    const id = created.body.document.id;
    const missing = await browser.post(`/api/documents/${id}/complete`);
    expect(missing.status).toBe(409);
    expect(missing.body.error.code).toBe("upload_missing");

    const { url, headers } = created.body.upload;
    const fake = new Uint8Array(pdf.byteLength).fill(65);
    await browser.raw(url, { method: "PUT", headers, body: fake as Uint8Array<ArrayBuffer> });
    const notPdf = await browser.post(`/api/documents/${id}/complete`);
    expect(notPdf.status).toBe(422);
    expect(notPdf.body.error.code).toBe("not_a_pdf");
    expect((await browser.get(`/api/documents/${id}`)).body.document.status).toBe("uploaded");

    const other = await statementPdf({ scale: 7 });
    const padded = new Uint8Array(pdf.byteLength);
    padded.set(other.subarray(0, Math.min(other.byteLength, pdf.byteLength)));
    const renewed = await browser.post(`/api/documents/${id}/upload-url`);
    await browser.raw(renewed.body.upload.url, {
      method: "PUT",
      headers,
      body: padded as Uint8Array<ArrayBuffer>,
    });
    const mismatch = await browser.post(`/api/documents/${id}/complete`);
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error.code).toBe("upload_checksum_mismatch");

    await browser.raw(renewed.body.upload.url, {
      method: "PUT",
      headers,
      body: pdf.subarray(0, 100) as Uint8Array<ArrayBuffer>,
    });
    const short = await browser.post(`/api/documents/${id}/complete`);
    expect(short.status).toBe(422);
    expect(short.body.error.code).toBe("upload_size_mismatch");

    const tooBig = await browser.raw(renewed.body.upload.url, {
      method: "PUT",
      headers,
      body: new Uint8Array(pdf.byteLength + 10) as Uint8Array<ArrayBuffer>,
    });
    expect(tooBig.status).toBe(413);

    await browser.raw(renewed.body.upload.url, {
      method: "PUT",
      headers,
      body: pdf as Uint8Array<ArrayBuffer>,
    });
    const ok = await browser.post(`/api/documents/${id}/complete`);
    expect(ok.status).toBe(202);
    expect(ok.body.document.status).toBe("queued");
    const twice = await browser.post(`/api/documents/${id}/complete`);
    expect(twice.status).toBe(202);
    expect((await api.queue.depth()).waiting).toBe(1);
  });

  it("reports a file already uploaded to the company, and the same file in another company", async () => {
    const pdf = await statementPdf({ scale: 8 });
    const first = await uploadDocument(browser, companyId, pdf);
    const again = await announce(pdf);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "duplicate_document", details: { documentId: first } });
    const sister = (await browser.createCompany("Sister Ltd")).id;
    const created = await browser.post("/api/documents", {
      companyId: sister,
      fileName: "s.pdf",
      contentType: "application/pdf",
      sizeBytes: pdf.byteLength,
      sha256: sha256(pdf),
    });
    await browser.raw(created.body.upload.url, {
      method: "PUT",
      headers: created.body.upload.headers,
      body: pdf as Uint8Array<ArrayBuffer>,
    });
    const completed = await browser.post(`/api/documents/${created.body.document.id}/complete`);
    expect(completed.body.duplicates).toEqual([{ documentId: first, companyId, status: "queued" }]);
  });

  it("refuses results, corrections and reports of a document that is not processed", async () => {
    const pdf = await statementPdf({ scale: 9 });
    const id = await uploadDocument(browser, companyId, pdf);
    expect((await browser.get(`/api/documents/${id}/analysis`)).status).toBe(409);
    expect(
      (await browser.post(`/api/documents/${id}/exports`, { format: "pdf", language: "en" })).status,
    ).toBe(409);
    expect((await browser.post(`/api/documents/${id}/review`)).status).toBe(409);
    const busy = await browser.post(`/api/documents/${id}/retry`);
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe("document_busy");
    expect((await browser.get(`/api/documents/${id}/pages/1`)).status).toBe(404);
  });

  it("refuses corrections naming an unknown period, line or key", async () => {
    const pdf = await statementPdf({ scale: 10 });
    const id = await uploadDocument(browser, companyId, pdf);
    await processQueued(api, id);
    const statement = (await browser.get(`/api/documents/${id}/statements`)).body.statements[0];
    const path = `/api/documents/${id}/statements/${statement.id}/values`;
    const period = await browser.patch(path, { itemIndex: 0, period: "1999-12-31", value: 1 });
    expect(period.status).toBe(400);
    expect(period.body.error.code).toBe("unknown_period");
    expect(
      (await browser.patch(path, { itemIndex: 99, period: "2024-12-31", value: 1 })).body.error.code,
    ).toBe("unknown_item");
    expect(
      (await browser.patch(path, { key: "revenue", period: "2024-12-31", value: 1 })).body.error.code,
    ).toBe("key_not_in_statement");
    expect(
      (await browser.patch(path, { key: "total_assets", itemIndex: 1, period: "2024-12-31", value: 1 }))
        .status,
    ).toBe(400);
    expect((await browser.patch(path, { itemIndex: 0, period: "2024-12-31", value: "1e3" })).status).toBe(
      400,
    );
    expect(
      (
        await browser.patch(`/api/documents/${id}/statements/00000000-0000-4000-8000-000000000000/values`, {
          itemIndex: 0,
          period: "2024-12-31",
          value: 1,
        })
      ).status,
    ).toBe(404);
    expect(
      (await browser.post(`/api/documents/${id}/exports`, { format: "docx", language: "en" })).status,
    ).toBe(400);
    const badMail = await browser.post(`/api/documents/${id}/email`, {
      recipients: ["not an address"],
      language: "en",
    });
    expect(badMail.status).toBe(400);
    expect(badMail.body.error.code).toBe("recipients_invalid");
  });
});
