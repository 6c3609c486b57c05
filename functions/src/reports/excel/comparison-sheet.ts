/** Period comparison: absolute and percentage change, and the common-size (vertical) shares. */
import type { Cell, Row, Worksheet } from "exceljs";
import { rowAsRead } from "../../analysis/change-tone";
import type { ComparisonRow } from "../../analysis/types";
import { itemName, ratioName } from "../display-names";
import { periodTitle, type ReportPeriod } from "../periods";
import { ratioUnitOf } from "../ratio-lookup";
import { statementName, word } from "../wording";
import type { WorkbookContext } from "./context";
import { provenFormula, roundedFormula, sameNumber } from "./ratio-formula";
import {
  FORMAT_AMOUNT,
  FORMAT_PERCENT,
  FORMAT_RATIO,
  freezeBelow,
  preparePrinting,
  ratioFormat,
  styleHeaderRow,
  styleTitle,
} from "./styles";

const HEADER_ROW = 3;
const BASE = 6;
const VALUE = 7;
const CHANGE = 8;
const CHANGE_PERCENT = 9;
const CHANGE_POINTS = 10;
const VERTICAL = 11;
const VERTICAL_BASE = 12;

type Figure = number | null | undefined;

/** A formula proven to give `target`, or the target itself when no formula does. */
function liveCell(cell: Cell, target: Figure, formula: string | undefined, value: number | undefined): void {
  if (target === null || target === undefined) {
    cell.value = null;
    return;
  }
  const proven =
    formula !== undefined && value !== undefined ? roundedFormula(formula, value, target) : undefined;
  cell.value = proven ? { formula: proven, result: target } : target;
}

/**
 * The comparison over the canonical block and the ratio cells: base and value name their cells,
 * change and shares are formulas over them, so an edited printed line moves the whole row. Costs
 * read in magnitude (rowAsRead) refer to their value negated. A period from another document
 * (history) has no cell here and stays a number.
 */
function writeLiveFigures(added: Row, row: ComparisonRow, context: WorkbookContext): void {
  const { cells } = context;
  const shown = rowAsRead(row);
  const asRead = shown !== row;
  const sign = asRead ? -1 : 1;
  const source = (period: string) =>
    row.kind === "item" ? cells.canonical(row.key, period) : cells.ratio(row.key, period);
  const reference = (period: string, target: Figure) => {
    const found = source(period);
    if (!found || target === null || target === undefined || !sameNumber(sign * found.value, target))
      return { formula: undefined, value: undefined };
    return { formula: `${asRead ? "-" : ""}${found.ref}`, value: sign * found.value };
  };
  const base = reference(row.basePeriod, shown.base);
  const value = reference(row.period, shown.value);
  const at = (column: number) => added.getCell(column).address;
  liveCell(added.getCell(BASE), shown.base, base.formula, base.value);
  liveCell(added.getCell(VALUE), shown.value, value.formula, value.value);
  const live = base.value !== undefined && value.value !== undefined;
  const change = live ? value.value! - base.value! : undefined;
  liveCell(added.getCell(CHANGE), shown.change, live ? `${at(VALUE)}-${at(BASE)}` : undefined, change);
  const percent = shown.changePercent === null ? null : shown.changePercent / 100;
  const fraction = live && base.value !== 0 ? change! / Math.abs(base.value!) : undefined;
  const percentFormula = live ? `(${at(VALUE)}-${at(BASE)})/ABS(${at(BASE)})` : undefined;
  if (percentFormula && fraction !== undefined && percent !== null && !sameNumber(fraction, percent)) {
    // Finstat rounds the percentage to 4 places: the same ROUND, then back to a fraction.
    const rounded = roundedFormula(`${percentFormula}*100`, fraction * 100, shown.changePercent as number);
    added.getCell(CHANGE_PERCENT).value = rounded ? { formula: `${rounded}/100`, result: percent } : percent;
  } else liveCell(added.getCell(CHANGE_PERCENT), percent, percentFormula, fraction);
  if (row.changePoints !== undefined) {
    const points = live ? change! * 100 : undefined;
    liveCell(
      added.getCell(CHANGE_POINTS),
      row.changePoints,
      live ? `(${at(VALUE)}-${at(BASE)})*100` : undefined,
      points,
    );
  }
  if (row.kind === "item" && row.statement) {
    const total = row.statement === "balance_sheet" ? "total_assets" : "revenue";
    const share = (period: string, target: Figure) =>
      target === null || target === undefined
        ? undefined
        : provenFormula(`${asRead ? "-" : ""}${row.key} / ${total}`, target, period, [undefined], cells);
    const vertical = share(row.period, shown.vertical);
    const verticalBase = share(row.basePeriod, shown.verticalBase);
    added.getCell(VERTICAL).value = vertical
      ? { formula: vertical, result: shown.vertical! }
      : (shown.vertical ?? null);
    added.getCell(VERTICAL_BASE).value = verticalBase
      ? { formula: verticalBase, result: shown.verticalBase! }
      : (shown.verticalBase ?? null);
  }
}

