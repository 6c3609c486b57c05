/** Period comparison: absolute and percentage change, and the common-size (vertical) shares. */
import type { Worksheet } from "exceljs";
import { rowAsRead } from "../../analysis/change-tone";
import type { ComparisonRow } from "../../analysis/types";
import { itemName, ratioName } from "../display-names";
import { periodTitle, type ReportPeriod } from "../periods";
import { ratioUnitOf } from "../ratio-lookup";
import { statementName, word } from "../wording";
import type { WorkbookContext } from "./context";
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
  for (const row of output.comparison.map(rowAsRead)) {
    const name = row.kind === "item" ? itemName(row.key, language) : ratioName(row.key, language);
    const added = sheet.addRow([
      word(row.kind === "item" ? "item_kind" : "ratio_kind", language),
      row.statement ? statementName(row.statement, language) : "",
      name,
      periodName(row.basePeriod, periods, context),
      periodName(row.period, periods, context),
      row.base,
      row.value,
      row.change,
      // The contract gives 12.5 for +12.5%; Excel's percent format wants the fraction.
      row.changePercent === null ? null : row.changePercent / 100,
      row.changePoints ?? null,
      row.vertical ?? null,
      row.verticalBase ?? null,
    ]);
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
