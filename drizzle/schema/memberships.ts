import { index, pgEnum, pgTable, primaryKey, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { companies } from "./companies";
import { organisations } from "./organisations";
import { users } from "./users";

/** What a member may do is decided by functions/src/use-cases/access-policy.ts, never here. */
export const membershipRole = pgEnum("membership_role", ["owner", "admin", "accountant", "viewer", "client"]);

/** One user in one organisation with one role. */
export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: membershipRole("role").notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("memberships_organisation_user_unique").on(table.organisationId, table.userId),
    index("memberships_user_id_idx").on(table.userId),
  ],
);

/**
 * The companies a `client` member was invited to; a client reaches no other company of the
 * organisation. Rows for other roles mean nothing (they see the whole organisation).
 */
export const membershipCompanies = pgTable(
  "membership_companies",
  {
    membershipId: uuid("membership_id")
      .notNull()
      .references(() => memberships.id, { onDelete: "cascade" }),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
  },
  (table) => [
    primaryKey({ name: "membership_companies_pkey", columns: [table.membershipId, table.companyId] }),
    index("membership_companies_company_id_idx").on(table.companyId),
  ],
);

export type Membership = typeof memberships.$inferSelect;
export type NewMembership = typeof memberships.$inferInsert;
export type MembershipRole = (typeof membershipRole.enumValues)[number];
