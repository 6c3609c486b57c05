/** The latest period against the one before: items with change and common size, then ratios. */
import { changeTone, rowAsRead } from "../../analysis/change-tone";
import type { ComparisonRow } from "../../analysis/types";
import { itemName, ratioName } from "../display-names";
import { formatAmount, formatPercent, formatSignedAmount, formatSignedPercent } from "../format";
import { periodTitle } from "../periods";
import { ratioUnitOf } from "../ratio-lookup";
import { formatRatioValue } from "../ratio-text";
import { statementName, word } from "../wording";
import type { PdfContext } from "./context";
import { COLORS } from "./page-flow";
import { drawTable, type TableCell } from "./table";

const TONE_COLORS = { positive: COLORS.up, negative: COLORS.down, "": COLORS.text } as const;

/** Coloured by what the change means to a credit analyst (less debt is good), not by its sign. */
function changeCell(text: string, value: number | null, row: ComparisonRow): TableCell {
  if (value === null) return { text: "—", color: COLORS.muted };
  return { text, color: TONE_COLORS[changeTone(row)] };
}

function percentChange(row: ComparisonRow, context: PdfContext): TableCell {
  if (row.changePercent === null) return { text: "—", color: COLORS.muted };
  return changeCell(
    formatSignedPercent(row.changePercent / 100, context.language, 1),
    row.changePercent,
    row,
  );
}

function itemTable(context: PdfContext, rows: ComparisonRow[], title: string): void {
  const { flow, language } = context;
  if (rows.length === 0) return;
  const columns = [
    { header: word("item", language), width: 190 },
    { header: word("baseValue", language), width: 85, align: "right" as const },
    { header: word("value", language), width: 85, align: "right" as const },
    { header: word("change", language), width: 85, align: "right" as const },
    { header: word("changePercent", language), width: 60, align: "right" as const },
    { header: word("vertical", language), width: 60, align: "right" as const },
  ];
  drawTable(
    flow,
    columns,
    rows.map((row) => ({
      cells: [
        itemName(row.key, language),
        row.base === null ? "—" : formatAmount(row.base, language, 0),
        row.value === null ? "—" : formatAmount(row.value, language, 0),
        changeCell(row.change === null ? "—" : formatSignedAmount(row.change, language, 0), row.change, row),
        percentChange(row, context),
        row.vertical === null || row.vertical === undefined ? "" : formatPercent(row.vertical, language, 1),
      ],
      bold: row.key.startsWith("total_") || row.key === "revenue" || row.key === "net_income",
    })),
    { title },
  );
}

function ratioTable(context: PdfContext, rows: ComparisonRow[]): void {
  const { flow, language, output } = context;
  if (rows.length === 0) return;
  const columns = [
    { header: word("ratio", language), width: 220 },
    { header: word("baseValue", language), width: 85, align: "right" as const },
    { header: word("value", language), width: 85, align: "right" as const },
    { header: word("change", language), width: 95, align: "right" as const },
  ];
  drawTable(
    flow,
    columns,
    rows.map((row) => {
      const unit = ratioUnitOf(output.ratios, row.key);
      const show = (value: number | null) => (value === null ? "—" : formatRatioValue(value, unit, language));
      const change =
        row.changePoints !== undefined && row.changePoints !== null
          ? `${formatSignedAmount(row.changePoints, language, 1)} ${language === "tr" ? "puan" : "pp"}`
          : row.change === null
            ? "—"
            : formatSignedAmount(row.change, language, unit === "amount" ? 0 : 2);
      return {
        cells: [
          row.basisChanged ? `${ratioName(row.key, language)} †` : ratioName(row.key, language),
          show(row.base),
          show(row.value),
          changeCell(change, row.change, row),
        ],
      };
    }),
    {
      title: word("ratios", language),
      ...(rows.some((row) => row.basisChanged)
        ? { footnote: { text: `† ${word("basisChanged", language)}`, color: COLORS.muted, size: 8 } }
        : {}),
    },
  );
}

export function drawComparison(context: PdfContext): void {
  const { flow, language, output, periods } = context;
  const latest = periods[0];
  flow.gap(10);
  flow.heading(word("comparison", language), 160);
  const rows = output.comparison.filter((row) => row.period === latest?.id).map(rowAsRead);
  if (!latest || rows.length === 0) {
    flow.paragraph(word("noComparison", language), { color: COLORS.muted });
    return;
  }
  const base = periods.find((period) => period.id === rows[0]?.basePeriod);
  flow.paragraph(
    `${periodTitle(latest, language)} ↔ ${base ? periodTitle(base, language) : rows[0]?.basePeriod}`,
    {
      color: COLORS.muted,
      size: 8.5,
    },
  );
  // Every comparison says how its prices compare: restated, or nominal with the real change.
  const prices = rows.find((row) => row.prices)?.prices;
  if (prices)
    flow.paragraph(word(prices === "restated" ? "pricesRestated" : "pricesNominal", language), {
      color: COLORS.muted,
      size: 8.5,
    });
  for (const statement of ["balance_sheet", "income_statement"] as const) {
    const items = rows.filter((row) => row.kind === "item" && row.statement === statement);
    itemTable(context, items, statementName(statement, language));
  }
  ratioTable(
    context,
    rows.filter((row) => row.kind === "ratio"),
  );
}
