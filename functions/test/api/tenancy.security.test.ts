import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementPdf } from "../../src/cli/sample-statement-pdf";
import { closeOcr } from "../../src/pipeline/pdf";
import { databaseTargets } from "../support/databases";
import type { ApiClient, Json } from "./support/client";
import { openTestApi, processQueued, sha256, type TestApi, uploadDocument } from "./support/harness";

afterAll(() => closeOcr());

describe.each(databaseTargets())("tenant isolation on $name", (target) => {
  let api: TestApi;
  let owner: ApiClient;
  let intruder: ApiClient;
  let companyId: string;
  let documentId: string;
  let pendingId: string;
  let statementId: string;
  let exportId: string;
  let webhookId: string;

  beforeAll(async () => {
    api = await openTestApi(target);
    owner = api.client();
    intruder = api.client();
    await owner.signUp("owner@example.com");
    await intruder.signUp("intruder@example.com");
    companyId = (await owner.createCompany("Owner Ltd")).id;
    documentId = await uploadDocument(owner, companyId, await statementPdf({ scale: 2 }));
    await processQueued(api, documentId);
    statementId = (await owner.get(`/api/documents/${documentId}/statements`)).body.statements[0].id;
    exportId = (await owner.post(`/api/documents/${documentId}/exports`, { format: "pdf", language: "tr" }))
      .body.export.id;
    const pending = await statementPdf({ scale: 3 });
    pendingId = (
      await owner.post("/api/documents", {
        companyId,
        fileName: "b.pdf",
        contentType: "application/pdf",
        sizeBytes: pending.byteLength,
        sha256: sha256(pending),
      })
    ).body.document.id;
    webhookId = (await owner.post("/api/webhooks", { url: "https://hooks.example.com/finstat" })).body.webhook
      .id;
  });
  afterAll(() => api.close());

  it("answers 404, exactly as for a missing id, on every route naming another user's data", async () => {
    const attempts: Array<[string, Promise<{ status: number; body: Json }>]> = [
      ["get document", intruder.get(`/api/documents/${documentId}`)],
      ["statements", intruder.get(`/api/documents/${documentId}/statements`)],
      ["analysis", intruder.get(`/api/documents/${documentId}/analysis`)],
      ["events", intruder.get(`/api/documents/${documentId}/events`)],
      ["page image", intruder.get(`/api/documents/${documentId}/pages/1`)],
      ["upload url", intruder.post(`/api/documents/${pendingId}/upload-url`)],
      ["complete", intruder.post(`/api/documents/${pendingId}/complete`)],
      ["retry", intruder.post(`/api/documents/${documentId}/retry`)],
      ["review", intruder.post(`/api/documents/${documentId}/review`)],
      [
        "correct",
        intruder.patch(`/api/documents/${documentId}/statements/${statementId}/values`, {
          itemIndex: 0,
          period: "2024-12-31",
          value: 1,
        }),
      ],
      [
        "currency",
        intruder.patch(`/api/documents/${documentId}/statements/${statementId}/currency`, {
          currency: "USD",
        }),
      ],
      ["export", intruder.post(`/api/documents/${documentId}/exports`, { format: "xlsx", language: "en" })],
      ["download", intruder.get(`/api/exports/${exportId}/download`)],
      [
        "email",
        intruder.post(`/api/documents/${documentId}/email`, {
          recipients: ["x@example.com"],
          language: "en",
        }),
      ],
      ["delete document", intruder.delete(`/api/documents/${documentId}`)],
      ["company", intruder.get(`/api/companies/${companyId}`)],
      ["company analysis", intruder.get(`/api/companies/${companyId}/analysis`)],
      ["patch company", intruder.patch(`/api/companies/${companyId}`, { name: "Mine now" })],
      ["delete company", intruder.delete(`/api/companies/${companyId}`)],
      [
        "upload into company",
        intruder.post("/api/documents", {
          companyId,
          fileName: "x.pdf",
          contentType: "application/pdf",
          sizeBytes: 10,
          sha256: "a".repeat(64),
        }),
      ],
      ["webhook deliveries", intruder.get(`/api/webhooks/${webhookId}/deliveries`)],
      ["delete webhook", intruder.delete(`/api/webhooks/${webhookId}`)],
    ];
    const missing = await intruder.get("/api/documents/00000000-0000-4000-8000-000000000000");
    for (const [name, attempt] of attempts) {
      const response = await attempt;
      expect({ name, status: response.status }).toEqual({ name, status: 404 });
      expect(response.body.error.code).toBe("not_found");
    }
    expect(missing.status).toBe(404);
    expect(api.mailer.sent).toHaveLength(0);
  });

  it("lists nothing of the other user and leaves the owner's data untouched", async () => {
    expect((await intruder.get("/api/documents")).body).toMatchObject({ total: 0, items: [] });
    expect((await intruder.get("/api/companies")).body.companies).toEqual([]);
    expect((await intruder.get("/api/webhooks")).body.webhooks).toEqual([]);
    const exported = await intruder.get("/api/account/export");
    expect(JSON.stringify(exported.body)).not.toContain(documentId);

    const still = await owner.get(`/api/documents/${documentId}/statements`);
    expect(still.status).toBe(200);
    expect(still.body.statements[0].items[0].values["2024-12-31"]).toBe(2400);
    expect((await owner.get(`/api/companies/${companyId}`)).body.company.name).toBe("Owner Ltd");
  });

  it("refuses a tampered upload URL", async () => {
    const pdf = await statementPdf({ scale: 4 });
    const created = await owner.post("/api/documents", {
      companyId,
      fileName: "c.pdf",
      contentType: "application/pdf",
      sizeBytes: pdf.byteLength,
      sha256: sha256(pdf),
    });
    const url: string = created.body.upload.url;
    const token = url.split("/").at(-1)!;
    const [payload, mac] = token.split(".");
    const grant = JSON.parse(Buffer.from(payload!, "base64url").toString());
    const forged = Buffer.from(
      JSON.stringify({ ...grant, key: `documents/${documentId}/source.pdf` }),
    ).toString("base64url");
    const put = await intruder.raw(url.replace(token, `${forged}.${mac}`), {
      method: "PUT",
      headers: { "content-type": "application/pdf" },
      body: pdf as Uint8Array<ArrayBuffer>,
    });
    expect(put.status).toBe(403);
  });
});
