import type { ReviewSummary } from "@finstat/functions/pipeline/checks/review";
import type { CheckResult, Period, Statement, StatementItem } from "@finstat/functions/pipeline/types";
import { sql } from "drizzle-orm";
import {
  boolean,
  char,
  check,
  date,
  doublePrecision,
  index,
  jsonb,
  pgEnum,
  pgTable,
  real,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { companies } from "./companies";
import { documents } from "./documents";

export const statementType = pgEnum("statement_type", ["balance_sheet", "income_statement"]);

export const financialStatements = pgTable(
  "financial_statements",
  {
    id: id(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    type: statementType("type").notNull(),
    /** The latest period end in the statement, for "this company's statements by period". */
    periodEnd: date("period_end", { mode: "string" }),
    currency: char("currency", { length: 3 }).notNull(),
    unit: doublePrecision("unit").notNull().default(1),
    periods: jsonb("periods").$type<Period[]>().notNull(),
    items: jsonb("items").$type<StatementItem[]>().notNull(),
    canonical: jsonb("canonical").$type<Statement["canonical"]>().notNull(),
    checks: jsonb("checks").$type<CheckResult[]>().notNull(),
    confidence: real("confidence").notNull(),
    flagged: boolean("flagged").notNull().default(false),
    /**
     * What a reviewer still has to look at (counts), kept with the statement so the document
     * list reads three numbers, not every line. Written with the statement and on correction.
     */
    review: jsonb("review").$type<ReviewSummary>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    // The leading columns of these two also serve as the foreign-key indexes.
    uniqueIndex("financial_statements_document_type_unique").on(table.documentId, table.type),
    index("financial_statements_company_period_idx").on(table.companyId, table.periodEnd),
    check("financial_statements_confidence_range", sql`${table.confidence} between 0 and 1`),
    check("financial_statements_unit_positive", sql`${table.unit} > 0`),
  ],
);

export type FinancialStatement = typeof financialStatements.$inferSelect;
export type NewFinancialStatement = typeof financialStatements.$inferInsert;
