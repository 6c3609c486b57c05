import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeOcr } from "../../src/pipeline/pdf";
import { databaseTargets } from "../support/databases";
import { openTestApi, processQueued, type TestApi, uploadDocument } from "./support/harness";

// A listed Turkish company's whole KAP report (101 pages) from the shared folder beside the
// checkout: uploaded, surveyed for its statement pages, and read through the worker.
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const report = join(repoRoot, "..", "shared", "realdata-dev", "tr_thy2023.pdf");

afterAll(() => closeOcr());

describe("a whole KAP annual report through upload and the worker", () => {
  const target = databaseTargets()[0];
  let api: TestApi;
  beforeAll(async () => {
    if (!target) throw new Error("no database target");
    api = await openTestApi(target);
  });
  afterAll(() => api.close());

  it("is accepted, read on its statement pages only, and shows those pages", async () => {
    const browser = api.client();
    await browser.signUp("analyst@example.com");
    const company = await browser.createCompany("Türk Hava Yolları A.O.", { taxId: "1234567890" });
    const pdf = new Uint8Array(await readFile(report));
    const documentId = await uploadDocument(browser, company.id, pdf, "THY 2023.pdf");

    const started = performance.now();
    const outcome = await processQueued(api, documentId);
    expect(outcome).toMatchObject({ status: "done", statements: 2 });
    expect(performance.now() - started).toBeLessThan(60_000);

    const done = await browser.get(`/api/documents/${documentId}`);
    expect(done.body.document).toMatchObject({ status: "done", pages: 101 });
    const statements = await browser.get(`/api/documents/${documentId}/statements`);
    expect(statements.body.statementPages).toEqual(expect.arrayContaining([9, 10, 11]));
    const balance = statements.body.statements.find((s: { type: string }) => s.type === "balance_sheet");
    expect(balance.canonical.total_assets["2023-12-31"]).toBe(1_050_091_000_000);

    const shown = await browser.raw(`/api/documents/${documentId}/pages/9`, { method: "GET" });
    expect(shown.status).toBe(200);
    expect(shown.headers.get("content-type")).toBe("image/png");
    const notRead = await browser.raw(`/api/documents/${documentId}/pages/50`, { method: "GET" });
    expect(notRead.status).toBe(404);
  });
});
