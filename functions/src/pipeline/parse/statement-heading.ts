import type { StatementType } from "../types";
import { foldForMatching } from "./turkish-text";

export { detectCurrency, detectUnit } from "./unit-and-currency";

export interface StatementHeading {
  type: StatementType;
  confidence: number;
  /** The heading line as printed. */
  title: string;
  /**
   * An other-comprehensive-income statement that starts from net income ("Diğer Kapsamlı
   * Gelir Tablosu", US "Statements of Comprehensive Income"): read it, but it is not the
   * income statement. IFRS single statements ("... profit or loss and other comprehensive
   * income") are false.
   */
  comprehensiveOnly: boolean;
}

interface Title {
  pattern: RegExp;
  type: StatementType;
  comprehensiveOnly?: boolean;
  confidence?: number;
}

// Order matters: the longer, combined titles are tried before their parts.
const TITLES: Title[] = [
  { pattern: /\bkar veya zarar ve diger kapsamli gelir tablo/, type: "income_statement" },
  {
    pattern: /\b(?:statements?|account) of profit (?:or|and) loss and other comprehensive income\b/,
    type: "income_statement",
  },
  { pattern: /\bdiger kapsamli gelir tablo/, type: "income_statement", comprehensiveOnly: true },
  {
    pattern: /\bstatements? of other comprehensive income\b/,
    type: "income_statement",
    comprehensiveOnly: true,
  },
  // US filers put OCI in its own statement after the statement of earnings/operations.
  {
    pattern: /\bstatements of comprehensive income\b/,
    type: "income_statement",
    comprehensiveOnly: true,
    confidence: 0.8,
  },
  { pattern: /\bstatement of comprehensive income\b/, type: "income_statement", confidence: 0.8 },
  { pattern: /\bkapsamli gelir tablo/, type: "income_statement", confidence: 0.8 },
  { pattern: /\b(?:kar veya zarar|kar zarar|kar ve zarar) tablo/, type: "income_statement" },
  { pattern: /\bgelir tablo/, type: "income_statement" },
  {
    pattern: /\bstatements? of (?:consolidated )?(?:profit (?:or|and) loss|income|operations|earnings)\b/,
    type: "income_statement",
  },
  { pattern: /\bincome statements?\b/, type: "income_statement" },
  { pattern: /\bprofit and loss (?:account|statement)\b/, type: "income_statement" },
  { pattern: /\bincome and expenditure account\b/, type: "income_statement" },
  // IPSAS and many African filers; Indian SEBI results print the balance sheet as the second.
  { pattern: /\bstatements? of financial performance\b/, type: "income_statement" },
  { pattern: /\bstatements? of assets and liabilities\b/, type: "balance_sheet" },
  { pattern: /\bfinansal durum tablo/, type: "balance_sheet" },
  { pattern: /\bstatements? of (?:consolidated )?financial (?:position|condition)\b/, type: "balance_sheet" },
  { pattern: /\bbalance sheets?\b/, type: "balance_sheet" },
  { pattern: /\bbilanco(?:su|lar|lari)?\b/, type: "balance_sheet" },
];

/** Words that name a use of the title, not the title: "bilanço tarihi", "off-balance sheet". */
const NOT_A_TITLE =
  /\b(?:bilanco (?:tarihi|tarihinden|gunu|disi|esasi|sonrasi)|off balance sheet|notes? to the|balance sheet date|dipnot)/;
/** Words a title line may carry besides the title itself. */
const TITLE_COMPANIONS = new Set(
  (
    "the of for and at as on to ended year years period periods month months consolidated unaudited audited condensed " +
    "interim company group limited ltd plc inc corp corporation llc its subsidiaries konsolide ozet ayrintili " +
    "karsilastirmali bagimsiz denetimden gecmis gecmemis tarihli tarihi tarihinde itibariyla itibari ile ait donem " +
    "donemine donemi yil yilina yillik hesap a s as sirketi anonim ocak subat mart nisan mayis haziran temmuz agustos " +
    "eylul ekim kasim aralik cari onceki not notes note dipnot tl try bin milyon usd eur gbp in thousands millions dollars january february march april may june july august september october november december"
  ).split(" "),
);
const PROSE =
  /\b(?:has|have|been|is|are|was|were|delivered|olarak|edilmistir|hazirlanmistir|edilmemistir|bulunmaktadir)\b/;

/**
 * Recognises a statement heading. Confidence is high when the title is most of the line (a
 * date, "consolidated" or a company name may accompany it) and low inside running prose
 * ("The profit and loss account has not been delivered").
 */
export function detectStatementType(text: string): StatementHeading | null {
  const folded = foldForMatching(text);
  if (!folded || NOT_A_TITLE.test(folded)) return null;
  for (const title of TITLES) {
    const match = folded.match(title.pattern);
    if (!match) continue;
    const rest = (folded.slice(0, match.index) + " " + folded.slice((match.index ?? 0) + match[0].length))
      .split(" ")
      .filter(
        (w) =>
          w && !/^\d+$/.test(w) && !TITLE_COMPANIONS.has(w) && !/^(?:tablo|tablosu|statements?)$/.test(w),
      );
    let confidence = title.confidence ?? 0.95;
    if (rest.length > 8) confidence = Math.min(confidence, 0.5);
    else if (rest.length > 4) confidence = Math.min(confidence, 0.75);
    if (PROSE.test(folded)) confidence = Math.min(confidence, 0.3);
    return {
      type: title.type,
      confidence,
      title: text.replace(/\s+/g, " ").trim(),
      comprehensiveOnly: title.comprehensiveOnly ?? false,
    };
  }
  return null;
}

export type OtherStatement = "cash_flow" | "changes_in_equity" | "notes";

const OTHER_TITLES: Array<[RegExp, OtherStatement]> = [
  [/\bnakit akis(?:lari)? tablo|\bstatements? of cash flows?\b|\bcash flow statements?\b/, "cash_flow"],
  [
    /\bozkaynak(?:lar)? degisim tablo|\bstatements? of changes in (?:stockholders |shareholders )?equity\b|\bstatements? of (?:stockholders|shareholders) equity\b/,
    "changes_in_equity",
  ],
  [
    /^(?:notes to the|(?:ilisikteki )?(?:aciklayici )?dipnotlar\b|finansal tablolara iliskin aciklayici notlar)/,
    "notes",
  ],
];

/**
 * Headings of statements Finstat does not extract (cash flow, changes in equity) and of the
 * notes: where one of them starts, the statement before it ends.
 */
export function detectOtherStatement(text: string): OtherStatement | null {
  const folded = foldForMatching(text);
  if (PROSE.test(folded)) return null;
  for (const [pattern, kind] of OTHER_TITLES) if (pattern.test(folded)) return kind;
  return null;
}
