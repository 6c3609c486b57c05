/**
 * The ratios of RATIOS.md as data: numerator and denominator are sums of signed terms over
 * canonical inputs. Costs are negative in the additive sign convention, hence `abs` on
 * cost_of_sales, finance_expense and depreciation_amortization.
 */
import type { InputName } from "./ratio-inputs";
import type { RatioGroup, RatioKey, RatioUnit } from "./types";

export interface RatioTerm {
  input: InputName;
  /** Subtract the term instead of adding it. */
  negate?: boolean;
  /** Use the magnitude: for cost lines stored as negative numbers. */
  abs?: boolean;
  /** avg(x): mean of this and the opening period's value when the opening period is known. */
  average?: boolean;
  /** Lines commonly not printed when nil (securities, borrowings): absent counts as 0 when another term of the sum is present. */
  optional?: boolean;
}

export interface RatioDefinition {
  key: Exclude<RatioKey, "cash_conversion_cycle">;
  group: RatioGroup;
  unit: RatioUnit;
  formula: string;
  numerator: RatioTerm[];
  /** Absent for amounts (net working capital). */
  denominator?: RatioTerm[];
  /** Turnover ratios: days = 365 / turnover. */
  days?: boolean;
}

export const DAYS_IN_YEAR = 365;

const t = (input: InputName, options: Omit<RatioTerm, "input"> = {}): RatioTerm => ({ input, ...options });

