/** The reports of one analysis: the Excel workbook and the PDF, built together. */
import type { AnalysisOutput } from "../analysis/types";
import type { ReportOptions } from "./options";

export {
  composeReportEmail,
  isEmailAddress,
  MAX_RECIPIENTS,
  type ReportEmailInput,
  type ReportLink,
  validateRecipients,
} from "./email";
export { reportFileName } from "./file-names";
export type { ReportCompany, ReportLanguage, ReportOptions } from "./options";

// exceljs and pdfkit take over half a second to load, and most processes (the document worker,
// the CLI without --out, the API until someone downloads) never build a report: load on use.
export async function buildExcelReport(
  ...args: Parameters<typeof import("./excel").buildExcelReport>
): Promise<Uint8Array> {
  return (await import("./excel")).buildExcelReport(...args);
}

export async function buildPdfReport(
  ...args: Parameters<typeof import("./pdf").buildPdfReport>
): Promise<Uint8Array> {
  return (await import("./pdf")).buildPdfReport(...args);
}

export async function buildReports(
  output: AnalysisOutput,
  options: ReportOptions,
): Promise<{ xlsx: Uint8Array; pdf: Uint8Array }> {
  // One clock for both, so the workbook and the PDF say they were made at the same moment.
  const generatedAt = options.generatedAt ?? new Date();
  const xlsx = await buildExcelReport(output, { ...options, generatedAt });
  const pdf = await buildPdfReport(output, { ...options, generatedAt });
  return { xlsx, pdf };
}
