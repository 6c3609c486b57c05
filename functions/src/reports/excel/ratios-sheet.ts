/**
 * Every ratio as a live formula over the statement cells, with Finstat's value cached as the
 * result: an analyst sees how it was computed and can change an input. A ratio that could not be
 * computed shows the reason instead of a number.
 */
import type { Cell, Worksheet } from "exceljs";
import type { RatioResult } from "../../analysis/types";
import { groupName, ratioName, reasonText } from "../display-names";
import { periodTitle, priorPeriod } from "../periods";
import { findRatio, RATIO_GROUPS, ratiosInOrder } from "../ratio-lookup";
import { formulaText } from "../ratio-text";
import { word } from "../wording";
import { quoteSheet, type WorkbookContext } from "./context";
import { provenFormula, ratioFormula } from "./ratio-formula";
import {
  FONT,
  FORMAT_DAYS,
  freezeBelow,
  preparePrinting,
  ratioFormat,
  styleHeaderRow,
  styleSection,
  styleTitle,
} from "./styles";

const HEADER_ROW = 4;
const FIRST_PERIOD_COLUMN = 4;

/** Why a ratio has no number: in the reasons column, so the period columns hold only numbers. */
function reasonOf(result: RatioResult, context: WorkbookContext): string {
  return result.reason ? reasonText(result.reason, context.language) : word("notAvailable", context.language);
}

function writeRatioCell(cell: Cell, result: RatioResult, context: WorkbookContext): void {
  if (result.value === null || !Number.isFinite(result.value)) return;
  const documentPrior = priorPeriod(context.periods, result.period)?.id;
  const formula = ratioFormula(result, documentPrior, context.cells);
  cell.value = formula ? { formula, result: result.value } : result.value;
  if (!formula) cell.note = word("constantValue", context.language);
  cell.numFmt = ratioFormat(result.unit);
  context.cells.registerRatio(
    result.key,
    result.period,
    `${quoteSheet(cell.worksheet.name)}!${cell.address}`,
    result.value,
  );
}

/** "31.12.2023: missing: Finance expense" for each period without a number, or "". */
function reasonsText(results: RatioResult[], context: WorkbookContext): string {
  const missing = results.filter((result) => result.value === null || !Number.isFinite(result.value));
  const periodOf = (result: RatioResult) => {
    const period = context.periods.find((candidate) => candidate.id === result.period);
    return period ? periodTitle(period, context.language) : result.period;
  };
  return missing.map((result) => `${periodOf(result)}: ${reasonOf(result, context)}`).join("; ");
}

/** One basis for every period, or the basis of each: "31.12.2024: average …; 31.12.2023: closing …". */
function basisText(results: RatioResult[], context: WorkbookContext): string {
  const withBasis = results.filter((result) => result.basis !== undefined);
  const average = (result: RatioResult) => result.basis === "average";
  if (new Set(withBasis.map((result) => result.basis)).size <= 1) {
    const first = withBasis[0];
    return first ? word(average(first) ? "basisAverage" : "basisClosing", context.language) : "";
  }
  return withBasis
    .map((result) => {
      const period = context.periods.find((candidate) => candidate.id === result.period);
      const basis = word(average(result) ? "basisAverageShort" : "basisClosingShort", context.language);
      return `${period ? periodTitle(period, context.language) : result.period}: ${basis}`;
    })
    .join("; ");
}

/** Days for a turnover ratio: 365 divided by the turnover cell just above. */
function addDaysRow(
  sheet: Worksheet,
  rowNumber: number,
  key: string,
  results: RatioResult[],
  context: WorkbookContext,
) {
  const { language, periods } = context;
  const row = sheet.getRow(rowNumber);
  const group = results[0]?.group;
  if (group) row.getCell(1).value = groupName(group, language);
  row.getCell(2).value = `${ratioName(key, language)} (${word("days", language)})`;
  row.getCell(3).value = `365 / ${ratioName(key, language)}`;
  periods.forEach((period, index) => {
    const result = results.find((candidate) => candidate.period === period.id);
    if (!result) return;
    const cell = row.getCell(FIRST_PERIOD_COLUMN + index);
    if (result.days === null || result.days === undefined || result.value === null) return;
    const prior = result.priorPeriod ?? priorPeriod(periods, period.id)?.id;
    const formula = provenFormula(`365 / ${key}`, result.days, period.id, [prior], context.cells);
    cell.value = formula ? { formula, result: result.days } : result.days;
    cell.numFmt = FORMAT_DAYS;
  });
}

export function addRatiosSheet(context: WorkbookContext): Worksheet {
  const { language, periods, output } = context;
  const sheet = context.workbook.addWorksheet(word("ratios", language), {
    properties: { tabColor: { argb: "FF7030A0" } },
  });
  const title = sheet.getCell("A1");
  title.value = [word("ratios", language), context.options.company?.name].filter(Boolean).join(" — ");
  styleTitle(title);
  const header = sheet.getRow(HEADER_ROW);
  header.values = [
    word("group", language),
    word("ratio", language),
    word("formula", language),
    ...periods.map((period) => periodTitle(period, language)),
    word("basis", language),
    word("notComputed", language),
  ];
  styleHeaderRow(header, { rightAligned: periods.map((_, index) => FIRST_PERIOD_COLUMN + index) });
  let rowNumber = HEADER_ROW;
  const width = FIRST_PERIOD_COLUMN + periods.length;
  for (const group of RATIO_GROUPS) {
    const keys = ratiosInOrder(output.ratios).filter((key) => findGroup(output.ratios, key) === group);
    if (keys.length === 0) continue;
    rowNumber++;
    styleSection(sheet.getRow(rowNumber), width);
    sheet.getCell(rowNumber, 1).value = groupName(group, language);
    for (const key of keys) {
      rowNumber++;
      const results = periods
        .map((period) => findRatio(output.ratios, key, period.id))
        .filter((result): result is RatioResult => result !== undefined);
      const row = sheet.getRow(rowNumber);
      row.getCell(1).value = groupName(group, language);
      row.getCell(2).value = ratioName(key, language);
      row.getCell(3).value = results[0] ? formulaText(results[0].formula, language) : "";
      periods.forEach((period, index) => {
        const result = results.find((candidate) => candidate.period === period.id);
        if (result) writeRatioCell(row.getCell(FIRST_PERIOD_COLUMN + index), result, context);
      });
      row.getCell(width).value = basisText(results, context);
      row.getCell(width + 1).value = reasonsText(results, context);
      row.getCell(width + 1).font = { name: FONT, italic: true, color: { argb: "FF808080" } };
      if (results.some((result) => result.days !== undefined && result.unit !== "days")) {
        rowNumber++;
        addDaysRow(sheet, rowNumber, key, results, context);
      }
    }
  }
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 34;
  sheet.getColumn(3).width = 64;
  periods.forEach((_, index) => {
    sheet.getColumn(FIRST_PERIOD_COLUMN + index).width = 18;
  });
  sheet.getColumn(width).width = 36;
  sheet.getColumn(width + 1).width = 48;
  freezeBelow(sheet, HEADER_ROW, 2);
  preparePrinting(sheet, HEADER_ROW);
  return sheet;
}

function findGroup(ratios: RatioResult[], key: string) {
  return ratios.find((ratio) => ratio.key === key)?.group;
}
