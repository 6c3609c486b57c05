import { randomBytes } from "node:crypto";
import { apiKeys, auditLog, membershipCompanies, memberships, users } from "@finstat/db/schema";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementPdf } from "../../src/cli/sample-statement-pdf";
import { closeOcr } from "../../src/pipeline/pdf";
import { ACTIONS, type Role } from "../../src/use-cases/access-policy";
import { recordAudit } from "../../src/use-cases/audit";
import { databaseTargets } from "../support/databases";
import type { ApiClient } from "./support/client";
import { openTestApi, processQueued, type TestApi, uploadDocument } from "./support/harness";

afterAll(() => closeOcr());

/**
 * The review handed between people of one firm: who it is assigned to, who signed it off, the
 * history naming who changed which value from what to what, and what each role is shown it may do.
 */
describe.each(databaseTargets())("review workflow across people on $name", (target) => {
  type Person = "owner" | "admin" | "accountant" | "viewer" | "client" | "outsider";
  const names: Record<Person, string> = {
    owner: "Ayşe Partner",
    admin: "Burak Admin",
    accountant: "Cem Muhasebeci",
    viewer: "Deniz Viewer",
    client: "Elif Client",
    outsider: "Fatih Outsider",
  };
  let api: TestApi;
  const clients = {} as Record<Person, ApiClient>;
  const ids = {} as Record<Person, string>;
  let organisationId: string;
  let companyId: string;
  let documentId: string;
  let statementId: string;

  beforeAll(async () => {
    api = await openTestApi(target);
    for (const person of Object.keys(names) as Person[]) {
      clients[person] = api.client();
      ids[person] = (await clients[person].signUp(`${person}@example.com`)).id;
      await api.database.db.update(users).set({ fullName: names[person] }).where(eq(users.id, ids[person]));
    }
    const [ownership] = await api.database.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, ids.owner));
    organisationId = ownership!.organisationId;
    companyId = (await clients.owner.createCompany("Client Ltd")).id;
    // Members other than the owner are inserted directly, as the tenancy tests do.
    const roles: Array<[Person, Role]> = [
      ["admin", "admin"],
      ["accountant", "accountant"],
      ["viewer", "viewer"],
      ["client", "client"],
    ];
    for (const [person, role] of roles) {
      const [membership] = await api.database.db
        .insert(memberships)
        .values({ organisationId, userId: ids[person], role })
        .returning();
      if (role === "client") {
        await api.database.db.insert(membershipCompanies).values({ membershipId: membership!.id, companyId });
      }
    }
    documentId = await uploadDocument(clients.owner, companyId, await statementPdf({ scale: 2 }));
    await processQueued(api, documentId);
    statementId = (await clients.owner.get(`/api/documents/${documentId}/statements`)).body.statements[0].id;
  });
  afterAll(() => api.close());

  it("shows each role exactly what the policy lets it do on the document and its company", async () => {
    const permissions = async (person: Person) => ({
      document: (await clients[person].get(`/api/documents/${documentId}`)).body.document.permissions,
      company: (await clients[person].get(`/api/companies/${companyId}`)).body.company.permissions,
    });
    const owner = await permissions("owner");
    expect(owner.document).toEqual([...ACTIONS]);
    expect(owner.company).toEqual([...ACTIONS]);
    const accountant = await permissions("accountant");
    expect(accountant.document).toEqual(
      expect.arrayContaining(["upload", "correct", "mark_reviewed", "export"]),
    );
    expect(accountant.document).not.toContain("manage_members");
    expect(accountant.document).not.toContain("delete_company");
    expect(await permissions("viewer")).toEqual({
      document: ["read", "download"],
      company: ["read", "download"],
    });
    expect(await permissions("client")).toEqual({
      document: ["read", "download", "upload"],
      company: ["read", "download", "upload"],
    });
    const listed = (await clients.viewer.get("/api/companies")).body.companies.find(
      (company: { id: string }) => company.id === companyId,
    );
    expect(listed.permissions).toEqual(["read", "download"]);
  });

  it("offers as assignees only the members who may sign the review off, and only to those who may assign", async () => {
    const offered = (await clients.owner.get(`/api/documents/${documentId}`)).body.document.assignees;
    expect(offered.map((person: { fullName: string }) => person.fullName)).toEqual([
      names.owner,
      names.admin,
      names.accountant,
    ]);
    expect((await clients.viewer.get(`/api/documents/${documentId}`)).body.document.assignees).toEqual([]);
  });

  it("assigns the document to a colleague, lists it as theirs, and refuses whom the policy would not let review", async () => {
    const assigned = await clients.owner.put(`/api/documents/${documentId}/assignee`, {
      userId: ids.accountant,
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.document.assignedTo).toEqual({ id: ids.accountant, fullName: names.accountant });

    const mine = (await clients.accountant.get("/api/documents?assignedTo=me")).body;
    expect(mine.items.map((d: { id: string }) => d.id)).toEqual([documentId]);
    expect((await clients.owner.get("/api/documents?assignedTo=me")).body.total).toBe(0);

    for (const person of ["outsider", "viewer", "client"] as const) {
      const refused = await clients.owner.put(`/api/documents/${documentId}/assignee`, {
        userId: ids[person],
      });
      expect({ person, status: refused.status, code: refused.body.error.code }).toEqual({
        person,
        status: 422,
        code: "assignee_not_eligible",
      });
    }
    const viewer = await clients.viewer.put(`/api/documents/${documentId}/assignee`, { userId: ids.viewer });
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.code).toBe("forbidden");
    const outsider = await clients.outsider.put(`/api/documents/${documentId}/assignee`, { userId: null });
    expect(outsider.status).toBe(404);
    expect((await clients.owner.get(`/api/documents/${documentId}`)).body.document.assignedTo?.id).toBe(
      ids.accountant,
    );
  });

  it("names who reviewed the document", async () => {
    const reviewed = await clients.accountant.post(`/api/documents/${documentId}/review`);
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.document.reviewedBy).toEqual({ id: ids.accountant, fullName: names.accountant });
    expect(reviewed.body.document.reviewedAt).toEqual(expect.any(String));
    const seen = (await clients.viewer.get(`/api/documents/${documentId}`)).body.document;
    expect(seen.reviewedBy.fullName).toBe(names.accountant);
  });

  it("keeps the history newest first: who corrected which value from what to what, the currency, the assignments", async () => {
    const statement = (await clients.accountant.get(`/api/documents/${documentId}/statements`)).body
      .statements[0];
    const item = statement.items[0];
    const before = item.values["2024-12-31"];
    const corrected = await clients.accountant.patch(
      `/api/documents/${documentId}/statements/${statementId}/values`,
      { itemIndex: 0, period: "2024-12-31", value: before + 7 },
    );
    expect(corrected.status).toBe(200);
    const currency = await clients.admin.patch(
      `/api/documents/${documentId}/statements/${statementId}/currency`,
      {
        currency: "EUR",
      },
    );
    expect(currency.status).toBe(200);
    await clients.owner.put(`/api/documents/${documentId}/assignee`, { userId: null });

    const history = await clients.viewer.get(`/api/documents/${documentId}/history`);
    expect(history.status).toBe(200);
    const entries = history.body.entries;
    expect(entries.map((entry: { action: string }) => entry.action)).toEqual([
      "document.unassign",
      "statement.currency",
      "statement.correct",
      "document.review",
      "document.assign",
      "document.upload",
    ]);
    expect(entries[2]).toMatchObject({
      who: { id: ids.accountant, fullName: names.accountant },
      apiKey: null,
      correction: { label: item.label, period: "2024-12-31", from: before, to: before + 7 },
    });
    expect(entries[1]).toMatchObject({
      who: { fullName: names.admin },
      currency: { before: statement.currency, after: "EUR" },
    });
    expect(entries[4]).toMatchObject({
      who: { fullName: names.owner },
      assignee: { id: ids.accountant, fullName: names.accountant },
    });
    expect(entries[0].assignee).toBeNull();
    expect(history.body.total).toBe(6);
    const times = entries.map((entry: { at: string }) => Date.parse(entry.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const page = await clients.viewer.get(`/api/documents/${documentId}/history?pageSize=2&page=2`);
    expect(page.body.entries.map((entry: { action: string }) => entry.action)).toEqual([
      "statement.correct",
      "document.review",
    ]);
    expect((await clients.outsider.get(`/api/documents/${documentId}/history`)).status).toBe(404);
  });

  it("names the API key a change came through, and nobody once the person's account is gone", async () => {
    const [key] = await api.database.db
      .insert(apiKeys)
      .values({
        organisationId,
        name: "Nightly import",
        role: "accountant",
        prefix: "fsk_test",
        secretHash: randomBytes(16).toString("hex"),
        createdById: ids.accountant,
      })
      .returning();
    await recordAudit(
      api.database.db,
      { userId: ids.accountant, apiKey: { id: key!.id, organisationId, role: "accountant" } },
      { action: "document.retry", entityType: "document", entityId: documentId, organisationId, documentId },
    );
    const [latest] = (await clients.owner.get(`/api/documents/${documentId}/history?pageSize=1`)).body
      .entries;
    expect(latest).toMatchObject({
      action: "document.retry",
      who: { fullName: names.accountant },
      apiKey: { id: key!.id, name: "Nightly import" },
    });

    await api.database.db.delete(users).where(eq(users.id, ids.admin));
    const entries = (await clients.owner.get(`/api/documents/${documentId}/history`)).body.entries;
    const currency = entries.find((entry: { action: string }) => entry.action === "statement.currency");
    expect(currency.who).toBeNull();
    expect(currency.currency.after).toBe("EUR");
  });

  it("lets a viewer, who may not make a report, list and download the ones colleagues made", async () => {
    const made = await clients.accountant.post(`/api/documents/${documentId}/exports`, {
      format: "xlsx",
      language: "tr",
    });
    expect(made.status).toBe(201);
    expect(
      (await clients.viewer.post(`/api/documents/${documentId}/exports`, { format: "pdf" })).status,
    ).toBe(403);
    const listed = await clients.viewer.get(`/api/documents/${documentId}/exports`);
    expect(listed.status).toBe(200);
    expect(listed.body.exports.map((e: { id: string }) => e.id)).toEqual([made.body.export.id]);
    expect(listed.body.exports[0]).not.toHaveProperty("storageKey");
    const link = await clients.viewer.get(`/api/exports/${made.body.export.id}/download`, {
      accept: "application/json",
    });
    expect(link.status).toBe(200);
    expect(link.body.url).toEqual(expect.any(String));
  });

  it("ties every audit row of the document to its organisation, and account events to none", async () => {
    const rows = await api.database.db.select().from(auditLog).where(eq(auditLog.documentId, documentId));
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((row) => row.organisationId === organisationId)).toBe(true);
    const exported = rows.find((row) => row.action === "export.create");
    expect(exported?.userId).toBe(ids.accountant);
    const accountEvents = await api.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, ids.viewer), isNull(auditLog.documentId)));
    expect(accountEvents.map((row) => row.action).sort()).toEqual(["account.login", "account.register"]);
    expect(accountEvents.every((row) => row.organisationId === null)).toBe(true);
  });
});
