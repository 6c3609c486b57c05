/**
 * The alert rules of RATIOS.md: material line-item movements and the ratio thresholds an
 * accountant would flag. Thresholds are configuration (the config module maps the ALERT_*
 * environment variables onto AlertThresholds); the defaults are the ones in RATIOS.md.
 */
import { AppError } from "../app-error";
import { isCostKey, SECTION_TOTAL, type Section, sectionOfKey } from "../pipeline/parse/canonical-keys";
import { BALANCE_SHEET_KEYS } from "../pipeline/types";
import {
  currentRatioMessage,
  debtRatioMessage,
  interestCoverageMessage,
  liquidityFallMessage,
  materialChangeMessage,
  negativeEquityMessage,
  netLossMessage,
} from "./alert-messages";
import { directionTellsNews, rowAsRead, toneOfChange } from "./change-tone";
import type {
  Alert,
  AlertSeverity,
  AlertThresholds,
  CanonicalPeriod,
  ComparisonRow,
  RatioResult,
} from "./types";

export type { AlertThresholds };

export const DEFAULT_ALERT_THRESHOLDS: Readonly<AlertThresholds> = Object.freeze({
  changePercent: 25,
  materiality: 0.05,
  currentRatio: 1,
  interestCoverage: 1.5,
  debtRatio: 0.8,
});

/** Defaults overlaid with the given values; rejects values an accountant could not have meant. */
export function resolveAlertThresholds(overrides: Partial<AlertThresholds> = {}): AlertThresholds {
  const thresholds = { ...DEFAULT_ALERT_THRESHOLDS, ...overrides };
  const invalid = Object.entries(thresholds).filter(([, value]) => !Number.isFinite(value) || value < 0);
  if (thresholds.materiality > 1) invalid.push(["materiality", thresholds.materiality]);
  if (invalid.length > 0) {
    throw new AppError(
      "invalid_alert_thresholds",
      `Alert thresholds must be non-negative numbers (materiality a share between 0 and 1): ${invalid.map(([k]) => k).join(", ")}`,
      Object.fromEntries(invalid),
    );
  }
  return thresholds;
}

export interface AlertInput {
  periods: readonly CanonicalPeriod[];
  ratios: readonly RatioResult[];
  comparison: readonly ComparisonRow[];
}

export interface AlertOptions {
  /** Only alerts for these periods (e.g. the periods of one document). */
  periods?: readonly string[];
}

const SEVERITY_ORDER: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };

/**
 * Lines that move with another: total liabilities and equity with total assets, the balance
 * sheet's current-year profit with the income statement's net income. One alert is enough.
 */
const MIRRORS: Record<string, string> = {
  total_liabilities_and_equity: "total_assets",
  current_year_profit: "net_income",
};

/**
 * A lender's reading of a move: bad news (less cash, more debt, lower sales or profit) is a
 * warning, good news is information; a line whose direction can mean either is a warning only
 * when it moved twice the threshold.
 */
function changeSeverity(row: ComparisonRow, thresholds: AlertThresholds): AlertSeverity {
  // After inflation where it is known: a nominal rise in sales that is a real fall is bad news.
  const moved = row.realChangePercent ?? rowAsRead(row).changePercent ?? 0;
  if (directionTellsNews(row.key)) return toneOfChange(row.key, moved) === "negative" ? "warning" : "info";
  return Math.abs(moved) >= 2 * thresholds.changePercent ? "warning" : "info";
}

/**
 * The lines a subtotal adds up (in the additive sign convention, so their changes sum to its
 * change). Net income, the bottom line, is never rolled up.
 */
const COMPONENTS_OF: Record<string, readonly string[]> = {
  ...Object.fromEntries(
    (Object.entries(SECTION_TOTAL) as Array<[Section, string]>).map(([section, total]) => [
      total,
      BALANCE_SHEET_KEYS.filter((key) => sectionOfKey(key) === section && key !== total),
    ]),
  ),
  total_assets: ["total_current_assets", "total_non_current_assets"],
  total_liabilities: ["total_current_liabilities", "total_non_current_liabilities"],
  gross_profit: ["revenue", "cost_of_sales"],
  operating_profit: [
    "gross_profit",
    "operating_expenses",
    "other_operating_income",
    "other_operating_expense",
  ],
  profit_before_tax: ["operating_profit", "finance_income", "finance_expense"],
};

/**
 * One alert per movement: a subtotal whose change is at least half explained, in the same
 * direction, by lines that are alerted themselves is not alerted again (total current assets
 * beside the cash that moved it). The lines' alerts name the drivers.
 */
