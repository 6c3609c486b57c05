import type { CanonicalKey } from "../../../pipeline/types";
import type { Truth, TruthStatement } from "./truth";

type Identity = {
  total: CanonicalKey;
  parts: CanonicalKey[] /** every part must be listed */;
  strict: boolean;
};

/**
 * Identities every generated statement satisfies. Non-strict ones treat an unlisted part as 0:
 * they hold because every generated line under those totals carries a key.
 */
const BALANCE_SHEET: Identity[] = [
  { total: "total_assets", parts: ["total_liabilities_and_equity"], strict: true },
  { total: "total_assets", parts: ["total_current_assets", "total_non_current_assets"], strict: true },
  {
    total: "total_liabilities",
    parts: ["total_current_liabilities", "total_non_current_liabilities"],
    strict: true,
  },
  { total: "total_liabilities_and_equity", parts: ["total_liabilities", "total_equity"], strict: true },
  {
    total: "total_current_assets",
    parts: [
      "cash_and_equivalents",
      "short_term_investments",
      "trade_receivables",
      "other_receivables",
      "inventories",
      "prepaid_expenses",
      "other_current_assets",
    ],
    strict: false,
  },
  {
    total: "total_non_current_assets",
    parts: ["property_plant_equipment", "intangible_assets", "other_non_current_assets"],
    strict: false,
  },
  {
    total: "total_current_liabilities",
    parts: ["short_term_borrowings", "trade_payables", "other_current_liabilities"],
    strict: false,
  },
  {
    total: "total_non_current_liabilities",
    parts: ["long_term_borrowings", "other_non_current_liabilities"],
    strict: false,
  },
];

const INCOME_STATEMENT: Identity[] = [
  { total: "revenue", parts: ["gross_sales", "sales_deductions"], strict: true },
  { total: "gross_profit", parts: ["revenue", "cost_of_sales"], strict: true },
  { total: "net_income", parts: ["profit_before_tax", "income_tax_expense"], strict: true },
];

/** Broken identities, in words; empty when the truth is internally consistent. */
export function truthArithmeticViolations(truth: Truth): string[] {
  const violations: string[] = [];
  const byType = new Map(truth.statements.map((s) => [s.type, s]));
  for (const statement of truth.statements) {
    const identities = statement.type === "balance_sheet" ? BALANCE_SHEET : INCOME_STATEMENT;
    for (const { end } of statement.periods) {
      for (const identity of identities) {
        const violation = check(statement, identity, end);
        if (violation) violations.push(`${statement.type} ${end}: ${violation}`);
      }
    }
  }
  const balance = byType.get("balance_sheet");
  const income = byType.get("income_statement");
  for (const { end } of balance?.periods ?? []) {
    const profit = balance?.canonical.current_year_profit?.[end];
    const net = income?.canonical.net_income?.[end];
    if (profit !== undefined && net !== undefined && Math.abs(profit - net) > 0.01) {
      violations.push(`${end}: current_year_profit ${profit} != net_income ${net}`);
    }
  }
  return violations;
}

function check(statement: TruthStatement, identity: Identity, end: string): string | undefined {
  const total = statement.canonical[identity.total]?.[end];
  const parts = identity.parts.map((k) => statement.canonical[k]?.[end]);
  if (total === undefined || parts.every((p) => p === undefined)) return undefined;
  if (identity.strict && parts.some((p) => p === undefined)) return undefined;
  const sum = parts.reduce<number>((s, p) => s + (p ?? 0), 0);
  if (Math.abs(sum - total) > 0.01)
    return `${identity.total} ${total} != ${identity.parts.join(" + ")} = ${sum}`;
  return undefined;
}
