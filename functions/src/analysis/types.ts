/** Shapes produced by the analysis module (RATIOS.md) and consumed by reports, API and web. */
import type { CanonicalKey, StatementType } from "../pipeline/types";

export type RatioGroup = "liquidity" | "profitability" | "efficiency" | "solvency";

export type RatioKey =
  | "current_ratio"
  | "quick_ratio"
  | "cash_ratio"
  | "net_working_capital"
  | "working_capital_to_assets"
  | "gross_margin"
  | "operating_margin"
  | "ebitda_margin"
  | "net_margin"
  | "return_on_assets"
  | "return_on_equity"
  | "asset_turnover"
  | "inventory_turnover"
  | "receivables_turnover"
  | "payables_turnover"
  | "debt_ratio"
  | "debt_to_equity"
  | "financial_debt_to_equity"
  | "equity_ratio"
  | "long_term_debt_to_capitalization"
  | "interest_coverage";

export interface RatioResult {
  key: RatioKey;
  group: RatioGroup;
  /** Period id (period end date). */
  period: string;
  /** null when inputs are missing or the denominator is zero; `reason` then says why. */
  value: number | null;
  formula: string;
  reason?: string;
  /** Input values used, by canonical key (or derived name). */
  inputs?: Record<string, number>;
  /** Inputs that were derived rather than printed, with how. */
  derived?: Record<string, string>;
  /** "average" when avg() used the prior period, "closing" otherwise; absent if no avg(). */
  basis?: "average" | "closing";
  /** For turnover ratios: days = 365 / turnover. */
  days?: number | null;
  /** "ratio" | "percent" | "amount" | "times" | "days": how to display. */
  unit?: "ratio" | "percent" | "amount" | "times";
}

export interface ComparisonRow {
  /** "item" for a canonical key, "ratio" for a ratio. */
  kind: "item" | "ratio";
  statement?: StatementType;
  key: CanonicalKey | RatioKey | string;
  basePeriod: string;
  period: string;
  base: number | null;
  value: number | null;
  change: number | null;
  /** Percentage change (e.g. 12.5 for +12.5%); null when the base is zero. */
  changePercent: number | null;
  /** Percentage-point change, for margins and other percent ratios. */
  changePoints?: number | null;
  /** Common-size share (0..1) of total_assets / revenue in `period`, and in `basePeriod`. */
  vertical?: number | null;
  verticalBase?: number | null;
}

export type AlertSeverity = "info" | "warning" | "critical";

export interface Alert {
  rule: string;
  severity: AlertSeverity;
  period: string;
  key?: string;
  value?: number | null;
  threshold?: number;
  message: { tr: string; en: string };
}
