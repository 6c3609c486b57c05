/**
 * The instruction sent with every page. It asks for a transcription, not an analysis: the
 * arithmetic, the sign convention and the canonical mapping are ours to decide and check, so
 * the model is told to copy what is printed, including what looks wrong.
 */
export const VISION_SYSTEM_PROMPT = [
  "You transcribe financial statements (balance sheets and income statements) from page images,",
  "in Turkish or English, for an accountant who will check every number against the page.",
  "Copy exactly what is printed. Never compute, correct, complete or round a number; never invent a line.",
  "If a cell is empty, give null. If a number is unreadable, give null rather than a guess.",
].join(" ");

export interface PromptHints {
  /** Language of the document, when the text layer or OCR already told. */
  language?: "tr" | "en";
  /** Period headings OCR found on this page, to keep the column order the same. */
  periodLabels?: string[];
  /** Statement types expected on this page. */
  expectedTypes?: Array<"balance_sheet" | "income_statement">;
}

export function visionPrompt(page: number, hints: PromptHints = {}): string {
  const lines = [
    `Page ${page} of a financial statements document.`,
    "For every balance sheet (Bilanço, Finansal Durum Tablosu, Statement of Financial Position) and income statement",
    "(Gelir Tablosu, Kâr veya Zarar Tablosu, Income Statement, Profit or Loss) printed on this page, give:",
    "- type, title as printed, currency (ISO code) and unit ('Bin TL', 'TL (000)', 'in thousands' = thousands; 'milyon', 'in millions' = millions);",
    "- periods: every amount column heading in left-to-right order, with its end date as YYYY-MM-DD when printed;",
    "- lines: every printed line that has at least one amount, top to bottom, with the label as printed, the account code",
    "  (Tekdüzen Hesap Planı) when printed before the label, the notes reference (Not/Dipnot/Note column) separately,",
    "  the section it belongs to, whether it is a total or subtotal, and the canonical key only when the line clearly is that item;",
    "- values: the amounts exactly as printed, character for character, keeping thousands separators, decimal marks,",
    "  parentheses and minus signs ('1.234.567,89', '(12.345)', '1,234', '-'); one entry per period, null for an empty cell.",
    "A notes reference is never an amount. Lines without amounts (headings) are left out.",
    "If the page holds no balance sheet or income statement, answer with an empty statements list.",
  ];
  if (hints.language) lines.push(`The document is in ${hints.language === "tr" ? "Turkish" : "English"}.`);
  if (hints.periodLabels?.length) {
    lines.push(
      `Text recognition saw these period headings on the page: ${hints.periodLabels.map((l) => `"${l}"`).join(", ")}.`,
    );
  }
  if (hints.expectedTypes?.length) lines.push(`Expected on this page: ${hints.expectedTypes.join(", ")}.`);
  return lines.join("\n");
}
