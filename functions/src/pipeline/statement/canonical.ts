import { isLiabilityKey } from "../parse/canonical-keys";
import { naturalSignOf } from "../parse/labels";
import type { CanonicalKey, StatementType } from "../types";
import type { ParsedLine } from "./items";

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

/** How this statement prints signs: decided from its own lines, per statement. */
export interface SignConvention {
  /** Costs printed as positive numbers (the common layout) rather than in parentheses. */
  expensesPositive: boolean;
  /** Liabilities printed in parentheses (UK net-assets layout). */
  liabilitiesNegative: boolean;
}

function majorityPositive(values: number[]): boolean {
  const positive = values.filter((v) => v > 0).length;
  return positive >= values.length - positive;
}

export function detectSignConvention(lines: ParsedLine[]): SignConvention {
  const firstValues = (pred: (l: ParsedLine) => boolean) =>
    lines
      .filter(pred)
      .flatMap((l) => Object.values(l.item.values).filter((v): v is number => v !== null && v !== 0));
  const expenses = firstValues((l) => Boolean(l.item.key && naturalSignOf(l.item.key) < 0 && !l.contra));
  const liabilities = firstValues((l) => Boolean(l.item.key && isLiabilityKey(l.item.key)));
  return {
    expensesPositive: expenses.length === 0 || majorityPositive(expenses),
    liabilitiesNegative: liabilities.length > 0 && !majorityPositive(liabilities),
  };
}

const EXPENSE_WORDS =
  /(gider|maliyet|zarar|indirim|vergi|expense|cost|loss|impairment|tax|deduction|charge|amorti[sz]|depreciation)/i;
const INCOME_WORDS = /(gelir|kar\b|kâr|hasılat|satış|income|gain|revenue|sales|profit|earnings)/i;

/** +1 or -1 for how a line adds into its statement, or undefined when its nature is unknown. */
export function lineNature(line: ParsedLine): 1 | -1 | undefined {
  if (line.item.key) return naturalSignOf(line.item.key);
  if (line.contra) return -1;
  const label = line.item.label;
  const expense = EXPENSE_WORDS.test(label);
  const income = INCOME_WORDS.test(label);
  if (expense && !income) return -1;
  if (income && !expense) return 1;
  if (/\(\s*(income|gelir)\s*\)\s*(expense|gider)/i.test(label)) return -1;
  return undefined;
}

/** A printed value in the additive sign convention (ARCHITECTURE.md). */
export function signedValue(
  line: ParsedLine,
  value: number,
  statement: StatementType,
  convention: SignConvention,
  nature: 1 | -1 | undefined = lineNature(line),
): number {
  const key = line.item.key;
  if (line.contra) return -Math.abs(value);
  if (statement === "balance_sheet") {
    if (key && SIGNED_AS_PRINTED.has(key)) return value;
    if (key) return Math.abs(value);
    const inLiabilities =
      line.section === "current_liabilities" || line.section === "non_current_liabilities";
    return inLiabilities && convention.liabilitiesNegative ? -value : value;
  }
  if (key === "revenue" || key === "gross_sales") return Math.abs(value);
  if (key && SIGNED_AS_PRINTED.has(key)) return value;
  if (nature === -1) return convention.expensesPositive ? -value : value;
  return value;
}
