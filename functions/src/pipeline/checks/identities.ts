import type { CanonicalKey, CheckResult, Statement, StatementType } from "../types";

/** An accounting identity between canonical keys: left = sum of signed terms on the right. */
export interface Identity {
  rule: string;
  left: CanonicalKey;
  right: Array<{ key: CanonicalKey; sign: 1 | -1 }>;
  /** Skip when any of these keys is printed: a more precise identity covers the case. */
  unless?: CanonicalKey[];
}

const plus = (...keys: CanonicalKey[]) => keys.map((key) => ({ key, sign: 1 as const }));

export const BALANCE_SHEET_IDENTITIES: Identity[] = [
  {
    rule: "total_assets = total_current_assets + total_non_current_assets",
    left: "total_assets",
    right: plus("total_current_assets", "total_non_current_assets"),
  },
  {
    rule: "total_liabilities = total_current_liabilities + total_non_current_liabilities",
    left: "total_liabilities",
    right: plus("total_current_liabilities", "total_non_current_liabilities"),
  },
  {
    rule: "total_liabilities_and_equity = total_liabilities + total_equity",
    left: "total_liabilities_and_equity",
    right: plus("total_liabilities", "total_equity"),
  },
  {
    rule: "total_liabilities_and_equity = total_current_liabilities + total_non_current_liabilities + total_equity",
    left: "total_liabilities_and_equity",
    right: plus("total_current_liabilities", "total_non_current_liabilities", "total_equity"),
    unless: ["total_liabilities"],
  },
  {
    rule: "total_assets = total_liabilities_and_equity",
    left: "total_assets",
    right: plus("total_liabilities_and_equity"),
  },
  {
    rule: "total_assets = total_liabilities + total_equity",
    left: "total_assets",
    right: plus("total_liabilities", "total_equity"),
    unless: ["total_liabilities_and_equity"],
  },
];

export const INCOME_STATEMENT_IDENTITIES: Identity[] = [
  {
    rule: "revenue = gross_sales + sales_deductions",
    left: "revenue",
    right: plus("gross_sales", "sales_deductions"),
  },
  {
    rule: "gross_profit = revenue + cost_of_sales",
    left: "gross_profit",
    right: plus("revenue", "cost_of_sales"),
  },
  {
    rule: "profit_before_tax + income_tax_expense = net_income",
    left: "net_income",
    right: plus("profit_before_tax", "income_tax_expense"),
  },
];

export interface IdentityOutcome {
  rule: string;
  period: string;
  ok: boolean;
  difference: number;
  expected: number;
  actual: number;
  keys: CanonicalKey[];
}

/**
 * Rounding in the printed precision: a statement in thousands may be off by one per added
 * line; one printed to the kuruş adds up to the kuruş.
 */
export function roundingTolerance(precision: number, terms: number): number {
  return Math.max(0.01, 0.5 * precision * Math.max(1, terms - 1)) + 1e-9;
}

/** `rounding`: the printed precision (the unit, or a cent of it where cents are printed). */
export function evaluateIdentities(
  statement: Statement,
  identities: Identity[],
  rounding = statement.unit,
): IdentityOutcome[] {
  const out: IdentityOutcome[] = [];
  const value = (key: CanonicalKey, period: string) => statement.canonical[key]?.[period];
  for (const identity of identities) {
    if (identity.unless?.some((k) => statement.canonical[k] !== undefined)) continue;
    for (const period of statement.periods.map((p) => p.id)) {
      const actual = value(identity.left, period);
      const terms = identity.right.map((t) => value(t.key, period));
      if (actual === undefined || terms.some((t) => t === undefined)) continue;
      const expected = identity.right.reduce((s, t, i) => s + t.sign * (terms[i] as number), 0);
      const difference = Math.round((actual - expected) * 100) / 100;
      out.push({
        rule: identity.rule,
        period,
        ok: Math.abs(difference) <= roundingTolerance(rounding, identity.right.length + 1),
        difference,
        expected,
        actual,
        keys: [identity.left, ...identity.right.map((t) => t.key)],
      });
    }
  }
  return out;
}

export function identitiesFor(type: StatementType): Identity[] {
  return type === "balance_sheet" ? BALANCE_SHEET_IDENTITIES : INCOME_STATEMENT_IDENTITIES;
}

/** An identity's outcome as a statement stores its checks. */
export function checkResultOf(outcome: IdentityOutcome): CheckResult {
  const { rule, period, ok, difference, expected, actual, keys } = outcome;
  return { rule, period, ok, difference, expected, actual, involves: keys };
}

/** The statement's identities checked over its canonical values, as stored checks. */
export function identityChecks(statement: Statement, rounding = statement.unit): CheckResult[] {
  return evaluateIdentities(statement, identitiesFor(statement.type), rounding).map(checkResultOf);
}
