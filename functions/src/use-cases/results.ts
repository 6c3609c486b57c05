import { type Company, companies, documents, financialStatements } from "@finstat/db/schema";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { analyzeCompany } from "../analysis/analyze";
import { computeRatiosForPeriods } from "../analysis/ratios";
import { buildCompanyTimeline } from "../analysis/timeline";
import type { CompanyAnalysis, PeerCompany, StatementAnalysis } from "../analysis/types";
import { AppError } from "../app-error";
import type { Statement } from "../pipeline/types";
import { ownedCompany } from "./companies";
import type { Actor, Services } from "./context";
import { alertThresholds, companyDocumentStatements, loadDocumentResults } from "./document-results";
import { ownedDocument } from "./documents";
import { membersOf, reachableCompanies } from "./memberships";
import { statementFromRow } from "./statement-records";
import { type StatementView, statementView } from "./statement-view";

export interface DocumentStatements {
  documentId: string;
  status: string;
  statements: StatementView[];
  warnings: string[];
  /** The pages read in full (and so with an image) when a long report was surveyed; else all. */
  statementPages?: number[];
}

export async function documentStatements(
  services: Pick<Services, "db">,
  actor: Actor,
  documentId: string,
): Promise<DocumentStatements> {
  const document = await ownedDocument(services, actor, documentId);
  const results = await loadDocumentResults(services.db, document.id, { statements: true });
  return {
    documentId: document.id,
    status: document.status,
    statements: results.rows.map((row) => statementView(row, results.extraction?.statements[row.type])),
    warnings: results.extraction?.warnings ?? [],
    ...(results.extraction?.document.statementPages
      ? { statementPages: results.extraction.document.statementPages }
      : {}),
  };
}

export async function documentAnalysis(
  services: Pick<Services, "db">,
  actor: Actor,
  documentId: string,
): Promise<StatementAnalysis & { documentId: string }> {
  const document = await ownedDocument(services, actor, documentId);
  const results = await loadDocumentResults(services.db, document.id, { analysis: true });
  if (!results.analysis) throw new AppError("document_not_ready", "This document has not been analysed yet.");
  return { documentId: document.id, ...results.analysis };
}

/**
 * Timeline of every processed document, ratios of every period, comparison, trends, alerts, and
 * the benchmark against the owner's other companies of the same sector. Computed on read: it
 * always reflects the latest corrections and never goes stale.
 */
export async function companyAnalysis(
  services: Pick<Services, "db" | "config">,
  actor: Actor,
  companyId: string,
): Promise<CompanyAnalysis & { companyId: string; documents: number }> {
  const company = await ownedCompany(services, actor, companyId);
  const [documentsOfCompany, peers] = await Promise.all([
    companyDocumentStatements(services.db, company.id),
    company.sector ? peerCompanies(services, actor, company, company.sector) : Promise.resolve(undefined),
  ]);
  const analysis = analyzeCompany({
    companyId: company.id,
    sector: company.sector,
    documents: documentsOfCompany,
    peers,
    thresholds: alertThresholds(services.config),
  });
  return { companyId: company.id, documents: documentsOfCompany.length, ...analysis };
}

/**
 * The organisation's other companies in the sector that the actor can read (a client compares
 * only among its own), each with the ratios of its own timeline.
 */
async function peerCompanies(
  services: Pick<Services, "db">,
  actor: Actor,
  company: Company,
  sector: string,
): Promise<PeerCompany[]> {
  const reachable = reachableCompanies(
    (await membersOf(services, actor)).filter((member) => member.organisationId === company.organisationId),
    "read",
    { organisationId: companies.organisationId, companyId: companies.id },
  );
  if (!reachable) return [];
  const rows = await services.db
    .select({
      companyId: companies.id,
      documentId: documents.id,
      processedAt: documents.processedAt,
      statement: financialStatements,
    })
    .from(companies)
    .innerJoin(documents, and(eq(documents.companyId, companies.id), eq(documents.status, "done")))
    .innerJoin(financialStatements, eq(financialStatements.documentId, documents.id))
    .where(
      and(
        reachable,
        ne(companies.id, company.id),
        sql`lower(trim(${companies.sector})) = lower(trim(${sector}))`,
      ),
    )
    .orderBy(asc(documents.processedAt));
  const byCompany = new Map<
    string,
    Map<string, { documentId: string; processedAt?: Date; statements: Statement[] }>
  >();
  for (const row of rows) {
    const docs = byCompany.get(row.companyId) ?? new Map();
    const entry = docs.get(row.documentId) ?? {
      documentId: row.documentId,
      processedAt: row.processedAt ?? undefined,
      statements: [],
    };
    entry.statements.push(statementFromRow(row.statement));
    docs.set(row.documentId, entry);
    byCompany.set(row.companyId, docs);
  }
  return [...byCompany].map(([id, docs]) => ({
    companyId: id,
    sector,
    ratios: computeRatiosForPeriods(buildCompanyTimeline([...docs.values()]).periods),
  }));
}
