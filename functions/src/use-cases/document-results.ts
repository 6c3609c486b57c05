import {
  analysisResults,
  type Document,
  documents,
  type FinancialStatement,
  financialStatements,
} from "@finstat/db/schema";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { analyzeStatements } from "../analysis/analyze";
import { buildCompanyTimeline } from "../analysis/timeline";
import type { AlertThresholds, AnalysisOutput, StatementAnalysis } from "../analysis/types";
import type { DocumentInfo, ExtractionOutput, Statement } from "../pipeline/types";
import type { Config } from "../platform/config";
import type { Executor } from "./context";
import { type StatementExtras, statementExtras, statementFromRow, statementRow } from "./statement-records";

/** Whatever the extraction said about the document besides its statements. */
export interface ExtractionRecord {
  document: DocumentInfo;
  timings: AnalysisOutput["timings"];
  warnings: string[];
  flagged: boolean;
  vision?: AnalysisOutput["vision"];
  statements: Partial<Record<Statement["type"], StatementExtras>>;
}

export const ANALYSIS_KINDS = { extraction: "extraction", analysis: "document" } as const;

export function alertThresholds(
  config: Pick<
    Config,
    | "ALERT_CHANGE_PERCENT"
    | "ALERT_MATERIALITY"
    | "ALERT_CURRENT_RATIO"
    | "ALERT_INTEREST_COVERAGE"
    | "ALERT_DEBT_RATIO"
  >,
): AlertThresholds {
  return {
    changePercent: config.ALERT_CHANGE_PERCENT,
    materiality: config.ALERT_MATERIALITY,
    currentRatio: config.ALERT_CURRENT_RATIO,
    interestCoverage: config.ALERT_INTEREST_COVERAGE,
    debtRatio: config.ALERT_DEBT_RATIO,
  };
}

/** Ratios, comparison and alerts of one document, with the company's other documents as history. */
export async function analyseDocumentStatements(
  db: Executor,
  document: Pick<Document, "id" | "companyId">,
  statements: Statement[],
  thresholds: AlertThresholds,
): Promise<StatementAnalysis> {
  const others = await companyDocumentStatements(db, document.companyId, document.id);
  const history = others.length > 0 ? buildCompanyTimeline(others) : undefined;
  return analyzeStatements(statements, { thresholds, history });
}

/**
 * Replaces a document's statements and analysis in one transaction, under a lock on the
 * document row: two deliveries of the same message finishing together still leave one set.
 */
export async function replaceDocumentResults(
  tx: Executor,
  document: Pick<Document, "id" | "companyId">,
  statements: Statement[],
  analysis: StatementAnalysis,
  extraction?: ExtractionRecord,
): Promise<FinancialStatement[]> {
  await tx.select({ id: documents.id }).from(documents).where(eq(documents.id, document.id)).for("update");
  await tx.delete(financialStatements).where(eq(financialStatements.documentId, document.id));
  const kinds = extraction ? [ANALYSIS_KINDS.analysis, ANALYSIS_KINDS.extraction] : [ANALYSIS_KINDS.analysis];
  await tx
    .delete(analysisResults)
    .where(and(eq(analysisResults.documentId, document.id), inArray(analysisResults.kind, kinds)));
  const rows =
    statements.length === 0
      ? []
      : await tx
          .insert(financialStatements)
          .values(statements.map((s) => statementRow(document.id, document.companyId, s)))
          .returning();
  await tx.insert(analysisResults).values([
    {
      documentId: document.id,
      companyId: document.companyId,
      kind: ANALYSIS_KINDS.analysis,
      results: analysis,
    },
    ...(extraction
      ? [
          {
            documentId: document.id,
            companyId: document.companyId,
            kind: ANALYSIS_KINDS.extraction,
            results: extraction,
          },
        ]
      : []),
  ]);
  return rows;
}

