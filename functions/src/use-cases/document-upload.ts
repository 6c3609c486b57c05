import { createHash, randomUUID } from "node:crypto";
import { type Document, documents } from "@finstat/db/schema";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../app-error";
import type { ErrorCode } from "../error-codes";
import { mediaType, type PresignedUpload } from "../platform/storage";
import type { Member } from "./access-policy";
import { recordAudit } from "./audit";
import { ownedCompany } from "./companies";
import type { Actor, Services } from "./context";
import { type DocumentView, documentViewOf } from "./document-view";
import { documentWithMember, ownedDocument } from "./documents";
import { isUniqueViolation } from "./errors";
import { reachableCompanies } from "./memberships";
import { documentOfUploadKey, storageKeys } from "./stored-files";

export const UPLOAD_URL_SECONDS = 15 * 60;

export const uploadRequest = z.object({
  companyId: z.uuid(),
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .refine(
      (name) => ![...name].some((char) => char === "/" || char === "\\" || char.charCodeAt(0) < 0x20),
      "The file name may not contain slashes or control characters.",
    ),
  contentType: z
    .string()
    .transform(mediaType)
    .pipe(z.literal("application/pdf", "Only PDF files can be uploaded.")),
  sizeBytes: z.number().int().positive(),
  sha256: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{64}$/, "sha256 must be 64 hexadecimal characters."),
});

export interface UploadTicket {
  document: DocumentView;
  upload: PresignedUpload;
}

/**
 * Registers the file and returns where to PUT it. The same file already in the company is
 * reported (409 with its id) instead of being read twice; an upload that was started but never
 * finished is simply handed a fresh URL.
 */
export async function requestUpload(
  services: Pick<Services, "db" | "storage" | "config">,
  actor: Actor,
  input: z.infer<typeof uploadRequest>,
): Promise<UploadTicket> {
  if (input.sizeBytes > services.config.UPLOAD_MAX_BYTES) {
    throw new AppError(
      "file_too_large",
      `This file is ${megabytes(input.sizeBytes)}; the limit is ${megabytes(services.config.UPLOAD_MAX_BYTES)}.`,
      { sizeBytes: input.sizeBytes, maxBytes: services.config.UPLOAD_MAX_BYTES },
    );
  }
  const company = await ownedCompany(services, actor, input.companyId, "upload");
  const [existing] = await services.db
    .select()
    .from(documents)
    .where(and(eq(documents.companyId, input.companyId), eq(documents.sha256, input.sha256)));
  if (existing && existing.status !== "uploaded") throw duplicate(existing);

  let document: Document;
  if (existing) {
    [document] = (await services.db
      .update(documents)
      .set({ fileName: input.fileName, sizeBytes: input.sizeBytes })
      .where(eq(documents.id, existing.id))
      .returning()) as [Document];
  } else {
    const id = randomUUID();
    try {
      [document] = (await services.db
        .insert(documents)
        .values({
          id,
          organisationId: company.organisationId,
          ownerId: actor.userId,
          companyId: input.companyId,
          fileName: input.fileName,
          storageKey: storageKeys.source(id),
          contentType: "application/pdf",
          sha256: input.sha256,
          sizeBytes: input.sizeBytes,
          status: "uploaded",
        })
        .returning()) as [Document];
    } catch (error) {
      if (isUniqueViolation(error, "documents_company_sha256_unique")) {
        throw new AppError("duplicate_document", "This file is already being uploaded to this company.");
      }
      throw error;
    }
  }
  return {
    document: await documentViewOf(services, document),
    upload: await uploadUrlFor(services, document),
  };
}

/** A fresh URL for a document whose upload has not been completed (the first one expired). */
export async function renewUploadUrl(
  services: Pick<Services, "db" | "storage" | "config">,
  actor: Actor,
  documentId: string,
): Promise<UploadTicket> {
  const document = await ownedDocument(services, actor, documentId, "upload");
  if (document.status !== "uploaded") {
    throw new AppError("upload_already_completed", "This document has already been uploaded.");
  }
  return {
    document: await documentViewOf(services, document),
    upload: await uploadUrlFor(services, document),
  };
}

function uploadUrlFor(services: Pick<Services, "storage">, document: Document): Promise<PresignedUpload> {
  return services.storage.presignUpload(
    storageKeys.source(document.id),
    "application/pdf",
    document.sizeBytes,
    UPLOAD_URL_SECONDS,
  );
}

export interface CompletedUpload {
  document: DocumentView;
  /** The same file in the owner's other companies, for the "already analysed" notice. */
  duplicates: Array<{ documentId: string; companyId: string; status: string }>;
}

/**
 * The embedded file route's check before it stores a PUT (and again before it writes): a
 * document's upload URL works only while its upload is not completed. Other keys pass; only
 * the API mints upload grants.
 */
