/**
 * One sheet per statement type: the lines as printed (with their account codes), then the
 * canonical values the ratios refer to. Periods are columns, latest first.
 */
import type { Cell, Worksheet } from "exceljs";
import {
  BALANCE_SHEET_KEYS,
  INCOME_STATEMENT_KEYS,
  type Statement,
  type StatementType,
} from "../../pipeline/types";
import { itemName } from "../display-names";
import { unitName } from "../format";
import { canonicalEntry, itemForKey } from "../key-figures";
import { periodTitle, statementPeriodId } from "../periods";
import { DERIVED_INPUTS } from "../ratio-expression";
import { needsReview, reviewNote, reviewOf, type ValueReview } from "../review";
import { sourceName, statementName, word } from "../wording";
import { canonicalName, lineSumFormula, type PrintedCell } from "./canonical-formula";
import { quoteSheet, type WorkbookContext } from "./context";
import { provenFormula } from "./ratio-formula";
import {
  FILL_CHECK_FAILED,
  FILL_LOW_CONFIDENCE,
  FILL_TOTAL,
  FONT,
  FORMAT_AMOUNT,
  FORMAT_CONFIDENCE,
  freezeBelow,
  preparePrinting,
  styleHeaderRow,
  styleSection,
  styleTitle,
} from "./styles";

const HEADER_ROW = 4;
const FIRST_PERIOD_COLUMN = 3;

function markForReview(cell: Cell, review: ValueReview, context: WorkbookContext): void {
  if (!needsReview(review, context.lowConfidenceBelow)) return;
  cell.fill = review.failedChecks.length > 0 ? FILL_CHECK_FAILED : FILL_LOW_CONFIDENCE;
  cell.note = reviewNote(review, context.language);
}

function isTotalKey(key: string): boolean {
  return (
    key.startsWith("total_") || ["revenue", "gross_profit", "operating_profit", "net_income"].includes(key)
  );
}

/** The sheet row of every printed line, by statement and line index, for canonical formulas. */
type LineRows = Map<Statement, number[]>;

function writePrintedLines(sheet: Worksheet, statements: Statement[], context: WorkbookContext): LineRows {
  const { periods, language } = context;
  const infoColumn = FIRST_PERIOD_COLUMN + periods.length;
  const rows: LineRows = new Map();
  for (const statement of statements) {
    const own: number[] = [];
    rows.set(statement, own);
    for (const item of statement.items) {
      const row = sheet.addRow([item.label, item.code ?? ""]);
      own.push(row.number);
      row.getCell(1).alignment = { horizontal: "left", indent: Math.max(0, item.level ?? 1) };
      const total = item.isTotal || item.level === 0;
      if (total) row.font = { name: FONT, bold: true };
      periods.forEach((period, index) => {
        const own = statementPeriodId(statement, period.id);
        const value = own === undefined ? undefined : item.values[own];
        if (own === undefined || value === undefined || value === null) return;
        const cell = row.getCell(FIRST_PERIOD_COLUMN + index);
        cell.value = value;
        cell.numFmt = FORMAT_AMOUNT;
        if (total) cell.fill = FILL_TOTAL;
        markForReview(cell, reviewOf(statement, item, own, item.key), context);
      });
      row.getCell(infoColumn).value = item.confidence;
      row.getCell(infoColumn).numFmt = FORMAT_CONFIDENCE;
      row.getCell(infoColumn + 1).value = item.page;
      row.getCell(infoColumn + 2).value = item.sources
        .map((source) => sourceName(source, language))
        .join(", ");
      if (item.key) row.getCell(infoColumn + 3).value = itemName(item.key, language);
    }
  }
  return rows;
}

/** The printed cells of the lines carrying `key` in one period column of the sheet. */
function printedCells(
  statement: Statement,
  key: string,
  own: string,
  column: string,
  rows: LineRows,
): PrintedCell[] {
  const lineRows = rows.get(statement) ?? [];
  return statement.items.flatMap((item, index) => {
    const value = item.values[own];
    if (item.key !== key || value === null || value === undefined) return [];
    return [{ ref: `${column}${lineRows[index]}`, value }];
  });
}

/**
 * The canonical block: each value a formula over its printed lines where they add up to it, and
 * a workbook name (`total_assets_2024`) the ratios, the comparison and an analyst refer to.
 * Values no line carries (total liabilities derived from its parts) follow as formulas over the
 * block itself once it is complete.
 */
