import { sql } from "drizzle-orm";
import {
  bigint,
  char,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { companies } from "./companies";
import { organisations } from "./organisations";
import { users } from "./users";

export const documentStatus = pgEnum("document_status", [
  "uploaded",
  "queued",
  "processing",
  "done",
  "failed",
]);

/** Vision model usage for one document, for cost reporting. */
export interface DocumentVisionUsage {
  model?: string;
  pages?: number;
  inputTokens?: number;
  outputTokens?: number;
  tokens?: number;
  costUsd?: number;
}

export const documents = pgTable(
  "documents",
  {
    id: id(),
    /** The company's organisation, kept here too so a document's access is checked in one read. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Who uploaded it; null once they deleted their account: the document is the firm's. */
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    storageKey: text("storage_key").notNull(),
    contentType: text("content_type").notNull().default("application/pdf"),
    sha256: char("sha256", { length: 64 }).notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    pages: integer("pages"),
    status: documentStatus("status").notNull().default("uploaded"),
    /** Pipeline stage while processing: "rasterise", "ocr", "parse" ... */
    stage: text("stage"),
    progress: smallint("progress").notNull().default(0),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    attempts: integer("attempts").notNull().default(0),
    timings: jsonb("timings").$type<{ totalMs: number; stages: Record<string, number> }>(),
    vision: jsonb("vision").$type<DocumentVisionUsage>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    /** Who signed the review off; kept (set null) when they leave, with the audit log naming them. */
    reviewedById: uuid("reviewed_by_id").references(() => users.id, { onDelete: "set null" }),
    /** The colleague asked to review it. */
    assignedToId: uuid("assigned_to_id").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [
    index("documents_owner_id_idx").on(table.ownerId),
    index("documents_organisation_id_idx").on(table.organisationId),
    index("documents_status_idx").on(table.status),
    index("documents_assigned_to_id_idx").on(table.assignedToId),
    index("documents_reviewed_by_id_idx").on(table.reviewedById),
    // Also serves as the company_id foreign-key index (leading column).
    uniqueIndex("documents_company_sha256_unique").on(table.companyId, table.sha256),
    uniqueIndex("documents_storage_key_unique").on(table.storageKey),
    check("documents_progress_range", sql`${table.progress} between 0 and 100`),
    check("documents_sha256_shape", sql`${table.sha256} ~ '^[0-9a-f]{64}$'`),
    check("documents_size_positive", sql`${table.sizeBytes} >= 0`),
  ],
);

export type Document = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;
export type DocumentStatus = (typeof documentStatus.enumValues)[number];
