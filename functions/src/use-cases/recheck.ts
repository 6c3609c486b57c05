import { recordCoverage } from "../pipeline/checks/coverage";
import { crossStatementChecks } from "../pipeline/checks/cross-statement";
import { identitiesFor, identityChecks, roundingTolerance } from "../pipeline/checks/identities";
import { doubtfulValueCount } from "../pipeline/checks/review";
import type { CanonicalKey, CheckResult, Statement } from "../pipeline/types";

export const CROSS_STATEMENT_RULE = "balance_sheet.current_year_profit = income_statement.net_income";

export interface CorrectedValue {
  period: string;
  key?: CanonicalKey;
  label?: string;
  /** Change of the line's value in the additive sign convention. */
  signedDelta: number;
}

/**
 * Re-runs the arithmetic after a correction. Identities between canonical values are evaluated
 * afresh; checks over printed lines (section sums, the income chain) cannot be rebuilt without
 * the page layout, so the corrected line's change is carried into each one it takes part in.
 */
export function recheckStatement(statement: Statement, corrected: CorrectedValue): void {
  const identityRules = new Set(identitiesFor(statement.type).map((identity) => identity.rule));
  const fresh = identityChecks(statement);
  const lineChecks = statement.checks
    .filter((c) => !identityRules.has(c.rule))
    .map((check) => carryIntoLineCheck(check, corrected, statement.unit));
  statement.checks = [...fresh, ...lineChecks];
  refreshReviewFlags(statement);
}

function carryIntoLineCheck(check: CheckResult, corrected: CorrectedValue, unit: number): CheckResult {
  if (check.rule === CROSS_STATEMENT_RULE || check.period !== corrected.period || corrected.signedDelta === 0)
    return check;
  const involves = check.involves ?? [];
  const position = involves.findIndex(
    (name) => name === corrected.key || (corrected.label && name === corrected.label),
  );
  if (position < 0 || check.expected === undefined || check.actual === undefined) return check;
  const actual = position === 0 ? check.actual + corrected.signedDelta : check.actual;
  const expected = position === 0 ? check.expected : check.expected + corrected.signedDelta;
  const difference = Math.round((actual - expected) * 100) / 100;
  return {
    ...check,
    actual,
    expected,
    difference,
    ok: Math.abs(difference) <= roundingTolerance(unit, involves.length + 1),
  };
}

/** The document-level check between statements, re-run after either of them changed. */
export function recheckAcrossStatements(statements: Statement[]): void {
  for (const statement of statements)
    statement.checks = statement.checks.filter((c) => c.rule !== CROSS_STATEMENT_RULE);
  crossStatementChecks(statements);
  for (const statement of statements) refreshReviewFlags(statement);
}

/**
 * Lines in failing checks are flagged, the others lose that flag; the statement needs review
 * while a check fails or cannot be evaluated, or a value stays doubtful (the pipeline's own
 * threshold, 0.5).
 */
function refreshReviewFlags(statement: Statement): void {
  const failing = new Set(statement.checks.filter((c) => !c.ok).flatMap((c) => c.involves ?? []));
  for (const item of statement.items) {
    const involved = (item.key && failing.has(item.key)) || failing.has(item.label);
    const flags = (item.flags ?? []).filter((f) => f !== "check_failed");
    item.flags = involved ? [...flags, "check_failed"] : flags;
  }
  const doubtful = doubtfulValueCount(statement) > 0;
  statement.flagged = statement.checks.some((c) => !c.ok) || doubtful;
  recordCoverage(statement);
}
