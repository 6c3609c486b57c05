/**
 * The Excel report: Summary, Balance Sheet, Income Statement, Ratios (live formulas over the
 * statement cells), Comparison, Alerts, Sources.
 */
import ExcelJS from "exceljs";
import type { AnalysisOutput } from "../../analysis/types";
import { assertReportable, DEFAULT_LOW_CONFIDENCE, type ReportOptions, reportCompany } from "../options";
import { reportPeriods } from "../periods";
import { word } from "../wording";
import { addAlertsSheet } from "./alerts-sheet";
import { addComparisonSheet } from "./comparison-sheet";
import { CellRegistry, type WorkbookContext } from "./context";
import { addRatiosSheet } from "./ratios-sheet";
import { addSourcesSheet } from "./sources-sheet";
import { addStatementSheet } from "./statement-sheet";
import { fillSummarySheet } from "./summary-sheet";

export async function buildExcelReport(output: AnalysisOutput, options: ReportOptions): Promise<Uint8Array> {
  assertReportable(output, options);
  options = { ...options, company: reportCompany(output, options.company) };
  const { language } = options;
  const generatedAt = options.generatedAt ?? new Date();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Finstat";
  workbook.lastModifiedBy = "Finstat";
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  workbook.title = [word("reportTitle", language), options.company?.name].filter(Boolean).join(" — ");
  workbook.subject = output.document.file;
  workbook.company = options.company?.name ?? "";
  workbook.description = `SHA-256 ${output.document.sha256}`;
  // Excel recalculates every formula when the file is opened, so an edited input is never stale.
  workbook.calcProperties = { fullCalcOnLoad: true };

  const context: WorkbookContext = {
    workbook,
    output,
    options: { ...options, generatedAt },
    language,
    periods: reportPeriods(output.statements),
    lowConfidenceBelow: options.lowConfidenceBelow ?? DEFAULT_LOW_CONFIDENCE,
    cells: new CellRegistry(output.ratios),
  };
  const summary = workbook.addWorksheet(word("summary", language), {
    properties: { tabColor: { argb: "FF1F3A5F" } },
  });
  addStatementSheet("balance_sheet", context);
  addStatementSheet("income_statement", context);
  addRatiosSheet(context);
  addComparisonSheet(context);
  addAlertsSheet(context);
  addSourcesSheet(context);
  fillSummarySheet(summary, context);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