export async function assertUploadOpen(services: Pick<Services, "db">, key: string): Promise<void> {
  const documentId = documentOfUploadKey(key);
  if (!documentId) return;
  const [row] = await services.db
    .select({ status: documents.status })
    .from(documents)
    .where(eq(documents.id, documentId));
  if (!row) {
    throw new AppError("upload_url_invalid", "This upload link belongs to a document that no longer exists.");
  }
  if (row.status !== "uploaded") {
    throw new AppError(
      "upload_already_completed",
      "This document has already been uploaded; its upload link no longer accepts a file.",
    );
  }
}

/**
 * Checks what actually arrived (present, declared size, PDF magic, declared sha256) and queues
 * it. A bad upload is deleted and the document stays "uploaded" so the user can try again.
 * Completing twice is harmless: the second call returns the current state.
 *
 * The checked bytes are stored under a key of their own (storageKeys.checkedSource), which
 * becomes the document's storageKey: the upload URL stays valid for its quarter of an hour and
 * an S3 presigned URL cannot be revoked, but nothing it writes is read again.
 */
export async function completeUpload(
  services: Pick<Services, "db" | "storage" | "queue" | "now">,
  actor: Actor,
  documentId: string,
): Promise<CompletedUpload> {
  const { document, member } = await documentWithMember(services, actor, documentId, "upload");
  if (document.status !== "uploaded")
    return {
      document: await documentViewOf(services, document),
      duplicates: await duplicatesOf(services, member, document),
    };

  const uploadKey = storageKeys.source(document.id);
  const info = await services.storage.head(uploadKey);
  if (!info) {
    // A concurrent completion may have moved the checked file already.
    const current = await ownedDocument(services, actor, documentId, "upload");
    if (current.status !== "uploaded") return completeUpload(services, actor, documentId);
    throw new AppError(
      "upload_missing",
      "The file has not arrived yet. Upload it to the URL you were given, then try again.",
    );
  }
  const rejected = async (code: ErrorCode, message: string, details?: Record<string, unknown>) => {
    await services.storage.delete(uploadKey);
    return new AppError(code, message, details);
  };
  if (info.size !== document.sizeBytes) {
    throw await rejected(
      "upload_size_mismatch",
      "The uploaded file is not the size that was announced. Please upload it again.",
      {
        expected: document.sizeBytes,
        received: info.size,
      },
    );
  }
  const bytes = await services.storage.get(uploadKey);
  if (!startsWithPdfMagic(bytes)) {
    throw await rejected("not_a_pdf", "This file is not a PDF. Please upload the statement as a PDF file.");
  }
  if (createHash("sha256").update(bytes).digest("hex") !== document.sha256) {
    throw await rejected(
      "upload_checksum_mismatch",
      "The uploaded file does not match its checksum. Please upload it again.",
    );
  }

  const checkedKey = storageKeys.checkedSource(document.id);
  await services.storage.put(checkedKey, bytes, "application/pdf");
  const [queued] = await services.db
    .update(documents)
    .set({
      status: "queued",
      stage: "queued",
      progress: 0,
      attempts: 0,
      errorCode: null,
      errorMessage: null,
      storageKey: checkedKey,
    })
    .where(and(eq(documents.id, document.id), eq(documents.status, "uploaded")))
    .returning();
  // Another completion won the race; it stored these very bytes (the sha256 matched) under the same key.
  if (!queued) return completeUpload(services, actor, documentId);
  try {
    await services.queue.enqueue({ documentId: document.id });
  } catch (error) {
    await services.db
      .update(documents)
      .set({ status: "uploaded", stage: null, storageKey: uploadKey })
      .where(eq(documents.id, document.id));
    throw error;
  }
  // The upload copy is no longer read; if this fails, deleting the document removes it.
  await services.storage.delete(uploadKey).catch(() => undefined);
  await recordAudit(services.db, actor, {
    action: "document.upload",
    entityType: "document",
    entityId: document.id,
    organisationId: document.organisationId,
    documentId: document.id,
    details: { fileName: document.fileName, sizeBytes: document.sizeBytes, sha256: document.sha256 },
  });
  return {
    document: await documentViewOf(services, queued),
    duplicates: await duplicatesOf(services, member, document),
  };
}

/** The same file elsewhere in the organisation, among the companies the uploader can read. */
async function duplicatesOf(services: Pick<Services, "db">, member: Member, document: Document) {
  const reachable = reachableCompanies([member], "read", {
    organisationId: documents.organisationId,
    companyId: documents.companyId,
  });
  if (!reachable) return [];
  const rows = await services.db
    .select({ documentId: documents.id, companyId: documents.companyId, status: documents.status })
    .from(documents)
    .where(and(reachable, eq(documents.sha256, document.sha256), ne(documents.id, document.id)));
  return rows;
}

function duplicate(existing: Document): AppError {
  return new AppError(
    "duplicate_document",
    `This file was already uploaded to this company as "${existing.fileName}".`,
    {
      documentId: existing.id,
      status: existing.status,
    },
  );
}

export function startsWithPdfMagic(bytes: Uint8Array): boolean {
  // The header may follow a little junk (some scanners prepend bytes); readers allow 1 KiB.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  return head.includes("%PDF-");
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
