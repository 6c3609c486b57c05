import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { membershipRole } from "./memberships";
import { organisations } from "./organisations";
import { users } from "./users";

/**
 * A key for scripting the REST API on behalf of an organisation, acting with its role. Only a
 * hash of the secret is kept (it is shown once, at creation); the prefix lets a person tell their
 * keys apart in the list.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    role: membershipRole("role").notNull(),
    /** The first characters of the key, shown in lists ("fsk_3f9a…"). */
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    /** Who made it; the key belongs to the organisation and outlives them. */
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("api_keys_secret_hash_unique").on(table.secretHash),
    index("api_keys_organisation_id_idx").on(table.organisationId),
    index("api_keys_created_by_id_idx").on(table.createdById),
  ],
);

export type ApiKey = typeof apiKeys.$inferSelect;
export type NewApiKey = typeof apiKeys.$inferInsert;