export function extractionRecord(output: ExtractionOutput): ExtractionRecord {
  return {
    document: output.document,
    timings: output.timings,
    warnings: output.warnings ?? [],
    flagged: Boolean(output.flagged),
    vision: output.vision,
    statements: Object.fromEntries(output.statements.map((s) => [s.type, statementExtras(s)])),
  };
}

export interface StoredResults {
  rows: FinancialStatement[];
  statements: Statement[];
  analysis: StatementAnalysis | null;
  extraction: ExtractionRecord | null;
}

/** `parts` narrows what is read: the statements screen needs no ratios, the analysis no lines. */
export async function loadDocumentResults(
  db: Executor,
  documentId: string,
  parts: { statements?: boolean; analysis?: boolean } = { statements: true, analysis: true },
): Promise<StoredResults> {
  const kinds = [
    ...(parts.statements ? [ANALYSIS_KINDS.extraction] : []),
    ...(parts.analysis ? [ANALYSIS_KINDS.analysis] : []),
  ];
  const [rows, analyses] = await Promise.all([
    parts.statements
      ? db
          .select()
          .from(financialStatements)
          .where(eq(financialStatements.documentId, documentId))
          .orderBy(asc(financialStatements.type))
      : Promise.resolve([]),
    db
      .select({ kind: analysisResults.kind, results: analysisResults.results })
      .from(analysisResults)
      .where(and(eq(analysisResults.documentId, documentId), inArray(analysisResults.kind, kinds))),
  ]);
  const extraction = (analyses.find((a) => a.kind === ANALYSIS_KINDS.extraction)?.results ??
    null) as ExtractionRecord | null;
  const analysis = (analyses.find((a) => a.kind === ANALYSIS_KINDS.analysis)?.results ??
    null) as StatementAnalysis | null;
  const statements = rows.map((row) => statementFromRow(row, extraction?.statements[row.type]));
  return { rows, statements, analysis, extraction };
}

/** The public AnalysisOutput shape (what `npm run analyze --json` prints) rebuilt from storage. */
export function storedAnalysisOutput(document: Document, results: StoredResults): AnalysisOutput {
  return {
    document: results.extraction?.document ?? {
      file: document.fileName,
      pages: document.pages ?? 0,
      sha256: document.sha256,
    },
    statements: results.statements,
    ratios: results.analysis?.ratios ?? [],
    comparison: results.analysis?.comparison ?? [],
    alerts: results.analysis?.alerts ?? [],
    timings: results.extraction?.timings ?? document.timings ?? { totalMs: 0, stages: {} },
    warnings: results.extraction?.warnings ?? [],
    flagged: results.statements.some((s) => s.flagged) || Boolean(results.extraction?.flagged),
    vision: results.extraction?.vision,
  };
}

/** The statements of a company's processed documents, oldest first, as the timeline wants them. */
export async function companyDocumentStatements(db: Executor, companyId: string, exceptDocumentId?: string) {
  const conditions = [eq(documents.companyId, companyId), eq(documents.status, "done" as const)];
  if (exceptDocumentId) conditions.push(ne(documents.id, exceptDocumentId));
  const rows = await db
    .select({ document: documents, statement: financialStatements })
    .from(documents)
    .innerJoin(financialStatements, eq(financialStatements.documentId, documents.id))
    .where(and(...conditions))
    .orderBy(asc(documents.processedAt), asc(documents.createdAt));
  const byDocument = new Map<
    string,
    { documentId: string; processedAt?: Date; uploadedAt?: Date; statements: Statement[] }
  >();
  for (const { document, statement } of rows) {
    const entry = byDocument.get(document.id) ?? {
      documentId: document.id,
      processedAt: document.processedAt ?? undefined,
      uploadedAt: document.createdAt,
      statements: [],
    };
    entry.statements.push(statementFromRow(statement));
    byDocument.set(document.id, entry);
  }
  return [...byDocument.values()];
}
