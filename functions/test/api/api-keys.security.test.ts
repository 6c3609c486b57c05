import { createHash, randomBytes, randomUUID } from "node:crypto";
import { apiKeys, auditLog, documents, memberships, rateLimits } from "@finstat/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementPdf } from "../../src/cli/sample-statement-pdf";
import { closeOcr } from "../../src/pipeline/pdf";
import { databaseTargets } from "../support/databases";
import type { ApiClient } from "./support/client";
import { openTestApi, processQueued, sha256, type TestApi, uploadDocument } from "./support/harness";

afterAll(() => closeOcr());

/**
 * Scripts calling the API with an organisation's key (`Authorization: Bearer fsk_…`): the key
 * acts in its organisation alone, with its role, without a CSRF token; its secret is stored as a
 * hash and shown once; revoking it, or its maker leaving, stops it at once.
 */
describe.each(databaseTargets())("API keys on $name", (target) => {
  let api: TestApi;
  let owner: ApiClient;
  let other: ApiClient;
  let ownerId: string;
  let organisationId: string;
  let otherOrganisationId: string;
  let companyId: string;
  let otherCompanyId: string;
  let documentId: string;
  let otherDocumentId: string;
  let exportId: string;

  const organisationOf = async (userId: string) =>
    (await api.database.db.select().from(memberships).where(eq(memberships.userId, userId)))[0]!
      .organisationId;

  /** A key made through the API by `creator`, and a client (no cookies) that calls with it. */
  async function keyOf(creator: ApiClient, role: string, organisation = organisationId, name = "Nightly") {
    const created = await creator.post(`/api/organisations/${organisation}/api-keys`, { name, role });
    expect(created.status).toBe(201);
    const script = api.client();
    script.bearer = created.body.apiKey.secret;
    return { key: created.body.apiKey, secret: created.body.apiKey.secret as string, script };
  }

  const pendingUpload = (client: ApiClient, company: string) =>
    client.post("/api/documents", {
      companyId: company,
      fileName: "pending.pdf",
      contentType: "application/pdf",
      sizeBytes: 1000,
      sha256: sha256(randomBytes(32)),
    });

  beforeAll(async () => {
    api = await openTestApi(target);
    owner = api.client();
    other = api.client();
    ownerId = (await owner.signUp("owner@example.com")).id;
    const otherId = (await other.signUp("other@example.com")).id;
    organisationId = await organisationOf(ownerId);
    otherOrganisationId = await organisationOf(otherId);
    companyId = (await owner.createCompany("Script Ltd")).id;
    otherCompanyId = (await other.createCompany("Elsewhere Ltd")).id;
    documentId = await uploadDocument(owner, companyId, await statementPdf({ scale: 2 }));
    await processQueued(api, documentId);
    exportId = (await owner.post(`/api/documents/${documentId}/exports`, { format: "pdf", language: "en" }))
      .body.export.id;
    otherDocumentId = (await pendingUpload(other, otherCompanyId)).body.document.id;
  });
  afterAll(() => api.close());

  it("lets a viewer key list, read and download, but not upload", async () => {
    const { script } = await keyOf(owner, "viewer");
    const listed = await script.get("/api/documents");
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((d: { id: string }) => d.id)).toContain(documentId);
    const statements = await script.get(`/api/documents/${documentId}/statements`);
    expect(statements.status).toBe(200);
    expect(statements.body.statements[0].items[0].values["2024-12-31"]).toBe(2400);
    const download = await script.get(`/api/exports/${exportId}/download`, { accept: "application/json" });
    expect(download.status).toBe(200);
    expect(download.body.url).toMatch(/^http/);

    const upload = await pendingUpload(script, companyId);
    expect(upload.status).toBe(403);
    expect(upload.body.error.code).toBe("forbidden");
  });

  it("lets an accountant key upload without a CSRF token, into its organisation, as its creator", async () => {
    const { script } = await keyOf(owner, "accountant");
    expect(script.csrfToken).toBeUndefined();
    expect(script.cookies.size).toBe(0);
    const id = await uploadDocument(script, companyId, await statementPdf({ scale: 5 }), "scripted.pdf");
    const [row] = await api.database.db.select().from(documents).where(eq(documents.id, id));
    expect(row).toMatchObject({ organisationId, companyId, ownerId, status: "queued" });

    // The same write from the browser's cookie, without its CSRF token, is refused.
    const token = owner.csrfToken;
    owner.csrfToken = undefined;
    const cookieWrite = await pendingUpload(owner, companyId);
    owner.csrfToken = token;
    expect(cookieWrite.status).toBe(403);
    expect(cookieWrite.body.error.code).toBe("csrf_token_invalid");
  });

  it("keeps a key to its own organisation, even when its creator belongs to another", async () => {
    const { script } = await keyOf(owner, "admin");
    // The owner joins the other organisation: their session reaches its document, their key not.
    await api.database.db
      .insert(memberships)
      .values({ organisationId: otherOrganisationId, userId: ownerId, role: "admin" });
    expect((await owner.get(`/api/documents/${otherDocumentId}`)).status).toBe(200);

    const read = await script.get(`/api/documents/${otherDocumentId}`);
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe("not_found");
    const upload = await pendingUpload(script, otherCompanyId);
    expect(upload.status).toBe(404);
    const companies = (await script.get("/api/companies")).body.companies.map((c: { id: string }) => c.id);
    expect(companies).toContain(companyId);
    expect(companies).not.toContain(otherCompanyId);
    const listed = (await script.get("/api/documents")).body.items.map((d: { id: string }) => d.id);
    expect(listed).not.toContain(otherDocumentId);
    // A company the key creates goes into the key's organisation, not the creator's other one.
    const created = await script.post("/api/companies", { name: "Made By Script", currency: "TRY" });
    expect(created.status).toBe(201);
    expect((await owner.get(`/api/companies/${created.body.company.id}`)).status).toBe(200);
    expect((await other.get(`/api/companies/${created.body.company.id}`)).status).toBe(404);

    await api.database.db
      .delete(memberships)
      .where(and(eq(memberships.organisationId, otherOrganisationId), eq(memberships.userId, ownerId)));
  });

  it("answers 401 for a revoked key, an unknown one, and one whose creator left", async () => {
    const { key, script } = await keyOf(owner, "viewer", organisationId, "To revoke");
    expect((await script.get("/api/documents")).status).toBe(200);
    const revoked = await owner.delete(`/api/organisations/${organisationId}/api-keys/${key.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.apiKey.revokedAt).not.toBeNull();
    const afterRevoke = await script.get("/api/documents");
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.body.error.code).toBe("api_key_revoked");

    const unknown = api.client();
    unknown.bearer = `fsk_${randomBytes(32).toString("base64url")}`;
    expect((await unknown.get("/api/documents")).body.error.code).toBe("api_key_invalid");
    unknown.bearer = "not-a-finstat-key";
    const garbled = await unknown.get("/api/documents");
    expect(garbled.status).toBe(401);
    expect(garbled.body.error.code).toBe("api_key_invalid");

    // An admin makes a key, then leaves the organisation: the key acts for nobody any more.
    const admin = api.client();
    const adminId = (await admin.signUp("admin@example.com")).id;
    await api.database.db.insert(memberships).values({ organisationId, userId: adminId, role: "admin" });
    const left = await keyOf(admin, "accountant", organisationId, "Admin's");
    expect((await left.script.get("/api/documents")).status).toBe(200);
    // Made a viewer, the admin's accountant key would hold more than they do: it stops, until
    // the role covers it again.
    const setRole = (role: "viewer" | "admin") =>
      api.database.db
        .update(memberships)
        .set({ role })
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, adminId)));
    await setRole("viewer");
    const demoted = await left.script.get("/api/documents");
    expect(demoted.status).toBe(401);
    expect(demoted.body.error.code).toBe("api_key_exceeds_creator");
    await setRole("admin");
    expect((await left.script.get("/api/documents")).status).toBe(200);
    await api.database.db
      .delete(memberships)
      .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, adminId)));
    const orphaned = await left.script.get("/api/documents");
    expect(orphaned.status).toBe(401);
    expect(orphaned.body.error.code).toBe("api_key_creator_gone");
  });

  it("stores only the secret's hash, and shows the secret once", async () => {
    const { key, secret, script } = await keyOf(owner, "accountant", organisationId, "Shown once");
    expect(secret).toMatch(/^fsk_[A-Za-z0-9_-]{43}$/);
    expect(key.prefix).toBe(secret.slice(0, 12));
    const rows = await api.database.db.select().from(apiKeys);
    expect(JSON.stringify(rows)).not.toContain(secret.slice(4));
    const row = rows.find((candidate) => candidate.id === key.id)!;
    expect(row.secretHash).toBe(createHash("sha256").update(secret).digest("hex"));

    await script.get("/api/documents");
    const listed = await owner.get(`/api/organisations/${organisationId}/api-keys`);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(secret.slice(4));
    const entry = listed.body.apiKeys.find((candidate: { id: string }) => candidate.id === key.id);
    expect(entry).toMatchObject({
      name: "Shown once",
      role: "accountant",
      prefix: secret.slice(0, 12),
      createdBy: { id: ownerId, fullName: "Test Accountant" },
      revokedAt: null,
    });
    expect(entry.lastUsedAt).not.toBeNull();
    expect(entry).not.toHaveProperty("secret");
    expect(entry).not.toHaveProperty("secretHash");
  });

  it("records last use at most once a minute, and counts the rate limit per key", async () => {
    const { key, script } = await keyOf(owner, "viewer", organisationId, "Counted");
    await script.get("/api/documents");
    const lastUse = async () =>
      (await api.database.db.select().from(apiKeys).where(eq(apiKeys.id, key.id)))[0]!.lastUsedAt;
    const first = await lastUse();
    expect(first).toBeInstanceOf(Date);
    await script.get("/api/companies");
    expect((await lastUse())?.getTime()).toBe(first!.getTime());
    const longAgo = new Date(Date.now() - 5 * 60_000);
    await api.database.db.update(apiKeys).set({ lastUsedAt: longAgo }).where(eq(apiKeys.id, key.id));
    await script.get("/api/companies");
    expect((await lastUse())!.getTime()).toBeGreaterThan(longAgo.getTime() + 60_000);

    const counted = await api.database.db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `key:${key.id}`));
    expect(counted.reduce((sum, row) => sum + row.count, 0)).toBe(3);
    const response = await script.get("/api/companies");
    expect(response.headers.get("x-ratelimit-remaining")).toBe(String(api.config.RATE_LIMIT_PER_HOUR - 4));
  });

  it("refuses keys on the account, the session and the keys themselves", async () => {
    const { script } = await keyOf(owner, "admin", organisationId, "Overreaching");
    const attempts = [
      await script.get("/api/account/export"),
      await script.delete("/api/account", { password: "correct horse battery staple" }),
      await script.get("/api/auth/me"),
      await script.get(`/api/organisations/${organisationId}/api-keys`),
      await script.post(`/api/organisations/${organisationId}/api-keys`, { name: "Another", role: "admin" }),
    ];
    for (const attempt of attempts) {
      expect(attempt.status).toBe(403);
      expect(attempt.body.error.code).toBe("api_key_not_allowed");
    }
    const me = await owner.get("/api/auth/me");
    expect(me.status).toBe(200);
    expect(me.body.organisations).toEqual([
      {
        id: organisationId,
        name: "Test Accountant",
        personal: true,
        role: "owner",
        createdAt: expect.any(String),
      },
    ]);
  });

  it("never makes an owner's key, and audits creating and revoking in the organisation", async () => {
    const ownerRole = await owner.post(`/api/organisations/${organisationId}/api-keys`, {
      name: "Too strong",
      role: "owner",
    });
    expect(ownerRole.status).toBe(400);
    const clientRole = await owner.post(`/api/organisations/${organisationId}/api-keys`, {
      name: "Odd",
      role: "client",
    });
    expect(clientRole.status).toBe(400);

    const { key } = await keyOf(owner, "viewer", organisationId, "Audited");
    await owner.delete(`/api/organisations/${organisationId}/api-keys/${key.id}`);
    const trail = await api.database.db.select().from(auditLog).where(eq(auditLog.entityId, key.id));
    expect(trail.map((row) => row.action).sort()).toEqual(["api_key.create", "api_key.revoke"]);
    for (const row of trail)
      expect(row).toMatchObject({ organisationId, userId: ownerId, entityType: "api_key" });
    expect(JSON.stringify(trail)).not.toContain(key.secret.slice(4));

    const foreign = await other.delete(`/api/organisations/${organisationId}/api-keys/${key.id}`);
    expect(foreign.status).toBe(404);
    const missing = await owner.delete(`/api/organisations/${organisationId}/api-keys/${randomUUID()}`);
    expect(missing.status).toBe(404);
  });
});
