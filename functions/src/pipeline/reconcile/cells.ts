import type { CanonicalKey, StatementType, ValueSource } from "../types";
import type { BookCheck, CheckBook, Working } from "./check-book";

/** One reading of a canonical value. */
export interface Reading {
  value: number;
  source: ValueSource;
  confidence: number;
}

/** Every reading of one (statement, key, period), and what reconciliation made of them. */
export interface Cell {
  type: StatementType;
  key: CanonicalKey;
  period: string;
  /** Text layer or OCR, as the parser read it. */
  base?: Reading;
  vision?: Reading;
  /** Values the parser's checks proposed (a single unknown pinned by arithmetic). */
  arithmetic: number[];
  /** The readings disagreed. */
  disputed: boolean;
  /** A reading added this value up from several lines: our aggregation, not a printed number. */
  summed?: boolean;
  /** The checks preferred the chosen reading over the other. */
  decidedByChecks: boolean;
  chosen?: "base" | "vision";
}

export const cellId = (type: StatementType, key: CanonicalKey, period: string) => `${type}|${key}|${period}`;

/** Readings within half a cent (or half a printed unit) are the same number. */
export function sameValue(a: number, b: number, unit = 1): boolean {
  return Math.abs(a - b) <= Math.max(0.005, 0.005 * unit);
}

interface Score {
  pass: number;
  fail: number;
}

function scoreOf(checks: BookCheck[], cell: Cell): Score {
  const s = { pass: 0, fail: 0 };
  for (const c of checks) {
    if (!c.refs.some((r) => r.type === cell.type && r.key === cell.key)) continue;
    if (c.ok) s.pass += 1;
    else s.fail += 1;
  }
  return s;
}

const better = (a: Score, b: Score) =>
  a.pass - a.fail > b.pass - b.fail || (a.pass - a.fail === b.pass - b.fail && a.pass > b.pass);

/**
 * Settles disagreements by arithmetic: each disputed value is tried with each reading in turn,
 * the other values as currently decided, and the reading under which more checks pass (fewer
 * fail) wins. Repeated until nothing changes, because fixing one total can decide another.
 * When the checks cannot tell, the parser's reading stays (the text layer is exact; OCR is
 * literal), unless it was itself an unsure reading and the model's was not.
 */
export function settleDisputes(
  cells: Cell[],
  working: Working,
  book: CheckBook,
  units: Map<StatementType, number>,
): void {
  const disputed = cells.filter((c) => c.disputed && c.base && c.vision);
  const set = (cell: Cell, value: number) => {
    const canonical = working.get(cell.type) ?? {};
    canonical[cell.key] = { ...canonical[cell.key], [cell.period]: value };
    working.set(cell.type, canonical);
  };
  for (const cell of disputed) {
    const fallback =
      (cell.base as Reading).source === "ocr" && (cell.base as Reading).confidence < 0.5 ? "vision" : "base";
    cell.chosen = fallback;
    set(cell, (fallback === "base" ? cell.base : cell.vision)?.value as number);
  }
  for (let round = 0; round < 4; round++) {
    let changed = false;
    for (const cell of disputed) {
      const scores = (["base", "vision"] as const).map((side) => {
        set(cell, cell[side]?.value as number);
        return scoreOf(book.evaluate(working, cell.period), cell);
      });
      const [base, vision] = scores as [Score, Score];
      let chosen: "base" | "vision" = cell.chosen ?? "base";
      if (better(vision, base)) chosen = "vision";
      else if (better(base, vision)) chosen = "base";
      cell.decidedByChecks = better(vision, base) || better(base, vision);
      if (chosen !== cell.chosen) changed = true;
      cell.chosen = chosen;
      set(cell, cell[chosen]?.value as number);
    }
    if (!changed) break;
  }
  // A reading that equals an arithmetic proposal has the check that proposed it on its side.
  for (const cell of disputed) {
    if (cell.decidedByChecks) continue;
    const unit = units.get(cell.type) ?? 1;
    const baseMatches = cell.arithmetic.some((a) => sameValue(a, (cell.base as Reading).value, unit));
    const visionMatches = cell.arithmetic.some((a) => sameValue(a, (cell.vision as Reading).value, unit));
    if (visionMatches !== baseMatches) {
      cell.chosen = visionMatches ? "vision" : "base";
      cell.decidedByChecks = true;
      set(cell, cell[cell.chosen]?.value as number);
    }
  }
}

/** Which readings gave the final value. */
export function sourcesOf(cell: Cell, value: number, unit: number): ValueSource[] {
  const out: ValueSource[] = [];
  if (cell.base && sameValue(cell.base.value, value, unit)) out.push(cell.base.source);
  if (cell.vision && sameValue(cell.vision.value, value, unit)) out.push("vision");
  return out;
}