function periodName(id: string, periods: ReportPeriod[], context: WorkbookContext): string {
  const period = periods.find((candidate) => candidate.id === id);
  return period ? periodTitle(period, context.language) : id;
}

function valueFormat(row: ComparisonRow, context: WorkbookContext): string {
  if (row.kind === "item") return FORMAT_AMOUNT;
  return ratioFormat(ratioUnitOf(context.output.ratios, row.key));
}

export function addComparisonSheet(context: WorkbookContext): Worksheet {
  const { language, periods, output } = context;
  const sheet = context.workbook.addWorksheet(word("comparison", language), {
    properties: { tabColor: { argb: "FFC55A11" } },
  });
  styleTitle(sheet.getCell("A1"));
  sheet.getCell("A1").value = word("comparison", language);
  const header = sheet.getRow(HEADER_ROW);
  header.values = [
    word("kind", language),
    word("statement", language),
    word("item", language),
    word("basePeriod", language),
    word("period", language),
    word("baseValue", language),
    word("value", language),
    word("change", language),
    word("changePercent", language),
    word("changePoints", language),
    word("vertical", language),
    word("verticalBase", language),
  ];
  styleHeaderRow(header, { rightAligned: [6, 7, 8, 9, 10, 11, 12] });
  if (output.comparison.length === 0) sheet.addRow([word("noComparison", language)]);
  const points = language === "tr" ? '0.00" puan"' : '0.00" pp"';
  for (const row of output.comparison) {
    const name = row.kind === "item" ? itemName(row.key, language) : ratioName(row.key, language);
    const added = sheet.addRow([
      word(row.kind === "item" ? "item_kind" : "ratio_kind", language),
      row.statement ? statementName(row.statement, language) : "",
      name,
      periodName(row.basePeriod, periods, context),
      periodName(row.period, periods, context),
    ]);
    writeLiveFigures(added, row, context);
    const format = valueFormat(row, context);
    for (const column of [6, 7, 8]) added.getCell(column).numFmt = format;
    added.getCell(9).numFmt = FORMAT_PERCENT;
    added.getCell(10).numFmt = row.changePoints === undefined ? FORMAT_RATIO : points;
    added.getCell(11).numFmt = FORMAT_PERCENT;
    added.getCell(12).numFmt = FORMAT_PERCENT;
  }
  const widths = [10, 18, 44, 14, 14, 19, 19, 19, 12, 14, 13, 13];
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  if (output.comparison.length > 0) {
    sheet.autoFilter = {
      from: { row: HEADER_ROW, column: 1 },
      to: { row: HEADER_ROW, column: widths.length },
    };
  }
  freezeBelow(sheet, HEADER_ROW, 3);
  preparePrinting(sheet, HEADER_ROW);
  return sheet;
}
