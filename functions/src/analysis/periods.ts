/**
 * The period map: the canonical values of a company's statements keyed by period END date, so
 * an income statement for 01.01–31.12.2024 meets the balance sheet dated 31.12.2024.
 */
import {
  BALANCE_SHEET_KEYS,
  type CanonicalKey,
  INCOME_STATEMENT_KEYS,
  type Period,
  type Statement,
  type StatementType,
} from "../pipeline/types";
import { addDays, addYears, daysBetween, isIsoDate } from "./calendar";
import type { CanonicalPeriod } from "./types";

const STATEMENT_OF_KEY = new Map<string, StatementType>([
  ...BALANCE_SHEET_KEYS.map((key) => [key, "balance_sheet"] as const),
  ...INCOME_STATEMENT_KEYS.map((key) => [key, "income_statement"] as const),
]);

/** A matching period end may be a few days off (52/53-week years, "end of June" vs 30 June). */
const MATCH_TOLERANCE_DAYS = 20;

export function statementOfKey(key: string): StatementType | undefined {
  return STATEMENT_OF_KEY.get(key);
}

export function isCanonicalKey(key: string): key is CanonicalKey {
  return STATEMENT_OF_KEY.has(key);
}

const YEAR_ONLY = /^\s*(?:FY\s*)?((?:19|20)\d{2})\s*$/i;

/**
 * The ISO end of a printed period: its `end`, an ISO id, or a bare year ("2024") resolved to
 * the balance-sheet date of that year in the same document (fiscal years need not end in
 * December) and to 31 December otherwise. Undated periods keep their id.
 */
export function resolvePeriodEnd(period: Period, balanceSheetEnds: readonly string[] = []): string {
  for (const candidate of [period.end, period.id]) if (isIsoDate(candidate)) return candidate;
  for (const candidate of [period.id, period.label]) {
    const year = candidate ? YEAR_ONLY.exec(candidate)?.[1] : undefined;
    if (!year) continue;
    const sameYear = balanceSheetEnds.filter((end) => end.startsWith(`${year}-`));
    return sameYear.length === 1 && sameYear[0] ? sameYear[0] : `${year}-12-31`;
  }
  return period.id;
}

function periodsOf(statement: Statement): Period[] {
  const listed = new Set(statement.periods.map((period) => period.id));
  const unlisted = new Set<string>();
  for (const values of Object.values(statement.canonical)) {
    for (const id of Object.keys(values ?? {})) if (!listed.has(id)) unlisted.add(id);
  }
  return [...statement.periods, ...[...unlisted].map((id) => ({ id, label: id }))];
}

function emptyPeriod(period: string): CanonicalPeriod {
  return { period, dated: isIsoDate(period), values: {}, statements: [] };
}

/** Ascending by date; undated periods last, in first-seen order. */
export function sortPeriods(periods: CanonicalPeriod[]): CanonicalPeriod[] {
  const dated = periods.filter((p) => p.dated).sort((a, b) => a.period.localeCompare(b.period));
  return [...dated, ...periods.filter((p) => !p.dated)];
}

/** Merges the statements of ONE document; where two statements give a key, the first wins. */
export function buildPeriodMap(statements: readonly Statement[]): CanonicalPeriod[] {
  const balanceSheetEnds = statements
    .filter((s) => s.type === "balance_sheet")
    .flatMap((s) => s.periods.map((p) => p.end ?? p.id))
    .filter(isIsoDate);
  const byEnd = new Map<string, CanonicalPeriod>();
  for (const statement of statements) {
    for (const printed of periodsOf(statement)) {
      const end = resolvePeriodEnd(printed, balanceSheetEnds);
      const target = byEnd.get(end) ?? emptyPeriod(end);
      let contributed = false;
      for (const [key, values] of Object.entries(statement.canonical)) {
        const value = values?.[printed.id];
        if (!isCanonicalKey(key) || typeof value !== "number" || !Number.isFinite(value)) continue;
        contributed = true;
        if (target.values[key] === undefined) target.values[key] = value;
      }
      if (!contributed) continue;
      if (!target.statements.includes(statement.type)) target.statements.push(statement.type);
      target.label ??= printed.label;
      target.currency ??= statement.currency;
      if (statement.restated) target.restated = true;
      target.unit = Math.max(target.unit ?? 1, statement.unit || 1);
      if (statement.type === "income_statement" && isIsoDate(printed.start))
        target.incomeStart ??= printed.start;
      byEnd.set(end, target);
    }
  }
  return sortPeriods([...byEnd.values()]);
}

/** Overlays `newer` on `older` value by value (newer wins), e.g. a document over its company's history. */
export function mergePeriodMaps(
  older: readonly CanonicalPeriod[],
  newer: readonly CanonicalPeriod[],
): CanonicalPeriod[] {
  const byEnd = new Map<string, CanonicalPeriod>();
  for (const layer of [older, newer]) {
    for (const period of layer) {
      const existing = byEnd.get(period.period);
      if (!existing) {
        byEnd.set(period.period, {
          ...period,
          values: { ...period.values },
          statements: [...period.statements],
        });
        continue;
      }
      Object.assign(existing.values, period.values);
      if (period.sources) existing.sources = { ...existing.sources, ...period.sources };
      for (const type of period.statements)
        if (!existing.statements.includes(type)) existing.statements.push(type);
      existing.incomeStart = period.incomeStart ?? existing.incomeStart;
      existing.currency = period.currency ?? existing.currency;
      existing.restated = period.restated ?? existing.restated;
      existing.unit = Math.max(existing.unit ?? 1, period.unit ?? 1);
      existing.label = period.label ?? existing.label;
    }
  }
  return sortPeriods([...byEnd.values()]);
}

function nearestBefore(
  periods: readonly CanonicalPeriod[],
  current: CanonicalPeriod,
  target: string,
  statement: StatementType,
): CanonicalPeriod | undefined {
  let best: CanonicalPeriod | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of periods) {
    if (!candidate.dated || candidate.period >= current.period || !candidate.statements.includes(statement))
      continue;
    const distance = Math.abs(daysBetween(target, candidate.period));
    if (distance <= MATCH_TOLERANCE_DAYS && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The balance sheet that opens `current`'s reporting period: the day before the income
 * statement starts when printed (interim periods), otherwise one year before the period end.
 */
export function findOpeningPeriod(
  periods: readonly CanonicalPeriod[],
  current: CanonicalPeriod,
): CanonicalPeriod | undefined {
  if (!current.dated) return undefined;
  const target = current.incomeStart ? addDays(current.incomeStart, -1) : addYears(current.period, -1);
  return nearestBefore(periods, current, target, "balance_sheet");
}

/** The same point of the previous year holding `statement`, for year-on-year growth. */
export function findYearEarlier(
  periods: readonly CanonicalPeriod[],
  current: CanonicalPeriod,
  statement: StatementType,
): CanonicalPeriod | undefined {
  if (!current.dated) return undefined;
  return nearestBefore(periods, current, addYears(current.period, -1), statement);
}
