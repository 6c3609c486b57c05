import type { VisionAnswer, VisionAnswerLine } from "./answer-schema";

/**
 * Test support: one IFRS balance sheet as a monospace page (for `pageFromText`) and as the
 * answer a vision model would give for it, so tests can misprint a cell on either side.
 */
export interface SampleCells {
  inventories?: string;
  cash?: string;
}

export function sampleBalanceSheetText(cells: SampleCells = {}): string {
  const inv = (cells.inventories ?? "3,200").padStart(5);
  const cash = (cells.cash ?? "2,700").padStart(5);
  return `
Example Trading plc
STATEMENT OF FINANCIAL POSITION
As at 31 December 2024                        in thousands of euro
                                          Notes          2024          2023
ASSETS
Non-current assets
Property, plant and equipment                 5        12,400        11,900
Intangible assets                             6         1,600         1,700
Total non-current assets                               14,000        13,600
Current assets
Inventories                                   7         ${inv}         2,800
Trade and other receivables                   8         4,100         3,900
Cash and cash equivalents                               ${cash}         1,700
Total current assets                                   10,000         8,400
Total assets                                           24,000        22,000
EQUITY AND LIABILITIES
Equity
Share capital                                          5,000         5,000
Retained earnings                                       7,000         5,500
Total equity                                           12,000        10,500
Non-current liabilities
Borrowings                                    9         6,000         6,500
Total non-current liabilities                           6,000         6,500
Current liabilities
Trade and other payables                                4,500         3,800
Borrowings                                    9         1,500         1,200
Total current liabilities                               6,000         5,000
Total liabilities                                      12,000        11,500
Total equity and liabilities                           24,000        22,000
`;
}

type Row = [
  label: string,
  note: string | null,
  current: string,
  prior: string,
  isTotal: boolean,
  section: VisionAnswerLine["section"],
];

export function sampleBalanceSheetAnswer(
  cells: SampleCells = {},
  extraLines: VisionAnswerLine[] = [],
): VisionAnswer {
  const rows: Row[] = [
    ["Property, plant and equipment", "5", "12,400", "11,900", false, "non_current_assets"],
    ["Intangible assets", "6", "1,600", "1,700", false, "non_current_assets"],
    ["Total non-current assets", null, "14,000", "13,600", true, "non_current_assets"],
    ["Inventories", "7", cells.inventories ?? "3,200", "2,800", false, "current_assets"],
    ["Trade and other receivables", "8", "4,100", "3,900", false, "current_assets"],
    ["Cash and cash equivalents", null, cells.cash ?? "2,700", "1,700", false, "current_assets"],
    ["Total current assets", null, "10,000", "8,400", true, "current_assets"],
    ["Total assets", null, "24,000", "22,000", true, null],
    ["Share capital", null, "5,000", "5,000", false, "equity"],
    ["Retained earnings", null, "7,000", "5,500", false, "equity"],
    ["Total equity", null, "12,000", "10,500", true, "equity"],
    ["Borrowings", "9", "6,000", "6,500", false, "non_current_liabilities"],
    ["Total non-current liabilities", null, "6,000", "6,500", true, "non_current_liabilities"],
    ["Trade and other payables", null, "4,500", "3,800", false, "current_liabilities"],
    ["Borrowings", "9", "1,500", "1,200", false, "current_liabilities"],
    ["Total current liabilities", null, "6,000", "5,000", true, "current_liabilities"],
    ["Total liabilities", null, "12,000", "11,500", true, null],
    ["Total equity and liabilities", null, "24,000", "22,000", true, null],
  ];
  const lines: VisionAnswerLine[] = rows.map(([label, note, current, prior, isTotal, section]) => ({
    label,
    code: null,
    note,
    key: null,
    section,
    values: [current, prior],
    isTotal,
  }));
  lines.splice(6, 0, ...extraLines);
  return {
    illegible: false,
    statements: [
      {
        type: "balance_sheet",
        title: "STATEMENT OF FINANCIAL POSITION",
        currency: "EUR",
        unit: "thousands",
        periods: [
          { label: "2024", end: "2024-12-31" },
          { label: "2023", end: null },
        ],
        lines,
      },
    ],
  };
}

export const INVENTED_LINE: VisionAnswerLine = {
  label: "Derivative financial instruments",
  code: null,
  note: null,
  key: "short_term_investments",
  section: "current_assets",
  values: ["900", "800"],
  isTotal: false,
};
