import { randomBytes, randomUUID } from "node:crypto";
import { documents, membershipCompanies, memberships, users } from "@finstat/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementPdf } from "../../src/cli/sample-statement-pdf";
import { closeOcr } from "../../src/pipeline/pdf";
import { type Action, can, type Member, type Role } from "../../src/use-cases/access-policy";
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
  let organisationId: string;
  let ownerId: string;

  beforeAll(async () => {
    api = await openTestApi(target);
    owner = api.client();
    intruder = api.client();
    ownerId = (await owner.signUp("owner@example.com")).id;
    await intruder.signUp("intruder@example.com");
    organisationId = (await owner.get("/api/organisations")).body.organisations[0].id;
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
      ["history", intruder.get(`/api/documents/${documentId}/history`)],
      ["list exports", intruder.get(`/api/documents/${documentId}/exports`)],
      ["assign", intruder.put(`/api/documents/${documentId}/assignee`, { userId: null })],
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
      ["members", intruder.get(`/api/organisations/${organisationId}/members`)],
      ["rename organisation", intruder.patch(`/api/organisations/${organisationId}`, { name: "Mine" })],
      ["delete organisation", intruder.delete(`/api/organisations/${organisationId}`)],
      [
        "change role",
        intruder.patch(`/api/organisations/${organisationId}/members/${ownerId}`, { role: "viewer" }),
      ],
      ["remove member", intruder.delete(`/api/organisations/${organisationId}/members/${ownerId}`)],
      ["leave", intruder.post(`/api/organisations/${organisationId}/leave`)],
      [
        "transfer ownership",
        intruder.post(`/api/organisations/${organisationId}/transfer-ownership`, { userId: ownerId }),
      ],
      ["invitations", intruder.get(`/api/organisations/${organisationId}/invitations`)],
      [
        "invite",
        intruder.post(`/api/organisations/${organisationId}/invitations`, {
          email: "friend@example.com",
          role: "admin",
        }),
      ],
      [
        "acting in another's organisation",
        intruder.get("/api/companies", { "x-organisation-id": organisationId }),
      ],
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
    const organisations = (await intruder.get("/api/organisations")).body.organisations;
    expect(organisations.map((o: { id: string }) => o.id)).not.toContain(organisationId);
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

/**
 * Every route naming a resource, for every kind of member, against what the access policy says:
 * a member who may not even read the resource gets 404 (as an outsider would), one who may read
 * but not act gets 403, and one who may act gets exactly what the owner gets. Memberships other
 * than the owner's are inserted directly: invitations come in a later step.
 */
describe.each(databaseTargets())("roles in one organisation on $name", (target) => {
  type Caller =
    | "owner"
    | "admin"
    | "accountant"
    | "viewer"
    | "clientOfCompany"
    | "clientOfOther"
    | "outsider";
  const callers: Caller[] = ["admin", "accountant", "viewer", "clientOfCompany", "clientOfOther", "outsider"];
  /**
   * Scripts: keys of the organisation with each role a key may have, and an admin key of the
   * outsider's own organisation. A key gets what a member of its role gets, except the routes
   * that take a signed-in person (the keys themselves), which refuse every key alike.
   */
  type KeyCaller = "adminKey" | "accountantKey" | "viewerKey" | "foreignKey";
  const keyCallers: KeyCaller[] = ["adminKey", "accountantKey", "viewerKey", "foreignKey"];
  const roleOf: Record<Exclude<Caller, "outsider">, Role> = {
    owner: "owner",
    admin: "admin",
    accountant: "accountant",
    viewer: "viewer",
    clientOfCompany: "client",
    clientOfOther: "client",
  };

  let api: TestApi;
  const clients = {} as Record<Caller | KeyCaller, ApiClient>;
  const userIds = {} as Record<Caller, string>;
  const members = {} as Record<Caller | KeyCaller, Member | null>;
  let organisationId: string;
  let companyId: string;
  let otherCompanyId: string;
  let documentId: string;
  let pendingId: string;
  let statementId: string;
  let exportId: string;
  let webhookId: string;

  /** Attaches a company to a client's membership, as an invitation will. */
  async function invite(caller: "clientOfCompany" | "clientOfOther", company: string) {
    const userId = userIds[caller];
    const [membership] = await api.database.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
    await api.database.db
      .insert(membershipCompanies)
      .values({ membershipId: membership!.id, companyId: company });
  }

  /** A member to change or remove: one per caller, straight into the database (no sign-up needed). */
  const spareMember = async () => {
    const [user] = await api.database.db
      .insert(users)
      .values({ email: `${randomUUID()}@example.com`, passwordHash: "unused", fullName: "Spare" })
      .returning({ id: users.id });
    await api.database.db.insert(memberships).values({ organisationId, userId: user!.id, role: "viewer" });
    return user!.id;
  };

  const pendingUpload = async (client: ApiClient, company: string) => {
    const bytes = randomBytes(32);
    return client.post("/api/documents", {
      companyId: company,
      fileName: "pending.pdf",
      contentType: "application/pdf",
      sizeBytes: 1000,
      sha256: sha256(bytes),
    });
  };

  beforeAll(async () => {
    api = await openTestApi(target);
    for (const caller of ["owner", ...callers] as Caller[]) {
      clients[caller] = api.client();
      userIds[caller] = (await clients[caller].signUp(`${caller.toLowerCase()}@example.com`)).id;
    }
    const [ownership] = await api.database.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, userIds.owner));
    organisationId = ownership!.organisationId;
    const owner = clients.owner;
    companyId = (await owner.createCompany("Client Ltd")).id;
    otherCompanyId = (await owner.createCompany("Other Client Ltd")).id;
    documentId = await uploadDocument(owner, companyId, await statementPdf({ scale: 2 }));
    await processQueued(api, documentId);
    statementId = (await owner.get(`/api/documents/${documentId}/statements`)).body.statements[0].id;
    exportId = (await owner.post(`/api/documents/${documentId}/exports`, { format: "pdf", language: "tr" }))
      .body.export.id;
    pendingId = (await pendingUpload(owner, companyId)).body.document.id;
    webhookId = (await owner.post("/api/webhooks", { url: "https://hooks.example.com/finstat" })).body.webhook
      .id;

    members.owner = { organisationId, role: "owner", companyIds: [] };
    members.outsider = null;
    for (const caller of callers.filter((c) => c !== "outsider") as Exclude<Caller, "outsider" | "owner">[]) {
      await api.database.db
        .insert(memberships)
        .values({ organisationId, userId: userIds[caller], role: roleOf[caller] });
      members[caller] = { organisationId, role: roleOf[caller], companyIds: [] };
    }
    await invite("clientOfCompany", companyId);
    await invite("clientOfOther", otherCompanyId);
    members.clientOfCompany = { organisationId, role: "client", companyIds: [companyId] };
    members.clientOfOther = { organisationId, role: "client", companyIds: [otherCompanyId] };

    const [outsiderMembership] = await api.database.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, userIds.outsider));
    const keys: Array<[KeyCaller, ApiClient, string, "admin" | "accountant" | "viewer"]> = [
      ["adminKey", owner, organisationId, "admin"],
      ["accountantKey", owner, organisationId, "accountant"],
      ["viewerKey", owner, organisationId, "viewer"],
      ["foreignKey", clients.outsider, outsiderMembership!.organisationId, "admin"],
    ];
    for (const [caller, creator, organisation, role] of keys) {
      const created = await creator.post(`/api/organisations/${organisation}/api-keys`, {
        name: caller,
        role,
      });
      clients[caller] = api.client();
      clients[caller].bearer = created.body.apiKey.secret;
      members[caller] = caller === "foreignKey" ? null : { organisationId, role, companyIds: [] };
    }
  });
  afterAll(() => api.close());

  type Response = { status: number; body: Json };
  interface RouteCase {
    name: string;
    action: Action;
    /** The company the route's resource belongs to; none for the organisation's own (webhooks). */
    onCompany: boolean;
    /** Routes that take a signed-in person: every API key is refused (403 api_key_not_allowed). */
    personOnly?: boolean;
    /** A resource of its own for each caller, where acting on it uses it up. */
    prepare?: () => Promise<string>;
    call(client: ApiClient, fresh: string): Promise<Response>;
  }

  // In this order: what only reads first, what changes state later, what deletes last.
  const routes: RouteCase[] = [
    {
      name: "get document",
      action: "read",
      onCompany: true,
      call: (c) => c.get(`/api/documents/${documentId}`),
    },
    {
      name: "statements",
      action: "read",
      onCompany: true,
      call: (c) => c.get(`/api/documents/${documentId}/statements`),
    },
    {
      name: "analysis",
      action: "read",
      onCompany: true,
      call: (c) => c.get(`/api/documents/${documentId}/analysis`),
    },
    {
      name: "events",
      action: "read",
      onCompany: true,
      call: (c) => c.get(`/api/documents/${documentId}/events`),
    },
    {
      name: "history",
      action: "read",
      onCompany: true,
      call: (c) => c.get(`/api/documents/${documentId}/history`),
    },
    {
      name: "page image",
      action: "download",
      onCompany: true,
      call: (c) => c.get(`/api/documents/${documentId}/pages/1`),
    },
    {
      name: "list exports",
      action: "download",
      onCompany: true,
      call: (c) => c.get(`/api/documents/${documentId}/exports`),
    },
    {
      name: "download",
      action: "download",
      onCompany: true,
      call: (c) => c.get(`/api/exports/${exportId}/download`),
    },
    { name: "company", action: "read", onCompany: true, call: (c) => c.get(`/api/companies/${companyId}`) },
    {
      name: "company analysis",
      action: "read",
      onCompany: true,
      call: (c) => c.get(`/api/companies/${companyId}/analysis`),
    },
    {
      name: "upload into company",
      action: "upload",
      onCompany: true,
      call: (c) => pendingUpload(c, companyId),
    },
    {
      name: "upload url",
      action: "upload",
      onCompany: true,
      call: (c) => c.post(`/api/documents/${pendingId}/upload-url`),
    },
    {
      name: "complete",
      action: "upload",
      onCompany: true,
      call: (c) => c.post(`/api/documents/${pendingId}/complete`),
    },
    {
      name: "correct",
      action: "correct",
      onCompany: true,
      call: (c) =>
        c.patch(`/api/documents/${documentId}/statements/${statementId}/values`, {
          itemIndex: 0,
          period: "2024-12-31",
          value: 2500,
        }),
    },
    {
      name: "currency",
      action: "correct",
      onCompany: true,
      call: (c) =>
        c.patch(`/api/documents/${documentId}/statements/${statementId}/currency`, { currency: "USD" }),
    },
    {
      name: "review",
      action: "mark_reviewed",
      onCompany: true,
      call: (c) => c.post(`/api/documents/${documentId}/review`),
    },
    {
      name: "assign",
      action: "mark_reviewed",
      onCompany: true,
      // The owner is a colleague everyone allowed to assign may name.
      call: (c) => c.put(`/api/documents/${documentId}/assignee`, { userId: userIds.owner }),
    },
    {
      name: "export",
      action: "export",
      onCompany: true,
      call: (c) => c.post(`/api/documents/${documentId}/exports`, { format: "xlsx", language: "en" }),
    },
    {
      name: "email",
      action: "email",
      onCompany: true,
      call: (c) =>
        c.post(`/api/documents/${documentId}/email`, { recipients: ["x@example.com"], language: "en" }),
    },
    {
      name: "patch company",
      action: "update_company",
      onCompany: true,
      call: (c) => c.patch(`/api/companies/${companyId}`, { sector: "Food" }),
    },
    {
      name: "webhook deliveries",
      action: "manage_webhooks",
      onCompany: false,
      call: (c) => c.get(`/api/webhooks/${webhookId}/deliveries`),
    },
    {
      name: "list api keys",
      action: "manage_api_keys",
      onCompany: false,
      personOnly: true,
      call: (c) => c.get(`/api/organisations/${organisationId}/api-keys`),
    },
    {
      name: "create api key",
      action: "manage_api_keys",
      onCompany: false,
      personOnly: true,
      call: (c) =>
        c.post(`/api/organisations/${organisationId}/api-keys`, { name: "Nightly", role: "viewer" }),
    },
    {
      name: "revoke api key",
      action: "manage_api_keys",
      onCompany: false,
      personOnly: true,
      prepare: async () =>
        (
          await clients.owner.post(`/api/organisations/${organisationId}/api-keys`, {
            name: "Spare",
            role: "viewer",
          })
        ).body.apiKey.id,
      call: (c, id) => c.delete(`/api/organisations/${organisationId}/api-keys/${id}`),
    },
    {
      name: "members",
      action: "read",
      onCompany: false,
      personOnly: true,
      call: (c) => c.get(`/api/organisations/${organisationId}/members`),
    },
    {
      name: "invitations",
      action: "manage_members",
      onCompany: false,
      personOnly: true,
      call: (c) => c.get(`/api/organisations/${organisationId}/invitations`),
    },
    {
      name: "rename organisation",
      action: "manage_settings",
      onCompany: false,
      personOnly: true,
      call: (c) => c.patch(`/api/organisations/${organisationId}`, { name: "Renamed Office" }),
    },
    {
      name: "invite",
      action: "manage_members",
      onCompany: false,
      personOnly: true,
      prepare: async () => `${randomUUID()}@example.com`,
      call: (c, email) =>
        c.post(`/api/organisations/${organisationId}/invitations`, { email, role: "viewer" }),
    },
    {
      name: "revoke invitation",
      action: "manage_members",
      onCompany: false,
      personOnly: true,
      prepare: async () =>
        (
          await clients.owner.post(`/api/organisations/${organisationId}/invitations`, {
            email: `${randomUUID()}@example.com`,
            role: "accountant",
          })
        ).body.invitation.id,
      call: (c, id) => c.delete(`/api/organisations/${organisationId}/invitations/${id}`),
    },
    {
      name: "change role",
      action: "manage_members",
      onCompany: false,
      personOnly: true,
      prepare: spareMember,
      call: (c, userId) =>
        c.patch(`/api/organisations/${organisationId}/members/${userId}`, { role: "accountant" }),
    },
    {
      name: "remove member",
      action: "manage_members",
      onCompany: false,
      personOnly: true,
      prepare: spareMember,
      call: (c, userId) => c.delete(`/api/organisations/${organisationId}/members/${userId}`),
    },
    {
      // To the owner themself: the owner's answer is a 400, everyone else is stopped before.
      name: "transfer ownership",
      action: "transfer_ownership",
      onCompany: false,
      personOnly: true,
      call: (c) =>
        c.post(`/api/organisations/${organisationId}/transfer-ownership`, { userId: userIds.owner }),
    },
    {
      // A personal organisation: the owner's answer is 409, everyone else is stopped before.
      name: "delete organisation",
      action: "delete_organisation",
      onCompany: false,
      personOnly: true,
      call: (c) => c.delete(`/api/organisations/${organisationId}`),
    },
    {
      name: "retry",
      action: "upload",
      onCompany: true,
      // Each caller finds the document settled, as the owner did.
      prepare: async () => {
        await api.database.db.update(documents).set({ status: "done" }).where(eq(documents.id, documentId));
        return documentId;
      },
      call: (c, id) => c.post(`/api/documents/${id}/retry`),
    },
    {
      name: "delete webhook",
      action: "manage_webhooks",
      onCompany: false,
      prepare: async () =>
        (await clients.owner.post("/api/webhooks", { url: "https://hooks.example.com/spare" })).body.webhook
          .id,
      call: (c, id) => c.delete(`/api/webhooks/${id}`),
    },
    {
      name: "delete document",
      action: "delete_document",
      onCompany: true,
      prepare: async () => (await pendingUpload(clients.owner, companyId)).body.document.id,
      call: (c, id) => c.delete(`/api/documents/${id}`),
    },
    {
      name: "delete company",
      action: "delete_company",
      onCompany: true,
      // A company like the first: the client of that company is invited to it, the other is not.
      prepare: async () => {
        const spare = (await clients.owner.createCompany("Spare Ltd")).id;
        await invite("clientOfCompany", spare);
        return spare;
      },
      call: (c, id) => c.delete(`/api/companies/${id}`),
    },
  ];

  /** What the policy makes of a caller on a route: the owner's answer, 403 or 404. */
  function expected(caller: Caller | KeyCaller, route: RouteCase, ownerStatus: number): number {
    if (route.personOnly && keyCallers.includes(caller as KeyCaller)) return 403;
    const resource = { organisationId, ...(route.onCompany ? { companyId } : {}) };
    if (!can(members[caller], "read", resource)) return 404;
    if (!can(members[caller], route.action, resource)) return 403;
    return ownerStatus;
  }

  it("answers every route × role as the access policy decides", async () => {
    const table: string[] = [];
    const mismatches: string[] = [];
    for (const route of routes) {
      const ownerResponse = await route.call(clients.owner, (await route.prepare?.()) ?? "");
      expect({ route: route.name, status: ownerResponse.status }).toMatchObject({
        route: route.name,
        // The owner may do everything: whatever else the route answers (a redirect, "the file has
        // not arrived yet"), it is neither a refusal nor a failure.
        status: expect.toSatisfy((status: number) => status < 500 && status !== 403 && status !== 404),
      });
      for (const caller of [...callers, ...keyCallers]) {
        const response = await route.call(clients[caller], (await route.prepare?.()) ?? "");
        const want = expected(caller, route, ownerResponse.status);
        const refusedKey = route.personOnly && keyCallers.includes(caller as KeyCaller);
        const code = refusedKey
          ? "api_key_not_allowed"
          : want === 404
            ? "not_found"
            : want === 403
              ? "forbidden"
              : undefined;
        table.push(`${route.name} × ${caller}: ${response.status}`);
        if (response.status !== want || (code && response.body?.error?.code !== code)) {
          mismatches.push(`${route.name} × ${caller}: got ${response.status}, policy says ${want}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // The table really covered each answer the policy can give.
    expect(table.some((row) => row.endsWith(": 403"))).toBe(true);
    expect(table.filter((row) => row.includes("× outsider")).every((row) => row.endsWith(": 404"))).toBe(
      true,
    );
    expect(table.filter((row) => row.includes("× clientOfOther")).every((row) => row.endsWith(": 404"))).toBe(
      true,
    );
    // A key reaches what its role reaches: the accountant's key uploads, the viewer's may not.
    expect(table).toContain("upload into company × accountantKey: 201");
    expect(table).toContain("upload into company × viewerKey: 403");
    expect(table.filter((row) => row.includes("× foreignKey")).every((row) => /: 40[34]$/.test(row))).toBe(
      true,
    );
  });

  it("lists for each member exactly the companies and documents the policy lets them read", async () => {
    const companiesOf = async (caller: Caller | KeyCaller) =>
      ((await clients[caller].get("/api/companies")).body.companies as Array<{ id: string }>)
        .map((company) => company.id)
        .filter((id) => id === companyId || id === otherCompanyId)
        .sort();
    for (const caller of ["owner", ...callers, ...keyCallers] as Array<Caller | KeyCaller>) {
      const readable = [companyId, otherCompanyId]
        .filter((id) => can(members[caller], "read", { organisationId, companyId: id }))
        .sort();
      expect({ caller, companies: await companiesOf(caller) }).toEqual({ caller, companies: readable });
      const listed = (await clients[caller].get(`/api/documents?companyId=${companyId}`)).body
        .items as Array<{
        id: string;
      }>;
      expect({ caller, sees: listed.some((d) => d.id === documentId) }).toEqual({
        caller,
        sees: readable.includes(companyId),
      });
    }
    expect(await companiesOf("clientOfCompany")).toEqual([companyId]);
  });

  it("lists the organisation to every member with their role, and acts in it only for members", async () => {
    for (const caller of ["owner", ...callers] as Caller[]) {
      const listed = (await clients[caller].get("/api/organisations")).body.organisations as Array<{
        id: string;
        role: string;
      }>;
      const here = listed.find((o) => o.id === organisationId);
      expect({ caller, role: here?.role }).toEqual({ caller, role: members[caller]?.role });
      const acting = await clients[caller].get("/api/companies", { "x-organisation-id": organisationId });
      expect({ caller, status: acting.status }).toEqual({ caller, status: members[caller] ? 200 : 404 });
    }
  });
});
