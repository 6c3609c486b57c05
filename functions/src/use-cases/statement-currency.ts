import { financialStatements } from "@finstat/db/schema";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../app-error";
import { recordAudit } from "./audit";
import type { Actor, Services } from "./context";
import { loadDocumentResults } from "./document-results";
import { ownedDocument } from "./documents";
import { notFound } from "./errors";
import { type StatementView, statementView } from "./statement-view";

export const statementCurrency = z.object({
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => Intl.supportedValuesOf("currency").includes(code), {
      message: "Use an ISO 4217 currency code such as TRY, USD, EUR or PHP.",
    }),
});

/**
 * The reviewer states the statement's currency where the document did not say it or it was read
 * wrong (a peso statement read as pounds). Amounts and ratios do not change; the audit log
 * keeps who changed it from what.
 */
export async function setStatementCurrency(
  services: Pick<Services, "db">,
  actor: Actor,
  documentId: string,
  statementId: string,
  input: z.infer<typeof statementCurrency>,
): Promise<{ statement: StatementView }> {
  const document = await ownedDocument(services, actor, documentId, "correct");
  if (document.status !== "done")
    throw new AppError("document_not_ready", "The currency can be set once the document is processed.");
  const where = and(eq(financialStatements.id, statementId), eq(financialStatements.documentId, document.id));
  const [before] = await services.db
    .select({ currency: financialStatements.currency })
    .from(financialStatements)
    .where(where);
  if (!before) throw notFound("statement");
  await services.db.update(financialStatements).set({ currency: input.currency }).where(where);
  await recordAudit(services.db, actor, {
    action: "statement.currency",
    entityType: "financial_statement",
    entityId: statementId,
    organisationId: document.organisationId,
    documentId: document.id,
    details: { documentId: document.id, before: before.currency, after: input.currency },
  });
  const results = await loadDocumentResults(services.db, document.id, { statements: true });
  const row = results.rows.find((candidate) => candidate.id === statementId)!;
  return { statement: statementView(row, results.extraction?.statements[row.type]) };
}
