import { naturalSignOf } from "../parse/canonical-keys";
import type { CanonicalKey, Statement, StatementItem, StatementType } from "../types";

/** A transcription no check has confirmed yet: below any "high confidence" threshold. */
export const VISION_BASE_CONFIDENCE = 0.7;

/** Keys whose sign is the printed one: results and equity may be negative. */
const SIGNED_AS_PRINTED = new Set<CanonicalKey>([
  "retained_earnings",
  "current_year_profit",
  "total_equity",
  "gross_profit",
  "operating_profit",
  "profit_before_tax",
  "net_income",
  "other_operating_income",
  "finance_income",
]);

/**
 * Values in the additive sign convention, by the same rules the parser applies to printed
 * lines: a statement that prints its costs as positive numbers has them negated; one that
 * prints them in parentheses already has them negative.
 */
export function signVisionLines(
  items: StatementItem[],
  contra: boolean[],
  type: StatementType,
): Array<Record<string, number | null>> {
  const expenses = items.flatMap((item, i) =>
    item.key && naturalSignOf(item.key) < 0 && !contra[i]
      ? Object.values(item.values).filter((v): v is number => v !== null && v !== 0)
      : [],
  );
  const positive = expenses.filter((v) => v > 0).length;
  const expensesPositive = expenses.length === 0 || positive >= expenses.length - positive;
  return items.map((item, i) => {
    const signed: Record<string, number | null> = {};
    for (const [period, value] of Object.entries(item.values)) {
      signed[period] =
        value === null ? null : signOne(item.key, value, type, contra[i] ?? false, expensesPositive);
    }
    return signed;
  });
}

function signOne(
  key: CanonicalKey | undefined,
  value: number,
  type: StatementType,
  contra: boolean,
  expensesPositive: boolean,
): number {
  if (contra) return -Math.abs(value);
  if (!key) return value;
  if (type === "balance_sheet") return SIGNED_AS_PRINTED.has(key) ? value : Math.abs(value);
  if (key === "revenue" || key === "gross_sales") return Math.abs(value);
  if (SIGNED_AS_PRINTED.has(key)) return value;
  if (naturalSignOf(key) < 0) return expensesPositive ? -value : value;
  return value;
}

/**
 * Canonical value per key and period: a total or group line for the key wins (THP "10 HAZIR
 * DEĞERLER" over "100 Kasa" and "102 Bankalar"), otherwise the key's lines are added up.
 */
export function aggregateVisionCanonical(
  items: StatementItem[],
  signed: Array<Record<string, number | null>>,
  keyConfidence: number[],
  /** Collects "key|period" for values added up from more than one line. */
  summed?: Set<string>,
): Pick<Statement, "canonical" | "canonicalConfidence"> {
  const canonical: Statement["canonical"] = {};
  const confidence: NonNullable<Statement["canonicalConfidence"]> = {};
  const byKey = new Map<CanonicalKey, number[]>();
  items.forEach((item, i) => {
    if (item.key) byKey.set(item.key, [...(byKey.get(item.key) ?? []), i]);
  });
  for (const [key, indexes] of byKey) {
    const marked = indexes.filter((i) => items[i]?.isTotal || (items[i]?.level ?? 2) < 2);
    // Every line of the key marked as a total says nothing about which one sums the others
    // (three expense lines the model all called totals): they are added up like parts.
    const totals = marked.length === indexes.length && indexes.length > 1 ? [] : marked;
    const chosen = totals.length > 0 ? totals : indexes;
    const periods = new Set(chosen.flatMap((i) => Object.keys(signed[i] ?? {})));
    for (const period of periods) {
      const present = chosen.filter((i) => typeof signed[i]?.[period] === "number");
      if (present.length === 0) continue;
      // One total printed twice counts once; two groups with the same key (THP 33 and 36 are
      // both other current liabilities) add up.
      const distinct = new Set(present.map((i) => signed[i]?.[period]));
      const used = totals.length > 0 && distinct.size === 1 ? present.slice(0, 1) : present;
      const value = used.reduce((s, i) => s + (signed[i]?.[period] as number), 0);
      const conf = Math.min(
        ...used.map(
          (i) => (items[i]?.valueConfidence?.[period] ?? VISION_BASE_CONFIDENCE) * (keyConfidence[i] ?? 0),
        ),
      );
      if (used.length > 1) summed?.add(`${key}|${period}`);
      canonical[key] = { ...canonical[key], [period]: Math.round(value * 100) / 100 };
      confidence[key] = { ...confidence[key], [period]: Math.round(conf * 1000) / 1000 };
    }
  }
  return { canonical, canonicalConfidence: confidence };
}
