/**
 * The extraction contract: what every stage of the pipeline passes to the next, and the
 * statements of the public JSON shape of `npm run analyze --json` (ARCHITECTURE.md, "Canonical
 * output"; the whole shape is AnalysisOutput in analysis/types). It may only grow by adding fields.
 */

export const BALANCE_SHEET_KEYS = [
  "cash_and_equivalents",
  "short_term_investments",
  "trade_receivables",
  "other_receivables",
  "inventories",
  "prepaid_expenses",
  "other_current_assets",
  "total_current_assets",
  "property_plant_equipment",
  "intangible_assets",
  "other_non_current_assets",
  "total_non_current_assets",
  "total_assets",
  "short_term_borrowings",
  "trade_payables",
  "other_current_liabilities",
  "total_current_liabilities",
  "long_term_borrowings",
  "other_non_current_liabilities",
  "total_non_current_liabilities",
  "total_liabilities",
  "share_capital",
  "retained_earnings",
  "current_year_profit",
  "total_equity",
  "total_liabilities_and_equity",
] as const;

export const INCOME_STATEMENT_KEYS = [
  "gross_sales",
  "sales_deductions",
  "revenue",
  "cost_of_sales",
  "gross_profit",
  "operating_expenses",
  "operating_profit",
  "other_operating_income",
  "other_operating_expense",
  "finance_income",
  "finance_expense",
  "profit_before_tax",
  "income_tax_expense",
  "net_income",
  "depreciation_amortization",
] as const;

export type BalanceSheetKey = (typeof BALANCE_SHEET_KEYS)[number];
export type IncomeStatementKey = (typeof INCOME_STATEMENT_KEYS)[number];
export type CanonicalKey = BalanceSheetKey | IncomeStatementKey;

export type StatementType = "balance_sheet" | "income_statement";

/**
 * Where a value came from. `arithmetic` is a value pinned by a check, never printed;
 * `local_ocr` the local second reader (second-reader/), a different engine from Tesseract.
 */
export type ValueSource = "text" | "ocr" | "vision" | "local_ocr" | "arithmetic";

/** Page coordinates in PDF points, origin top-left, y growing downwards. */
export interface BBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One word from either the text layer or OCR: the same shape so one layout serves both. */
export interface Word {
  text: string;
  bbox: BBox;
  /** 0..1; the text layer is exact (1), OCR gives Tesseract's word confidence / 100. */
  confidence: number;
  /** 1-based page number. */
  page: number;
  source: "text" | "ocr";
  /** Read a second time, alone, because a check failed: what the page's OCR read first. */
  firstReading?: string;
}

/** A page after reading: its words and how they were obtained. */
export interface PageWords {
  page: number;
  /** Page size in PDF points after /Rotate is applied. */
  width: number;
  height: number;
  source: "text" | "ocr";
  words: Word[];
  /** Mean OCR word confidence (0..1) for OCR pages, 1 for text pages. */
  meanConfidence: number;
  /** Degrees the scan was rotated by to straighten it (OCR pages). */
  deskewAngle?: number;
  /** Rendered image of the page (PNG), kept only when the caller asked for it. */
  image?: { png: Uint8Array; dpi: number; width: number; height: number };
  timings?: Record<string, number>;
}

export interface Period {
  /** Stable id used as the key in `values` and `canonical`: the period end date when known. */
  id: string;
  /** As printed: "31.12.2024", "Cari Dönem", "2024". */
  label: string;
  /** ISO date of the period end (YYYY-MM-DD) when it could be determined. */
  end?: string;
  start?: string;
}

export interface StatementItem {
  label: string;
  /** Tekdüzen Hesap Planı account or group code, when printed. */
  code?: string;
  /** Canonical key, when the line maps to one. Printed lines that map to none are kept. */
  key?: CanonicalKey;
  /** Amounts as printed times the unit, in the statement's printed sign; null = empty cell. */
  values: Record<string, number | null>;
  /** Lowest confidence of this line's values (0..1). */
  confidence: number;
  /** Confidence per period value, when it differs between columns. */
  valueConfidence?: Record<string, number>;
  sources: ValueSource[];
  page: number;
  /** Printed notes reference (Dipnot), never an amount. */
  note?: string;
  labelBox?: BBox;
  valueBoxes?: Record<string, BBox>;
  /** Why this line needs review: "check_failed", "ambiguous_amount", "arithmetic_candidate" ... */
  flags?: string[];
  /** Candidates that lost reconciliation or were proposed by arithmetic, for the reviewer. */
  candidates?: Array<{
    period: string;
    value: number;
    source: ValueSource;
    confidence: number;
    reason?: string;
  }>;
  /** Indentation / hierarchy hint: 0 for a section heading or grand total. */
  level?: number;
  isTotal?: boolean;
}

export interface CheckResult {
  rule: string;
  period: string;
  ok: boolean;
  difference: number;
  expected?: number;
  actual?: number;
  /** Canonical keys or item labels involved. */
  involves?: string[];
}

/** An identity that could not be evaluated because a total it needs was not found. */
export interface UncheckedIdentity {
  rule: string;
  period: string;
  /** The canonical keys not found for the period. */
  missing: CanonicalKey[];
}

export interface Statement {
  type: StatementType;
  /** ISO 4217: TRY, USD, EUR, GBP. */
  currency: string;
  /** Multiplier printed in the header: 1, 1000, 1e6. Values are already multiplied. */
  unit: number;
  periods: Period[];
  items: StatementItem[];
  /** Canonical values in the additive sign convention (ARCHITECTURE.md). */
  canonical: Partial<Record<CanonicalKey, Record<string, number>>>;
  /** Confidence per canonical value, same shape as `canonical`. */
  canonicalConfidence?: Partial<Record<CanonicalKey, Record<string, number>>>;
  checks: CheckResult[];
  /** Its essential identities that could not be evaluated: "not checked", never "holds". */
  unchecked?: UncheckedIdentity[];
  /** Pages the statement was read from. */
  pages?: number[];
  /** True when any check fails or is unchecked, or a value needs review. */
  flagged?: boolean;
  language?: "tr" | "en";
  title?: string;
  /** The reporting entity's name as printed over the statement, when a line names one. */
  entity?: string;
  /** The entity's tax or registration number, when one is printed with a label over the statement. */
  taxId?: string;
  /** Stated in the purchasing power of the balance-sheet date (TMS 29 / IAS 29 restatement). */
  restated?: boolean;
}

export interface DocumentInfo {
  file: string;
  pages: number;
  sha256: string;
  /** The pages read in full (the statements' pages), when a longer report was surveyed for them. */
  statementPages?: number[];
  /** Who the statements are of, as printed over them (added to the contract; absent when unread). */
  entity?: DocumentEntity;
}

export interface DocumentEntity {
  name: string;
  taxId?: string;
}

/** What the vision model was asked to read, and what it cost. */
export interface VisionUsage {
  mode: "off" | "fallback" | "always";
  model?: string;
  pages?: number;
  tokens?: number;
  costUsd?: number;
}

/**
 * What the pipeline makes of one document: its statements, checked, and how they were read.
 * The analysis (ratios, comparison, alerts) is composed after it by the CLI and the worker.
 */
export interface ExtractionOutput {
  document: DocumentInfo;
  statements: Statement[];
  timings: { totalMs: number; stages: Record<string, number> };
  /** Whole-document flags: checks failed, low-confidence pages, vision off ... */
  warnings?: string[];
  flagged?: boolean;
  vision?: VisionUsage;
}
