import { sql } from "drizzle-orm";
import { bigint, check, index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { companies } from "./companies";
import { documents } from "./documents";
import { organisations } from "./organisations";
import { users } from "./users";

export const exportFormat = pgEnum("export_format", ["xlsx", "pdf"]);

/** A generated report file; a company-wide report has a company and no document. */
export const exports = pgTable(
  "exports",
  {
    id: id(),
    documentId: uuid("document_id").references(() => documents.id, { onDelete: "cascade" }),
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Who generated it; null once they deleted their account (the report is the firm's). */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    format: exportFormat("format").notNull(),
    storageKey: text("storage_key").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }),
    emailedTo: text("emailed_to"),
    createdAt: createdAt(),
  },
  (table) => [
    index("exports_document_id_idx").on(table.documentId),
    index("exports_company_id_idx").on(table.companyId),
    index("exports_user_id_idx").on(table.userId),
    index("exports_organisation_id_idx").on(table.organisationId),
    check("exports_subject", sql`${table.documentId} is not null or ${table.companyId} is not null`),
  ],
);

export type ExportRow = typeof exports.$inferSelect;
export type NewExportRow = typeof exports.$inferInsert;
