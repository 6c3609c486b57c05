/** The first sheet: who, what, when, the key figures (linked to their cells), and what to review. */
import type { Worksheet } from "exceljs";
import { checkRuleName } from "../../analysis/labels";
import { warningText } from "../../analysis/warning-text";
import { rankAlerts, SUMMARY_ALERTS } from "../alert-ranking";
import { itemName, ratioName } from "../display-names";
import { unitName } from "../format";
import { keyFigures } from "../key-figures";
import { periodTitle } from "../periods";
import { reviewCounts } from "../review";
import { severityName, word } from "../wording";
import type { WorkbookContext } from "./context";
import { FONT, FORMAT_AMOUNT, ratioFormat, styleHeaderRow, styleSection, styleTitle } from "./styles";

function addFacts(sheet: Worksheet, context: WorkbookContext): void {
  const { language, output, options, periods } = context;
  const first = output.statements[0]!;
  const facts: Array<[string, string | number | Date | undefined]> = [
    [word("company", language), options.company?.name],
    [word("taxId", language), options.company?.taxId],
    [word("sector", language), options.company?.sector],
    [word("document", language), output.document.file],
    [word("pages", language), output.document.pages],
    [word("fingerprint", language), output.document.sha256],
    [word("generatedAt", language), options.generatedAt ?? new Date()],
    [word("periods", language), periods.map((period) => periodTitle(period, language)).join(", ")],
    [word("amountsIn", language), unitName(1, first.currency, language)],
    [word("unitPrinted", language), unitName(first.unit, first.currency, language)],
  ];
  for (const [label, value] of facts) {
    if (value === undefined || value === "") continue;
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { name: FONT, bold: true };
    row.getCell(2).alignment = { horizontal: "left" };
    if (value instanceof Date)
      row.getCell(2).numFmt = language === "tr" ? "dd.mm.yyyy hh:mm" : "yyyy-mm-dd hh:mm";
  }
}

function addKeyFigures(sheet: Worksheet, context: WorkbookContext): void {
  const { language, periods, output } = context;
  sheet.addRow([]);
  const header = sheet.addRow([
    word("keyFigures", language),
    ...periods.map((p) => periodTitle(p, language)),
  ]);
  styleHeaderRow(header, { rightAligned: periods.map((_, index) => 2 + index) });
  for (const figure of keyFigures(
    output,
    periods.map((period) => period.id),
  )) {
    const name = figure.kind === "item" ? itemName(figure.key, language) : ratioName(figure.key, language);
    const row = sheet.addRow([name]);
    periods.forEach((period, index) => {
      const value = figure.values[period.id];
      if (value === null || value === undefined) return;
      const cell = row.getCell(2 + index);
      const ref = (
        figure.kind === "item"
          ? context.cells.canonical(figure.key, period.id)
          : context.cells.ratio(figure.key, period.id)
      )?.ref;
      cell.value = ref ? { formula: ref, result: value } : value;
      cell.numFmt = figure.kind === "item" ? FORMAT_AMOUNT : ratioFormat(figure.unit);
    });
  }
}

function addReview(sheet: Worksheet, context: WorkbookContext): void {
  const { language, output, periods } = context;
  // Text spans the figure columns, so the sheet prints on a page's width.
  const lastColumn = Math.max(4, 1 + periods.length);
  sheet.addRow([]);
  styleSection(sheet.addRow([word("checks", language)]), lastColumn);
  const failed = output.statements.flatMap((statement) => statement.checks.filter((check) => !check.ok));
  const unchecked = output.statements.flatMap((statement) => statement.unchecked ?? []);
  if (failed.length === 0 && unchecked.length === 0) sheet.addRow([word("checksPassed", language)]);
  // "Not checked" is listed before failures: a statement whose totals were not found is not "passed".
  for (const identity of unchecked) {
    const period = periods.find((candidate) => candidate.id === identity.period);
    const row = sheet.addRow([
      `${word("checkNotRun", language)} (${period ? periodTitle(period, language) : identity.period})`,
    ]);
    row.getCell(2).value = checkRuleName(identity.rule, language);
    sheet.mergeCells(row.number, 2, row.number, lastColumn);
    row.getCell(1).font = { name: FONT, color: { argb: "FFB45F06" } };
  }
  for (const check of failed) {
    const period = periods.find((candidate) => candidate.id === check.period);
    const row = sheet.addRow([
      `${word("checkFailed", language)} (${period ? periodTitle(period, language) : check.period})`,
    ]);
    row.getCell(2).value = checkRuleName(check.rule, language);
    sheet.mergeCells(row.number, 2, row.number, lastColumn - 1);
    row.getCell(lastColumn).value = check.difference;
    row.getCell(lastColumn).numFmt = FORMAT_AMOUNT;
    row.getCell(1).font = { name: FONT, color: { argb: "FFC00000" } };
  }
  sheet.addRow([
    word("lowConfidenceCount", language),
    reviewCounts(output, context.lowConfidenceBelow).toReview,
  ]);
  for (const warning of output.warnings ?? [])
    sheet.addRow([word("warnings", language), warningText(warning, language)]);

  sheet.addRow([]);
  styleSection(sheet.addRow([word("alerts", language)]), lastColumn);
  if (output.alerts.length === 0) sheet.addRow([word("noAlerts", language)]);
  const ranked = rankAlerts(output.alerts);
  for (const alert of ranked.slice(0, SUMMARY_ALERTS)) {
    const row = sheet.addRow([severityName(alert.severity, language), alert.message[language]]);
    sheet.mergeCells(row.number, 2, row.number, lastColumn);
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
    row.getCell(1).alignment = { vertical: "top" };
    row.height = 13 * Math.ceil(alert.message[language].length / 85);
  }
  const more = ranked.length - SUMMARY_ALERTS;
  if (more > 0) sheet.addRow([word("moreAlertsSheet", language).replace("{count}", String(more))]);
}

export function fillSummarySheet(sheet: Worksheet, context: WorkbookContext): void {
  const title = sheet.getCell("A1");
  title.value = word("reportTitle", context.language);
  styleTitle(title);
  sheet.addRow([]);
  addFacts(sheet, context);
  addKeyFigures(sheet, context);
  addReview(sheet, context);
  sheet.getColumn(1).width = 40;
  sheet.getColumn(2).width = 22;
  for (let column = 3; column <= Math.max(4, 1 + context.periods.length); column++)
    sheet.getColumn(column).width = 22;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: "portrait",
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
}
