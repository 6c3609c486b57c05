import { sql } from "drizzle-orm";
import { char, check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { organisations } from "./organisations";
import { users } from "./users";

export const companies = pgTable(
  "companies",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /**
     * Who added the company; who may reach it is the organisation's business, so the company
     * stays (owner null) when that person deletes their account.
     */
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    /** 10-digit VKN (companies) or 11-digit TCKN (sole traders); checksums are checked in code. */
    taxId: text("tax_id"),
    sector: text("sector"),
    currency: char("currency", { length: 3 }).notNull().default("TRY"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index("companies_owner_id_idx").on(table.ownerId),
    index("companies_organisation_id_idx").on(table.organisationId),
    uniqueIndex("companies_organisation_tax_id_unique")
      .on(table.organisationId, table.taxId)
      .where(sql`${table.taxId} is not null`),
    check(
      "companies_tax_id_shape",
      sql`${table.taxId} is null or ${table.taxId} ~ '^([0-9]{10}|[0-9]{11})$'`,
    ),
    check("companies_currency_shape", sql`${table.currency} ~ '^[A-Z]{3}$'`),
    check("companies_name_present", sql`length(trim(${table.name})) > 0`),
  ],
);

export type Company = typeof companies.$inferSelect;
export type NewCompany = typeof companies.$inferInsert;