function writeCanonicalValues(
  sheet: Worksheet,
  type: StatementType,
  statements: Statement[],
  lineRows: LineRows,
  context: WorkbookContext,
): void {
  const { periods, language } = context;
  const keys = (type === "balance_sheet" ? BALANCE_SHEET_KEYS : INCOME_STATEMENT_KEYS).filter((key) =>
    statements.some((statement) => statement.canonical[key] !== undefined),
  );
  const sheetRef = quoteSheet(sheet.name);
  const periodIds = periods.map((period) => period.id);
  const derived: Array<{ cell: Cell; key: string; period: string; value: number }> = [];
  for (const key of keys) {
    const row = sheet.addRow([itemName(key, language), key]);
    if (isTotalKey(key)) row.font = { name: FONT, bold: true };
    periods.forEach((period, index) => {
      const found = canonicalEntry(statements, key, period.id);
      if (!found) return;
      const { statement, own, value } = found;
      const cell = row.getCell(FIRST_PERIOD_COLUMN + index);
      const column = cell.address.replace(/\d+$/, "");
      const formula = lineSumFormula(printedCells(statement, key, own, column, lineRows), value);
      cell.value = formula ? { formula, result: value } : value;
      if (!formula) derived.push({ cell, key, period: period.id, value });
      cell.numFmt = FORMAT_AMOUNT;
      if (isTotalKey(key)) cell.fill = FILL_TOTAL;
      const item = itemForKey([statement], key);
      const confidence = statement.canonicalConfidence?.[key]?.[own];
      markForReview(cell, reviewOf(statement, item, own, key, confidence), context);
      const absolute = `${sheetRef}!$${column}$${row.number}`;
      const name = canonicalName(key, period.id, periodIds);
      if (name) context.workbook.definedNames.add(absolute, name);
      context.cells.registerCanonical(key, period.id, name ?? `${sheetRef}!${cell.address}`, value);
    });
  }
  for (const { cell, key, period, value } of derived) {
    const formula = DERIVED_INPUTS[key]
      ?.map((expression) => provenFormula(expression, value, period, [undefined], context.cells))
      .find(Boolean);
    if (formula) cell.value = { formula, result: value };
    else if (!cell.note) cell.note = word("constantValue", language);
  }
}

export function addStatementSheet(type: StatementType, context: WorkbookContext): Worksheet | undefined {
  const statements = context.output.statements.filter((statement) => statement.type === type);
  if (statements.length === 0) return undefined;
  const { language, periods } = context;
  const sheet = context.workbook.addWorksheet(statementName(type, language), {
    properties: { tabColor: { argb: type === "balance_sheet" ? "FF1F3A5F" : "FF2E7D32" } },
  });
  const first = statements[0]!;
  const title = sheet.getCell("A1");
  title.value = [statementName(type, language), context.options.company?.name].filter(Boolean).join(" — ");
  styleTitle(title);
  const pages = [...new Set(statements.flatMap((statement) => statement.pages ?? []))].join(", ");
  sheet.getCell("A2").value = [
    `${word("amountsIn", language)}: ${unitName(1, first.currency, language)}`,
    `${word("unitPrinted", language)}: ${unitName(first.unit, first.currency, language)}`,
    pages ? `${word("page", language)}: ${pages}` : "",
  ]
    .filter(Boolean)
    .join(" · ");
  sheet.getCell("A2").font = { name: FONT, italic: true, color: { argb: "FF595959" } };

  const header = sheet.getRow(HEADER_ROW);
  header.values = [
    word("item", language),
    word("code", language),
    ...periods.map((period) => periodTitle(period, language)),
    word("confidence", language),
    word("page", language),
    word("source", language),
    word("key", language),
  ];
  styleHeaderRow(header, { rightAligned: periods.map((_, index) => FIRST_PERIOD_COLUMN + index) });
  const width = FIRST_PERIOD_COLUMN + periods.length + 3;
  styleSection(sheet.addRow([word("printedLines", language)]), width);
  const lineRows = writePrintedLines(sheet, statements, context);
  sheet.addRow([]);
  styleSection(sheet.addRow([word("canonicalValues", language), word("nameInFormulas", language)]), width);
  writeCanonicalValues(sheet, type, statements, lineRows, context);

  sheet.getColumn(1).width = 52;
  sheet.getColumn(2).width = 26;
  periods.forEach((_, index) => {
    sheet.getColumn(FIRST_PERIOD_COLUMN + index).width = 19;
  });
  sheet.getColumn(FIRST_PERIOD_COLUMN + periods.length).width = 11;
  sheet.getColumn(FIRST_PERIOD_COLUMN + periods.length + 1).width = 8;
  sheet.getColumn(FIRST_PERIOD_COLUMN + periods.length + 2).width = 14;
  sheet.getColumn(FIRST_PERIOD_COLUMN + periods.length + 3).width = 30;
  freezeBelow(sheet, HEADER_ROW, 2);
  preparePrinting(sheet, HEADER_ROW);
  return sheet;
}
