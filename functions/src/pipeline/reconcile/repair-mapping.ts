import { naturalSignOf, statementOfKey } from "../parse/canonical-keys";
import { lookupAccountCode } from "../parse/chart-of-accounts";
import { matchLabel } from "../parse/labels";
import type { CanonicalKey, Statement, StatementItem } from "../types";
import { aggregateVisionCanonical, signVisionLines } from "../vision/vision-signs";
import { sameAmounts } from "./match-items";

/** Below this the model's key came from the model itself, not from our dictionaries. */
const TRUSTED_KEY = 0.7;

/**
 * Where the parser read a printed line but could not name it (OCR garbled "Ticari Alacaklar"
 * into "Ticari AlacakIar i nines") and the model read the same amounts under a label our
 * dictionaries do know, the parser's line takes that key. Its canonical values are then added
 * up again from the parser's own printed numbers, so that the two readings are compared as
 * readings, not as two different mappings of the same numbers. A group line the parser counted
 * as one more part is made the total when its parts add up to it. Returns the repaired canonical
 * values (the parser's, for keys no line was repaired in) and the keys repaired.
 */
export function repairMapping(
  out: Statement,
  visionItems: StatementItem[],
  visionKeyConfidence: number[],
  pairs: Map<number, number>,
): {
  canonical: Statement["canonical"];
  confidence: NonNullable<Statement["canonicalConfidence"]>;
  repaired: Set<CanonicalKey>;
} {
  const repaired = new Set<CanonicalKey>();
  for (const [vi, bi] of pairs) {
    const item = out.items[bi];
    const seen = visionItems[vi];
    if (!item || !seen?.key || item.key || (visionKeyConfidence[vi] ?? 0) < TRUSTED_KEY) continue;
    if (statementOfKey(seen.key) !== out.type || !sameAmounts(item, seen)) continue;
    // A label our dictionaries can read was left unnamed on purpose (THP's extraordinary items
    // after "OLAĞAN KÂR"): the parser's decision stands; only a garbled label is named here.
    if (matchLabel(item.label, { statement: out.type }) !== null) continue;
    item.key = seen.key;
    if (seen.isTotal) item.isTotal = true;
    if (seen.level !== undefined) item.level = Math.min(item.level ?? 2, seen.level);
    item.flags = [...new Set([...(item.flags ?? []), "key_from_vision"])];
    repaired.add(seen.key);
  }
  // A group line the parser took for one more part (so the group was counted with its own
  // accounts): the model calls it a total, and its parts below add up to it.
  for (const [vi, bi] of pairs) {
    const item = out.items[bi];
    const seen = visionItems[vi];
    if (!item?.key || item.key !== seen?.key || !seen.isTotal || item.isTotal || (item.level ?? 2) < 2)
      continue;
    if (!sameAmounts(item, seen) || !partsAddUp(out, bi)) continue;
    item.isTotal = true;
    item.level = 1;
    item.flags = [...new Set([...(item.flags ?? []), "total_from_vision"])];
    repaired.add(item.key);
  }
  const canonical = structuredClone(out.canonical);
  const confidence = structuredClone(out.canonicalConfidence ?? {});
  if (repaired.size === 0) return { canonical, confidence, repaired };

  const items = out.items.filter((i) => i.key && repaired.has(i.key));
  const contra = items.map((i) => {
    const account = i.code ? lookupAccountCode(i.code) : undefined;
    if (account) return account.contra;
    return Boolean(i.key && naturalSignOf(i.key) > 0 && /\(\s*[-–−]\s*\)/.test(i.label));
  });
  const signed = signVisionLines(items, contra, out.type);
  const aggregated = aggregateVisionCanonical(
    items,
    signed,
    items.map(() => 1),
  );
  for (const key of repaired) {
    if (aggregated.canonical[key]) canonical[key] = aggregated.canonical[key];
    if (aggregated.canonicalConfidence?.[key]) confidence[key] = aggregated.canonicalConfidence[key];
  }
  return { canonical, confidence, repaired };
}

/** The lines right below a line, with its key, add up to it in every period it has a value. */
function partsAddUp(statement: Statement, index: number): boolean {
  const total = statement.items[index] as StatementItem;
  const parts: StatementItem[] = [];
  for (const next of statement.items.slice(index + 1)) {
    if (next.key !== total.key || next.isTotal || next.page !== total.page) break;
    parts.push(next);
  }
  if (parts.length === 0) return false;
  const tolerance = 0.5 * Math.max(1, statement.unit) * parts.length + 0.005;
  const periods = Object.keys(total.values).filter((p) => typeof total.values[p] === "number");
  return (
    periods.length > 0 &&
    periods.every((p) => {
      const sum = parts.reduce((s, part) => s + Math.abs(part.values[p] ?? 0), 0);
      return Math.abs(Math.abs(total.values[p] as number) - sum) <= tolerance;
    })
  );
}
