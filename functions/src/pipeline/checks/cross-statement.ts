import type { Statement } from "../types";
import { roundingTolerance } from "./identities";

/**
 * The balance sheet's current-year profit is the income statement's net income for the same
 * period end: a mismatch means one of them was misread (or the periods were mislabelled).
 */
export function crossStatementChecks(statements: Statement[]): void {
  const balance = statements.find((s) => s.type === "balance_sheet");
  const income = statements.find((s) => s.type === "income_statement");
  if (!balance || !income) return;
  const profit = balance.canonical.current_year_profit ?? {};
  const net = income.canonical.net_income ?? {};
  for (const [period, value] of Object.entries(profit)) {
    const other = net[period];
    if (other === undefined) continue;
    const difference = Math.round((value - other) * 100) / 100;
    const ok = Math.abs(difference) <= roundingTolerance(Math.max(balance.unit, income.unit), 2);
    balance.checks.push({
      rule: "balance_sheet.current_year_profit = income_statement.net_income",
      period,
      ok,
      difference,
      expected: other,
      actual: value,
      involves: ["current_year_profit", "net_income"],
    });
    if (!ok) balance.flagged = true;
  }
}
