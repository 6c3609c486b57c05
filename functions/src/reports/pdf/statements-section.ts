/**
 * The statements as printed (account code, line, one column per period). Values to review are
 * shaded and marked: * read with low confidence, † part of a check that does not hold.
 */
import type { Statement } from "../../pipeline/types";
import { formatAmount, unitName } from "../format";
import { periodTitle, statementPeriodId } from "../periods";
import { needsReview, reviewOf } from "../review";
import { statementName, word } from "../wording";
import type { PdfContext } from "./context";
import { COLORS } from "./page-flow";
import { drawTable, type TableCell, type TableRow } from "./table";

/** Cents where the line prints them: a per-share line (118,11) leaves the millions whole. */
function decimalsFor(item: Statement["items"][number]): number {
  const whole = Object.values(item.values).every((value) => value === null || Number.isInteger(value));
  return whole ? 0 : 2;
}

function valueCell(
  context: PdfContext,
  statement: Statement,
  itemIndex: number,
  periodId: string,
): TableCell {
  const item = statement.items[itemIndex]!;
  const own = statementPeriodId(statement, periodId);
  const value = own === undefined ? undefined : item.values[own];
  if (own === undefined || value === null || value === undefined) return { text: "" };
  const text = formatAmount(value, context.language, decimalsFor(item));
  const review = reviewOf(statement, item, own, item.key);
  if (!needsReview(review, context.lowConfidenceBelow)) return { text };
  const low = review.confidence < context.lowConfidenceBelow;
  const marks = `${low ? "*" : ""}${review.failedChecks.length > 0 ? "†" : ""}`;
  return { text: `${text} ${marks}`, fill: low ? COLORS.lowConfidence : COLORS.checkFailed };
}

function drawStatement(context: PdfContext, statement: Statement): void {
  const { flow, language, periods } = context;
  const shown = periods.filter((period) => statementPeriodId(statement, period.id) !== undefined);
  flow.heading(
    statement.title && language === statement.language
      ? statement.title
      : statementName(statement.type, language),
  );
  const pages = statement.pages?.length ? ` · ${word("page", language)} ${statement.pages.join(", ")}` : "";
  flow.paragraph(
    `${word("amountsIn", language)}: ${unitName(1, statement.currency, language)} · ${word("unitPrinted", language)}: ${unitName(statement.unit, statement.currency, language)}${pages}`,
    { size: 8, color: COLORS.muted },
  );
  // A KAP statement prints note numbers, not account codes: no empty code column then.
  const coded = statement.items.some((item) => item.code);
  const columns = [
    ...(coded ? [{ header: word("code", language), width: 48 }] : []),
    { header: word("item", language), width: Math.max(160, 300 - 40 * Math.max(0, shown.length - 2)) },
    ...shown.map((period) => ({ header: periodTitle(period, language), width: 95, align: "right" as const })),
  ];
  const rows: TableRow[] = statement.items.map((item, index) => ({
    cells: [
      ...(coded ? [item.code ?? ""] : []),
      item.label,
      ...shown.map((period) => valueCell(context, statement, index, period.id)),
    ],
    bold: item.isTotal || item.level === 0,
    indent: Math.max(0, item.level ?? 1),
    fill: item.isTotal || item.level === 0 ? "#E9EEF5" : undefined,
  }));
  const marked = rows.some((row) => row.cells.some((cell) => typeof cell !== "string" && cell.fill));
  const legend =
    language === "tr"
      ? "* Düşük güvenle okunan değer.  † Aritmetik kontrolü tutmayan değer.  Ayrıntılar Excel raporunun hücre notlarında ve Kaynaklar sayfasındadır."
      : "* Value read with low confidence.  † Value in an arithmetic check that does not hold.  Details are in the Excel report's cell notes and Sources sheet.";
  drawTable(flow, columns, rows, {
    indentColumn: coded ? 1 : 0,
    ...(marked
      ? { footnote: { text: legend, size: 7.5, color: COLORS.muted, role: "italic" as const } }
      : {}),
  });
  flow.gap(8);
}

export function drawStatements(context: PdfContext): void {
  const order = { balance_sheet: 0, income_statement: 1 };
  const statements = [...context.output.statements].sort((a, b) => order[a.type] - order[b.type]);
  for (const statement of statements) {
    context.flow.newPage();
    drawStatement(context, statement);
  }
}
