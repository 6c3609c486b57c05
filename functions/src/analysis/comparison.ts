/**
 * Period comparison (RATIOS.md): absolute and percentage change of every canonical key present
 * in two consecutive periods of the same statement type, common-size shares, and the same
 * comparison for ratios with percentage points for percent ratios.
 */

import { isCostKey } from "../pipeline/parse/canonical-keys";
import {
  BALANCE_SHEET_KEYS,
  type CanonicalKey,
  INCOME_STATEMENT_KEYS,
  type StatementType,
} from "../pipeline/types";
import { priceFactor } from "./consumer-prices";
import { roundTo } from "./number-format";
import { ratioUnit } from "./ratio-definitions";
import { resolveInput } from "./ratio-inputs";
import type { CanonicalPeriod, ComparisonRow, RatioResult } from "./types";

export interface ComparisonOptions {
  /** Keep only rows whose later period is one of these (e.g. the periods of one document). */
  periods?: readonly string[];
}

const KEYS_OF: Record<StatementType, readonly CanonicalKey[]> = {
  balance_sheet: BALANCE_SHEET_KEYS,
  income_statement: INCOME_STATEMENT_KEYS,
};

/** Change relative to the magnitude of the base, in percent: −100 → −50 is +50%. Null on a zero base. */
export function percentChange(base: number, value: number): number | null {
  if (base === 0) return null;
  return roundTo(((value - base) / Math.abs(base)) * 100, 4);
}

/** The common-size base of a statement: total assets, or revenue (derived when not printed). */
export function commonSizeBase(period: CanonicalPeriod, statement: StatementType): number | null {
  const base =
    statement === "balance_sheet"
      ? period.values.total_assets
      : resolveInput(period.values, "revenue")?.value;
  return base === undefined || base === 0 ? null : base;
}

function share(value: number, base: number | null): number | null {
  return base === null ? null : roundTo(value / base, 6);
}

function consecutivePairs<T>(items: readonly T[]): Array<[T, T]> {
  const pairs: Array<[T, T]> = [];
  for (let i = 1; i < items.length; i++) pairs.push([items[i - 1] as T, items[i] as T]);
  return pairs;
}

function wanted(options: ComparisonOptions) {
  const periods = options.periods ? new Set(options.periods) : undefined;
  return (period: string) => !periods || periods.has(period);
}

export function compareItems(
  periods: readonly CanonicalPeriod[],
  options: ComparisonOptions = {},
): ComparisonRow[] {
  const keep = wanted(options);
  const rows: ComparisonRow[] = [];
  for (const statement of ["balance_sheet", "income_statement"] as const) {
    const dated = periods
      .filter((p) => p.dated && p.statements.includes(statement))
      .sort((a, b) => a.period.localeCompare(b.period));
    for (const [before, after] of consecutivePairs(dated)) {
      if (!keep(after.period)) continue;
      const total = commonSizeBase(after, statement);
      const totalBefore = commonSizeBase(before, statement);
      const prices = priceBasis(before, after);
      for (const key of KEYS_OF[statement]) {
        const base = before.values[key];
        const value = after.values[key];
        if (base === undefined || value === undefined) continue;
        rows.push({
          kind: "item",
          statement,
          key,
          basePeriod: before.period,
          period: after.period,
          base,
          value,
          change: roundTo(value - base, 2),
          changePercent: percentChange(base, value),
          vertical: share(value, total),
          verticalBase: share(base, totalBefore),
          ...(prices.basis ? { prices: prices.basis } : {}),
          ...(prices.factor ? { realChangePercent: realChange(key, base, value, prices.factor) } : {}),
        });
      }
    }
  }
  return rows;
}

/**
 * Restated statements (both periods in today's purchasing power) compare as they are; nominal
 * ones across calendar years get the consumer-price factor of their currency, when known.
 */
function priceBasis(
  before: CanonicalPeriod,
  after: CanonicalPeriod,
): { basis?: ComparisonRow["prices"]; factor?: number } {
  if (after.restated) return { basis: "restated" };
  const factor = priceFactor(after.currency, before.period, after.period);
  return factor ? { basis: "nominal", factor } : {};
}

/**
 * The change in constant prices: +40% nominal over a year of 44% inflation is a real fall of
 * 3%. Positive amounts, and costs in magnitude (as they are read); null across a sign change.
 */
function realChange(key: CanonicalKey, base: number, value: number, factor: number): number | null {
  const comparable = (base > 0 && value > 0) || (isCostKey(key) && base < 0 && value < 0);
  return comparable ? roundTo((value / base / factor - 1) * 100, 4) : null;
}

/** Each ratio against its previous computable period. */
export function compareRatios(
  ratios: readonly RatioResult[],
  options: ComparisonOptions = {},
): ComparisonRow[] {
  const keep = wanted(options);
  const byKey = new Map<string, RatioResult[]>();
  for (const ratio of ratios) {
    if (ratio.value === null || !/^\d{4}-\d{2}-\d{2}$/.test(ratio.period)) continue;
    byKey.set(ratio.key, [...(byKey.get(ratio.key) ?? []), ratio]);
  }
  const rows: ComparisonRow[] = [];
  for (const series of byKey.values()) {
    series.sort((a, b) => a.period.localeCompare(b.period));
    for (const [before, after] of consecutivePairs(series)) {
      if (!keep(after.period) || before.value === null || after.value === null) continue;
      const change = after.value - before.value;
      const row: ComparisonRow = {
        kind: "ratio",
        key: after.key,
        basePeriod: before.period,
        period: after.period,
        base: before.value,
        value: after.value,
        change: roundTo(change, 6),
        changePercent: percentChange(before.value, after.value),
      };
      if ((after.unit ?? ratioUnit(after.key)) === "percent") row.changePoints = roundTo(change * 100, 4);
      // A company's first year has no opening balance to average with: ROE on closing equity
      // beside ROE on average equity is not the same measure, and the row says so.
      if (before.basis && after.basis && before.basis !== after.basis) row.basisChanged = true;
      rows.push(row);
    }
  }
  return rows;
}

export function comparePeriods(
  periods: readonly CanonicalPeriod[],
  ratios: readonly RatioResult[],
  options: ComparisonOptions = {},
): ComparisonRow[] {
  return [...compareItems(periods, options), ...compareRatios(ratios, options)];
}
