/** The charts page: ratio bars per period, and the trend of key amounts when there are two periods or more. */
import type { RatioKey } from "../../analysis/types";
import { itemName, ratioName } from "../display-names";
import { formatAmount, formatPercent } from "../format";
import { canonicalValue } from "../key-figures";
import { periodTitle } from "../periods";
import { findRatio } from "../ratio-lookup";
import { word } from "../wording";
import { drawBarChart, drawTrendChart } from "./charts";
import type { PdfContext } from "./context";
import { COLORS } from "./page-flow";

const PERCENT_RATIOS: RatioKey[] = [
  "gross_margin",
  "operating_margin",
  "ebitda_margin",
  "net_margin",
  "return_on_assets",
  "return_on_equity",
  "debt_ratio",
  "equity_ratio",
];
const TIMES_RATIOS: RatioKey[] = [
  "current_ratio",
  "quick_ratio",
  "cash_ratio",
  "debt_to_equity",
  "interest_coverage",
];
const TREND_KEYS = [
  "revenue",
  "gross_profit",
  "operating_profit",
  "net_income",
  "total_assets",
  "total_equity",
];

/** Compact axis labels: 48,5 Mn / 48.5M. */
function compactAmount(value: number, language: "tr" | "en"): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${formatAmount(value / 1e9, language, 1)}${language === "tr" ? " Mr" : "B"}`;
  if (abs >= 1e6) return `${formatAmount(value / 1e6, language, 1)}${language === "tr" ? " Mn" : "M"}`;
  if (abs >= 1e3) return `${formatAmount(value / 1e3, language, 0)}${language === "tr" ? " B" : "K"}`;
  return formatAmount(value, language, 0);
}

export function drawCharts(context: PdfContext): void {
  const { flow, language, periods, output } = context;
  const chronological = [...periods].reverse();
  const series = chronological.map((period, index) => ({
    label: periodTitle(period, language),
    color:
      COLORS.periods[Math.min(chronological.length - 1 - index, COLORS.periods.length - 1)] ?? COLORS.navy,
  }));
  const rowsOf = (keys: RatioKey[]) =>
    keys
      .map((key) => ({
        label: ratioName(key, language),
        values: chronological.map((period) => findRatio(output.ratios, key, period.id)?.value ?? null),
      }))
      .filter((row) => row.values.some((value) => value !== null));
  const percentRows = rowsOf(PERCENT_RATIOS);
  const timesRows = rowsOf(TIMES_RATIOS);
  if (percentRows.length === 0 && timesRows.length === 0) return;
  flow.gap(6);
  flow.heading(word("ratioBars", language), 220);
  if (percentRows.length > 0) {
    drawBarChart(flow, {
      title: language === "tr" ? "Kârlılık ve finansal yapı (%)" : "Profitability and solvency (%)",
      series,
      rows: percentRows,
      format: (value) => formatPercent(value, language, 1),
    });
  }
  if (timesRows.length > 0) {
    drawBarChart(flow, {
      title: language === "tr" ? "Likidite ve borçluluk (kat)" : "Liquidity and leverage (times)",
      series,
      rows: timesRows,
      format: (value) => formatAmount(value, language, 2),
      reference: 1,
    });
  }
  if (chronological.length < 2) return;
  const lines = TREND_KEYS.map((key, index) => ({
    label: itemName(key, language),
    color: COLORS.series[index % COLORS.series.length] ?? COLORS.navy,
    values: chronological.map((period) => canonicalValue(output.statements, key, period.id) ?? null),
  })).filter((line) => line.values.filter((value) => value !== null).length >= 2);
  if (lines.length === 0) return;
  flow.gap(6);
  drawTrendChart(flow, {
    title: word("trends", language),
    xLabels: series.map((item) => item.label),
    lines,
    format: (value) => compactAmount(value, language),
  });
}
