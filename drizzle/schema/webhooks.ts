import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { organisations } from "./organisations";
import { users } from "./users";

/** An organisation's subscription: events ("document.done", "document.failed" ...) POSTed to `url`. */
export const webhooks = pgTable(
  "webhooks",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Who subscribed; null once they deleted their account (the subscription is the firm's). */
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    url: text("url").notNull(),
    /** Signs each delivery (HMAC) so the receiver can verify it came from us. */
    secret: text("secret").notNull(),
    events: text("events").array().notNull().default(sql`'{}'::text[]`),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index("webhooks_owner_id_idx").on(table.ownerId),
    index("webhooks_organisation_id_idx").on(table.organisationId),
    check("webhooks_url_shape", sql`${table.url} ~ '^https?://'`),
  ],
);

export type Webhook = typeof webhooks.$inferSelect;
export type NewWebhook = typeof webhooks.$inferInsert;
