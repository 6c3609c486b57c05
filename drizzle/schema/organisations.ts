import { sql } from "drizzle-orm";
import { boolean, check, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";

/**
 * A firm (or one accountant on their own): companies, documents, exports and webhooks belong to
 * an organisation, people reach them through a membership. Every sign-up creates a personal one.
 */
export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    name: text("name").notNull(),
    /** Created by a sign-up for that user alone; the firm ones are made on purpose. */
    personal: boolean("personal").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [check("organisations_name_present", sql`length(trim(${table.name})) > 0`)],
);

export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