export const RATIO_DEFINITIONS: readonly RatioDefinition[] = [
  {
    key: "current_ratio",
    group: "liquidity",
    unit: "ratio",
    formula: "total_current_assets / total_current_liabilities",
    numerator: [t("total_current_assets")],
    denominator: [t("total_current_liabilities")],
  },
  {
    key: "quick_ratio",
    group: "liquidity",
    unit: "ratio",
    formula: "(total_current_assets - inventories) / total_current_liabilities",
    numerator: [t("total_current_assets"), t("inventories", { negate: true })],
    denominator: [t("total_current_liabilities")],
  },
  {
    key: "cash_ratio",
    group: "liquidity",
    unit: "ratio",
    formula: "(cash_and_equivalents + short_term_investments) / total_current_liabilities",
    numerator: [t("cash_and_equivalents"), t("short_term_investments", { optional: true })],
    denominator: [t("total_current_liabilities")],
  },
  {
    key: "net_working_capital",
    group: "liquidity",
    unit: "amount",
    formula: "total_current_assets - total_current_liabilities",
    numerator: [t("total_current_assets"), t("total_current_liabilities", { negate: true })],
  },
  {
    key: "working_capital_to_assets",
    group: "liquidity",
    unit: "percent",
    formula: "net_working_capital / total_assets",
    numerator: [t("net_working_capital")],
    denominator: [t("total_assets")],
  },
  {
    key: "gross_margin",
    group: "profitability",
    unit: "percent",
    formula: "gross_profit / revenue",
    numerator: [t("gross_profit")],
    denominator: [t("revenue")],
  },
  {
    key: "operating_margin",
    group: "profitability",
    unit: "percent",
    formula: "operating_profit / revenue",
    numerator: [t("operating_profit")],
    denominator: [t("revenue")],
  },
  {
    key: "ebitda_margin",
    group: "profitability",
    unit: "percent",
    formula: "(operating_profit + abs(depreciation_amortization)) / revenue",
    numerator: [t("operating_profit"), t("depreciation_amortization", { abs: true })],
    denominator: [t("revenue")],
  },
  {
    key: "net_margin",
    group: "profitability",
    unit: "percent",
    formula: "net_income / revenue",
    numerator: [t("net_income")],
    denominator: [t("revenue")],
  },
  {
    key: "return_on_assets",
    group: "profitability",
    unit: "percent",
    formula: "net_income / avg(total_assets)",
    numerator: [t("net_income")],
    denominator: [t("total_assets", { average: true })],
  },
  {
    key: "return_on_equity",
    group: "profitability",
    unit: "percent",
    formula: "net_income / avg(total_equity)",
    numerator: [t("net_income")],
    denominator: [t("total_equity", { average: true })],
  },
  {
    key: "asset_turnover",
    group: "efficiency",
    unit: "times",
    formula: "revenue / avg(total_assets)",
    numerator: [t("revenue")],
    denominator: [t("total_assets", { average: true })],
  },
  {
    key: "inventory_turnover",
    group: "efficiency",
    unit: "times",
    formula: "abs(cost_of_sales) / avg(inventories)",
    numerator: [t("cost_of_sales", { abs: true })],
    denominator: [t("inventories", { average: true })],
    days: true,
  },
  {
    key: "receivables_turnover",
    group: "efficiency",
    unit: "times",
    formula: "revenue / avg(trade_receivables)",
    numerator: [t("revenue")],
    denominator: [t("trade_receivables", { average: true })],
    days: true,
  },
  {
    key: "payables_turnover",
    group: "efficiency",
    unit: "times",
    formula: "abs(cost_of_sales) / avg(trade_payables)",
    numerator: [t("cost_of_sales", { abs: true })],
    denominator: [t("trade_payables", { average: true })],
    days: true,
  },
  {
    key: "debt_ratio",
    group: "solvency",
    unit: "percent",
    formula: "total_liabilities / total_assets",
    numerator: [t("total_liabilities")],
    denominator: [t("total_assets")],
  },
  {
    key: "debt_to_equity",
    group: "solvency",
    unit: "ratio",
    formula: "total_liabilities / total_equity",
    numerator: [t("total_liabilities")],
    denominator: [t("total_equity")],
  },
  {
    key: "financial_debt_to_equity",
    group: "solvency",
    unit: "ratio",
    formula: "(short_term_borrowings + long_term_borrowings) / total_equity",
    numerator: [
      t("short_term_borrowings", { optional: true }),
      t("long_term_borrowings", { optional: true }),
    ],
    denominator: [t("total_equity")],
  },
  {
    key: "equity_ratio",
    group: "solvency",
    unit: "percent",
    formula: "total_equity / total_assets",
    numerator: [t("total_equity")],
    denominator: [t("total_assets")],
  },
  {
    key: "long_term_debt_to_capitalization",
    group: "solvency",
    unit: "percent",
    formula: "long_term_borrowings / (long_term_borrowings + total_equity)",
    numerator: [t("long_term_borrowings")],
    denominator: [t("long_term_borrowings"), t("total_equity")],
  },
  {
    key: "interest_coverage",
    group: "solvency",
    unit: "times",
    formula: "operating_profit / abs(finance_expense)",
    numerator: [t("operating_profit")],
    denominator: [t("finance_expense", { abs: true })],
  },
];

export const CASH_CONVERSION_CYCLE = {
  key: "cash_conversion_cycle",
  group: "efficiency",
  unit: "days",
  formula: "365 / inventory_turnover + 365 / receivables_turnover - 365 / payables_turnover",
} as const satisfies { key: RatioKey; group: RatioGroup; unit: RatioUnit; formula: string };

/** Every ratio key in display order, the cash conversion cycle after the turnovers. */
const AFTER_TURNOVERS = RATIO_DEFINITIONS.findIndex((d) => d.key === "payables_turnover") + 1;
export const RATIO_KEYS: readonly RatioKey[] = [
  ...RATIO_DEFINITIONS.slice(0, AFTER_TURNOVERS).map((d) => d.key),
  "cash_conversion_cycle",
  ...RATIO_DEFINITIONS.slice(AFTER_TURNOVERS).map((d) => d.key),
];

export function ratioUnit(key: RatioKey): RatioUnit {
  if (key === "cash_conversion_cycle") return "days";
  return RATIO_DEFINITIONS.find((d) => d.key === key)?.unit ?? "ratio";
}

export function ratioGroup(key: RatioKey): RatioGroup {
  if (key === "cash_conversion_cycle") return "efficiency";
  return RATIO_DEFINITIONS.find((d) => d.key === key)?.group ?? "liquidity";
}
