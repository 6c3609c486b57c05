import { INCOME_ANCHORS } from "../checks/line-sums";
import type { ParsedLine } from "./items";

const tolerance = (a: number) => Math.max(1, Math.abs(a) * 1e-6);

function periodsWithValues(line: ParsedLine): string[] {
  return Object.entries(line.item.values)
    .filter(([, v]) => v !== null)
    .map(([p]) => p);
}

function sumMatches(parent: ParsedLine, children: ParsedLine[]): boolean {
  const periods = periodsWithValues(parent);
  if (periods.length === 0) return false;
  let nonZero = false;
  for (const p of periods) {
    const target = parent.item.values[p] ?? 0;
    // A contra line ("257 Birikmiş Amortismanlar (-)") reduces its group whatever its printed sign.
    const contribution = (c: ParsedLine) =>
      c.contra ? -Math.abs(c.item.values[p] ?? 0) : (c.item.values[p] ?? 0);
    const sum = children.reduce((s, c) => s + contribution(c), 0);
    const absSum = children.reduce((s, c) => s + (c.contra ? -1 : 1) * Math.abs(c.item.values[p] ?? 0), 0);
    // Components may be printed unsigned (costs without brackets): accept the signed or the plain sum.
    if (Math.abs(sum - target) > tolerance(target) && Math.abs(absSum - Math.abs(target)) > tolerance(target))
      return false;
    if (target !== 0) nonZero = true;
  }
  return nonZero;
}

/**
 * Finds which lines are the printed breakdown of another: a line followed by two or more lines
 * that add up to it (KAP's "Ticari Alacaklar" over its related-party split), or a line, labelled
 * or not, preceded by lines that add up to it (a subtotal). Returns, per line, the index of the
 * line it is a component of.
 */
export function findComponents(lines: ParsedLine[]): Array<number | undefined> {
  const parentOf: Array<number | undefined> = new Array(lines.length).fill(undefined);
  const maxRun = 12;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as ParsedLine;
    if (line.item.label) {
      // Breakdown printed below its parent (KAP splits, THP groups over their accounts): only
      // when the lines below sit deeper in the outline.
      // A THP group may hold a single account ("H. Gelecek Aylara Ait Giderler" = 180 alone).
      const firstRun = lines[i + 1] && (lines[i + 1] as ParsedLine).depth > line.depth ? 1 : 2;
      for (let m = firstRun; m <= maxRun && i + m < lines.length + 1; m++) {
        const run = lines.slice(i + 1, i + 1 + m);
        if (run.length < m || run.some((_, k) => parentOf[i + 1 + k] !== undefined)) break;
        if (run.some((c) => c.depth < line.depth || (c.item.isTotal && c.depth <= line.depth))) break;
        // A profit printed below a line is the next step of the chain, never its breakdown:
        // "Net Satışlar" = 620 + 621 + "BRÜT SATIŞ KÂRI" holds, and means nothing.
        if (
          run.some((c) => c.item.key && c.item.key !== line.item.key && INCOME_ANCHORS.includes(c.item.key))
        )
          break;
        if (sumMatches(line, run)) {
          const deeper = run.every(
            (c) =>
              c.depth > line.depth ||
              c.indent > line.indent + 1 ||
              (!line.item.isTotal && c.item.key === line.item.key),
          );
          if (deeper) for (let k = 1; k <= m; k++) parentOf[i + k] = i;
          break;
        }
      }
    }
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as ParsedLine;
    const isSubtotal = line.item.isTotal || !line.item.label;
    if (!isSubtotal) continue;
    for (let m = 2; m <= maxRun && i - m >= 0; m++) {
      const run = lines.slice(i - m, i);
      // A subtotal adds up plain lines; a profit line after another is a running total instead.
      if (run.some((c, k) => parentOf[i - m + k] !== undefined || c.item.isTotal)) break;
      if (sumMatches(line, run)) {
        for (let k = i - m; k < i; k++) parentOf[k] = i;
        break;
      }
    }
  }
  return parentOf;
}
