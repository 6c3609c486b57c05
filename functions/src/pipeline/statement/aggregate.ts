import { SECTION_TOTAL } from "../parse/canonical-keys";
import type { CanonicalKey, Statement, StatementType } from "../types";
import { type SignConvention, signedValue } from "./canonical";
import type { ParsedLine } from "./items";

/** A line's signed values, its canonical key and its place in the outline, ready for checks. */
export interface KeyedLine extends ParsedLine {
  /** Index of the line this one is a printed component of. */
  parent?: number;
  signed: Record<string, number | null>;
}

/**
 * Gives unlabelled subtotals their key: a line with no label that adds up the lines of a
 * section before it is that section's total (UK accounts print the current-asset total bare).
 */
export function keyUnlabelledSubtotals(lines: KeyedLine[]): void {
  const taken = new Set(lines.map((l) => l.item.key).filter(Boolean));
  lines.forEach((line, index) => {
    if (line.item.key || line.item.label) return;
    const components = lines.filter((l) => l.parent === index);
    const sections = new Set(components.map((c) => c.section));
    const section = sections.size === 1 ? [...sections][0] : undefined;
    const key = section && section !== "income" ? SECTION_TOTAL[section] : undefined;
    if (key && !taken.has(key)) {
      line.item.key = key;
      line.keyConfidence = 0.9;
      line.item.flags = [...(line.item.flags ?? []), "unlabelled_subtotal"];
      taken.add(key);
    }
  });
}

export function signLines(
  lines: ParsedLine[],
  parents: Array<number | undefined>,
  statement: StatementType,
  convention: SignConvention,
): KeyedLine[] {
  return lines.map((line, i) => {
    const signed: Record<string, number | null> = {};
    for (const [period, value] of Object.entries(line.item.values)) {
      signed[period] = value === null ? null : signedValue(line, value, statement, convention);
    }
    return { ...line, parent: parents[i], signed };
  });
}

const PROFITS = new Set<CanonicalKey>([
  "gross_profit",
  "operating_profit",
  "profit_before_tax",
  "net_income",
]);

/** A total or a profit: a result of other lines, which two lines can never add up to. */
function isResult(key: CanonicalKey): boolean {
  return key.startsWith("total_") || PROFITS.has(key);
}

/**
 * Canonical value per key and period: the key's lines added up (THP 100 Kasa + 102 Bankalar =
 * cash; short-term loans + current portion of long-term debt = short-term borrowings), leaving
 * out lines that are the printed breakdown of another line of the same key.
 */
export function aggregateCanonical(lines: KeyedLine[]): Pick<Statement, "canonical" | "canonicalConfidence"> {
  const canonical: Statement["canonical"] = {};
  const confidence: NonNullable<Statement["canonicalConfidence"]> = {};
  const byKey = new Map<CanonicalKey, KeyedLine[]>();
  for (const line of lines) {
    const key = line.item.key;
    if (!key) continue;
    const parentKey = line.parent !== undefined ? lines[line.parent]?.item.key : undefined;
    if (parentKey === key) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), line]);
  }
  for (const [key, keyed] of byKey) {
    const periods = new Set(keyed.flatMap((l) => Object.keys(l.signed)));
    for (const period of periods) {
      const printed = keyed.filter((l) => l.signed[period] !== null && l.signed[period] !== undefined);
      if (printed.length === 0) continue;
      // Lines at different outline depths whose breakdown did not add up: the shallowest level
      // (the group) is the key's value; its accounts would count twice.
      const shallowest = Math.min(...printed.map((l) => l.depth));
      const present = printed.filter((l) => l.depth === shallowest);
      const lineConf = (l: KeyedLine) =>
        (l.item.valueConfidence?.[period] ?? l.item.confidence) * l.keyConfidence;
      const values = present.map((l) => l.signed[period] as number);
      // The same total printed twice (THP class heading and its "TOPLAMI" line) counts once.
      const repeated =
        present.length > 1 && present.some((l) => l.item.isTotal) && values.every((v) => v === values[0]);
      // Two different lines under a total or a profit key ("ESAS FAALİYET KARI" and, after
      // investing activities, "FAALİYET KARI"): results never add up; the first printed is it.
      const counted = repeated || isResult(key) ? present.slice(0, 1) : present;
      const value = Math.round(counted.reduce((s, l) => s + (l.signed[period] as number), 0) * 100) / 100;
      const conf = Math.min(...counted.map(lineConf));
      canonical[key] = { ...canonical[key], [period]: value };
      confidence[key] = { ...confidence[key], [period]: conf };
    }
  }
  return { canonical, canonicalConfidence: confidence };
}
