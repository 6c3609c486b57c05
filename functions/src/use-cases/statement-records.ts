import type { FinancialStatement, NewFinancialStatement } from "@finstat/db/schema";
import { uncheckedIdentities } from "../pipeline/checks/coverage";
import { reviewSummary } from "../pipeline/checks/review";
import type { Statement } from "../pipeline/types";

/**
 * What the statement table has no column for (confidence per canonical value, pages, language,
 * title) is kept per statement type in the document's "extraction" analysis row, so a stored
 * statement turns back into the pipeline's `Statement` exactly.
 */
export interface StatementExtras {
  canonicalConfidence?: Statement["canonicalConfidence"];
  pages?: number[];
  language?: "tr" | "en";
  title?: string;
  entity?: string;
  restated?: boolean;
}

export function statementRow(
  documentId: string,
  companyId: string,
  statement: Statement,
): NewFinancialStatement {
  return {
    documentId,
    companyId,
    type: statement.type,
    periodEnd: latestPeriodEnd(statement) ?? null,
    currency: statement.currency.toUpperCase().slice(0, 3).padEnd(3, "X"),
    unit: statement.unit > 0 ? statement.unit : 1,
    periods: statement.periods,
    items: statement.items,
    canonical: statement.canonical,
    checks: statement.checks,
    confidence: statementConfidence(statement),
    flagged: isFlagged(statement),
    review: reviewSummary([statement]),
  };
}

export function statementExtras(statement: Statement): StatementExtras {
  return {
    canonicalConfidence: statement.canonicalConfidence,
    pages: statement.pages,
    language: statement.language,
    title: statement.title,
    entity: statement.entity,
    restated: statement.restated,
  };
}

export function statementFromRow(row: FinancialStatement, extras: StatementExtras = {}): Statement {
  // What could not be checked follows from the stored totals and checks, so it is never stale.
  const unchecked = uncheckedIdentities(row);
  return {
    type: row.type,
    currency: row.currency,
    unit: row.unit,
    periods: row.periods,
    items: row.items,
    canonical: row.canonical,
    ...(extras.canonicalConfidence ? { canonicalConfidence: extras.canonicalConfidence } : {}),
    checks: row.checks,
    ...(unchecked.length > 0 ? { unchecked } : {}),
    ...(extras.pages ? { pages: extras.pages } : {}),
    flagged: row.flagged,
    ...(extras.language ? { language: extras.language } : {}),
    ...(extras.title ? { title: extras.title } : {}),
    ...(extras.entity ? { entity: extras.entity } : {}),
    ...(extras.restated ? { restated: true } : {}),
  };
}

/**
 * The statement is as trustworthy as its weakest canonical value: one doubtful total is enough
 * to send it to review. Falls back to the printed lines when no canonical confidence exists.
 */
export function statementConfidence(statement: Statement): number {
  const canonical = Object.values(statement.canonicalConfidence ?? {}).flatMap((periods) =>
    Object.values(periods ?? {}),
  );
  const values =
    canonical.length > 0 ? canonical : statement.items.filter((i) => i.key).map((i) => i.confidence);
  if (values.length === 0) return 0;
  return Math.min(1, Math.max(0, Math.min(...values)));
}

export function isFlagged(statement: Statement): boolean {
  return (
    Boolean(statement.flagged) ||
    statement.checks.some((check) => !check.ok) ||
    uncheckedIdentities(statement).length > 0
  );
}

export function latestPeriodEnd(statement: Statement): string | undefined {
  const ends = statement.periods
    .map((p) => p.end)
    .filter((end): end is string => /^\d{4}-\d{2}-\d{2}$/.test(end ?? ""));
  return ends.sort().at(-1);
}
