/**
 * A canonical value as a formula over the printed lines it was added up from (cash = Kasa +
 * Bankalar; costs printed positive enter negated), so correcting a printed line in the workbook
 * moves the canonical value and everything computed from it.
 *
 * The JSON does not say which lines the pipeline counted, so the lines carrying the key are
 * tried: one line first (a total printed twice counts once), then larger sets, each line with
 * either sign. A formula is kept only when it gives the stored value; otherwise the value stays
 * a constant, as a formula that recalculates to another number would be worse than none.
 */

export interface PrintedCell {
  /** The cell of the printed value, e.g. "C12". */
  ref: string;
  value: number;
}

/** Beyond this many lines the search is too wide to tell a real sum from a coincidence. */
const MAX_LINES = 6;
/** Canonical amounts are rounded to cents. */
const CENT = 0.005;

function term(cell: PrintedCell, sign: 1 | -1, first: boolean): string {
  if (sign === 1) return first ? cell.ref : `+${cell.ref}`;
  return `-${cell.ref}`;
}

function* signedSubsets(size: number, count: number): Generator<Array<{ index: number; sign: 1 | -1 }>> {
  const choose = function* (start: number, left: number): Generator<number[]> {
    if (left === 0) {
      yield [];
      return;
    }
    for (let index = start; index <= count - left; index++) {
      for (const rest of choose(index + 1, left - 1)) yield [index, ...rest];
    }
  };
  for (const indexes of choose(0, size)) {
    // Plus signs first: "A+B" before "A-B".
    for (let mask = 0; mask < 1 << size; mask++) {
      yield indexes.map((index, position) => ({ index, sign: mask & (1 << position) ? -1 : 1 }));
    }
  }
}

/** The formula (without "=") adding printed cells up to `target`, or undefined. */
export function lineSumFormula(cells: PrintedCell[], target: number): string | undefined {
  const lines = cells.filter((cell) => cell.value !== 0 || target === 0);
  if (lines.length === 0 || lines.length > MAX_LINES) return undefined;
  for (let size = 1; size <= lines.length; size++) {
    for (const subset of signedSubsets(size, lines.length)) {
      const sum = subset.reduce((total, { index, sign }) => total + sign * lines[index]!.value, 0);
      if (Math.abs(sum - target) >= CENT) continue;
      return subset.map(({ index, sign }, position) => term(lines[index]!, sign, position === 0)).join("");
    }
  }
  return undefined;
}

/**
 * The workbook name of a canonical value: `total_current_assets_2024`, or with the full date when
 * the document has two periods in one year (`cash_2024_06_30`). Undated periods get none.
 */
export function canonicalName(
  key: string,
  periodId: string,
  periodIds: readonly string[],
): string | undefined {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(periodId);
  if (!date) return undefined;
  const year = date[1]!;
  const sameYear = periodIds.filter((id) => id.startsWith(`${year}-`)).length;
  return sameYear > 1 ? `${key}_${periodId.replaceAll("-", "_")}` : `${key}_${year}`;
}
