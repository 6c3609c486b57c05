import {
  BALANCE_SHEET_IDENTITIES,
  checkResultOf,
  evaluateIdentities,
  INCOME_STATEMENT_IDENTITIES,
  identitiesFor,
  roundingTolerance,
} from "../checks/identities";
import type { CanonicalKey, CheckResult, Statement, StatementType } from "../types";

/** Canonical values being decided, per statement type. */
export type Working = Map<StatementType, Statement["canonical"]>;

export interface Ref {
  type: StatementType;
  key: CanonicalKey;
}

export interface BookCheck extends CheckResult {
  type: StatementType;
  kind: "identity" | "line" | "cross";
  refs: Ref[];
}

const CROSS_RULE = "balance_sheet.current_year_profit = income_statement.net_income";
const IDENTITY_RULES = new Set(
  [...BALANCE_SHEET_IDENTITIES, ...INCOME_STATEMENT_IDENTITIES].map((i) => i.rule),
);
const CANONICAL_KEYS = new Set<string>(
  [...BALANCE_SHEET_IDENTITIES, ...INCOME_STATEMENT_IDENTITIES].flatMap((i) => [
    i.left,
    ...i.right.map((t) => t.key),
  ]),
);

/**
 * A check the parser measured on printed lines (a section total against its lines, a profit
 * line against the one above plus the lines between), kept as a linear form so it can be
 * re-measured with another reading of one of its keys substituted: difference + Σ coef·Δvalue.
 */
interface LineForm {
  check: CheckResult;
  type: StatementType;
  terms: Array<{ key: CanonicalKey; coef: 1 | -1; baseline?: number }>;
  tolerance: number;
}

export interface CheckBook {
  /** Every check evaluated on the working values; `period` narrows to one column. */
  evaluate(working: Working, period?: string): BookCheck[];
  /** Adds a line the parser missed as a component of a line check (it closes the check). */
  addComponent(check: CheckResult, type: StatementType, key: CanonicalKey): void;
  lineChecks(type: StatementType, period: string): CheckResult[];
}

/**
 * The arithmetic every candidate is judged by: the accounting identities and the
 * cross-statement profit check, recomputed on the working values, and the parser's own line
 * checks, adjusted for the substituted readings.
 */
export function createCheckBook(
  statements: Map<StatementType, Statement>,
  bases: Map<StatementType, Statement>,
): CheckBook {
  const forms: LineForm[] = [];
  for (const [type, base] of bases) {
    for (const check of base.checks) {
      if (IDENTITY_RULES.has(check.rule) || check.rule === CROSS_RULE) continue;
      forms.push({
        check,
        type,
        terms: termsOf(check, base),
        tolerance: roundingTolerance(base.unit, (check.involves?.length ?? 2) || 2),
      });
    }
  }
  return {
    evaluate(working, period) {
      const out: BookCheck[] = [];
      for (const [type, statement] of statements) {
        const canonical = working.get(type) ?? {};
        for (const o of evaluateIdentities({ ...statement, canonical }, identitiesFor(type))) {
          if (period !== undefined && o.period !== period) continue;
          out.push({
            ...checkResultOf(o),
            type,
            kind: "identity",
            refs: o.keys.map((key) => ({ type, key })),
          });
        }
      }
      out.push(...crossCheck(statements, working, period));
      for (const form of forms) {
        if (period !== undefined && form.check.period !== period) continue;
        out.push(evaluateForm(form, working));
      }
      return out;
    },
    addComponent(check, _type, key) {
      const form = forms.find((f) => f.check === check);
      if (form && !form.terms.some((t) => t.key === key)) form.terms.push({ key, coef: -1, baseline: 0 });
    },
    lineChecks(type, period) {
      return forms.filter((f) => f.type === type && f.check.period === period).map((f) => f.check);
    },
  };
}

function termsOf(check: CheckResult, base: Statement): LineForm["terms"] {
  const involves = check.involves ?? [];
  const terms: LineForm["terms"] = [];
  const seen = new Map<string, number>();
  involves.forEach((ref, i) => {
    seen.set(ref, (seen.get(ref) ?? 0) + (i === 0 ? 100 : 1));
  });
  for (const [ref, count] of seen) {
    if (!isCanonicalKey(ref, base)) continue;
    // A key that is both the total and a component, or printed twice among the components,
    // cannot be re-measured from its canonical value: leave it fixed.
    if (count !== 100 && count !== 1) continue;
    const key = ref as CanonicalKey;
    terms.push({ key, coef: count === 100 ? 1 : -1, baseline: base.canonical[key]?.[check.period] });
  }
  return terms;
}

function isCanonicalKey(ref: string, base: Statement): boolean {
  return CANONICAL_KEYS.has(ref) || ref in base.canonical || base.items.some((i) => i.key === ref);
}

function evaluateForm(form: LineForm, working: Working): BookCheck {
  const canonical = working.get(form.type) ?? {};
  let actual = form.check.actual ?? 0;
  let expected = form.check.expected ?? 0;
  for (const term of form.terms) {
    const now = canonical[term.key]?.[form.check.period];
    if (now === undefined || (term.baseline === undefined && term.coef === 1)) continue;
    const delta = now - (term.baseline ?? 0);
    if (term.coef === 1) actual += delta;
    else expected += delta;
  }
  const difference = Math.round((actual - expected) * 100) / 100;
  return {
    ...form.check,
    involves: [
      ...(form.check.involves ?? []),
      ...form.terms.filter((t) => !(form.check.involves ?? []).includes(t.key)).map((t) => t.key),
    ],
    actual,
    expected,
    difference,
    ok: Math.abs(difference) <= form.tolerance,
    type: form.type,
    kind: "line",
    refs: form.terms.map((t) => ({ type: form.type, key: t.key })),
  };
}

function crossCheck(
  statements: Map<StatementType, Statement>,
  working: Working,
  period?: string,
): BookCheck[] {
  const balance = statements.get("balance_sheet");
  const income = statements.get("income_statement");
  if (!balance || !income) return [];
  const profit = working.get("balance_sheet")?.current_year_profit ?? {};
  const net = working.get("income_statement")?.net_income ?? {};
  const out: BookCheck[] = [];
  for (const [p, value] of Object.entries(profit)) {
    const other = net[p];
    if (other === undefined || (period !== undefined && p !== period)) continue;
    const difference = Math.round((value - other) * 100) / 100;
    out.push({
      rule: CROSS_RULE,
      period: p,
      ok: Math.abs(difference) <= roundingTolerance(Math.max(balance.unit, income.unit), 2),
      difference,
      expected: other,
      actual: value,
      involves: ["current_year_profit", "net_income"],
      type: "balance_sheet",
      kind: "cross",
      refs: [
        { type: "balance_sheet", key: "current_year_profit" },
        { type: "income_statement", key: "net_income" },
      ],
    });
  }
  return out;
}
