import { sql } from "drizzle-orm";
import { char, check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { users } from "./users";

export const companies = pgTable(
  "companies",
  {
    id: id(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
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
    uniqueIndex("companies_owner_tax_id_unique")
      .on(table.ownerId, table.taxId)
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
