import { auditLog } from "@finstat/db/schema";
import type { Actor, Executor } from "./context";

/**
 * Who acted: a signed-in person or an API key (which names the member who made it), or nobody
 * any more (an account deleting itself leaves no user to point at).
 */
export type AuditActor = Pick<Actor, "ip" | "apiKey"> & { userId: string | null };

export interface AuditEntry {
  /** "document.upload", "statement.correct", "document.assign" ... */
  action: string;
  entityType: string;
  entityId?: string | null;
  /** The organisation whose data was touched; null for a person's own account events. */
  organisationId: string | null;
  /** Set whenever the change belongs to a document, so the document's history is one read. */
  documentId?: string | null;
  details?: Record<string, unknown>;
}

/** The one way a row reaches the audit log: every row names who, from where and in which organisation. */
export async function recordAudit(db: Executor, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    userId: actor.userId,
    ipAddress: actor.ip,
    apiKeyId: actor.apiKey?.id,
    organisationId: entry.organisationId,
    documentId: entry.documentId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    details: entry.details,
  });
}
