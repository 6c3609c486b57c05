import type { CanonicalKey, Statement, StatementType } from "../types";
import { SECTION_TOTAL, type SignConvention, signedValue } from "./canonical";
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
    const key = section ? SECTION_TOTAL[section] : undefined;
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

/**
 * Canonical value per key and period. A printed total or group line for the key wins; otherwise
 * the key's lines are added up (THP 100 Kasa + 102 Bankalar = cash), leaving out lines that are
 * the breakdown of another line of the same key. Disagreeing totals are flagged, not averaged.
 */
export function aggregateCanonical(
  lines: KeyedLine[],
): Pick<Statement, "canonical" | "canonicalConfidence"> & { conflicts: Array<{ key: CanonicalKey; period: string }> } {
  const canonical: Statement["canonical"] = {};
  const confidence: NonNullable<Statement["canonicalConfidence"]> = {};
  const conflicts: Array<{ key: CanonicalKey; period: string }> = [];
  const byKey = new Map<CanonicalKey, KeyedLine[]>();
  for (const line of lines) {
    const key = line.item.key;
    if (!key) continue;
    const parentKey = line.parent !== undefined ? lines[line.parent]?.item.key : undefined;
    if (parentKey === key) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), line]);
  }
  for (const [key, keyed] of byKey) {
    // A printed total or group line wins; then a line naming the whole key over its parts.
    const totals = keyed.filter((l) => l.item.isTotal || l.depth < 2);
    const wholes = keyed.filter((l) => !l.part);
    const single = totals.length > 0 ? totals : wholes.length > 0 && wholes.length < keyed.length ? wholes : [];
    const chosen = single.length > 0 ? single : keyed;
    const periods = new Set(chosen.flatMap((l) => Object.keys(l.signed)));
    for (const period of periods) {
      const present = chosen.filter((l) => l.signed[period] !== null && l.signed[period] !== undefined);
      if (present.length === 0) continue;
      let value: number;
      let conf: number;
      const lineConf = (l: KeyedLine) => (l.item.valueConfidence?.[period] ?? l.item.confidence) * l.keyConfidence;
      if (single.length > 0) {
        const first = present[0] as KeyedLine;
        value = first.signed[period] as number;
        conf = lineConf(first);
        if (present.some((l) => Math.abs((l.signed[period] as number) - value) > 0.5)) {
          conflicts.push({ key, period });
          conf = Math.min(conf, 0.4);
        }
      } else {
        value = Math.round(present.reduce((s, l) => s + (l.signed[period] as number), 0) * 100) / 100;
        conf = Math.min(...present.map(lineConf));
      }
      (canonical[key] ??= {})[period] = value;
      (confidence[key] ??= {})[period] = conf;
    }
  }
  return { canonical, canonicalConfidence: confidence, conflicts };
}
