import type { AnalysisOutput } from "../analysis/types";
import { AppError } from "../app-error";
import { HIGH_CONFIDENCE } from "../pipeline/checks/review";

export type ReportLanguage = "tr" | "en";

export interface ReportCompany {
  name: string;
  taxId?: string;
  sector?: string;
}

export interface ReportOptions {
  language: ReportLanguage;
  company?: ReportCompany;
  /** Printed on the cover and stored in the document properties; defaults to now. */
  generatedAt?: Date;
  /** Values read with a confidence below this are shaded for review (default 0.9). */
  lowConfidenceBelow?: number;
}

export const DEFAULT_LOW_CONFIDENCE = HIGH_CONFIDENCE;

/**
 * Who the report is about: the company record when there is one (the web), else the entity the
 * statements name with its printed tax number (the CLI), else nobody and the file names it.
 */
export function reportCompany(output: AnalysisOutput, company?: ReportCompany): ReportCompany | undefined {
  if (company) return company;
  const entity =
    output.document.entity ??
    output.statements.flatMap((statement) => (statement.entity ? [{ name: statement.entity }] : []))[0];
  return entity ? { ...entity } : undefined;
}

/** Refuses what no report can be made of, with a message the user understands. */
export function assertReportable(output: AnalysisOutput, options: ReportOptions): void {
  if (options.language !== "tr" && options.language !== "en") {
    throw new AppError(
      "report_language_unsupported",
      "Reports are available in Turkish (tr) and English (en).",
      { language: options.language },
    );
  }
  if (!output || !Array.isArray(output.statements) || output.statements.length === 0) {
    throw new AppError(
      "report_without_statements",
      "No financial statement was found in this document, so there is nothing to report.",
    );
  }
  const wellFormed =
    output.statements.every(
      (statement) =>
        (statement?.type === "balance_sheet" || statement?.type === "income_statement") &&
        Array.isArray(statement.periods) &&
        Array.isArray(statement.items) &&
        Array.isArray(statement.checks) &&
        typeof statement.canonical === "object" &&
        statement.canonical !== null,
    ) &&
    Array.isArray(output.ratios) &&
    Array.isArray(output.comparison) &&
    Array.isArray(output.alerts) &&
    typeof output.document?.file === "string";
  if (!wellFormed) {
    throw new AppError(
      "report_input_invalid",
      "The analysis to report on is incomplete or damaged; analyse the document again.",
    );
  }
}
