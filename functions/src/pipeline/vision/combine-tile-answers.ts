import type { VisionAnswer, VisionAnswerLine, VisionAnswerStatement } from "./answer-schema";

/**
 * A line of the next tile is the same printed line as one of the previous tile when its label
 * and code match and it lies within this many lines of the shared edge (the overlap holds
 * about three), or when every amount both tiles read agrees.
 */
const EDGE_LINES = 4;

/**
 * The answers for a page's tiles, top to bottom, as one page answer: statements of the same
 * type are joined, the periods of the first tile that printed the most columns kept, and a
 * line read in two overlapping tiles kept once (same label and column → one value). Two
 * readings of one cell that disagree keep the upper tile's and are reported: neither is
 * trusted more, and reconciliation checks the value against the page text either way.
 */
export function combineTileAnswers(answers: VisionAnswer[]): { answer: VisionAnswer; warnings: string[] } {
  if (answers.length === 1 && answers[0]) return { answer: answers[0], warnings: [] };
  const warnings = new Set<string>();
  const combined: Array<{ statement: VisionAnswerStatement; lastTile: VisionAnswerLine[] }> = [];
  for (const answer of answers) {
    const seenOfType = new Map<string, number>();
    for (const statement of answer.statements) {
      const nth = seenOfType.get(statement.type) ?? 0;
      seenOfType.set(statement.type, nth + 1);
      const same = combined.filter((c) => c.statement.type === statement.type)[nth];
      if (!same) {
        const copy = structuredClone(statement);
        combined.push({ statement: copy, lastTile: copy.lines });
        continue;
      }
      const columns = columnMap(statement, same.statement);
      if (!columns) {
        warnings.add("vision_tile_columns_differ");
        continue;
      }
      if (statement.periods.length > same.statement.periods.length) widenPeriods(same.statement, statement);
      same.statement.title ??= statement.title;
      same.statement.currency ??= statement.currency;
      appendLines(same, statement.lines, columns, warnings);
    }
  }
  return {
    answer: {
      statements: combined.map((c) => c.statement),
      illegible: answers.length > 0 && answers.every((a) => a.illegible),
    },
    warnings: [...warnings],
  };
}

/** Where each of `from`'s columns is in `into`, or undefined when they cannot be matched. */
function columnMap(from: VisionAnswerStatement, into: VisionAnswerStatement): number[] | undefined {
  const mapped = from.periods.map((p, index) => {
    const byEnd = p.end ? into.periods.findIndex((q) => q.end === p.end) : -1;
    if (byEnd >= 0) return byEnd;
    const byLabel = into.periods.findIndex((q) => normal(q.label) === normal(p.label));
    if (byLabel >= 0) return byLabel;
    // A tile below the headings sees bare columns: the same count means the same columns.
    return from.periods.length === into.periods.length ? index : -1;
  });
  if (mapped.some((m) => m < 0) || new Set(mapped).size !== mapped.length) {
    if (from.periods.length > into.periods.length) return identity(from.periods.length);
    return undefined;
  }
  return mapped;
}

/** A later tile saw more columns than the first (a heading cut off): keep the wider set. */
function widenPeriods(into: VisionAnswerStatement, from: VisionAnswerStatement): void {
  const extra = from.periods.length - into.periods.length;
  into.periods = from.periods.map((p) => ({ ...p }));
  for (const line of into.lines) line.values = [...line.values, ...new Array(extra).fill(null)];
}

function appendLines(
  target: { statement: VisionAnswerStatement; lastTile: VisionAnswerLine[] },
  lines: VisionAnswerLine[],
  columns: number[],
  warnings: Set<string>,
): void {
  const width = target.statement.periods.length;
  const previous = target.lastTile;
  const used = new Set<VisionAnswerLine>();
  const placed: VisionAnswerLine[] = [];
  for (const [index, line] of lines.entries()) {
    const values: Array<string | null> = new Array(width).fill(null);
    columns.forEach((to, from) => {
      values[to] = line.values[from] ?? null;
    });
    const twin = previous.find(
      (candidate, at) =>
        !used.has(candidate) &&
        sameLine(candidate, line) &&
        (agrees(candidate.values, values) || (index < EDGE_LINES && at >= previous.length - EDGE_LINES)),
    );
    if (twin) {
      used.add(twin);
      mergeValues(twin, values, warnings);
      placed.push(twin);
      continue;
    }
    const copy = { ...line, values };
    target.statement.lines.push(copy);
    placed.push(copy);
  }
  target.lastTile = placed;
}

function mergeValues(kept: VisionAnswerLine, values: Array<string | null>, warnings: Set<string>): void {
  kept.values = kept.values.map((value, i) => {
    const other = values[i] ?? null;
    if (value === null) return other;
    if (other !== null && normal(other) !== normal(value)) warnings.add("vision_tiles_disagree");
    return value;
  });
}

function agrees(a: Array<string | null>, b: Array<string | null>): boolean {
  let shared = 0;
  for (const [i, value] of a.entries()) {
    const other = b[i] ?? null;
    if (value === null || other === null) continue;
    if (normal(value) !== normal(other)) return false;
    shared += 1;
  }
  return shared > 0;
}

function sameLine(a: VisionAnswerLine, b: VisionAnswerLine): boolean {
  return normal(a.label) === normal(b.label) && (a.code ?? "") === (b.code ?? "");
}

function normal(text: string): string {
  return text.toLocaleLowerCase("tr").replace(/\s+/g, " ").trim();
}

function identity(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
