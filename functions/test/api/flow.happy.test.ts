import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementPdf } from "../../src/cli/sample-statement-pdf";
import { closeOcr } from "../../src/pipeline/pdf";
import { databaseTargets } from "../support/databases";
import { openTestApi, processQueued, type TestApi, uploadDocument } from "./support/harness";

afterAll(() => closeOcr());

describe.each(databaseTargets())("the accountant's path on $name", (target) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(target);
  });
  afterAll(() => api.close());

  it("registers, logs in, uploads, processes, corrects a value and exports the report", async () => {
    const browser = api.client();
    await browser.signUp("ayse@example.com");
    const loggedOut = await browser.post("/api/auth/logout");
    expect(loggedOut.status).toBe(200);
    expect((await browser.get("/api/auth/me")).status).toBe(401);

    const login = await browser.post("/api/auth/login", {
      email: "Ayse@Example.com",
      password: "correct horse battery staple",
    });
    expect(login.status).toBe(200);
    expect(login.body.user.email).toBe("ayse@example.com");
    expect(login.body.csrfToken).toEqual(expect.any(String));
    const me = await browser.get("/api/auth/me");
    expect(me.body.user.email).toBe("ayse@example.com");

    const company = await browser.createCompany("Example Trading Ltd", {
      taxId: "1234567890",
      sector: "Wholesale",
    });
    const pdf = await statementPdf({ scale: 1 });
    const documentId = await uploadDocument(browser, company.id, pdf, "balance-2024.pdf");

    const queued = await browser.get(`/api/documents/${documentId}`);
    expect(queued.body.document).toMatchObject({
      status: "queued",
      fileName: "balance-2024.pdf",
      sizeBytes: pdf.byteLength,
    });
    expect(queued.body.document.storageKey).toBeUndefined();

    const outcome = await processQueued(api, documentId);
    expect(outcome).toMatchObject({ status: "done", statements: 1 });
    const done = await browser.get(`/api/documents/${documentId}`);
    expect(done.body.document).toMatchObject({ status: "done", progress: 100, stage: "done", pages: 1 });

    const listed = await browser.get(`/api/documents?companyId=${company.id}&status=done&page=1&pageSize=10`);
    expect(listed.body).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect(listed.body.items[0].id).toBe(documentId);
    // Every check evaluated and holding: nothing for a reviewer, so "ready".
    expect(listed.body.items[0].review).toEqual({
      needsReview: false,
      flaggedValues: 0,
      failedChecks: 0,
      uncheckedChecks: 0,
    });
    const attention = `/api/documents?companyId=${company.id}&attention=needs_review`;
    expect((await browser.get(attention)).body.total).toBe(0);

    const page = await browser.raw(`/api/documents/${documentId}/pages/1`, { method: "GET" });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("image/png");
    expect(
      Buffer.from(await page.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");

    const statements = await browser.get(`/api/documents/${documentId}/statements`);
    const balance = statements.body.statements[0];
    expect(balance.type).toBe("balance_sheet");
    expect(balance.canonical.cash_and_equivalents["2024-12-31"]).toBe(1200);
    expect(balance.checks.every((c: { ok: boolean }) => c.ok)).toBe(true);

    // The reviewer states the currency; an unknown code is refused, and nothing else moves.
    const currencyPath = `/api/documents/${documentId}/statements/${balance.id}/currency`;
    expect((await browser.patch(currencyPath, { currency: "ZZZ" })).status).toBe(400);
    const peso = await browser.patch(currencyPath, { currency: "php" });
    expect(peso.status).toBe(200);
    expect(peso.body.statement).toMatchObject({
      id: balance.id,
      currency: "PHP",
      canonical: balance.canonical,
    });
    expect((await browser.get(`/api/documents/${documentId}/statements`)).body.statements[0].currency).toBe(
      "PHP",
    );
    await browser.patch(currencyPath, { currency: balance.currency });

    const before = await browser.get(`/api/documents/${documentId}/analysis`);
    const currentRatio = (body: typeof before.body) =>
      body.analysis.ratios.find(
        (r: { key: string; period: string }) => r.key === "current_ratio" && r.period === "2024-12-31",
      ).value;
    expect(currentRatio(before.body)).toBeCloseTo(2500 / 1500, 6);

    // The reviewer fixes cash: the current-assets total no longer adds up, and the ratio moves.
    const cashIndex = balance.items.findIndex((i: { key?: string }) => i.key === "cash_and_equivalents");
    const corrected = await browser.patch(`/api/documents/${documentId}/statements/${balance.id}/values`, {
      itemIndex: cashIndex,
      period: "2024-12-31",
      value: 1500,
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.change).toMatchObject({ oldValue: 1200, newValue: 1500, period: "2024-12-31" });
    expect(corrected.body.statement.canonical.cash_and_equivalents["2024-12-31"]).toBe(1500);
    const sectionSum = corrected.body.statement.checks.find(
      (c: { rule: string; period: string }) =>
        c.rule === "total_current_assets = sum of its lines" && c.period === "2024-12-31",
    );
    expect(sectionSum).toMatchObject({ ok: false, difference: -300 });
    expect(corrected.body.statement.flagged).toBe(true);
    // The correction broke a sum: the document now needs review, with what is left to look at.
    const needing = await browser.get(attention);
    expect(needing.body.items.map((d: { id: string }) => d.id)).toEqual([documentId]);
    expect(needing.body.items[0].review).toMatchObject({ needsReview: true, failedChecks: 1 });
    expect(needing.body.items[0].review.flaggedValues).toBeGreaterThanOrEqual(2);

    const after = await browser.get(`/api/documents/${documentId}/analysis`);
    expect(currentRatio(after.body)).toBeCloseTo(2500 / 1500, 6); // totals are printed, not summed
    const cashRatio = (body: typeof before.body) =>
      body.analysis.ratios.find(
        (r: { key: string; period: string }) => r.key === "cash_ratio" && r.period === "2024-12-31",
      ).value;
    expect(cashRatio(before.body)).toBeCloseTo(1200 / 1500, 6);
    expect(cashRatio(after.body)).toBeCloseTo(1500 / 1500, 6);

    const companyView = await browser.get(`/api/companies/${company.id}/analysis`);
    expect(companyView.status).toBe(200);
    expect(companyView.body.analysis.timeline.periods.map((p: { period: string }) => p.period)).toEqual([
      "2023-12-31",
      "2024-12-31",
    ]);

    const exported = await browser.post(`/api/documents/${documentId}/exports`, {
      format: "xlsx",
      language: "en",
    });
    expect(exported.status).toBe(201);
    expect(exported.body.export).toMatchObject({ format: "xlsx", documentId });
    const file = await browser.raw(exported.body.downloadUrl, { method: "GET" });
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    expect(workbook.worksheets.length).toBeGreaterThan(3);

    const again = await browser.raw(`/api/exports/${exported.body.export.id}/download`, { method: "GET" });
    expect(again.status).toBe(302);
    expect((await browser.raw(again.headers.get("location")!, { method: "GET" })).status).toBe(200);

    const reviewed = await browser.post(`/api/documents/${documentId}/review`);
    expect(reviewed.body.document.reviewedAt).toEqual(expect.any(String));
    // Marking reviewed is the person's decision: the failing check stays, the attention ends.
    expect(reviewed.body.document.review).toMatchObject({ needsReview: false, failedChecks: 1 });
    expect((await browser.get(attention)).body.total).toBe(0);
  });
});
