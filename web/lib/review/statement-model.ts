import type { StatementView } from "../api/types";

export type Statement = StatementView;
export type StatementItem = StatementView["items"][number];

/** Below this a value is shown as needing a look; the pipeline's "sure" is ≥ 0.9. */
export const LOW_CONFIDENCE = 0.9;

export function cellConfidence(item: StatementItem, period: string): number {
  return item.valueConfidence?.[period] ?? item.confidence;
}

/** A cell is `${itemIndex}|${period}`. */
export function cellKey(itemIndex: number, period: string): string {
  return `${itemIndex}|${period}`;
}

/**
 * Cells touched by a failed check: a check names the canonical keys or printed labels it
 * involves, for one period.
 */
export function cellsInFailedChecks(statement: Statement): Set<string> {
  const cells = new Set<string>();
  for (const check of statement.checks) {
    if (check.ok) continue;
    const involved = new Set(check.involves ?? []);
    statement.items.forEach((item, index) => {
      if ((item.key && involved.has(item.key)) || involved.has(item.label))
        cells.add(cellKey(index, check.period));
    });
  }
  return cells;
}

/** Amounts are shown in the printed unit ("Bin TL" → thousands), as on the page beside them. */
export function printedValue(value: number | null | undefined, unit: number): number | null {
  if (value === null || value === undefined) return null;
  return unit > 1 ? value / unit : value;
}

/** Whole numbers when every printed value is whole (most statements), two decimals otherwise. */
export function displayDecimals(statement: Statement): number {
  for (const item of statement.items) {
    for (const value of Object.values(item.values)) {
      const printed = printedValue(value, statement.unit);
      if (printed !== null && Math.abs(printed - Math.round(printed)) > 1e-6) return 2;
    }
  }
  return 0;
}

export interface CellAddress {
  statementId: string;
  itemIndex: number;
  period: string;
}

export function sameCell(a: CellAddress | null, b: CellAddress | null): boolean {
  return Boolean(
    a && b && a.statementId === b.statementId && a.itemIndex === b.itemIndex && a.period === b.period,
  );
}
