import type { CanonicalKey, Statement, UncheckedIdentity } from "../types";

/**
 * The identity each statement is trusted by. A balance sheet balances: total assets equal
 * liabilities plus equity. An income statement ends in a net profit; without one, none of the
 * profit lines above it can be tied to anything. When a statement's totals could not be found,
 * these are "not checked", which is not the same as "holds": the statement needs a person.
 */
const ESSENTIAL: Record<Statement["type"], { rule: string; evaluatedBy: string[]; needs: CanonicalKey[] }> = {
  balance_sheet: {
    rule: "total_assets = total_liabilities_and_equity",
    // Either form of the balance counts (BALANCE_SHEET_IDENTITIES).
    evaluatedBy: [
      "total_assets = total_liabilities_and_equity",
      "total_assets = total_liabilities + total_equity",
    ],
    needs: ["total_assets", "total_liabilities_and_equity"],
  },
  income_statement: {
    rule: "profit_before_tax + income_tax_expense = net_income",
    // A statement without a tax line still ends in its net profit; finding it is the check.
    evaluatedBy: [],
    needs: ["net_income"],
  },
};

/** The essential identities of a statement that could not be evaluated, per period. */
export function uncheckedIdentities(
  statement: Pick<Statement, "type" | "periods" | "canonical" | "checks">,
): UncheckedIdentity[] {
  const essential = ESSENTIAL[statement.type];
  const unchecked: UncheckedIdentity[] = [];
  for (const { id: period } of statement.periods) {
    const evaluated = statement.checks.some(
      (c) => c.period === period && essential.evaluatedBy.includes(c.rule),
    );
    if (evaluated) continue;
    const missing = essential.needs.filter((key) => statement.canonical[key]?.[period] === undefined);
    if (essential.evaluatedBy.length > 0 || missing.length > 0)
      unchecked.push({ rule: essential.rule, period, missing });
  }
  return unchecked;
}

/** Records what could not be checked on the statement; any such identity sends it to review. */
export function recordCoverage(statement: Statement): void {
  const unchecked = uncheckedIdentities(statement);
  if (unchecked.length === 0) {
    delete statement.unchecked;
    return;
  }
  statement.unchecked = unchecked;
  statement.flagged = true;
}
