import type { CanonicalKey, StatementType } from "../types";
import { type Section, sectionOfKey, statementOfKey, statementOfSection } from "./canonical-keys";

export type LabelKind = "line" | "subtotal" | "total" | "heading";
export type LabelBlock = "other_comprehensive_income" | "attribution" | "per_share";

/** One printed wording (in several spellings) and what it means on a statement. */
export interface LabelEntry {
  phrases: string[];
  /** Undefined for wording found on either statement ("Toplam", "Subtotal"). */
  statement?: StatementType;
  kind: LabelKind;
  key?: CanonicalKey;
  /**
   * For wording used on both sides of the balance sheet ("Ticari Alacaklar", "Borrowings"):
   * the key per section; null = the wording is known there but has no single key.
   */
  bySection?: Partial<Record<Section, CanonicalKey | null>>;
  /** Key to assume when no section is known, at a lower confidence. */
  usual?: CanonicalKey;
  section?: Section;
  opensSection?: Section;
  side?: "assets" | "liabilities_and_equity";
  /** A deduction from a positive key: accumulated depreciation, treasury shares, losses (-). */
  contra?: boolean;
  /** One of several lines adding up to the key (Kasa, Bankalar ... in cash). */
  part?: boolean;
  /** A line with no key of its own that must equal this key (UK "Net assets" = total equity). */
  equals?: CanonicalKey;
  opensBlock?: LabelBlock;
  /** Upper bound on confidence for loose wording ("Debtors", "Dönem Karı"). */
  cap?: number;
  /** Other keys the wording is known to mean in some documents. */
  alternatives?: CanonicalKey[];
  origin: "thp" | "tfrs" | "en";
}

type Extra = Partial<Omit<LabelEntry, "phrases" | "kind">>;
type Origin = LabelEntry["origin"];

export function dictionary(origin: Origin) {
  const line = (key: CanonicalKey, phrases: string[], extra: Extra = {}): LabelEntry => ({
    phrases,
    kind: "line",
    key,
    statement: statementOfKey(key),
    section: sectionOfKey(key),
    origin,
    ...extra,
  });
  return {
    line,
    part: (key: CanonicalKey, phrases: string[], extra: Extra = {}): LabelEntry =>
      line(key, phrases, { part: true, ...extra }),
    total: (key: CanonicalKey, phrases: string[], extra: Extra = {}): LabelEntry => ({
      ...line(key, phrases, extra),
      kind: "total",
    }),
    /** A computed result line: gross profit, operating profit, profit before tax. */
    result: (key: CanonicalKey, phrases: string[], extra: Extra = {}): LabelEntry => ({
      ...line(key, phrases, extra),
      kind: "subtotal",
    }),
    /** Wording whose key depends on the section it is printed in. */
    sided: (
      bySection: Partial<Record<Section, CanonicalKey | null>>,
      phrases: string[],
      extra: Extra = {},
    ): LabelEntry => {
      const first = Object.keys(bySection)[0] as Section;
      return { phrases, kind: "line", bySection, statement: statementOfSection(first), origin, ...extra };
    },
    heading: (opensSection: Section | undefined, phrases: string[], extra: Extra = {}): LabelEntry => ({
      phrases,
      kind: "heading",
      opensSection,
      section: opensSection,
      statement: extra.statement ?? (opensSection ? statementOfSection(opensSection) : "balance_sheet"),
      origin,
      ...extra,
    }),
    /** A known line with no canonical key: recognised so that nothing guesses a wrong one. */
    unmapped: (section: Section, phrases: string[], extra: Extra = {}): LabelEntry => ({
      phrases,
      kind: "line",
      section,
      statement: statementOfSection(section),
      origin,
      ...extra,
    }),
    subtotal: (section: Section | undefined, phrases: string[], extra: Extra = {}): LabelEntry => ({
      phrases,
      kind: "subtotal",
      section,
      statement: extra.statement ?? (section ? statementOfSection(section) : undefined),
      origin,
      ...extra,
    }),
  };
}
