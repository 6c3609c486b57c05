import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { membershipRole } from "./memberships";
import { organisations } from "./organisations";
import { users } from "./users";

/**
 * An e-mailed offer to join an organisation with a role. Only the token's hash is stored (the
 * link in the mail is the only copy); it is single-use (accepted, declined or revoked ends it)
 * and expires.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Lower-cased; the invitee must sign in (or sign up) with this address to accept. */
    email: text("email").notNull(),
    role: membershipRole("role").notNull(),
    /** For a `client` invitation: the companies the client will reach. */
    companyIds: uuid("company_ids").array().notNull().default(sql`'{}'::uuid[]`),
    tokenHash: text("token_hash").notNull(),
    invitedById: uuid("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedById: uuid("accepted_by_id").references(() => users.id, { onDelete: "set null" }),
    declinedAt: timestamp("declined_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("invitations_token_hash_unique").on(table.tokenHash),
    index("invitations_organisation_id_idx").on(table.organisationId),
    index("invitations_email_idx").on(table.email),
    index("invitations_invited_by_id_idx").on(table.invitedById),
    index("invitations_accepted_by_id_idx").on(table.acceptedById),
    check("invitations_email_lower", sql`${table.email} = lower(${table.email})`),
  ],
);

export type Invitation = typeof invitations.$inferSelect;
export type NewInvitation = typeof invitations.$inferInsert;
