import { apiKeys, auditLog, users } from "@finstat/db/schema";
import { count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor, Services } from "./context";
import type { Person } from "./document-view";
import { ownedDocument } from "./documents";

export const historyPage = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

/** A value changed by hand, as the correction recorded it. */
export interface ValueChange {
  statementType: string | null;
  label: string | null;
  key: string | null;
  period: string | null;
  from: number | null;
  to: number | null;
}

export interface HistoryEntry {
  id: number;
  at: Date;
  /** "document.upload", "statement.correct", "statement.currency", "document.assign" ... */
  action: string;
  /** The person; null once their account is gone. */
  who: Person | null;
  /** The API key's name when the change came through one. */
  apiKey: { id: string; name: string } | null;
  correction?: ValueChange;
  currency?: { before: string | null; after: string | null };
  assignee?: Person | null;
}

export interface DocumentHistory {
  entries: HistoryEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/** Who did what to the document, newest first: uploads, corrections (from what to what), reviews. */
export async function documentHistory(
  services: Pick<Services, "db">,
  actor: Actor,
  documentId: string,
  paging: z.infer<typeof historyPage>,
): Promise<DocumentHistory> {
  const document = await ownedDocument(services, actor, documentId, "read");
  const where = eq(auditLog.documentId, document.id);
  const [rows, [totals]] = await Promise.all([
    services.db
      .select({
        id: auditLog.id,
        at: auditLog.createdAt,
        action: auditLog.action,
        details: auditLog.details,
        userId: users.id,
        fullName: users.fullName,
        apiKeyId: apiKeys.id,
        apiKeyName: apiKeys.name,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .leftJoin(apiKeys, eq(apiKeys.id, auditLog.apiKeyId))
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    services.db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return {
    entries: rows.map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      who: row.userId && row.fullName !== null ? { id: row.userId, fullName: row.fullName } : null,
      apiKey: row.apiKeyId && row.apiKeyName !== null ? { id: row.apiKeyId, name: row.apiKeyName } : null,
      ...whatChanged(row.action, row.details ?? {}),
    })),
    total: totals?.total ?? 0,
    page: paging.page,
    pageSize: paging.pageSize,
  };
}

/** The part of an audit row's details a reader of the history needs, by kind of change. */
function whatChanged(
  action: string,
  details: Record<string, unknown>,
): Pick<HistoryEntry, "correction" | "currency" | "assignee"> {
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  const amount = (value: unknown) => (typeof value === "number" ? value : null);
  switch (action) {
    case "statement.correct":
      return {
        correction: {
          statementType: text(details.statementType),
          label: text(details.label),
          key: text(details.key),
          period: text(details.period),
          from: amount(details.oldValue),
          to: amount(details.newValue),
        },
      };
    case "statement.currency":
      return { currency: { before: text(details.before), after: text(details.after) } };
    case "document.assign":
    case "document.unassign":
      return { assignee: personIn(details.assignee) };
    default:
      return {};
  }
}

function personIn(value: unknown): Person | null {
  if (!value || typeof value !== "object") return null;
  const { id, fullName } = value as Record<string, unknown>;
  return typeof id === "string" && typeof fullName === "string" ? { id, fullName } : null;
}