function rollUp(
  alerts: Alert[],
  comparison: readonly ComparisonRow[],
  explainedElsewhere: readonly string[] = [],
): Alert[] {
  const changeOf = (key: string, period: string) =>
    comparison.find((row) => row.kind === "item" && row.key === key && row.period === period)?.change ?? null;
  const alerted = new Set([...alerts.map((alert) => `${alert.key}|${alert.period}`), ...explainedElsewhere]);
  // A mirror line is alerted through its twin: the year's profit in equity through net income.
  for (const [mirror, twin] of Object.entries(MIRRORS)) {
    for (const alert of alerts) if (alert.key === twin) alerted.add(`${mirror}|${alert.period}`);
  }
  return alerts.filter((alert) => {
    const components = alert.key ? COMPONENTS_OF[alert.key] : undefined;
    const change = alert.key ? changeOf(alert.key, alert.period) : null;
    if (!components || change === null || change === 0) return true;
    const explained = components
      .filter((key) => alerted.has(`${key}|${alert.period}`))
      .reduce((sum, key) => sum + (changeOf(key, alert.period) ?? 0), 0);
    return !(Math.sign(explained) === Math.sign(change) && Math.abs(explained) >= Math.abs(change) / 2);
  });
}

/** A cost whose share of revenue hardly moved grew with the sales: the margins tell no news. */
function movedWithSales(row: ComparisonRow): boolean {
  if (row.statement !== "income_statement" || !isCostKey(row.key)) return false;
  const { vertical, verticalBase } = row;
  if (!vertical || !verticalBase) return false;
  return Math.abs(vertical - verticalBase) < 0.02 && Math.abs(vertical / verticalBase - 1) < 0.1;
}

/**
 * Retained earnings grow by the profit of the year before, less dividends: a rise no larger than
 * that profit is the year's result carried forward, already alerted as net income.
 */
function profitCarriedForward(row: ComparisonRow, periods: readonly CanonicalPeriod[]): boolean {
  if (row.key !== "retained_earnings" || row.change === null || row.change <= 0) return false;
  const before = periods.find((period) => period.period === row.basePeriod)?.values;
  const profit = before?.current_year_profit ?? before?.net_income;
  return profit !== undefined && profit > 0 && row.change <= profit * 1.05;
}

function materialChanges(
  input: AlertInput,
  thresholds: AlertThresholds,
  currencyOf: (p: string) => string | undefined,
) {
  const alerts: Alert[] = [];
  // Lines whose movement another alert already tells (retained earnings through net income).
  const carried: string[] = [];
  const has = (key: string, period: string) =>
    input.comparison.some((row) => row.kind === "item" && row.key === key && row.period === period);
  for (const row of input.comparison) {
    if (row.kind !== "item" || row.changePercent === null) continue;
    // Across years of high inflation a nominal rise may be a real fall: the real change decides.
    const moved = row.realChangePercent ?? row.changePercent;
    const mirrored = MIRRORS[row.key];
    if (mirrored && has(mirrored, row.period)) continue;
    if (movedWithSales(row)) continue;
    if (profitCarriedForward(row, input.periods)) {
      carried.push(`${row.key}|${row.period}`);
      continue;
    }
    const share = Math.max(Math.abs(row.vertical ?? 0), Math.abs(row.verticalBase ?? 0));
    if (Math.abs(moved) < thresholds.changePercent || share < thresholds.materiality) continue;
    alerts.push({
      rule: "material_change",
      severity: changeSeverity(row, thresholds),
      period: row.period,
      key: row.key,
      value: row.value,
      threshold: thresholds.changePercent,
      basePeriod: row.basePeriod,
      base: row.base,
      changePercent: row.changePercent,
      message: materialChangeMessage(row, share, currencyOf(row.period)),
    });
  }
  return rollUp(alerts, input.comparison, carried);
}

