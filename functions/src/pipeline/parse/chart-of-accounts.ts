import type { CanonicalKey, StatementType } from "../types";
import { naturalSignOf, type Section } from "./canonical-keys";
import { THP_PLAN } from "./thp-accounts";

export { type AccountCodePrefix, parseAccountCodePrefix } from "./account-code-prefix";
export { type OutlineLine, THP_BALANCE_SHEET_OUTLINE, THP_INCOME_STATEMENT_OUTLINE } from "./thp-outline";

export interface AccountInfo {
  /** The chart's code: "1", "10" or "100" (a printed sub-account "120.01" resolves to "120"). */
  code: string;
  name: string;
  level: "class" | "group" | "account";
  /** Undefined for accounts with no canonical home (capital and profit reserves, 52x/54x). */
  key?: CanonicalKey;
  /** A (-) account that reduces a positive key: 257 accumulated depreciation, 501, 580, 591 ... */
  contra: boolean;
  /** The sign of this account's balance in the additive convention. */
  naturalSign: 1 | -1;
  statement: StatementType;
  section?: Section;
  /** Parent group (accounts) or class (groups). */
  parent?: string;
  /** Olağandışı (extraordinary) items 67/68: folded into other operating income/expense. */
  extraordinary?: boolean;
  /** The printed code when it was a sub-account or a code missing from the standard plan. */
  printed?: string;
  /** False when the code is not in the plan and the mapping comes from its group. */
  standard: boolean;
}

const CLASS_SECTION: Record<string, Section> = {
  "1": "current_assets",
  "2": "non_current_assets",
  "3": "current_liabilities",
  "4": "non_current_liabilities",
  "5": "equity",
  "6": "income",
};

const CLASS_KEY: Record<string, CanonicalKey | undefined> = {
  "1": "total_current_assets",
  "2": "total_non_current_assets",
  "3": "total_current_liabilities",
  "4": "total_non_current_liabilities",
  "5": "total_equity",
};

/**
 * Canonical key per two-digit group. Decisions: capital reserves (52) and profit reserves (54)
 * have no key of their own and stay unmapped (they still count in total equity); the
 * extraordinary groups 67/68 go to other operating income/expense so that the THP income
 * chain (operating profit + 64..68 = profit before tax) still adds up.
 */
const GROUP_KEY: Record<string, CanonicalKey | undefined> = {
  "10": "cash_and_equivalents",
  "11": "short_term_investments",
  "12": "trade_receivables",
  "13": "other_receivables",
  "15": "inventories",
  "17": "other_current_assets",
  "18": "prepaid_expenses",
  "19": "other_current_assets",
  "22": "other_non_current_assets",
  "23": "other_non_current_assets",
  "24": "other_non_current_assets",
  "25": "property_plant_equipment",
  "26": "intangible_assets",
  "27": "other_non_current_assets",
  "28": "other_non_current_assets",
  "29": "other_non_current_assets",
  "30": "short_term_borrowings",
  "32": "trade_payables",
  "33": "other_current_liabilities",
  "34": "other_current_liabilities",
  "35": "other_current_liabilities",
  "36": "other_current_liabilities",
  "37": "other_current_liabilities",
  "38": "other_current_liabilities",
  "39": "other_current_liabilities",
  "40": "long_term_borrowings",
  "42": "other_non_current_liabilities",
  "43": "other_non_current_liabilities",
  "44": "other_non_current_liabilities",
  "47": "other_non_current_liabilities",
  "48": "other_non_current_liabilities",
  "49": "other_non_current_liabilities",
  "50": "share_capital",
  "57": "retained_earnings",
  "58": "retained_earnings",
  "59": "current_year_profit",
  "60": "gross_sales",
  "61": "sales_deductions",
  "62": "cost_of_sales",
  "63": "operating_expenses",
  "64": "other_operating_income",
  "65": "other_operating_expense",
  "66": "finance_expense",
  "67": "other_operating_income",
  "68": "other_operating_expense",
  "69": "net_income",
};

/** Group 69 holds three different results. */
const ACCOUNT_KEY: Record<string, CanonicalKey> = {
  "690": "profit_before_tax",
  "691": "income_tax_expense",
  "692": "net_income",
};

function keyOf(code: string): CanonicalKey | undefined {
  if (code.length === 1) return CLASS_KEY[code];
  if (code.length === 2) return GROUP_KEY[code];
  return ACCOUNT_KEY[code] ?? GROUP_KEY[code.slice(0, 2)];
}

function describe(code: string, name: string, standard: boolean): AccountInfo {
  const classDigit = code.slice(0, 1);
  const key = keyOf(code);
  const naturalSign: 1 | -1 = /\(-\)\s*$/.test(name) ? -1 : 1;
  const level = code.length === 1 ? "class" : code.length === 2 ? "group" : "account";
  const group = code.slice(0, 2);
  return {
    code,
    name,
    level,
    key,
    // A (-) account is contra when its key is naturally positive (not a cost or expense).
    contra: naturalSign === -1 && (key === undefined || naturalSignOf(key) === 1),
    naturalSign,
    statement: classDigit === "6" ? "income_statement" : "balance_sheet",
    section: CLASS_SECTION[classDigit],
    parent: level === "account" ? group : level === "group" ? classDigit : undefined,
    extraordinary: group === "67" || group === "68" ? true : undefined,
    standard,
  };
}

const CHART = new Map<string, AccountInfo>(THP_PLAN.map((e) => [e.code, describe(e.code, e.name, true)]));

/** Every class, group and account of classes 1-6, in plan order. */
export const THP_ACCOUNTS: readonly AccountInfo[] = [...CHART.values()];

/**
 * Looks up a THP code: "1", "10", "100", also a printed sub-account ("120.01", "120-01",
 * "120 01"). A three-digit code missing from the standard plan (a company's own "104") takes
 * its group's mapping with `standard: false`; codes outside classes 1-6 are undefined.
 */
export function lookupAccountCode(code: string): AccountInfo | undefined {
  const printed = code.trim().replace(/[.\s]+$/, "");
  const match = printed.match(/^([1-6]\d{0,2})(?:[.\-\s]\d{1,4})*$/);
  if (!match?.[1]) return undefined;
  const base = match[1];
  if (base.length < 3 && printed !== base) return undefined;
  const known = CHART.get(base);
  if (known) return printed === base ? known : { ...known, printed };
  if (base.length !== 3) return undefined;
  const group = CHART.get(base.slice(0, 2));
  if (!group) return undefined;
  return { ...describe(base, group.name, false), printed };
}
