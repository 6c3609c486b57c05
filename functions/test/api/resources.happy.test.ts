import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementPdf } from "../../src/cli/sample-statement-pdf";
import { closeOcr } from "../../src/pipeline/pdf";
import { databaseTargets } from "../support/databases";
import type { ApiClient } from "./support/client";
import { openTestApi, processQueued, type TestApi, uploadDocument } from "./support/harness";

afterAll(() => closeOcr());

describe.each(databaseTargets())("companies, documents and the API description on $name", (target) => {
  let api: TestApi;
  let browser: ApiClient;
  beforeAll(async () => {
    api = await openTestApi(target);
    browser = api.client();
    await browser.signUp("resources@example.com");
  });
  afterAll(() => api.close());

  it("creates, lists, updates and deletes companies", async () => {
    const created = await browser.post("/api/companies", {
      name: "Yıldız Gıda AŞ",
      taxId: "10000000146",
      sector: "Food",
      currency: "try",
    });
    expect(created.status).toBe(201);
    expect(created.body.company).toMatchObject({
      name: "Yıldız Gıda AŞ",
      taxId: "10000000146",
      currency: "TRY",
    });
    const id = created.body.company.id;
    await browser.createCompany("Anka Lojistik");
    const listed = await browser.get("/api/companies");
    expect(listed.body.companies.map((c: { name: string }) => c.name)).toEqual([
      "Anka Lojistik",
      "Yıldız Gıda AŞ",
    ]);
    const patched = await browser.patch(`/api/companies/${id}`, { sector: "Food & Beverage" });
    expect(patched.body.company).toMatchObject({ sector: "Food & Beverage", name: "Yıldız Gıda AŞ" });
    expect((await browser.delete(`/api/companies/${id}`)).status).toBe(200);
    expect((await browser.get(`/api/companies/${id}`)).status).toBe(404);
  });

  it("pages through documents and filters them by company and status", async () => {
    const a = (await browser.createCompany("Paging A")).id;
    const b = (await browser.createCompany("Paging B")).id;
    for (const scale of [11, 12, 13]) await uploadDocument(browser, a, await statementPdf({ scale }));
    await uploadDocument(browser, b, await statementPdf({ scale: 14 }));
    const first = await browser.get(`/api/documents?companyId=${a}&page=1&pageSize=2`);
    const second = await browser.get(`/api/documents?companyId=${a}&page=2&pageSize=2`);
    expect(first.body.total).toBe(3);
    expect(first.body.items).toHaveLength(2);
    expect(second.body.items).toHaveLength(1);
    const ids = [...first.body.items, ...second.body.items].map((d: { id: string }) => d.id);
    expect(new Set(ids).size).toBe(3);
    expect((await browser.get("/api/documents?status=done")).body.total).toBe(0);
    expect((await browser.get("/api/documents?status=queued")).body.total).toBe(4);
    expect((await browser.get("/api/documents?pageSize=500")).status).toBe(400);
  });

  it("retries a processed document, replacing its results, and deletes a document with its files", async () => {
    const company = (await browser.createCompany("Lifecycle Ltd")).id;
    const id = await uploadDocument(browser, company, await statementPdf({ scale: 15 }));
    await processQueued(api, id);
    const first = (await browser.get(`/api/documents/${id}/statements`)).body.statements;
    const retried = await browser.post(`/api/documents/${id}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.body.document.status).toBe("queued");
    await processQueued(api, id);
    const second = (await browser.get(`/api/documents/${id}/statements`)).body.statements;
    expect(second).toHaveLength(1);
    expect(second[0].id).not.toBe(first[0].id);
    expect(second[0].canonical).toEqual(first[0].canonical);

    const exported = await browser.post(`/api/documents/${id}/exports`, { format: "xlsx", language: "tr" });
    const keys = [
      `documents/${id}/checked.pdf`,
      `documents/${id}/pages/1.png`,
      `exports/${exported.body.export.id}.xlsx`,
    ];
    for (const key of keys) expect(await api.storage.head(key)).not.toBeNull();
    expect((await browser.delete(`/api/documents/${id}`)).status).toBe(200);
    for (const key of keys) expect(await api.storage.head(key)).toBeNull();
    expect((await browser.get(`/api/documents/${id}`)).status).toBe(404);
    expect((await browser.get(`/api/exports/${exported.body.export.id}/download`)).status).toBe(404);
  });

  it("corrects a canonical value by key and writes the change to the audit log", async () => {
    const company = (await browser.createCompany("Audit Ltd")).id;
    const id = await uploadDocument(browser, company, await statementPdf({ scale: 16 }));
    await processQueued(api, id);
    const statement = (await browser.get(`/api/documents/${id}/statements`)).body.statements[0];
    const before = statement.canonical.total_assets["2024-12-31"];
    const response = await browser.patch(`/api/documents/${id}/statements/${statement.id}/values`, {
      key: "total_assets",
      period: "2024-12-31",
      value: before + 100,
    });
    expect(response.status).toBe(200);
    const item = response.body.statement.items.find((i: { key?: string }) => i.key === "total_assets");
    expect(item.values["2024-12-31"]).toBe(before + 100);
    expect(item.flags).toContain("corrected");
    const failing = response.body.statement.checks
      .filter((c: { ok: boolean }) => !c.ok)
      .map((c: { rule: string }) => c.rule);
    expect(failing).toEqual(
      expect.arrayContaining([
        "total_assets = total_current_assets + total_non_current_assets",
        "total_assets = total_liabilities_and_equity",
      ]),
    );
    const exported = (await browser.get("/api/account/export")).body;
    const entry = exported.auditLog.find((row: { action: string }) => row.action === "statement.correct");
    expect(entry.details).toMatchObject({
      key: "total_assets",
      period: "2024-12-31",
      oldValue: before,
      newValue: before + 100,
      documentId: id,
    });
    expect(entry.userId).toBe(exported.user.id);
  });

  it("documents exactly the routes the app serves, since the document is generated from them", async () => {
    const openapi = await api.client().get("/api/openapi.json");
    const documented = Object.entries(openapi.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // /api/files/* are the signed storage URLs of the embedded shape, not operations of the API.
    const served = api.app.routes
      .filter((route) => route.method !== "ALL" && !route.path.startsWith("/api/files"))
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, "{$1}")}`);
    expect(documented.sort()).toEqual([...new Set(served)].sort());
    expect(documented.length).toBeGreaterThan(35);
  });

  it("describes every route in /api/openapi.json and answers /api/health from real checks", async () => {
    const openapi = await api.client().get("/api/openapi.json");
    expect(openapi.status).toBe(200);
    expect(openapi.body.openapi).toBe("3.1.0");
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining([
        "/api/documents/{id}/statements/{statementId}/values",
        "/api/companies/{id}/analysis",
        "/api/webhooks/{id}/deliveries",
      ]),
    );
    const correction = openapi.body.paths["/api/documents/{id}/statements/{statementId}/values"].patch;
    expect(correction.requestBody.content["application/json"].schema.properties).toHaveProperty("period");
    const health = await api.client().get("/api/health");
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      ok: true,
      db: { ok: true },
      storage: { ok: true },
      queue: { ok: true },
    });
  });
});
