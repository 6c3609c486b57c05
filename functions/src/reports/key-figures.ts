/** The handful of figures a reader looks at first: on the summary sheet, the PDF cover page and the email. */
import type { AnalysisOutput, RatioKey, RatioUnit } from "../analysis/types";
import type { CanonicalKey, Statement, StatementItem } from "../pipeline/types";
import { statementPeriodId } from "./periods";
import { findRatio, ratioUnitOf } from "./ratio-lookup";

export const KEY_AMOUNTS: CanonicalKey[] = ["total_assets", "total_equity", "revenue", "net_income"];
export const KEY_RATIOS: RatioKey[] = ["current_ratio", "debt_ratio", "net_margin", "return_on_equity"];

export interface KeyFigure {
  kind: "item" | "ratio";
  key: CanonicalKey | RatioKey;
  unit: RatioUnit;
  /** By period id; null when the document does not give it. */
  values: Record<string, number | null>;
}

/** The first statement giving `key` in the report period, with its own period id and the value. */
export function canonicalEntry(
  statements: Statement[],
  key: string,
  period: string,
): { statement: Statement; own: string; value: number } | undefined {
  for (const statement of statements) {
    const own = statementPeriodId(statement, period);
    const value = own === undefined ? undefined : statement.canonical[key as CanonicalKey]?.[own];
    if (own !== undefined && value !== undefined && Number.isFinite(value)) return { statement, own, value };
  }
  return undefined;
}

export function canonicalValue(statements: Statement[], key: string, period: string): number | undefined {
  return canonicalEntry(statements, key, period)?.value;
}

/** The printed line a canonical value was read from, for its confidence, sources and flags. */
export function itemForKey(statements: Statement[], key: string): StatementItem | undefined {
  for (const statement of statements) {
    const item = statement.items.find((candidate) => candidate.key === key);
    if (item) return item;
  }
  return undefined;
}

export function keyFigures(output: AnalysisOutput, periods: string[]): KeyFigure[] {
  const amounts = KEY_AMOUNTS.filter((key) =>
    periods.some((p) => canonicalValue(output.statements, key, p) !== undefined),
  ).map(
    (key): KeyFigure => ({
      kind: "item",
      key,
      unit: "amount",
      values: Object.fromEntries(periods.map((p) => [p, canonicalValue(output.statements, key, p) ?? null])),
    }),
  );
  const ratios = KEY_RATIOS.filter((key) => periods.some((p) => findRatio(output.ratios, key, p))).map(
    (key): KeyFigure => ({
      kind: "ratio",
      key,
      unit: ratioUnitOf(output.ratios, key) ?? "ratio",
      values: Object.fromEntries(periods.map((p) => [p, findRatio(output.ratios, key, p)?.value ?? null])),
    }),
  );
  return [...amounts, ...ratios];
}
