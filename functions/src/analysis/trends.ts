/**
 * Trends over three or more periods: year-on-year growth of every key (each period against the
 * same point one year earlier, so interim periods meet their own prior-year interim) and the
 * compound annual growth rate of revenue and net income.
 */
import { BALANCE_SHEET_KEYS, type CanonicalKey, INCOME_STATEMENT_KEYS } from "../pipeline/types";
import { addYears, daysBetween, yearsBetween } from "./calendar";
import { percentChange } from "./comparison";
import { roundTo } from "./number-format";
import { findYearEarlier } from "./periods";
import { resolveInput } from "./ratio-inputs";
import type { CagrResult, CanonicalPeriod, GrowthRow, TrendReport } from "./types";

export const MIN_TREND_PERIODS = 3;
const MATCH_TOLERANCE_DAYS = 20;
const CAGR_KEYS = ["revenue", "net_income"] as const;

function yearOnYear(periods: readonly CanonicalPeriod[]): GrowthRow[] {
  const rows: GrowthRow[] = [];
  for (const current of periods) {
    for (const [statement, keys] of [
      ["balance_sheet", BALANCE_SHEET_KEYS],
      ["income_statement", INCOME_STATEMENT_KEYS],
    ] as const) {
      if (!current.statements.includes(statement)) continue;
      const prior = findYearEarlier(periods, current, statement);
      if (!prior) continue;
      for (const key of keys as readonly CanonicalKey[]) {
        const base = prior.values[key];
        const value = current.values[key];
        if (base === undefined || value === undefined) continue;
        const growthPercent = percentChange(base, value);
        rows.push({
          key,
          statement,
          basePeriod: prior.period,
          period: current.period,
          base,
          value,
          growthPercent,
          ...(growthPercent === null ? { reason: "base is zero" } : {}),
        });
      }
    }
  }
  return rows;
}

function amountOf(period: CanonicalPeriod, key: (typeof CAGR_KEYS)[number]): number | undefined {
  return resolveInput(period.values, key)?.value;
}

/** CAGR from the earliest period that lies a whole number of years before the latest one. */
export function compoundGrowth(
  periods: readonly CanonicalPeriod[],
  key: (typeof CAGR_KEYS)[number],
): CagrResult {
  const withValue = periods.filter((p) => amountOf(p, key) !== undefined);
  const last = withValue.at(-1);
  const first = withValue.find((p) => {
    if (!last || p === last) return false;
    const years = Math.round(yearsBetween(p.period, last.period));
    return (
      years >= 1 && Math.abs(daysBetween(addYears(last.period, -years), p.period)) <= MATCH_TOLERANCE_DAYS
    );
  });
  if (!last || !first)
    return { key, cagrPercent: null, reason: "needs values at the same period end in two different years" };
  const from = amountOf(first, key) as number;
  const to = amountOf(last, key) as number;
  const years = Math.round(yearsBetween(first.period, last.period));
  const result: CagrResult = {
    key,
    fromPeriod: first.period,
    toPeriod: last.period,
    years,
    from,
    to,
    cagrPercent: null,
  };
  if (from <= 0) return { ...result, reason: "start value is not positive" };
  if (to <= 0) return { ...result, reason: "end value is not positive" };
  return { ...result, cagrPercent: roundTo(((to / from) ** (1 / years) - 1) * 100, 4) };
}

export function computeTrends(periods: readonly CanonicalPeriod[]): TrendReport {
  const dated = periods.filter((p) => p.dated).sort((a, b) => a.period.localeCompare(b.period));
  const ends = dated.map((p) => p.period);
  if (dated.length < MIN_TREND_PERIODS) {
    const reason = `needs at least ${MIN_TREND_PERIODS} dated periods; ${dated.length} available`;
    return {
      periods: ends,
      sufficient: false,
      reason,
      growth: [],
      cagr: CAGR_KEYS.map((key) => ({ key, cagrPercent: null, reason })),
    };
  }
  return {
    periods: ends,
    sufficient: true,
    growth: yearOnYear(dated),
    cagr: CAGR_KEYS.map((key) => compoundGrowth(dated, key)),
  };
}
