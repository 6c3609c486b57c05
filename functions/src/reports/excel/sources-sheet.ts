/** Where every printed value came from: page, reading source, confidence, review flags. */
import type { Worksheet } from "exceljs";
import { checkRuleName } from "../../analysis/labels";
import { itemName } from "../display-names";
import { periodTitle, statementPeriodId } from "../periods";
import { flagName, needsReview, reviewOf } from "../review";
import { sourceName, statementName, word } from "../wording";
import type { WorkbookContext } from "./context";
import {
  FILL_CHECK_FAILED,
  FILL_LOW_CONFIDENCE,
  FORMAT_AMOUNT,
  FORMAT_CONFIDENCE,
  freezeBelow,
  preparePrinting,
  styleHeaderRow,
  styleTitle,
} from "./styles";

const HEADER_ROW = 3;

export function addSourcesSheet(context: WorkbookContext): Worksheet {
  const { language, periods, output } = context;
  const sheet = context.workbook.addWorksheet(word("sources", language), {
    properties: { tabColor: { argb: "FF7F7F7F" } },
  });
  styleTitle(sheet.getCell("A1"));
  sheet.getCell("A1").value = word("sources", language);
  const header = sheet.getRow(HEADER_ROW);
  header.values = [
    word("statement", language),
    word("page", language),
    word("code", language),
    word("item", language),
    word("key", language),
    word("period", language),
    word("value", language),
    word("source", language),
    word("confidence", language),
    word("flags", language),
    word("otherCandidates", language),
  ];
  styleHeaderRow(header, { rightAligned: [2, 7, 9] });
  for (const statement of output.statements) {
    for (const item of statement.items) {
      for (const period of periods) {
        const own = statementPeriodId(statement, period.id);
        const value = own === undefined ? undefined : item.values[own];
        if (own === undefined || value === undefined || value === null) continue;
        const review = reviewOf(statement, item, own, item.key);
        const row = sheet.addRow([
          statementName(statement.type, language),
          item.page,
          item.code ?? "",
          item.label,
          item.key ? itemName(item.key, language) : "",
          periodTitle(period, language),
          value,
          item.sources.map((source) => sourceName(source, language)).join(", "),
          review.confidence,
          [
            ...review.flags.map((flag) => flagName(flag, language)),
            ...review.failedChecks.map((check) => checkRuleName(check.rule, language)),
          ].join("; "),
          review.candidates
            .map((candidate) => `${candidate.value} (${sourceName(candidate.source, language)})`)
            .join("; "),
        ]);
        row.getCell(7).numFmt = FORMAT_AMOUNT;
        row.getCell(9).numFmt = FORMAT_CONFIDENCE;
        if (needsReview(review, context.lowConfidenceBelow)) {
          row.getCell(9).fill = review.failedChecks.length > 0 ? FILL_CHECK_FAILED : FILL_LOW_CONFIDENCE;
        }
      }
    }
  }
  [16, 7, 10, 46, 30, 12, 18, 22, 11, 40, 26].forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  const last = sheet.rowCount;
  if (last > HEADER_ROW)
    sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: last, column: 11 } };
  freezeBelow(sheet, HEADER_ROW, 0);
  preparePrinting(sheet, HEADER_ROW);
  return sheet;
}
