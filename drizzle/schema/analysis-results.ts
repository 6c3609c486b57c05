import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { companies } from "./companies";
import { documents } from "./documents";

/**
 * Ratios, comparisons, alerts ... for one document, or across a company's documents.
 * `kind` is free text ("ratios", "comparison", "alerts", "trends" ...) so new analyses need
 * no migration.
 */
export const analysisResults = pgTable(
  "analysis_results",
  {
    id: id(),
    documentId: uuid("document_id").references(() => documents.id, { onDelete: "cascade" }),
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    results: jsonb("results").$type<unknown>().notNull(),
    generatedAt: timestamp("generated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("analysis_results_document_id_idx").on(table.documentId),
    index("analysis_results_company_id_idx").on(table.companyId),
    check("analysis_results_subject", sql`${table.documentId} is not null or ${table.companyId} is not null`),
  ],
);

export type AnalysisResultRow = typeof analysisResults.$inferSelect;
export type NewAnalysisResultRow = typeof analysisResults.$inferInsert;
