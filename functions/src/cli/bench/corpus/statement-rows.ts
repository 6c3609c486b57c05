import type { CanonicalKey } from "../../../pipeline/types";
import type { Concept, Figures } from "./company-figures";

export type RowRole = "heading" | "leaf" | "group" | "total";

/** One printed row of a statement template. */
export interface StatementRow {
  id: string;
  label: string;
  code?: string;
  note?: string;
  level: number;
  role: RowRole;
  /** Leaf rows: the concepts whose sum the row prints. */
  concepts?: Concept[];
  /** Group and total rows: the rows whose sum the row prints. */
  sumOf?: string[];
  /** Rows carrying the same key add up to the canonical value. */
  key?: CanonicalKey;
  parentKey?: CanonicalKey;
  /** Printed value = additive value times this: -1 for expenses or contra lines printed unsigned. */
  printedSign: 1 | -1;
  /** False for a group header whose subtotal is not printed. */
  showValue: boolean;
  /** May be printed as a blank cell in one period (an account that did not exist then). */
  blankable: boolean;
  bold: boolean;
  /** A grand total: ruled twice in styles that rule. */
  grand?: boolean;
  /** Start a new page here: a balance sheet continued on a second page. */
  pageBreakBefore?: boolean;
  /** Also print the currency sign in the value cell (US style, first line and totals). */
  currencySign?: boolean;
}

export interface RowOptions {
  code?: string;
  note?: string;
  key?: CanonicalKey;
  printedSign?: 1 | -1;
  level?: number;
  blankable?: boolean;
  bold?: boolean;
  showValue?: boolean;
  grand?: boolean;
  currencySign?: boolean;
}

/** Builds a template row by row; ids are assigned in print order. */
export class StatementRows {
  readonly rows: StatementRow[] = [];

  /** `prefix` keeps ids unique across the statements of one document. */
  constructor(private readonly prefix: string) {}

  heading(label: string, options: RowOptions = {}): string {
    return this.add({ label, role: "heading", showValue: false, bold: options.bold ?? true, ...options });
  }

  leaf(label: string, concepts: Concept[], options: RowOptions = {}): string {
    return this.add({ label, role: "leaf", concepts, ...options });
  }

  /** A group line printed above its components (THP: "A. Hazır Değerler" then 100, 102 ...). */
  group(label: string, options: RowOptions, components: (rows: StatementRows) => void): string {
    const id = this.add({ label, role: "group", sumOf: [], ...options });
    const start = this.rows.length;
    components(this);
    const group = this.rows.find((r) => r.id === id)!;
    const level = group.level;
    // Direct components only: rows one level deeper than the group.
    group.sumOf = this.rows
      .slice(start)
      .filter((r) => r.level === level + 1 && r.role !== "heading")
      .map((r) => r.id);
    if (group.key) for (const row of this.rows.slice(start)) row.parentKey ??= group.key;
    return id;
  }

  total(label: string, sumOf: string[], options: RowOptions = {}): string {
    return this.add({ label, role: "total", sumOf, bold: options.bold ?? true, ...options });
  }

  breakPageBeforeNext(): void {
    this.pendingBreak = true;
  }

  private pendingBreak = false;

  private add(row: Partial<StatementRow> & { label: string; role: RowRole }): string {
    const id = `${this.prefix}${this.rows.length}`;
    this.rows.push({
      id,
      level: 0,
      printedSign: 1,
      showValue: true,
      blankable: false,
      bold: false,
      ...row,
      pageBreakBefore: this.pendingBreak || undefined,
    });
    this.pendingBreak = false;
    return id;
  }
}

/** Every concept printed by a template. */
export function conceptsOf(rows: readonly StatementRow[]): Set<Concept> {
  return new Set(rows.flatMap((r) => r.concepts ?? []));
}

/**
 * Additive values per row and period in minor units; null where every component is blank.
 * `blank` holds, per period, the ids of leaf rows printed as empty cells.
 */
export function evaluateRows(
  rows: readonly StatementRow[],
  figures: readonly Figures[],
  blank: ReadonlyArray<ReadonlySet<string>>,
): Map<string, Array<number | null>> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const memo = new Map<string, Array<number | null>>();
  const value = (id: string): Array<number | null> => {
    const cached = memo.get(id);
    if (cached) return cached;
    const row = byId.get(id);
    if (!row) throw new Error(`template refers to unknown row ${id}`);
    const result = figures.map((year, p): number | null => {
      if (row.role === "heading") return null;
      if (row.role === "leaf") {
        if (blank[p]?.has(row.id)) return null;
        return (row.concepts ?? []).reduce((sum, c) => sum + year[c], 0);
      }
      const parts = (row.sumOf ?? []).map((part) => value(part)[p] ?? null).filter((v) => v !== null);
      return parts.length === 0 ? null : parts.reduce((s, v) => s + v, 0);
    });
    memo.set(id, result);
    return result;
  };
  for (const row of rows) value(row.id);
  return memo;
}
