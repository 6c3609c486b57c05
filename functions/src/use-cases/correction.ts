import { z } from "zod";
import { AppError } from "../app-error";
import {
  BALANCE_SHEET_KEYS,
  type CanonicalKey,
  INCOME_STATEMENT_KEYS,
  type Statement,
} from "../pipeline/types";
import { recheckStatement } from "./recheck";

/**
 * One value corrected by a reviewer. `itemIndex` names a printed line and `value` is as printed
 * (the statement's own sign, unit already applied); `key` names a canonical value and `value` is
 * in the additive sign convention. The other side follows: a printed line that alone makes up
 * its canonical value carries the change across, so the two never disagree.
 */
export const valueCorrection = z
  .object({
    key: z.enum([...BALANCE_SHEET_KEYS, ...INCOME_STATEMENT_KEYS]).optional(),
    itemIndex: z.number().int().min(0).optional(),
    period: z.string().min(1).max(40),
    value: z.number().finite(),
  })
  .refine((c) => (c.key === undefined) !== (c.itemIndex === undefined), {
    message: "Give either key or itemIndex, not both.",
  });

export type ValueCorrection = z.infer<typeof valueCorrection>;

export interface CorrectionOutcome {
  statement: Statement;
  itemIndex?: number;
  key?: CanonicalKey;
  label?: string;
  period: string;
  /** Printed value before and after (when a printed line changed). */
  printedBefore?: number | null;
  printedAfter?: number;
  /** Canonical value before and after (when the line maps to a key). */
  canonicalBefore?: number;
  canonicalAfter?: number;
}

const CORRECTED = "corrected";

export function correctStatementValue(original: Statement, correction: ValueCorrection): CorrectionOutcome {
  const statement = structuredClone(original);
  const { period, value } = correction;
  if (!statement.periods.some((p) => p.id === period)) {
    throw new AppError("unknown_period", `This statement has no period "${period}".`, {
      periods: statement.periods.map((p) => p.id),
    });
  }
  const outcome =
    correction.itemIndex !== undefined
      ? correctPrintedLine(statement, correction.itemIndex, period, value)
      : correctCanonicalValue(statement, correction.key!, period, value);
  const changed = outcome.canonicalAfter !== undefined && outcome.canonicalBefore !== outcome.canonicalAfter;
  recheckStatement(statement, {
    period,
    key: outcome.key,
    label: outcome.label,
    signedDelta: changed ? outcome.canonicalAfter! - (outcome.canonicalBefore ?? 0) : 0,
  });
  return { ...outcome, statement };
}

function correctPrintedLine(
  statement: Statement,
  index: number,
  period: string,
  value: number,
): Omit<CorrectionOutcome, "statement"> {
  const item = statement.items[index];
  if (!item) throw new AppError("unknown_item", `This statement has no line ${index}.`);
  const before = item.values[period] ?? null;
  item.values[period] = value;
  markCorrected(item, period);
  const result: Omit<CorrectionOutcome, "statement"> = {
    itemIndex: index,
    label: item.label,
    period,
    printedBefore: before,
    printedAfter: value,
  };
  if (!item.key) return result;
  const key = item.key;
  const canonicalBefore = statement.canonical[key]?.[period];
  const sign = printedToCanonicalSign(statement, index, period, before);
  const soleLine =
    canonicalBefore === undefined ||
    (before !== null && Math.abs(Math.abs(canonicalBefore) - Math.abs(before)) < 1e-6);
  const canonicalAfter = soleLine ? sign * value : canonicalBefore + sign * (value - (before ?? 0));
  setCanonical(statement, key, period, canonicalAfter);
  return { ...result, key, canonicalBefore, canonicalAfter };
}

function correctCanonicalValue(
  statement: Statement,
  key: CanonicalKey,
  period: string,
  value: number,
): Omit<CorrectionOutcome, "statement"> {
  const allowed: readonly string[] =
    statement.type === "balance_sheet" ? BALANCE_SHEET_KEYS : INCOME_STATEMENT_KEYS;
  if (!allowed.includes(key)) {
    throw new AppError(
      "key_not_in_statement",
      `"${key}" is not a line of a ${statement.type.replace("_", " ")}.`,
    );
  }
  const canonicalBefore = statement.canonical[key]?.[period];
  setCanonical(statement, key, period, value);
  const lines = statement.items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.key === key);
  const result: Omit<CorrectionOutcome, "statement"> = {
    key,
    period,
    canonicalBefore,
    canonicalAfter: value,
  };
  // Only a key printed on exactly one line can be written back to that line unambiguously.
  if (lines.length !== 1) return result;
  const { item, index } = lines[0]!;
  const before = item.values[period] ?? null;
  const sign = printedToCanonicalSign(statement, index, period, before);
  item.values[period] = sign * value;
  markCorrected(item, period);
  return {
    ...result,
    itemIndex: index,
    label: item.label,
    printedBefore: before,
    printedAfter: sign * value,
  };
}

/**
 * How this line's printed numbers turn into canonical ones (+1 or -1), learnt from a period where
 * the line alone gave the canonical value; +1 when no period tells.
 */
function printedToCanonicalSign(
  statement: Statement,
  index: number,
  period: string,
  before: number | null,
): 1 | -1 {
  const item = statement.items[index]!;
  const periods = [period, ...statement.periods.map((p) => p.id).filter((p) => p !== period)];
  for (const p of periods) {
    const printed = p === period ? before : item.values[p];
    const canonical = item.key ? statement.canonical[item.key]?.[p] : undefined;
    if (printed && canonical && Math.abs(Math.abs(printed) - Math.abs(canonical)) < 1e-6) {
      return Math.sign(printed) === Math.sign(canonical) ? 1 : -1;
    }
  }
  return 1;
}

function setCanonical(statement: Statement, key: CanonicalKey, period: string, value: number): void {
  statement.canonical[key] = { ...(statement.canonical[key] ?? {}), [period]: value };
  statement.canonicalConfidence ??= {};
  statement.canonicalConfidence[key] = { ...(statement.canonicalConfidence[key] ?? {}), [period]: 1 };
}

/** A reviewer's number is certain; the line's other periods keep the confidence they had. */
function markCorrected(item: Statement["items"][number], period: string): void {
  const confidences: Record<string, number> = {};
  for (const p of Object.keys(item.values))
    confidences[p] = p === period ? 1 : (item.valueConfidence?.[p] ?? item.confidence);
  item.valueConfidence = confidences;
  item.confidence = Math.min(...Object.values(confidences));
  item.flags = [...new Set([...(item.flags ?? []).filter((f) => f !== "ambiguous_amount"), CORRECTED])];
}
