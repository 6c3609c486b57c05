import { documents } from "@finstat/db/schema";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../app-error";
import { recordAudit } from "./audit";
import type { Actor, Services } from "./context";
import { assigneesOf, documentDetail } from "./document-detail";
import type { DocumentDetail } from "./document-view";
import { documentWithMember } from "./documents";

export const assigneeInput = z.object({
  /** The colleague to review the document; null takes the assignment back. */
  userId: z.uuid().nullable(),
});

/**
 * Hands the document's review to a colleague (or takes it back). The colleague must be someone
 * who could sign it off; the audit log names both the one who assigned and the assignee.
 */
export async function assignDocument(
  services: Pick<Services, "db">,
  actor: Actor,
  documentId: string,
  input: z.infer<typeof assigneeInput>,
): Promise<DocumentDetail> {
  const { document, member } = await documentWithMember(services, actor, documentId, "mark_reviewed");
  const assignees = await assigneesOf(services.db, document);
  const assignee = input.userId === null ? null : assignees.find((person) => person.id === input.userId);
  if (assignee === undefined) {
    throw new AppError(
      "assignee_not_eligible",
      "This person is not a member of the organisation who may review this document.",
      { userId: input.userId },
    );
  }
  const previous = assignees.find((person) => person.id === document.assignedToId) ?? null;
  const [updated] = await services.db
    .update(documents)
    .set({ assignedToId: assignee?.id ?? null })
    .where(eq(documents.id, document.id))
    .returning();
  await recordAudit(services.db, actor, {
    action: assignee ? "document.assign" : "document.unassign",
    entityType: "document",
    entityId: document.id,
    organisationId: document.organisationId,
    documentId: document.id,
    details: {
      assignee,
      previous: previous ?? (document.assignedToId ? { id: document.assignedToId } : null),
    },
  });
  return documentDetail(services, updated!, member);
}
