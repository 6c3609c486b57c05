import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  type Action,
  API_KEY_ROLES,
  can,
  type Member,
  mayChangeRole,
  ROLES,
  type Role,
  roleWithin,
} from "./access-policy";

const firm = "0b6a4c1e-0000-4000-8000-000000000001";
const otherFirm = "0b6a4c1e-0000-4000-8000-000000000002";
const invited = "c0c0c0c0-0000-4000-8000-000000000001";
const notInvited = "c0c0c0c0-0000-4000-8000-000000000002";

// Written out by hand from issue #20, not derived from the policy: Y = allowed on a company of
// the member's own organisation (for a client: a company they were invited to).
// biome-ignore format: the table reads as a grid
const expected: Record<Action, Record<Role, "Y" | "-">> = {
  read:                { owner: "Y", admin: "Y", accountant: "Y", viewer: "Y", client: "Y" },
  download:            { owner: "Y", admin: "Y", accountant: "Y", viewer: "Y", client: "Y" },
  upload:              { owner: "Y", admin: "Y", accountant: "Y", viewer: "-", client: "Y" },
  correct:             { owner: "Y", admin: "Y", accountant: "Y", viewer: "-", client: "-" },
  mark_reviewed:       { owner: "Y", admin: "Y", accountant: "Y", viewer: "-", client: "-" },
  export:              { owner: "Y", admin: "Y", accountant: "Y", viewer: "-", client: "-" },
  email:               { owner: "Y", admin: "Y", accountant: "Y", viewer: "-", client: "-" },
  delete_document:     { owner: "Y", admin: "Y", accountant: "Y", viewer: "-", client: "-" },
  create_company:      { owner: "Y", admin: "Y", accountant: "Y", viewer: "-", client: "-" },
  update_company:      { owner: "Y", admin: "Y", accountant: "Y", viewer: "-", client: "-" },
  delete_company:      { owner: "Y", admin: "-", accountant: "-", viewer: "-", client: "-" },
  manage_webhooks:     { owner: "Y", admin: "Y", accountant: "-", viewer: "-", client: "-" },
  manage_members:      { owner: "Y", admin: "Y", accountant: "-", viewer: "-", client: "-" },
  manage_settings:     { owner: "Y", admin: "Y", accountant: "-", viewer: "-", client: "-" },
  manage_api_keys:     { owner: "Y", admin: "Y", accountant: "-", viewer: "-", client: "-" },
  manage_billing:      { owner: "Y", admin: "-", accountant: "-", viewer: "-", client: "-" },
  delete_organisation: { owner: "Y", admin: "-", accountant: "-", viewer: "-", client: "-" },
  transfer_ownership:  { owner: "Y", admin: "-", accountant: "-", viewer: "-", client: "-" },
};

const member = (role: Role): Member => ({ organisationId: firm, role, companyIds: [invited] });

describe("access policy", () => {
  it("has a row for every action", () => {
    expect(Object.keys(expected).sort()).toEqual([...ACTIONS].sort());
  });

  const cases = ACTIONS.flatMap((action) =>
    ROLES.map((role) => [role, action, expected[action][role]] as const),
  );
  it.each(cases)("%s may %s on their own company: %s", (role, action, verdict) => {
    expect(can(member(role), action, { organisationId: firm, companyId: invited })).toBe(verdict === "Y");
  });

  it.each(cases)("%s may %s on another organisation's company: never (%s at home)", (role, action) => {
    expect(can(member(role), action, { organisationId: otherFirm, companyId: invited })).toBe(false);
  });

  it.each(ACTIONS)(
    "a client reaches no company they were not invited to, nor the organisation (%s)",
    (action) => {
      expect(can(member("client"), action, { organisationId: firm, companyId: notInvited })).toBe(false);
      expect(can(member("client"), action, { organisationId: firm })).toBe(false);
    },
  );

  it("reaches every company of the organisation for the other roles, invited or not", () => {
    for (const role of ROLES.filter((r) => r !== "client")) {
      expect(
        can({ organisationId: firm, role, companyIds: [] }, "read", {
          organisationId: firm,
          companyId: notInvited,
        }),
      ).toBe(true);
      expect(can(member(role), "read", { organisationId: firm })).toBe(true);
    }
  });

  it("refuses a caller with no membership", () => {
    expect(can(null, "read", { organisationId: firm, companyId: invited })).toBe(false);
    expect(can(undefined, "read", { organisationId: firm })).toBe(false);
  });

  // By hand from the table above: Y = the row role allows nothing the column role does not.
  // biome-ignore format: the table reads as a grid
  const within: Record<Role, Record<Role, "Y" | "-">> = {
    owner:      { owner: "Y", admin: "-", accountant: "-", viewer: "-", client: "-" },
    admin:      { owner: "Y", admin: "Y", accountant: "-", viewer: "-", client: "-" },
    accountant: { owner: "Y", admin: "Y", accountant: "Y", viewer: "-", client: "-" },
    viewer:     { owner: "Y", admin: "Y", accountant: "Y", viewer: "Y", client: "Y" },
    client:     { owner: "Y", admin: "Y", accountant: "Y", viewer: "-", client: "Y" },
  };
  it.each(ROLES.flatMap((role) => ROLES.map((ceiling) => [role, ceiling, within[role][ceiling]] as const)))(
    "%s is within %s: %s",
    (role, ceiling, verdict) => {
      expect(roleWithin(role, ceiling)).toBe(verdict === "Y");
    },
  );

  it("lets a key act as admin, accountant or viewer, never as owner or client", () => {
    expect([...API_KEY_ROLES].sort()).toEqual(["accountant", "admin", "viewer"]);
  });
});

describe("who may give or take a role", () => {
  const member = (role: Role): Member => ({ organisationId: firm, role, companyIds: [] });
  const here = { organisationId: firm };

  it("lets an owner grant and take the owner role, and an admin only the others", () => {
    expect(mayChangeRole(member("owner"), "admin", "owner", here)).toBe(true);
    expect(mayChangeRole(member("owner"), "owner", null, here)).toBe(true);
    expect(mayChangeRole(member("admin"), "viewer", "accountant", here)).toBe(true);
    expect(mayChangeRole(member("admin"), null, "client", here)).toBe(true);
    expect(mayChangeRole(member("admin"), "owner", null, here)).toBe(false);
    expect(mayChangeRole(member("admin"), "owner", "admin", here)).toBe(false);
    expect(mayChangeRole(member("admin"), null, "owner", here)).toBe(false);
  });

  it("gives nobody without manage_members any say, nor anyone in another organisation", () => {
    for (const role of ["accountant", "viewer", "client"] as const) {
      expect(mayChangeRole(member(role), "viewer", "accountant", here)).toBe(false);
    }
    expect(mayChangeRole(member("owner"), "viewer", "admin", { organisationId: otherFirm })).toBe(false);
    expect(mayChangeRole(null, "viewer", "admin", here)).toBe(false);
  });
});
