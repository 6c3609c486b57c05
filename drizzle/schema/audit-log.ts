import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { users } from "./users";

/** Who did what to which entity. Rows outlive their user (set null) so history is kept. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    /** The organisation whose data was touched; null for a user's own account events. */
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    /** The document a change belongs to, so its history is one indexed read; no foreign key, as
     * the history outlives a deleted document. */
    documentId: uuid("document_id"),
    /** Set when the change came through an API key rather than a signed-in person. */
    apiKeyId: uuid("api_key_id"),
    /** "document.upload", "statement.edit", "export.email" ... */
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    ipAddress: text("ip_address"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("audit_log_user_id_idx").on(table.userId),
    index("audit_log_entity_idx").on(table.entityType, table.entityId),
    index("audit_log_created_at_idx").on(table.createdAt),
    index("audit_log_organisation_id_idx").on(table.organisationId),
    index("audit_log_document_id_idx").on(table.documentId, table.createdAt),
  ],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
export type NewAuditLogRow = typeof auditLog.$inferInsert;
