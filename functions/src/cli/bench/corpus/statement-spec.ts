import type { StatementType } from "../../../pipeline/types";
import type { AmountStyle } from "./amount-format";
import { Random, seedFrom } from "./random";

export const STYLES = ["thp", "tfrs", "ifrs", "us"] as const;
export type StyleId = (typeof STYLES)[number];

export const FONT_FAMILIES = [
  "DejaVuSans",
  "DejaVuSerif",
  "DejaVuSansCondensed",
  "DejaVuSansMono",
  "Helvetica",
  "Times-Roman",
  "Courier",
] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];

/** Every knob of one generated document. Derived from a seed, overridable field by field. */
export interface StatementSpec {
  id: string;
  seed: number;
  style: StyleId;
  company: string;
  currency: "TRY" | "USD" | "EUR" | "GBP";
  unit: 1 | 1000 | 1_000_000;
  amounts: AmountStyle;
  /** THP: contra and expense lines marked "(-)" in the label are printed without a sign. */
  contraUnsigned: boolean;
  /** Year of the current period end. */
  fiscalYear: number;
  yearEnd: "12-31" | "06-30" | "09-30";
  periodCount: 1 | 2;
  /** Prior year printed in the first value column. */
  priorFirst: boolean;
  statements: StatementType[];
  font: FontFamily;
  fontSize: number;
  /** 2: the next statement starts on the same page when it fits. */
  statementsPerPage: 1 | 2;
  /** Force the balance sheet's liabilities onto a second page, headers repeated. */
  continueBalanceSheet: boolean;
  leaders: "none" | "text" | "drawn";
  rules: boolean;
  zebra: boolean;
  boldTotals: boolean;
  /** THP: account codes in their own column (otherwise prefixed to the label). */
  codeColumn: boolean;
  /** THP: two amount columns per period, accounts in the inner one and group totals in the outer. */
  accountColumn: boolean;
  /** THP: group lines (A. Hazır Değerler) print their subtotal. */
  groupSubtotals: boolean;
  /** THP: section totals (DÖNEN VARLIKLAR TOPLAMI) printed at the end of the section. */
  sectionTotalsAtEnd: boolean;
  /** IFRS: non-current assets before current ones. */
  nonCurrentFirst: boolean;
  /** TFRS / IFRS: a notes (Dipnot) column. */
  notesColumn: boolean;
  /** Leaf lines printed blank in one period. */
  blankCells: number;
  indentStep: number;
}

const TURKISH_FONTS: FontFamily[] = ["DejaVuSans", "DejaVuSerif", "DejaVuSansCondensed", "DejaVuSansMono"];

const COMPANIES_TR = [
  "ANADOLU MAKİNE SANAYİ VE TİCARET A.Ş.",
  "EGE GIDA ÜRÜNLERİ İŞLETMELERİ A.Ş.",
  "KARADENİZ İNŞAAT TAAHHÜT LTD. ŞTİ.",
  "MARMARA TEKSTİL İHRACAT A.Ş.",
  "ÇUKUROVA TARIM ÜRÜNLERİ SANAYİ A.Ş.",
  "DOĞU LOJİSTİK VE DAĞITIM HİZMETLERİ A.Ş.",
];
const COMPANIES_EN = [
  "Northwind Industrial Holdings plc",
  "Harbour Logistics Group S.A.",
  "Blue Ridge Consumer Products, Inc.",
  "Meridian Components AG",
  "Cascade Food Brands Corporation",
  "Aldgate Software Ltd",
];

/** A random but plausible spec for a style; `overrides` pins any knob. */
export function randomStatementSpec(
  seed: number,
  style: StyleId,
  overrides: Partial<StatementSpec> = {},
): StatementSpec {
  const rng = new Random(seedFrom("spec", seed, style));
  const turkish = style === "thp" || style === "tfrs";
  const unit = rng.pick<StatementSpec["unit"]>(
    style === "us"
      ? [1_000_000, 1_000_000, 1000]
      : style === "ifrs"
        ? [1000, 1000, 1_000_000, 1]
        : [1, 1, 1000],
  );
  const separators: AmountStyle["separators"] = turkish
    ? rng.chance(0.85)
      ? "tr"
      : "en"
    : style === "us" || rng.chance(0.8)
      ? "en"
      : "tr";
  const periodCount = rng.chance(0.8) ? 2 : 1;
  const font = turkish ? rng.pick(TURKISH_FONTS) : rng.pick(FONT_FAMILIES);
  const spec: StatementSpec = {
    id: `${style}-${seed}`,
    seed,
    style,
    company: rng.pick(turkish ? COMPANIES_TR : COMPANIES_EN),
    currency: turkish ? "TRY" : style === "us" ? "USD" : rng.pick(["EUR", "GBP", "USD", "TRY"] as const),
    unit,
    amounts: {
      separators,
      decimals: unit === 1 && rng.chance(turkish ? 0.7 : 0.4) ? 2 : 0,
      negatives: style === "us" || style === "tfrs" ? "parens" : rng.pick(["minus", "parens"] as const),
      zero: style === "us" ? "—" : rng.pick(["—", "-", "0"] as const),
    },
    contraUnsigned: style === "thp" && rng.chance(0.6),
    fiscalYear: rng.int(2019, 2025),
    yearEnd: style === "us" ? rng.pick(["06-30", "09-30", "12-31"] as const) : "12-31",
    periodCount,
    priorFirst: periodCount === 2 && rng.chance(style === "thp" ? 0.35 : 0.15),
    statements: rng.chance(0.85)
      ? ["balance_sheet", "income_statement"]
      : ["income_statement", "balance_sheet"],
    font,
    fontSize: rng.pick(font === "DejaVuSansMono" || font === "Courier" ? [7, 7.5, 8] : [7.5, 8, 8.5, 9, 10]),
    statementsPerPage: rng.chance(0.35) ? 2 : 1,
    continueBalanceSheet: rng.chance(0.25),
    leaders: rng.pick(["none", "none", "text", "drawn"] as const),
    rules: rng.chance(0.7),
    zebra: style === "us" ? rng.chance(0.5) : rng.chance(0.1),
    boldTotals: rng.chance(0.85),
    codeColumn: rng.chance(0.6),
    accountColumn: style === "thp" && rng.chance(0.3),
    groupSubtotals: rng.chance(0.8),
    sectionTotalsAtEnd: rng.chance(0.6),
    nonCurrentFirst: style === "ifrs" && rng.chance(0.6),
    notesColumn: style === "tfrs" ? true : style === "ifrs" ? rng.chance(0.75) : false,
    blankCells: periodCount === 2 ? rng.pick([0, 0, 1, 2]) : 0,
    indentStep: rng.pick([6, 8, 10, 12]),
  };
  // Four amount columns leave little room for labels: such statements are set smaller.
  if (spec.accountColumn) spec.fontSize = Math.min(spec.fontSize, 8);
  return { ...spec, ...overrides };
}
