import { ratioGroupLabel } from "@finstat/functions/analysis/labels";
import type { Alert, RatioGroup, RatioResult } from "@finstat/functions/analysis/types";

export { ratioGroupLabel };

export const RATIO_GROUPS: readonly RatioGroup[] = ["liquidity", "profitability", "efficiency", "solvency"];

/** Dated periods sort by date; a printed label that is not a date goes last. */
export function sortPeriods(periods: Iterable<string>): string[] {
  const isDate = (p: string) => /^\d{4}-\d{2}-\d{2}$/.test(p);
  return [...new Set(periods)].sort((a, b) => {
    if (isDate(a) !== isDate(b)) return isDate(a) ? -1 : 1;
    return a.localeCompare(b);
  });
}

export function periodsOf(ratios: Pick<RatioResult, "period">[]): string[] {
  return sortPeriods(ratios.map((r) => r.period));
}

/** The most recent period that has at least one computed ratio. */
export function latestPeriod(ratios: RatioResult[]): string | null {
  const withValues = periodsOf(ratios.filter((r) => r.value !== null));
  const dated = withValues.filter((p) => /^\d{4}/.test(p));
  return dated.at(-1) ?? withValues.at(-1) ?? periodsOf(ratios).at(-1) ?? null;
}

/** The period before `period` among the ratios' periods. */
export function priorPeriod(ratios: RatioResult[], period: string): string | null {
  const periods = periodsOf(ratios);
  const index = periods.indexOf(period);
  return index > 0 ? (periods[index - 1] ?? null) : null;
}

export function ratiosByGroup(
  ratios: RatioResult[],
  period: string,
): Array<{ group: RatioGroup; ratios: RatioResult[] }> {
  return RATIO_GROUPS.map((group) => ({
    group,
    ratios: ratios.filter((r) => r.group === group && r.period === period),
  })).filter((entry) => entry.ratios.length > 0);
}

export function ratioAt(ratios: RatioResult[], key: string, period: string | null): RatioResult | undefined {
  return period ? ratios.find((r) => r.key === key && r.period === period) : undefined;
}

/** The most severe alert about a ratio in a period, if any. */
export function alertFor(alerts: Alert[], key: string, period: string): Alert | undefined {
  const rank = { critical: 0, warning: 1, info: 2 } as const;
  return alerts
    .filter((alert) => alert.key === key && alert.period === period)
    .sort((a, b) => rank[a.severity] - rank[b.severity])[0];
}

/** Ratios whose value in `period` differs between two analyses (a correction's effect). */
export function changedRatios(
  before: RatioResult[] | null,
  after: RatioResult[],
  period: string,
): Map<string, number | null> {
  const changed = new Map<string, number | null>();
  if (!before) return changed;
  for (const ratio of after) {
    if (ratio.period !== period) continue;
    const old = ratioAt(before, ratio.key, period);
    const oldValue = old?.value ?? null;
    if (oldValue === null && ratio.value === null) continue;
    if (oldValue === null || ratio.value === null || Math.abs(oldValue - ratio.value) > 1e-9)
      changed.set(ratio.key, oldValue);
  }
  return changed;
}
