/** Shapes produced by the analysis module (RATIOS.md) and consumed by reports, API and web. */
import type { CanonicalKey, ExtractionOutput, StatementType } from "../pipeline/types";

export type Language = "tr" | "en";

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
  | "interest_coverage"
  /** Inventory days + receivables days − payables days (group efficiency, unit days). */
  | "cash_conversion_cycle";

/**
 * How to display a value. "percent" values are stored as fractions (0.25 is 25%); "days" is
 * a number of days; "amount" is money in the statement currency.
 */
export type RatioUnit = "ratio" | "percent" | "amount" | "times" | "days";

export interface RatioResult {
  key: RatioKey;
  group: RatioGroup;
  /** Period id (period end date). */
  period: string;
  /**
   * null when inputs are missing or the denominator is zero or negative; `reason` then says why:
   * "missing: a, b", "denominator is zero", "denominator is negative: not meaningful".
   */
  value: number | null;
  formula: string;
  reason?: string;
  /** Input values used, by canonical key (or derived name); `prior(x)` and `avg(x)` for averages. */
  inputs?: Record<string, number>;
  /** Inputs that were derived rather than printed, with how ("not reported; taken as 0" for optional lines). */
  derived?: Record<string, string>;
  /** "average" when avg() used the prior period, "closing" otherwise; absent if no avg(). */
  basis?: "average" | "closing";
  /** The prior period end averaged with, when basis is "average". */
  priorPeriod?: string;
  /** For turnover ratios: days = 365 / turnover. */
  days?: number | null;
  unit?: RatioUnit;
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
  /** Percentage change (e.g. 12.5 for +12.5%): change / |base| × 100; null when the base is zero. */
  changePercent: number | null;
  /** Percentage-point change, for margins and other percent ratios. */
  changePoints?: number | null;
  /**
   * How the two periods' prices compare: "restated" when the statements are in the purchasing
   * power of the balance-sheet date (TMS 29 / IAS 29), "nominal" when a consumer-price index
   * for the currency and years is known and the change is also given in real terms.
   */
  prices?: "restated" | "nominal";
  /** The change after consumer-price inflation (nominal rows only), in percent. */
  realChangePercent?: number | null;
  /** A ratio computed on closing balances in one period and on averages in the other. */
  basisChanged?: boolean;
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
  /** For changes: the period compared with, its value and the percentage change. */
  basePeriod?: string;
  base?: number | null;
  changePercent?: number | null;
}

/** Alert thresholds (RATIOS.md defaults in DEFAULT_ALERT_THRESHOLDS; config maps ALERT_* to them). */
export interface AlertThresholds {
  /** Minimum absolute percentage change of a line item, in percent (25 = 25%). ALERT_CHANGE_PERCENT. */
  changePercent: number;
  /** Minimum share of total assets / revenue for a line item to be material, 0..1. ALERT_MATERIALITY. */
  materiality: number;
  /** Current ratio below this is flagged. ALERT_CURRENT_RATIO. */
  currentRatio: number;
  /** Interest coverage below this is flagged. ALERT_INTEREST_COVERAGE. */
  interestCoverage: number;
  /** Debt ratio above this (0..1) is flagged. ALERT_DEBT_RATIO. */
  debtRatio: number;
}

/** One period end of a company: the canonical values of every statement ending that day. */
export interface CanonicalPeriod {
  /** ISO period end (YYYY-MM-DD); the period id when the end could not be determined. */
  period: string;
  /** True when `period` is an ISO date, so it can be ordered, averaged and compared. */
  dated: boolean;
  label?: string;
  /** Start of the income-statement period when printed: it locates the opening balance sheet. */
  incomeStart?: string;
  /** Canonical values (additive sign convention) of the balance sheet and income statement. */
  values: Partial<Record<CanonicalKey, number>>;
  /** Statement types that contributed values. */
  statements: StatementType[];
  currency?: string;
  /** A contributing statement is restated for inflation (TMS 29 / IAS 29). */
  restated?: boolean;
  /** Coarsest printed unit (1, 1000 …) of the contributing statements: the rounding tolerance. */
  unit?: number;
  /** Document that supplied each value (company timelines). */
  sources?: Partial<Record<CanonicalKey, string>>;
}

/** A value two documents report differently for the same period; the later document won. */
export interface TimelineConflict {
  period: string;
  statement: StatementType;
  key: CanonicalKey;
  chosen: { documentId: string; value: number };
  /** Every document's value in merge order (earliest first), the chosen one included. */
  values: Array<{ documentId: string; value: number }>;
  /** Largest absolute difference between the chosen value and another document's value. */
  difference: number;
}

export interface CompanyTimeline {
  /** Ascending by period end; undated periods last. */
  periods: CanonicalPeriod[];
  conflicts: TimelineConflict[];
  /** Document ids in merge order: the last one wins conflicts. */
  documents: string[];
  warnings: string[];
}

export interface GrowthRow {
  key: CanonicalKey;
  statement: StatementType;
  basePeriod: string;
  period: string;
  base: number;
  value: number;
  /** (value − base) / |base| × 100; null with `reason` when the base is zero. */
  growthPercent: number | null;
  reason?: string;
}

export interface CagrResult {
  key: "revenue" | "net_income";
  fromPeriod?: string;
  toPeriod?: string;
  years?: number;
  from?: number;
  to?: number;
  /** ((to / from)^(1 / years) − 1) × 100; null with `reason` when a value is ≤ 0 or missing. */
  cagrPercent: number | null;
  reason?: string;
}

export interface TrendReport {
  periods: string[];
  /** False when fewer than three dated periods exist; `reason` says so and nothing is computed. */
  sufficient: boolean;
  reason?: string;
  growth: GrowthRow[];
  cagr: CagrResult[];
}

export interface PeerCompany {
  companyId: string;
  sector?: string | null;
  ratios: RatioResult[];
}

export type PeerPosition = "below_p25" | "p25_to_median" | "median_to_p75" | "above_p75";

export interface PeerBenchmark {
  key: RatioKey;
  group: RatioGroup;
  unit: RatioUnit;
  /** The company's value for `PeerReport.period`. */
  value: number | null;
  /** Number of peers with a value for this ratio. */
  peers: number;
  median: number | null;
  p25: number | null;
  p75: number | null;
  position?: PeerPosition;
  status: "ok" | "insufficient_peers" | "no_value";
  reason?: string;
}

export interface PeerReport {
  companyId: string;
  sector: string | null;
  period: string | null;
  minPeers: number;
  /** Companies of the same sector that had ratios for a comparable period. */
  peerCompanies: number;
  status: "ok" | "insufficient_peers";
  reason?: string;
  benchmarks: PeerBenchmark[];
}

export interface StatementAnalysis {
  ratios: RatioResult[];
  comparison: ComparisonRow[];
  alerts: Alert[];
}

/**
 * The public JSON shape of `npm run analyze --json` (ARCHITECTURE.md, "Canonical output"): one
 * document's extraction with its analysis. It may only grow by adding fields.
 */
export interface AnalysisOutput extends ExtractionOutput, StatementAnalysis {}

export interface CompanyAnalysis extends StatementAnalysis {
  timeline: CompanyTimeline;
  trends: TrendReport;
  peers: PeerReport | null;
}
