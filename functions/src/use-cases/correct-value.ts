import { analysisResults, documents, financialStatements } from "@finstat/db/schema";
import { and, eq } from "drizzle-orm";
import type { StatementAnalysis } from "../analysis/types";
import { AppError } from "../app-error";
import { reviewSummary } from "../pipeline/checks/review";
import { recordAudit } from "./audit";
import type { Actor, Services } from "./context";
import { correctStatementValue, type ValueCorrection } from "./correction";
import {
  ANALYSIS_KINDS,
  alertThresholds,
  analyseDocumentStatements,
  type ExtractionRecord,
} from "./document-results";
import { ownedDocument } from "./documents";
import { notFound } from "./errors";
import { recheckAcrossStatements } from "./recheck";
import { statementConfidence, statementExtras, statementFromRow } from "./statement-records";
import { type StatementView, statementView } from "./statement-view";

export interface CorrectionResult {
  statement: StatementView;
  analysis: StatementAnalysis;
  change: {
    key?: string;
    itemIndex?: number;
    label?: string;
    period: string;
    oldValue: number | null;
    newValue: number;
  };
}

/**
 * Corrects one value, re-runs the checks of its statement (and the check between statements),
 * recomputes the document's ratios, comparison and alerts, and records who changed what from
 * which value in the audit log: all in one transaction, under a lock on the document.
 */
export async function correctValue(
  services: Pick<Services, "db" | "config" | "now">,
  actor: Actor,
  documentId: string,
  statementId: string,
  correction: ValueCorrection,
): Promise<CorrectionResult> {
  const document = await ownedDocument(services, actor, documentId, "correct");
  if (document.status !== "done")
    throw new AppError("document_not_ready", "Values can be corrected once the document is processed.");
  return services.db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: documents.status })
      .from(documents)
      .where(eq(documents.id, document.id))
      .for("update");
    if (locked?.status !== "done")
      throw new AppError(
        "document_not_ready",
        "This document is being processed again; try once it is done.",
      );
    const rows = await tx
      .select()
      .from(financialStatements)
      .where(eq(financialStatements.documentId, document.id));
    const target = rows.find((row) => row.id === statementId);
    if (!target) throw notFound("statement");
    const [extractionRow] = await tx
      .select({ id: analysisResults.id, results: analysisResults.results })
      .from(analysisResults)
      .where(
        and(eq(analysisResults.documentId, document.id), eq(analysisResults.kind, ANALYSIS_KINDS.extraction)),
      );
    const extraction = (extractionRow?.results ?? null) as ExtractionRecord | null;
    const statements = rows.map((row) => statementFromRow(row, extraction?.statements[row.type]));
    const index = rows.indexOf(target);

    const outcome = correctStatementValue(statements[index]!, correction);
    statements[index] = outcome.statement;
    recheckAcrossStatements(statements);

    for (const [i, row] of rows.entries()) {
      const statement = statements[i]!;
      await tx
        .update(financialStatements)
        .set({
          items: statement.items,
          canonical: statement.canonical,
          checks: statement.checks,
          confidence: statementConfidence(statement),
          flagged: Boolean(statement.flagged),
          review: reviewSummary([statement]),
        })
        .where(eq(financialStatements.id, row.id));
    }
    if (extractionRow && extraction) {
      const updated: ExtractionRecord = {
        ...extraction,
        statements: { ...extraction.statements, [target.type]: statementExtras(outcome.statement) },
      };
      await tx
        .update(analysisResults)
        .set({ results: updated })
        .where(eq(analysisResults.id, extractionRow.id));
    }
    const analysis = await analyseDocumentStatements(
      tx,
      document,
      statements,
      alertThresholds(services.config),
    );
    await tx
      .delete(analysisResults)
      .where(
        and(eq(analysisResults.documentId, document.id), eq(analysisResults.kind, ANALYSIS_KINDS.analysis)),
      );
    await tx.insert(analysisResults).values({
      documentId: document.id,
      companyId: document.companyId,
      kind: ANALYSIS_KINDS.analysis,
      results: analysis,
    });

    const change = {
      key: outcome.key,
      itemIndex: outcome.itemIndex,
      label: outcome.label,
      period: outcome.period,
      oldValue:
        correction.itemIndex !== undefined
          ? (outcome.printedBefore ?? null)
          : (outcome.canonicalBefore ?? null),
      newValue: correction.value,
    };
    await recordAudit(tx, actor, {
      action: "statement.correct",
      entityType: "financial_statement",
      entityId: target.id,
      organisationId: document.organisationId,
      documentId: document.id,
      details: {
        documentId: document.id,
        statementType: target.type,
        ...change,
        canonicalBefore: outcome.canonicalBefore ?? null,
        canonicalAfter: outcome.canonicalAfter ?? null,
      },
    });
    const [saved] = await tx.select().from(financialStatements).where(eq(financialStatements.id, target.id));
    return { statement: statementView(saved!, statementExtras(outcome.statement)), analysis, change };
  });
}
