import { type Document, documentStatus, documents, exports, financialStatements } from "@finstat/db/schema";
import { and, count, desc, eq, exists, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../app-error";
import { retryCanHelp } from "../pipeline/pdf/file-faults";
import type { Action, Member } from "./access-policy";
import { recordAudit } from "./audit";
import type { Actor, Services } from "./context";
import { documentDetail } from "./document-detail";
import { documentLease, secondsUntilSilent } from "./document-lease";
import { type DocumentDetail, type DocumentView, documentViewOf, documentViews } from "./document-view";
import { notFound } from "./errors";
import { actingMemberships, authorise, reachableCompanies } from "./memberships";
import { deleteStoredFiles, documentFileKeys, storageKeys } from "./stored-files";

/**
 * The one way to load a document: one of the actor's organisations owns it and the policy lets
 * the actor do `action` on its company; otherwise "not found" (or "forbidden" for what they may
 * only read).
 */
export async function ownedDocument(
  services: Pick<Services, "db">,
  actor: Actor,
  documentId: string,
  action: Action = "read",
): Promise<Document> {
  return (await documentWithMember(services, actor, documentId, action)).document;
}

/** ownedDocument, with the membership that let the actor in. */
export async function documentWithMember(
  services: Pick<Services, "db">,
  actor: Actor,
  documentId: string,
  action: Action,
): Promise<{ document: Document; member: Member }> {
  if (!z.uuid().safeParse(documentId).success) throw notFound("document");
  const [document] = await services.db.select().from(documents).where(eq(documents.id, documentId));
  if (!document) throw notFound("document");
  const member = await authorise(
    services,
    actor,
    action,
    { organisationId: document.organisationId, companyId: document.companyId },
    "document",
  );
  return { document, member };
}

export const documentFilter = z.object({
  companyId: z.uuid().optional(),
  status: z.enum(documentStatus.enumValues).optional(),
  /** "needs_review": processed, not marked reviewed, with a flagged statement. */
  attention: z.enum(["needs_review"]).optional(),
  /** "me": the documents the caller was asked to review. */
  assignedTo: z.enum(["me"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export interface DocumentPage {
  items: DocumentView[];
  total: number;
  page: number;
  pageSize: number;
}

export async function listDocuments(
  services: Pick<Services, "db">,
  actor: Actor,
  filter: z.infer<typeof documentFilter>,
): Promise<DocumentPage> {
  const reachable = reachableCompanies(await actingMemberships(services, actor), "read", {
    organisationId: documents.organisationId,
    companyId: documents.companyId,
  });
  if (!reachable) return { items: [], total: 0, page: filter.page, pageSize: filter.pageSize };
  const conditions: SQL[] = [reachable];
  if (filter.companyId) conditions.push(eq(documents.companyId, filter.companyId));
  if (filter.status) conditions.push(eq(documents.status, filter.status));
  if (filter.assignedTo === "me") conditions.push(eq(documents.assignedToId, actor.userId));
  if (filter.attention === "needs_review") {
    conditions.push(eq(documents.status, "done"), isNull(documents.reviewedAt));
    conditions.push(
      exists(
        services.db
          .select({ id: financialStatements.id })
          .from(financialStatements)
          .where(
            and(eq(financialStatements.documentId, documents.id), eq(financialStatements.flagged, true)),
          ),
      ),
    );
  }
  const where = and(...conditions);
  const [rows, [totals]] = await Promise.all([
    services.db
      .select()
      .from(documents)
      .where(where)
      .orderBy(desc(documents.createdAt), desc(documents.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    services.db.select({ total: count() }).from(documents).where(where),
  ]);
  return {
    items: await documentViews(services, rows),
    total: totals?.total ?? 0,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

export async function getDocument(
  services: Pick<Services, "db">,
  actor: Actor,
  documentId: string,
): Promise<DocumentDetail> {
  const { document, member } = await documentWithMember(services, actor, documentId, "read");
  return documentDetail(services, document, member);
}

/** Removes the document, its statements, results and exports (cascade) and all their files. */
export async function deleteDocument(
  services: Pick<Services, "db" | "storage" | "logger">,
  actor: Actor,
  documentId: string,
): Promise<void> {
  const document = await ownedDocument(services, actor, documentId, "delete_document");
  const exportKeys = await services.db
    .select({ storageKey: exports.storageKey })
    .from(exports)
    .where(eq(exports.documentId, document.id));
  await services.db.delete(documents).where(eq(documents.id, document.id));
  await recordAudit(services.db, actor, {
    action: "document.delete",
    entityType: "document",
    entityId: document.id,
    organisationId: document.organisationId,
    documentId: document.id,
    details: { fileName: document.fileName },
  });
  await deleteStoredFiles(services.storage, services.logger, [
    ...documentFileKeys(document),
    ...exportKeys.map((row) => row.storageKey),
  ]);
}

/**
 * Sends a failed (or finished) document through the pipeline again; results are replaced. A
 * document left "queued" or "processing" whose worker stopped renewing its lease (it crashed)
 * can be sent again too, about a minute after its last sign of life; a live one is refused with
 * the seconds to wait. A duplicate job is harmless: the worker skips a document already settled.
 */
export async function retryDocument(
  services: Pick<Services, "db" | "queue" | "config" | "now">,
  actor: Actor,
  documentId: string,
): Promise<DocumentView> {
  const document = await ownedDocument(services, actor, documentId, "upload");
  if (document.status === "uploaded") {
    throw new AppError("upload_not_completed", "This document's upload has not been completed yet.");
  }
  if (document.status === "failed" && !retryCanHelp(document.errorCode)) {
    throw new AppError(
      "retry_cannot_help",
      "This file cannot be read as it is; reading it again would fail the same way. Please upload a repaired file.",
      { errorCode: document.errorCode },
    );
  }
  const lease = documentLease(services.config.DOCUMENT_LEASE_SECONDS);
  const staleBefore = new Date(services.now().getTime() - lease.silentAfterSeconds * 1000);
  const [queued] = await services.db
    .update(documents)
    .set({ status: "queued", stage: "queued", progress: 0, attempts: 0, errorCode: null, errorMessage: null })
    .where(
      and(
        eq(documents.id, document.id),
        or(
          inArray(documents.status, ["done", "failed"]),
          and(inArray(documents.status, ["queued", "processing"]), lt(documents.updatedAt, staleBefore)),
        ),
      ),
    )
    .returning();
  if (!queued) {
    const [current] = await services.db.select().from(documents).where(eq(documents.id, document.id));
    const wait = secondsUntilSilent(lease, current?.updatedAt ?? services.now(), services.now());
    throw new AppError(
      "document_busy",
      `This document is ${current?.status === "processing" ? "being processed" : "waiting to be processed"}. If it stops making progress, you can send it again in ${wait} s.`,
      { retryAfterSeconds: wait },
    );
  }
  await services.queue.enqueue({ documentId: document.id });
  await recordAudit(services.db, actor, {
    action: "document.retry",
    entityType: "document",
    entityId: document.id,
    organisationId: document.organisationId,
    documentId: document.id,
  });
  return documentViewOf(services, queued);
}

/** The accountant confirms the numbers were checked against the PDF, and is named as the reviewer. */
export async function markReviewed(
  services: Pick<Services, "db" | "now">,
  actor: Actor,
  documentId: string,
): Promise<DocumentDetail> {
  const { document, member } = await documentWithMember(services, actor, documentId, "mark_reviewed");
  if (document.status !== "done") {
    throw new AppError("document_not_ready", "Only a processed document can be marked as reviewed.");
  }
  const [reviewed] = await services.db
    .update(documents)
    .set({ reviewedAt: services.now(), reviewedById: actor.userId })
    .where(eq(documents.id, document.id))
    .returning();
  await recordAudit(services.db, actor, {
    action: "document.review",
    entityType: "document",
    entityId: document.id,
    organisationId: document.organisationId,
    documentId: document.id,
  });
  return documentDetail(services, reviewed!, member);
}

/** The rendered page the review screen shows beside the numbers read from it. */
export async function pageImage(
  services: Pick<Services, "db" | "storage">,
  actor: Actor,
  documentId: string,
  page: number,
): Promise<Uint8Array> {
  const document = await ownedDocument(services, actor, documentId, "download");
  if (!Number.isInteger(page) || page < 1 || page > (document.pages ?? 0)) throw notFound("page");
  try {
    return await services.storage.get(storageKeys.page(document.id, page));
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw notFound("page");
    throw error;
  }
}