function ratioThresholds(
  input: AlertInput,
  thresholds: AlertThresholds,
  currencyOf: (p: string) => string | undefined,
) {
  const alerts: Alert[] = [];
  const priorOf = (key: string, period: string) =>
    input.comparison.find((row) => row.kind === "ratio" && row.key === key && row.period === period);
  for (const result of input.ratios) {
    const value = result.value;
    if (value === null) continue;
    const known = { ...result, value };
    const prior = priorOf(result.key, result.period);
    const currency = currencyOf(result.period);
    const base = { period: result.period, key: result.key, value };
    if (result.key === "current_ratio" && value < thresholds.currentRatio) {
      alerts.push({
        ...base,
        rule: "current_ratio_low",
        severity: "warning",
        threshold: thresholds.currentRatio,
        message: currentRatioMessage(known, thresholds.currentRatio, prior, currency),
      });
    }
    if (result.key === "interest_coverage" && value < thresholds.interestCoverage) {
      alerts.push({
        ...base,
        rule: "interest_coverage_low",
        severity: value < 1 ? "critical" : "warning",
        threshold: thresholds.interestCoverage,
        message: interestCoverageMessage(known, thresholds.interestCoverage, prior, currency),
      });
    }
    // Cash or quick ratio halved: liquidity is going fast even while still above any threshold.
    const halved =
      (result.key === "cash_ratio" || result.key === "quick_ratio") &&
      prior?.base !== null &&
      prior?.base !== undefined &&
      prior.base > 0 &&
      value <= prior.base / 2;
    if (halved && prior) {
      alerts.push({
        ...base,
        rule: "liquidity_fall",
        severity: "warning",
        threshold: 0.5,
        basePeriod: prior.basePeriod,
        base: prior.base,
        message: liquidityFallMessage(known, prior),
      });
    }
    if (result.key === "debt_ratio" && value > thresholds.debtRatio) {
      alerts.push({
        ...base,
        rule: "debt_ratio_high",
        severity: "warning",
        threshold: thresholds.debtRatio,
        message: debtRatioMessage(known, thresholds.debtRatio, prior, currency),
      });
    }
  }
  return alerts;
}

function balanceAlerts(input: AlertInput) {
  const alerts: Alert[] = [];
  for (const period of input.periods) {
    const { total_equity: equity, net_income: netIncome, total_assets: assets } = period.values;
    if (equity !== undefined && equity < 0) {
      alerts.push({
        rule: "negative_equity",
        severity: "critical",
        period: period.period,
        key: "total_equity",
        value: equity,
        threshold: 0,
        message: negativeEquityMessage(period.period, equity, assets, period.currency),
      });
    }
    if (netIncome !== undefined && netIncome < 0) {
      const margin =
        input.ratios.find((r) => r.key === "net_margin" && r.period === period.period)?.value ?? null;
      const prior = input.comparison.find(
        (row) => row.kind === "item" && row.key === "net_income" && row.period === period.period,
      );
      alerts.push({
        rule: "net_loss",
        severity: "warning",
        period: period.period,
        key: "net_income",
        value: netIncome,
        threshold: 0,
        message: netLossMessage(period.period, netIncome, margin, prior, period.currency),
      });
    }
  }
  return alerts;
}

/** Conditions, not movements: the same breach in two periods is one alert, at the latest. */
const CONDITIONS = new Set([
  "current_ratio_low",
  "interest_coverage_low",
  "debt_ratio_high",
  "negative_equity",
  "net_loss",
]);

/**
 * A condition that still holds is alerted once, at its latest period; that alert's message gives
 * the earlier value ("below 1.00 … (31.12.2023: 0.88)"). One that has cleared stays, as history.
 */
function latestOfPersisting(alerts: Alert[]): Alert[] {
  return alerts.filter(
    (alert) =>
      !CONDITIONS.has(alert.rule) ||
      !alerts.some(
        (later) => later.rule === alert.rule && later.key === alert.key && later.period > alert.period,
      ),
  );
}

/** Alerts newest period first, then by severity; within a severity ratio rules before line items. */
export function detectAlerts(
  input: AlertInput,
  thresholds: AlertThresholds = DEFAULT_ALERT_THRESHOLDS,
  options: AlertOptions = {},
): Alert[] {
  const currencies = new Map(input.periods.map((p) => [p.period, p.currency]));
  const currencyOf = (period: string) => currencies.get(period);
  const wanted = options.periods ? new Set(options.periods) : undefined;
  const alerts = latestOfPersisting(
    [
      ...balanceAlerts(input),
      ...ratioThresholds(input, thresholds, currencyOf),
      ...materialChanges(input, thresholds, currencyOf),
    ].filter((alert) => !wanted || wanted.has(alert.period)),
  );
  return alerts
    .map((alert, order) => ({ alert, order }))
    .sort(
      (a, b) =>
        b.alert.period.localeCompare(a.alert.period) ||
        SEVERITY_ORDER[a.alert.severity] - SEVERITY_ORDER[b.alert.severity] ||
        a.order - b.order,
    )
    .map(({ alert }) => alert);
}
