import type { Row } from "./rows";

/** A vertical band of numeric cells: an amount column, or the notes column. */
export interface Column {
  x0: number;
  x1: number;
  /** Median right edge: amounts are right-aligned. */
  right: number;
  support: number;
}

/**
 * Finds the numeric columns of a block of rows. Cells of one column overlap horizontally
 * (right-aligned amounts share their right edge, centred dashes sit inside the band), so the
 * columns are the connected runs of overlapping cell extents.
 */
export function findColumns(rows: Row[]): Column[] {
  const spans = rows
    .flatMap((r) => r.cells.map((c) => ({ x0: c.bbox.x0, x1: c.bbox.x1 })))
    .sort((a, b) => a.x0 - b.x0);
  const groups: Array<{ x0: number; x1: number; rights: number[] }> = [];
  for (const span of spans) {
    const last = groups[groups.length - 1];
    if (last && span.x0 <= last.x1 - 0.5) {
      last.x1 = Math.max(last.x1, span.x1);
      last.rights.push(span.x1);
    } else {
      groups.push({ x0: span.x0, x1: span.x1, rights: [span.x1] });
    }
  }
  return groups.map((g) => {
    const sorted = [...g.rights].sort((a, b) => a - b);
    return {
      x0: g.x0,
      x1: g.x1,
      right: sorted[Math.floor(sorted.length / 2)] ?? g.x1,
      support: g.rights.length,
    };
  });
}

export function columnIndexOf(columns: Column[], x0: number, x1: number): number {
  let best = -1;
  let bestOverlap = 0;
  columns.forEach((col, i) => {
    const overlap = Math.min(col.x1, x1) - Math.max(col.x0, x0);
    if (overlap > bestOverlap) {
      best = i;
      bestOverlap = overlap;
    }
  });
  return best;
}

/** A period header found above the amount columns, by horizontal extent. */
export interface HeaderSpan {
  x0: number;
  x1: number;
}

/**
 * Assigns amount columns (left to right) to periods (left to right) as contiguous groups.
 * A statement may print one period in two columns (inner column for lines, outer for their
 * totals), so several columns can share a period; two cells of one printed line never can.
 * Among the groupings that respect that, the one whose columns sit closest to their period's
 * header wins; without headers, the most even grouping wins.
 */
export function assignColumnsToPeriods(
  columns: Column[],
  periodCount: number,
  rowsColumns: number[][],
  headers?: HeaderSpan[],
): number[] | undefined {
  const n = columns.length;
  if (n === 0 || periodCount === 0) return undefined;
  if (n <= periodCount) {
    if (!headers || headers.length !== periodCount) return columns.map((_, i) => i + (periodCount - n));
    return nearestMonotone(columns, headers);
  }
  let best: number[] | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const cuts of combinations(n - 1, periodCount - 1)) {
    const assignment = columns.map((_, i) => cuts.filter((c) => c < i).length);
    const violations = rowsColumns.filter((cols) => {
      const periods = cols.map((c) => assignment[c]);
      return new Set(periods).size !== periods.length;
    }).length;
    let cost = violations * 1e6;
    if (headers && headers.length === periodCount) {
      columns.forEach((col, i) => {
        const h = headers[assignment[i] ?? 0];
        if (h) cost += distanceToSpan(col, h) * Math.max(1, col.support);
      });
    } else {
      const sizes = new Array(periodCount).fill(0);
      for (const a of assignment) sizes[a] += 1;
      cost += Math.max(...sizes) - Math.min(...sizes);
    }
    if (cost < bestCost) {
      bestCost = cost;
      best = assignment;
    }
  }
  return best;
}

function distanceToSpan(col: Column, span: HeaderSpan): number {
  if (col.x1 >= span.x0 && col.x0 <= span.x1) return Math.abs(col.right - span.x1) * 0.1;
  return Math.min(Math.abs(col.right - span.x1), Math.abs(col.x0 - span.x0), Math.abs(col.right - span.x0));
}

function nearestMonotone(columns: Column[], headers: HeaderSpan[]): number[] {
  let best: number[] = columns.map((_, i) => i);
  let bestCost = Number.POSITIVE_INFINITY;
  for (const picks of combinations(headers.length, columns.length)) {
    const cost = columns.reduce(
      (sum, col, i) => sum + distanceToSpan(col, headers[picks[i] ?? 0] as HeaderSpan),
      0,
    );
    if (cost < bestCost) {
      bestCost = cost;
      best = picks;
    }
  }
  return best;
}

/** All increasing k-subsets of 0..n-1 (n is at most a dozen columns). */
function* combinations(n: number, k: number): Generator<number[]> {
  const pick: number[] = [];
  function* rec(start: number): Generator<number[]> {
    if (pick.length === k) {
      yield [...pick];
      return;
    }
    for (let i = start; i < n; i++) {
      pick.push(i);
      yield* rec(i + 1);
      pick.pop();
    }
  }
  yield* rec(0);
}
