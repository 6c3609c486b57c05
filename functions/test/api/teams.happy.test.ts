import { auditLog, companies } from "@finstat/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation } from "../../src/use-cases/invitations";
import { databaseTargets } from "../support/databases";
import type { ApiClient } from "./support/client";
import { openTestApi, type TestApi } from "./support/harness";

/** The token of the last invitation mailed to `email`, read from the link in the mail. */
function linkTo(api: TestApi, email: string): { link: string; token: string } {
  const mail = api.mailer.sent.filter((message) => message.to.includes(email)).at(-1);
  if (!mail) throw new Error(`no mail to ${email}`);
  const link = /(http\S+\/invitations\/[\w-]+)/.exec(mail.text)?.[1];
  if (!link) throw new Error(`no link in ${mail.text}`);
  return { link, token: link.split("/").at(-1)! };
}

describe.each(databaseTargets())("organisations, members and invitations on $name", (target) => {
  let api: TestApi;
  let owner: ApiClient;
  let firmId: string;
  let companyA: string;
  let companyB: string;
  const people: Record<string, { client: ApiClient; id: string }> = {};

  async function person(name: string) {
    const client = api.client();
    const { id } = await client.signUp(`${name}@example.com`);
    people[name] = { client, id };
    return people[name];
  }

  async function invite(email: string, role: string, companyIds: string[] = []) {
    return owner.post(`/api/organisations/${firmId}/invitations`, { email, role, companyIds });
  }

  async function join(name: string, role: string, companyIds: string[] = []) {
    const { client, id } = await person(name);
    expect((await invite(`${name}@example.com`, role, companyIds)).status).toBe(201);
    const accepted = await client.post(`/api/invitations/${linkTo(api, `${name}@example.com`).token}/accept`);
    expect(accepted.status).toBe(200);
    client.organisationId = firmId;
    return { client, id };
  }

  beforeAll(async () => {
    api = await openTestApi(target);
    owner = api.client();
    await owner.signUp("partner@example.com");
    const created = await owner.post("/api/organisations", { name: "Yıldız Denetim" });
    expect(created.status).toBe(201);
    firmId = created.body.organisation.id;
    owner.organisationId = firmId;
    companyA = (await owner.createCompany("Alfa Gıda")).id;
    companyB = (await owner.createCompany("Beta Tekstil")).id;
  });
  afterAll(() => api.close());

  it("lists the caller's organisations with their role, and files new companies in the acting one", async () => {
    const listed = (await owner.get("/api/organisations")).body.organisations;
    expect(listed.map((o: { personal: boolean; role: string }) => [o.personal, o.role])).toEqual([
      [true, "owner"],
      [false, "owner"],
    ]);
    const [row] = await api.database.db.select().from(companies).where(eq(companies.id, companyA));
    expect(row!.organisationId).toBe(firmId);
    const personal = listed[0].id;
    owner.organisationId = personal;
    expect((await owner.get("/api/companies")).body.companies).toEqual([]);
    owner.organisationId = undefined;
    expect((await owner.get("/api/companies")).body.companies).toHaveLength(2);
    owner.organisationId = firmId;
    const outsider = await person("outsider");
    outsider.client.organisationId = firmId;
    const refused = await outsider.client.get("/api/companies");
    expect([refused.status, refused.body.error.code]).toEqual([404, "not_found"]);
    outsider.client.organisationId = undefined;
  });

  it("mails an invitation whose link works once, for the invited address only", async () => {
    const accountant = await person("accountant");
    expect((await invite("Accountant@Example.com", "accountant")).status).toBe(201);
    const { link, token } = linkTo(api, "accountant@example.com");
    expect(link).toBe(`${api.config.PUBLIC_URL}/invitations/${token}`);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const preview = await api.client().get(`/api/invitations/${token}`);
    expect(preview.body.invitation).toMatchObject({
      organisationName: "Yıldız Denetim",
      inviterName: "Test Accountant",
      role: "accountant",
      status: "pending",
    });
    const wrong = await people.outsider!.client.post(`/api/invitations/${token}/accept`);
    expect([wrong.status, wrong.body.error.code]).toEqual([403, "invitation_wrong_email"]);
    const accepted = await accountant.client.post(`/api/invitations/${token}/accept`);
    expect(accepted.body).toEqual({ organisationId: firmId, role: "accountant" });
    const again = await accountant.client.post(`/api/invitations/${token}/accept`);
    expect([again.status, again.body.error.code]).toEqual([409, "invitation_used"]);
    accountant.client.organisationId = firmId;
    expect((await accountant.client.get("/api/companies")).body.companies).toHaveLength(2);
    const member = await invite("accountant@example.com", "viewer");
    expect([member.status, member.body.error.code]).toEqual([409, "already_member"]);
  });

  it("keeps a client to the companies it was invited to, which must be the organisation's", async () => {
    const foreign = (await people.outsider!.client.createCompany("Elsewhere Ltd")).id;
    const refused = await invite("client@example.com", "client", [foreign]);
    expect([refused.status, refused.body.error.code]).toEqual([400, "client_companies_invalid"]);
    expect((await invite("client@example.com", "client", [])).body.error.code).toBe(
      "client_companies_invalid",
    );
    const { client } = await join("client", "client", [companyA]);
    const seen = (await client.get("/api/companies")).body.companies.map((c: { id: string }) => c.id);
    expect(seen).toEqual([companyA]);
    expect((await client.get(`/api/companies/${companyB}`)).status).toBe(404);
    const members = (await owner.get(`/api/organisations/${firmId}/members`)).body.members;
    expect(members.find((m: { email: string }) => m.email === "client@example.com")).toMatchObject({
      role: "client",
      companyIds: [companyA],
    });
  });

  it("replaces a pending invitation, and tells revoked, declined and expired links apart", async () => {
    await invite("viewer@example.com", "viewer");
    const first = linkTo(api, "viewer@example.com").token;
    await invite("viewer@example.com", "accountant");
    const second = linkTo(api, "viewer@example.com").token;
    expect(second).not.toBe(first);
    const pending = (await owner.get(`/api/organisations/${firmId}/invitations`)).body.invitations;
    expect(pending.filter((i: { email: string }) => i.email === "viewer@example.com")).toHaveLength(1);
    expect((await api.client().get(`/api/invitations/${first}`)).body.invitation.status).toBe("revoked");
    const viewer = await person("viewer");
    const revoked = await viewer.client.post(`/api/invitations/${first}/accept`);
    expect([revoked.status, revoked.body.error.code]).toEqual([410, "invitation_revoked"]);

    expect((await api.client().post(`/api/invitations/${second}/decline`)).status).toBe(200);
    const declined = await viewer.client.post(`/api/invitations/${second}/accept`);
    expect([declined.status, declined.body.error.code]).toEqual([410, "invitation_declined"]);

    const withdrawn = await invite("viewer@example.com", "viewer");
    const revoke = await owner.delete(
      `/api/organisations/${firmId}/invitations/${withdrawn.body.invitation.id}`,
    );
    expect(revoke.status).toBe(200);
    const afterRevoke = await viewer.client.post(
      `/api/invitations/${linkTo(api, "viewer@example.com").token}/accept`,
    );
    expect(afterRevoke.body.error.code).toBe("invitation_revoked");

    await invite("viewer@example.com", "viewer");
    const late = linkTo(api, "viewer@example.com").token;
    const eightDaysOn = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000);
    await expect(
      acceptInvitation({ db: api.database.db, now: () => eightDaysOn }, { userId: viewer.id }, late),
    ).rejects.toMatchObject({ code: "invitation_expired" });
    const inTime = await viewer.client.post(`/api/invitations/${late}/accept`);
    expect(inTime.body.role).toBe("viewer");
    const unknown = await api.client().get(`/api/invitations/${"x".repeat(43)}`);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "not_found"]);
  });

  it("never leaves an organisation without an owner, and keeps an admin's hands off the owner", async () => {
    const partnerId = (await owner.get("/api/auth/me")).body.user.id;
    const leave = await owner.post(`/api/organisations/${firmId}/leave`);
    expect([leave.status, leave.body.error.code]).toEqual([409, "last_owner"]);
    const demote = await owner.patch(`/api/organisations/${firmId}/members/${partnerId}`, { role: "admin" });
    expect([demote.status, demote.body.error.code]).toEqual([409, "last_owner"]);
    const removeSelf = await owner.delete(`/api/organisations/${firmId}/members/${partnerId}`);
    expect(removeSelf.body.error.code).toBe("last_owner");

    const admin = await join("admin", "admin");
    const ousted = await admin.client.delete(`/api/organisations/${firmId}/members/${partnerId}`);
    expect([ousted.status, ousted.body.error.code]).toEqual([403, "owner_only"]);
    const crowned = await admin.client.patch(`/api/organisations/${firmId}/members/${admin.id}`, {
      role: "owner",
    });
    expect(crowned.body.error.code).toBe("owner_only");
    const ownerInvite = await admin.client.post(`/api/organisations/${firmId}/invitations`, {
      email: "second-owner@example.com",
      role: "owner",
    });
    expect(ownerInvite.body.error.code).toBe("owner_only");
    const accountantId = people.accountant!.id;
    const promoted = await admin.client.patch(`/api/organisations/${firmId}/members/${accountantId}`, {
      role: "viewer",
    });
    expect(promoted.body.member).toMatchObject({ role: "viewer", email: "accountant@example.com" });
    const byViewer = await people.accountant!.client.delete(
      `/api/organisations/${firmId}/members/${admin.id}`,
    );
    expect([byViewer.status, byViewer.body.error.code]).toEqual([403, "forbidden"]);

    const transfer = await owner.post(`/api/organisations/${firmId}/transfer-ownership`, {
      userId: admin.id,
    });
    expect(transfer.status).toBe(200);
    const roles = Object.fromEntries(
      (await owner.get(`/api/organisations/${firmId}/members`)).body.members.map(
        (m: { email: string; role: string }) => [m.email, m.role],
      ),
    );
    expect([roles["partner@example.com"], roles["admin@example.com"]]).toEqual(["admin", "owner"]);
    const adminLeaves = await admin.client.post(`/api/organisations/${firmId}/leave`);
    expect(adminLeaves.body.error.code).toBe("last_owner");
    expect((await owner.post(`/api/organisations/${firmId}/leave`)).status).toBe(200);
    const gone = await owner.get(`/api/organisations/${firmId}/members`);
    expect(gone.status).toBe(404);

    const history = await api.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, firmId)));
    expect(history.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        "organisation.create",
        "invitation.create",
        "invitation.accept",
        "invitation.revoke",
        "invitation.decline",
        "member.role_change",
        "organisation.transfer_ownership",
        "member.leave",
      ]),
    );
  });

  it("renames and deletes a firm's organisation, but never a personal one", async () => {
    const admin = people.admin!.client;
    const renamed = await admin.patch(`/api/organisations/${firmId}`, { name: "Yıldız YMM" });
    expect(renamed.body.organisation).toMatchObject({ name: "Yıldız YMM", role: "owner" });
    const personal = (await admin.get("/api/organisations")).body.organisations.find(
      (o: { personal: boolean }) => o.personal,
    );
    const refused = await admin.delete(`/api/organisations/${personal.id}`);
    expect([refused.status, refused.body.error.code]).toEqual([409, "personal_organisation"]);
    const byViewer = await people.accountant!.client.delete(`/api/organisations/${firmId}`);
    expect([byViewer.status, byViewer.body.error.code]).toEqual([403, "forbidden"]);
    expect((await admin.delete(`/api/organisations/${firmId}`)).status).toBe(200);
    const left = await api.database.db.select().from(companies).where(eq(companies.organisationId, firmId));
    expect(left).toEqual([]);
    admin.organisationId = undefined;
    expect((await admin.get("/api/organisations")).body.organisations).toHaveLength(1);
  });
});
