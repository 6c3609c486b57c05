import type { CanonicalKey, StatementType } from "../../../pipeline/types";

/**
 * Ground truth for one document, in the shape of /work/shared/realdata/*.truth.json (statements
 * by type, periods by end date, canonical values as absolute amounts in the additive sign
 * convention) plus the printed lines for item-level checks. A key is listed only when it is
 * printed on the face or is the plain sum of printed lines; a blank cell is absent, never 0.
 */
export interface Truth {
  id: string;
  /** "digital", "scan300", "scan200noisy", "scan150". */
  variant: string;
  language: "tr" | "en";
  /** Style id for generated documents ("thp", "tfrs", "ifrs", "us"); a description for real ones. */
  style: string;
  description?: string;
  pages?: number;
  generator?: { name: "finstat-corpus"; version: number; seed: number; spec: Record<string, unknown> };
  scan?: ScanParameters;
  statements: TruthStatement[];
}

export interface TruthStatement {
  type: StatementType;
  currency: string;
  unit: number;
  /** In printed order; `end` is the id used in `canonical` and `lines[].values`. */
  periods: Array<{ end: string; label?: string }>;
  canonical: Partial<Record<CanonicalKey, Record<string, number>>>;
  title?: string;
  /** 1-based pages the statement is printed on. */
  pages?: number[];
  /** Every printed line that carries at least one value cell (blank cells are null). */
  lines?: TruthLine[];
}

export interface TruthLine {
  label: string;
  /** Tekdüzen Hesap Planı account or group code, when printed. */
  code?: string;
  /** Printed notes reference (Dipnot): never an amount. */
  note?: string;
  /** The canonical key this line is (or, with siblings carrying the same key, a part of). */
  key?: CanonicalKey;
  /** The key of the enclosing group line when this line is one of its components. */
  parentKey?: CanonicalKey;
  level: number;
  isTotal: boolean;
  page: number;
  /** Per period end: the amount as printed times the unit, in the printed sign; null = blank. */
  values: Record<string, number | null>;
}

export interface ScanParameters {
  dpi: number;
  skewDegrees: number[];
  noiseSigma: number;
  blurSigma: number;
  jpegQuality: number;
  /** Whole-page rotation (0, 90, 180) per page, as a careless scanner leaves it. */
  pageRotation: number[];
}
