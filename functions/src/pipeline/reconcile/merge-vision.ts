import type { StatementType } from "../types";
import type { VisionPageResult, VisionStatement } from "../vision/types";
import { aggregateVisionCanonical } from "../vision/vision-signs";
import { alignPeriods } from "./align-periods";

/**
 * One vision statement per type over all pages read: a statement that runs onto the next page
 * comes back from the model as two page answers and is joined here, later pages' columns
 * aligned to the first page's.
 */
export function mergeVisionByType(results: VisionPageResult[]): {
  merged: Map<StatementType, VisionStatement>;
  warnings: string[];
} {
  const merged = new Map<StatementType, VisionStatement>();
  const warnings: string[] = [];
  const ordered = [...results].sort((a, b) => a.page - b.page);
  for (const result of ordered) {
    for (const s of result.statements) {
      const into = merged.get(s.type);
      if (!into) {
        merged.set(s.type, structuredClone(s));
        continue;
      }
      const mapping = alignPeriods(into.periods, s.periods);
      const scale = into.unit / s.unit;
      if (scale !== 1) warnings.push(`vision_unit_differs_between_pages_${s.type}`);
      s.items.forEach((item, i) => {
        const values: Record<string, number | null> = Object.fromEntries(
          into.periods.map((p) => [p.id, null]),
        );
        const signed: Record<string, number | null> = { ...values };
        const valueConfidence: Record<string, number> = {};
        for (const [from, to] of mapping) {
          const v = item.values[from];
          values[to] = v === null || v === undefined ? null : v * scale;
          const sv = s.signed[i]?.[from];
          signed[to] = sv === null || sv === undefined ? null : sv * scale;
          const c = item.valueConfidence?.[from];
          if (c !== undefined) valueConfidence[to] = c;
        }
        into.items.push({ ...structuredClone(item), values, valueConfidence });
        into.signed.push(signed);
        into.keyConfidence.push(s.keyConfidence[i] ?? 0);
      });
      into.pages = [...new Set([...(into.pages ?? []), ...(s.pages ?? [])])];
      Object.assign(into, aggregateVisionCanonical(into.items, into.signed, into.keyConfidence));
    }
  }
  return { merged, warnings };
}
