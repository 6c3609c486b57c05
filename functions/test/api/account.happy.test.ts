import { auditLog, documents, memberships, users } from "@finstat/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementPdf } from "../../src/cli/sample-statement-pdf";
import { closeOcr } from "../../src/pipeline/pdf";
import { databaseTargets } from "../support/databases";
import { openTestApi, processQueued, type TestApi, uploadDocument } from "./support/harness";

afterAll(() => closeOcr());

describe.each(databaseTargets())("KVKK / GDPR rights on $name", (target) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(target);
  });
  afterAll(() => api.close());

  it("exports everything stored about the user, without secrets", async () => {
    const browser = api.client();
    await browser.signUp("export@example.com", "export password 123");
    const company = await browser.createCompany("Export Ltd");
    const id = await uploadDocument(browser, company.id, await statementPdf({ scale: 31 }));
    await processQueued(api, id);
    await browser.post("/api/webhooks", { url: "https://hooks.example.com/x" });
    const response = await browser.raw("/api/account/export", { method: "GET" });
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="finstat-account-/);
    const data = await response.json();
    expect(data.user.email).toBe("export@example.com");
    expect(data.companies.map((c: { id: string }) => c.id)).toEqual([company.id]);
    expect(data.documents.map((d: { id: string }) => d.id)).toEqual([id]);
    expect(data.statements).toHaveLength(1);
    expect(data.analyses.length).toBeGreaterThan(0);
    expect(data.auditLog.map((row: { action: string }) => row.action)).toEqual(
      expect.arrayContaining(["account.register", "document.upload"]),
    );
    const text = JSON.stringify(data);
    expect(text).not.toContain("scrypt$");
    expect(text).not.toContain("whsec_");
    expect(text).not.toContain("refreshTokenHash");
  });

  it("deletes the account with its documents, files, statements and exports, after the password", async () => {
    const browser = api.client();
    const user = await browser.signUp("leaving@example.com", "leaving password 123");
    const company = await browser.createCompany("Leaving Ltd");
    const id = await uploadDocument(browser, company.id, await statementPdf({ scale: 32 }));
    await processQueued(api, id);
    const exported = await browser.post(`/api/documents/${id}/exports`, { format: "pdf", language: "en" });
    const keys = [
      // The PDF as checked at upload (the upload copy is gone once it was checked).
      `documents/${id}/checked.pdf`,
      `documents/${id}/pages/1.png`,
      `exports/${exported.body.export.id}.pdf`,
    ];
    for (const key of keys) expect(await api.storage.head(key)).not.toBeNull();

    const wrong = await browser.delete("/api/account", { password: "not my password" });
    expect(wrong.status).toBe(401);
    const deleted = await browser.delete("/api/account", { password: "leaving password 123" });
    expect(deleted.status).toBe(200);
    // Every key the document may own is removed: the upload copy, the checked PDF, its page, the export.
    expect(deleted.body).toMatchObject({ ok: true, deletedDocuments: 1, deletedFiles: 4 });

    for (const key of keys) expect(await api.storage.head(key)).toBeNull();
    expect(await api.database.db.select().from(users).where(eq(users.id, user.id))).toEqual([]);
    expect(await api.database.db.select().from(documents).where(eq(documents.id, id))).toEqual([]);
    const trail = await api.database.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(trail.some((row) => row.action === "account.delete" && row.userId === null)).toBe(true);
    expect((await browser.get("/api/auth/me")).status).toBe(401);
    const login = await api
      .client()
      .post("/api/auth/login", { email: "leaving@example.com", password: "leaving password 123" });
    expect(login.status).toBe(401);
  });

  it("keeps what a leaving member uploaded for the firm, and keeps the sole owner until ownership moves", async () => {
    const owner = api.client();
    const ownerUser = await owner.signUp("partner@example.com", "partner password 123");
    const [firm] = await api.database.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, ownerUser.id));
    const staff = api.client();
    const staffUser = await staff.signUp("staff@example.com", "staff password 123");
    await api.database.db
      .insert(memberships)
      .values({ organisationId: firm!.organisationId, userId: staffUser.id, role: "accountant" });
    const company = await owner.createCompany("Firm Client Ltd");
    const id = await uploadDocument(staff, company.id, await statementPdf({ scale: 33 }));
    await processQueued(api, id);

    const refused = await owner.delete("/api/account", { password: "partner password 123" });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "account_sole_owner" });

    const left = await staff.delete("/api/account", { password: "staff password 123" });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ ok: true, deletedDocuments: 0, deletedFiles: 0 });
    const [kept] = await api.database.db.select().from(documents).where(eq(documents.id, id));
    expect(kept).toMatchObject({ id, ownerId: null, organisationId: firm!.organisationId });
    expect(await api.storage.head(`documents/${id}/checked.pdf`)).not.toBeNull();
    expect((await owner.get(`/api/documents/${id}`)).status).toBe(200);

    // Alone again, the owner may go, and the firm's data goes with its last member.
    const gone = await owner.delete("/api/account", { password: "partner password 123" });
    expect(gone.body).toMatchObject({ ok: true, deletedDocuments: 1 });
    expect(await api.database.db.select().from(documents).where(eq(documents.id, id))).toEqual([]);
  });
});
