import { BALANCE_SHEET_KEYS, type CanonicalKey, type StatementType } from "../types";

/** Where a line sits on its statement; the income statement is one section. */
export type Section =
  | "current_assets"
  | "non_current_assets"
  | "current_liabilities"
  | "non_current_liabilities"
  | "equity"
  | "income";

const SECTION_OF_KEY: Record<CanonicalKey, Section | undefined> = {
  cash_and_equivalents: "current_assets",
  short_term_investments: "current_assets",
  trade_receivables: "current_assets",
  other_receivables: "current_assets",
  inventories: "current_assets",
  prepaid_expenses: "current_assets",
  other_current_assets: "current_assets",
  total_current_assets: "current_assets",
  property_plant_equipment: "non_current_assets",
  intangible_assets: "non_current_assets",
  other_non_current_assets: "non_current_assets",
  total_non_current_assets: "non_current_assets",
  // Grand totals close a side rather than belong to a section.
  total_assets: undefined,
  short_term_borrowings: "current_liabilities",
  trade_payables: "current_liabilities",
  other_current_liabilities: "current_liabilities",
  total_current_liabilities: "current_liabilities",
  long_term_borrowings: "non_current_liabilities",
  other_non_current_liabilities: "non_current_liabilities",
  total_non_current_liabilities: "non_current_liabilities",
  total_liabilities: undefined,
  share_capital: "equity",
  retained_earnings: "equity",
  current_year_profit: "equity",
  total_equity: "equity",
  total_liabilities_and_equity: undefined,
  gross_sales: "income",
  sales_deductions: "income",
  revenue: "income",
  cost_of_sales: "income",
  gross_profit: "income",
  operating_expenses: "income",
  operating_profit: "income",
  other_operating_income: "income",
  other_operating_expense: "income",
  finance_income: "income",
  finance_expense: "income",
  profit_before_tax: "income",
  income_tax_expense: "income",
  net_income: "income",
  depreciation_amortization: "income",
};

export function sectionOfKey(key: CanonicalKey): Section | undefined {
  return SECTION_OF_KEY[key];
}

const BALANCE_SHEET = new Set<string>(BALANCE_SHEET_KEYS);

export function statementOfKey(key: CanonicalKey): StatementType {
  return BALANCE_SHEET.has(key) ? "balance_sheet" : "income_statement";
}

export function statementOfSection(section: Section): StatementType {
  return section === "income" ? "income_statement" : "balance_sheet";
}

const NEGATIVE_BY_NATURE = new Set<CanonicalKey>([
  "sales_deductions",
  "cost_of_sales",
  "operating_expenses",
  "other_operating_expense",
  "finance_expense",
  "income_tax_expense",
  "depreciation_amortization",
]);

/**
 * The sign a key carries in the additive convention (ARCHITECTURE.md): deductions, costs,
 * expenses and tax are negative; assets, liabilities, equity, revenue and income positive;
 * profits may print either way but are naturally positive.
 */
export function naturalSignOf(key: CanonicalKey): 1 | -1 {
  return NEGATIVE_BY_NATURE.has(key) ? -1 : 1;
}

/** What the company owes to others: the liability sections and their grand total. */
export function isLiabilityKey(key: string): boolean {
  const section = SECTION_OF_KEY[key as CanonicalKey];
  return (
    key === "total_liabilities" || section === "current_liabilities" || section === "non_current_liabilities"
  );
}

/** Deductions, costs, expenses and tax: their movements are read in magnitude. */
export function isCostKey(key: string): boolean {
  return NEGATIVE_BY_NATURE.has(key as CanonicalKey);
}

/** The key a section's total is reported under. */
export const SECTION_TOTAL: Record<Exclude<Section, "income">, CanonicalKey> = {
  current_assets: "total_current_assets",
  non_current_assets: "total_non_current_assets",
  current_liabilities: "total_current_liabilities",
  non_current_liabilities: "total_non_current_liabilities",
  equity: "total_equity",
};
