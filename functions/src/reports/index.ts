/** The reports of one analysis: the Excel workbook and the PDF, built together. */
import type { AnalysisOutput } from "../pipeline/types";
import { buildExcelReport } from "./excel";
import type { ReportOptions } from "./options";
import { buildPdfReport } from "./pdf";

export {
  composeReportEmail,
  isEmailAddress,
  MAX_RECIPIENTS,
  type ReportEmailInput,
  type ReportLink,
  validateRecipients,
} from "./email";
export { buildExcelReport } from "./excel";
export { reportFileName } from "./file-names";
export type { ReportCompany, ReportLanguage, ReportOptions } from "./options";
export { buildPdfReport } from "./pdf";

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
