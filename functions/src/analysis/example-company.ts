/**
 * A small hand-worked company (figures in TL) shared by the analysis tests, and the builder
 * that turns per-period canonical values into Statements the way the extraction engine does.
 */
import type {
  BalanceSheetKey,
  CanonicalKey,
  IncomeStatementKey,
  Statement,
  StatementType,
} from "../pipeline/types";

type ValuesByPeriod<K extends CanonicalKey> = Record<string, Partial<Record<K, number>>>;

export function statementOf<K extends CanonicalKey>(
  type: StatementType,
  byPeriod: ValuesByPeriod<K>,
  options: {
    currency?: string;
    unit?: number;
    starts?: Record<string, string>;
    ids?: Record<string, string>;
  } = {},
): Statement {
  const canonical: Statement["canonical"] = {};
  const ends = Object.keys(byPeriod);
  for (const end of ends) {
    const id = options.ids?.[end] ?? end;
    for (const [key, value] of Object.entries(byPeriod[end] ?? {}) as Array<[K, number]>) {
      const row: Record<string, number> = canonical[key] ?? {};
      row[id] = value;
      canonical[key] = row;
    }
  }
  return {
    type,
    currency: options.currency ?? "TRY",
    unit: options.unit ?? 1,
    periods: ends.map((end) => ({
      id: options.ids?.[end] ?? end,
      label: end,
      end,
      ...(options.starts?.[end] ? { start: options.starts[end] } : {}),
    })),
    items: [],
    canonical,
    checks: [],
  };
}

export const balanceSheet = (
  byPeriod: ValuesByPeriod<BalanceSheetKey>,
  options?: Parameters<typeof statementOf>[2],
) => statementOf("balance_sheet", byPeriod, options);

export const incomeStatement = (
  byPeriod: ValuesByPeriod<IncomeStatementKey>,
  options?: Parameters<typeof statementOf>[2],
) => statementOf("income_statement", byPeriod, options);

export const BALANCE_2024: Partial<Record<BalanceSheetKey, number>> = {
  cash_and_equivalents: 150_000,
  short_term_investments: 50_000,
  trade_receivables: 300_000,
  inventories: 250_000,
  other_current_assets: 50_000,
  total_current_assets: 800_000,
  property_plant_equipment: 1_000_000,
  intangible_assets: 200_000,
  total_non_current_assets: 1_200_000,
  total_assets: 2_000_000,
  short_term_borrowings: 200_000,
  trade_payables: 180_000,
  other_current_liabilities: 120_000,
  total_current_liabilities: 500_000,
  long_term_borrowings: 300_000,
  other_non_current_liabilities: 100_000,
  total_non_current_liabilities: 400_000,
  total_liabilities: 900_000,
  share_capital: 600_000,
  retained_earnings: 164_000,
  current_year_profit: 336_000,
  total_equity: 1_100_000,
  total_liabilities_and_equity: 2_000_000,
};

export const BALANCE_2023: Partial<Record<BalanceSheetKey, number>> = {
  cash_and_equivalents: 120_000,
  short_term_investments: 30_000,
  trade_receivables: 200_000,
  inventories: 150_000,
  other_current_assets: 200_000,
  total_current_assets: 700_000,
  property_plant_equipment: 800_000,
  intangible_assets: 100_000,
  total_non_current_assets: 900_000,
  total_assets: 1_600_000,
  short_term_borrowings: 150_000,
  trade_payables: 140_000,
  other_current_liabilities: 110_000,
  total_current_liabilities: 400_000,
  long_term_borrowings: 250_000,
  other_non_current_liabilities: 50_000,
  total_non_current_liabilities: 300_000,
  total_liabilities: 700_000,
  share_capital: 600_000,
  retained_earnings: 50_000,
  current_year_profit: 250_000,
  total_equity: 900_000,
  total_liabilities_and_equity: 1_600_000,
};

export const INCOME_2024: Partial<Record<IncomeStatementKey, number>> = {
  gross_sales: 3_300_000,
  sales_deductions: -300_000,
  revenue: 3_000_000,
  cost_of_sales: -1_800_000,
  gross_profit: 1_200_000,
  operating_expenses: -700_000,
  operating_profit: 500_000,
  finance_income: 20_000,
  finance_expense: -100_000,
  profit_before_tax: 420_000,
  income_tax_expense: -84_000,
  net_income: 336_000,
  depreciation_amortization: -150_000,
};

export const INCOME_2023: Partial<Record<IncomeStatementKey, number>> = {
  gross_sales: 2_700_000,
  sales_deductions: -200_000,
  revenue: 2_500_000,
  cost_of_sales: -1_600_000,
  gross_profit: 900_000,
  operating_expenses: -520_000,
  operating_profit: 380_000,
  finance_income: 10_000,
  finance_expense: -77_500,
  profit_before_tax: 312_500,
  income_tax_expense: -62_500,
  net_income: 250_000,
  depreciation_amortization: -120_000,
};

/** The example company's document: balance sheet and income statement for 2024 and 2023. */
export function exampleStatements(): Statement[] {
  return [
    balanceSheet({ "2024-12-31": BALANCE_2024, "2023-12-31": BALANCE_2023 }),
    incomeStatement(
      { "2024-12-31": INCOME_2024, "2023-12-31": INCOME_2023 },
      { starts: { "2024-12-31": "2024-01-01", "2023-12-31": "2023-01-01" } },
    ),
  ];
}
