import { randomUUID } from "node:crypto";
import { type Company, companies, type Document, type ExportRow, exports } from "@finstat/db/schema";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { AnalysisOutput } from "../analysis/types";
import { AppError } from "../app-error";
import { buildExcelReport, buildPdfReport, type ReportCompany, reportFileName } from "../reports";
import type { Action } from "./access-policy";
import { recordAudit } from "./audit";
import type { Actor, Services } from "./context";
import { loadDocumentResults, storedAnalysisOutput } from "./document-results";
import { ownedDocument } from "./documents";
import { notFound } from "./errors";
import { authorise } from "./memberships";
import { storageKeys } from "./stored-files";

export const DOWNLOAD_URL_SECONDS = 15 * 60;
export const CONTENT_TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
} as const;

export const exportRequest = z.object({
  format: z.enum(["xlsx", "pdf"]),
  language: z.enum(["tr", "en"]).default("tr"),
});

export type ExportView = Omit<ExportRow, "storageKey" | "organisationId"> & { fileName: string };

/** What a report is made of: the stored analysis, the company, and the file name it goes by. */
export async function reportSource(
  services: Pick<Services, "db">,
  actor: Actor,
  documentId: string,
  action: Extract<Action, "export" | "email">,
): Promise<{ document: Document; company: Company; reportCompany: ReportCompany; output: AnalysisOutput }> {
  const document = await ownedDocument(services, actor, documentId, action);
  if (document.status !== "done")
    throw new AppError("document_not_ready", "A report can be made once the document is processed.");
  const [company] = await services.db.select().from(companies).where(eq(companies.id, document.companyId));
  if (!company) throw notFound("company");
  const output = storedAnalysisOutput(document, await loadDocumentResults(services.db, document.id));
  const reportCompany: ReportCompany = {
    name: company.name,
    ...(company.taxId ? { taxId: company.taxId } : {}),
    ...(company.sector ? { sector: company.sector } : {}),
  };
  return { document, company, reportCompany, output };
}

export async function buildReport(
  output: AnalysisOutput,
  format: "xlsx" | "pdf",
  language: "tr" | "en",
  company: ReportCompany,
  generatedAt: Date,
) {
  const options = { language, company, generatedAt };
  return format === "xlsx" ? buildExcelReport(output, options) : buildPdfReport(output, options);
}

/** Stores a generated report and records it; the file lives until the document is deleted. */
export async function storeExport(
  services: Pick<Services, "db" | "storage">,
  actor: Actor,
  document: Document,
  format: "xlsx" | "pdf",
  bytes: Uint8Array,
  fileName: string,
): Promise<ExportView> {
  const id = randomUUID();
  const storageKey = storageKeys.export(id, format);
  await services.storage.put(storageKey, bytes, CONTENT_TYPES[format]);
  const [row] = await services.db
    .insert(exports)
    .values({
      id,
      organisationId: document.organisationId,
      documentId: document.id,
      companyId: document.companyId,
      userId: actor.userId,
      format,
      storageKey,
      sizeBytes: bytes.byteLength,
    })
    .returning();
  return exportView(row!, fileName);
}

export async function createExport(
  services: Pick<Services, "db" | "storage" | "now">,
  actor: Actor,
  documentId: string,
  input: z.infer<typeof exportRequest>,
): Promise<{ export: ExportView; downloadUrl: string }> {
  const { document, reportCompany, output } = await reportSource(services, actor, documentId, "export");
  const bytes = await buildReport(output, input.format, input.language, reportCompany, services.now());
  const fileName = reportFileName(output, reportCompany, input.format);
  const view = await storeExport(services, actor, document, input.format, bytes, fileName);
  await recordAudit(services.db, actor, {
    action: "export.create",
    entityType: "export",
    entityId: view.id,
    organisationId: document.organisationId,
    documentId: document.id,
    details: {
      documentId: document.id,
      format: input.format,
      language: input.language,
      sizeBytes: bytes.byteLength,
    },
  });
  const downloadUrl = await services.storage.presignDownload(
    storageKeyOf(view),
    fileName,
    DOWNLOAD_URL_SECONDS,
  );
  return { export: view, downloadUrl };
}

/**
 * A fresh expiring URL for a report of the actor's organisation whose company they can reach;
 * anyone else's is "not found".
 */
export async function exportDownload(
  services: Pick<Services, "db" | "storage">,
  actor: Actor,
  exportId: string,
): Promise<{ url: string; export: ExportView }> {
  if (!z.uuid().safeParse(exportId).success) throw notFound("export");
  const [row] = await services.db
    .select({ export: exports, fileName: companies.name })
    .from(exports)
    .leftJoin(companies, eq(companies.id, exports.companyId))
    .where(eq(exports.id, exportId));
  if (!row) throw notFound("export");
  await authorise(
    services,
    actor,
    "download",
    { organisationId: row.export.organisationId, companyId: row.export.companyId ?? undefined },
    "export",
  );
  const fileName = downloadName(row.export);
  const view = exportView(row.export, fileName);
  try {
    return {
      url: await services.storage.presignDownload(row.export.storageKey, fileName, DOWNLOAD_URL_SECONDS),
      export: view,
    };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw notFound("export");
    throw error;
  }
}

/** The reports already made of a document, newest first: what a viewer, who may not make one, downloads. */
export async function listExports(
  services: Pick<Services, "db">,
  actor: Actor,
  documentId: string,
): Promise<{ exports: ExportView[] }> {
  const document = await ownedDocument(services, actor, documentId, "download");
  const rows = await services.db
    .select()
    .from(exports)
    .where(eq(exports.documentId, document.id))
    .orderBy(desc(exports.createdAt), desc(exports.id))
    .limit(MAX_LISTED_EXPORTS);
  return { exports: rows.map((row) => exportView(row, downloadName(row))) };
}

const MAX_LISTED_EXPORTS = 50;

/** The name a stored report is downloaded under (the same as exportDownload gives it). */
function downloadName(row: ExportRow): string {
  return `finstat-${row.id.slice(0, 8)}.${row.format}`;
}

function exportView(row: ExportRow, fileName: string): ExportView {
  const { storageKey: _storageKey, organisationId: _organisationId, ...view } = row;
  return { ...view, fileName };
}

function storageKeyOf(view: ExportView): string {
  return storageKeys.export(view.id, view.format);
}
