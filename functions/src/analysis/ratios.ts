/**
 * The ratios of RATIOS.md for every period of a document's balance sheet and income
 * statement. Averages reach back to the opening balance sheet in the same document or, through
 * `priorValues`, in the company's other documents.
 */
import type { Statement } from "../pipeline/types";
import { roundTo } from "./number-format";
import { buildPeriodMap, findOpeningPeriod, mergePeriodMaps } from "./periods";
import { CASH_CONVERSION_CYCLE, DAYS_IN_YEAR, RATIO_DEFINITIONS } from "./ratio-definitions";
import { evaluateRatio } from "./ratio-evaluator";
import type { CanonicalPeriod, CompanyTimeline, RatioKey, RatioResult } from "./types";

export interface ComputeRatiosOptions {
  /** Periods of the same company from other documents (a merged period map or a timeline). */
  priorValues?: readonly CanonicalPeriod[] | CompanyTimeline;
}

function cashConversionCycle(period: string, results: RatioResult[]): RatioResult {
  // From the turnovers rather than the rounded days, so rounding does not accumulate.
  const daysOf = (key: RatioKey) => {
    const turnover = results.find((r) => r.key === key)?.value ?? null;
    return turnover !== null && turnover > 0 ? DAYS_IN_YEAR / turnover : null;
  };
  const inventory = daysOf("inventory_turnover");
  const receivables = daysOf("receivables_turnover");
  const payables = daysOf("payables_turnover");
  const result: RatioResult = { ...CASH_CONVERSION_CYCLE, period, value: null };
  const missing = [
    inventory === null ? "inventory_turnover" : undefined,
    receivables === null ? "receivables_turnover" : undefined,
    payables === null ? "payables_turnover" : undefined,
  ].filter((name) => name !== undefined);
  if (inventory === null || receivables === null || payables === null) {
    result.reason = `missing: ${missing.join(", ")}`;
    return result;
  }
  result.inputs = {
    inventory_days: roundTo(inventory, 2),
    receivables_days: roundTo(receivables, 2),
    payables_days: roundTo(payables, 2),
  };
  const bases = results.filter((r) => r.key.endsWith("_turnover") && r.key !== "asset_turnover");
  result.basis = bases.every((r) => r.basis === "average") ? "average" : "closing";
  result.value = roundTo(inventory + receivables - payables, 2);
  result.days = result.value;
  return result;
}

/** The ratios of one period, in display order (the cash conversion cycle after the turnovers). */
export function ratiosForPeriod(
  periods: readonly CanonicalPeriod[],
  current: CanonicalPeriod,
): RatioResult[] {
  const opening = findOpeningPeriod(periods, current);
  const results = RATIO_DEFINITIONS.map((definition) => evaluateRatio(definition, current, opening));
  const cycle = cashConversionCycle(current.period, results);
  const at = results.findIndex((r) => r.key === "payables_turnover") + 1;
  return [...results.slice(0, at), cycle, ...results.slice(at)];
}

/** Ratios for the `targets` periods (all periods when omitted) of a merged period map. */
export function computeRatiosForPeriods(
  periods: readonly CanonicalPeriod[],
  targets?: readonly string[],
): RatioResult[] {
  const wanted = targets ? new Set(targets) : undefined;
  return periods.filter((p) => !wanted || wanted.has(p.period)).flatMap((p) => ratiosForPeriod(periods, p));
}

export function computeRatios(
  statements: readonly Statement[],
  options: ComputeRatiosOptions = {},
): RatioResult[] {
  const own = buildPeriodMap(statements);
  const prior = options.priorValues;
  const history = !prior ? [] : "periods" in prior ? prior.periods : prior;
  const merged = mergePeriodMaps(history, own);
  return computeRatiosForPeriods(
    merged,
    own.map((p) => p.period),
  );
}
