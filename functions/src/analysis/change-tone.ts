import { isCostKey, isLiabilityKey } from "../pipeline/parse/canonical-keys";
import type { ComparisonRow } from "./types";

/**
 * Green or red for a change is the analyst's judgement, not the sign (the web's comparison
 * tables, the PDF's comparison and key figures): less debt, a shorter cash
 * cycle or a smaller expense is good news. Expenses may be printed negative or positive, so for
 * them (and for debt) the size of the figure decides, not its sign.
 */
/** Ratios where lower is safer or faster. */
const SMALLER_RATIOS = new Set<string>([
  "debt_ratio",
  "debt_to_equity",
  "financial_debt_to_equity",
  "long_term_debt_to_capitalization",
  "cash_conversion_cycle",
]);

/** What the company owes and what it costs: less is better. */
function betterWhenSmaller(key: string): boolean {
  return isLiabilityKey(key) || isCostKey(key) || SMALLER_RATIOS.has(key);
}

/** What a lender is glad to see grow: cash, equity, sales and every profit line. */
const BETTER_WHEN_LARGER = new Set<string>([
  "cash_and_equivalents",
  "short_term_investments",
  "total_current_assets",
  "total_equity",
  "retained_earnings",
  "gross_sales",
  "revenue",
  "gross_profit",
  "operating_profit",
  "other_operating_income",
  "finance_income",
  "profit_before_tax",
  "net_income",
]);

/**
 * Whether a line's direction alone tells good news from bad. Receivables, stock and fixed
 * assets can grow with the business or tie up its cash: for them only the size of a move speaks.
 */
export function directionTellsNews(key: string): boolean {
  return BETTER_WHEN_LARGER.has(key) || betterWhenSmaller(key);
}

export type ChangeTone = "positive" | "negative" | "";

/** The tone of a change given as read (costs and debt in magnitude), in percent. */
export function toneOfChange(key: string, percentAsRead: number): ChangeTone {
  if (percentAsRead === 0) return "";
  const grew = percentAsRead > 0;
  return betterWhenSmaller(key) === grew ? "negative" : "positive";
}

export function changeTone(row: Pick<ComparisonRow, "key" | "base" | "value">): ChangeTone {
  const { base, value } = row;
  if (base === null || value === null || base === value) return "";
  if (betterWhenSmaller(row.key)) {
    if (Math.abs(value) === Math.abs(base)) return "";
    return Math.abs(value) < Math.abs(base) ? "positive" : "negative";
  }
  return value > base ? "positive" : "negative";
}

/**
 * A comparison row as an analyst reads it: a cost (negative by the additive convention) in
 * magnitude, so cost of sales that grew from 3.7m to 4.2m reads "+13.5%", not "−13.5%", and its
 * common-size share is a positive part of revenue. Other rows are returned as they are.
 */
export function rowAsRead(row: ComparisonRow): ComparisonRow {
  const negative = (value: number | null | undefined) => value === null || value === undefined || value <= 0;
  if (row.kind !== "item" || !isCostKey(row.key) || !negative(row.base) || !negative(row.value)) return row;
  const magnitude = (value: number | null) => (value === null ? null : Math.abs(value));
  const base = magnitude(row.base);
  const value = magnitude(row.value);
  const change = base === null || value === null ? null : value - base;
  return {
    ...row,
    base,
    value,
    change,
    changePercent: change === null || !base ? null : (change / base) * 100,
    ...(row.vertical === undefined ? {} : { vertical: magnitude(row.vertical) }),
    ...(row.verticalBase === undefined ? {} : { verticalBase: magnitude(row.verticalBase) }),
  };
}
