import { groupWordsIntoLines, lineText, type TextLine } from "../layout/lines";
import { isNoiseLine, type Row, splitRow } from "../layout/rows";
import { matchLabel } from "../parse/labels";
import { detectOtherStatement, detectStatementType } from "../parse/statement-heading";
import type { PageWords, StatementType } from "../types";

/** The lines of one printed statement, possibly spread over several pages. */
export interface StatementBlock {
  /** Undefined until inferred from the labels when the statement had no printed title. */
  type?: StatementType;
  title?: string;
  titleConfidence: number;
  /** Lines above the title on its page: company name, unit notes ("Bin TL"), dates. */
  preamble: TextLine[];
  rows: Row[];
  /** A comprehensive-income-only statement: read, but not one of the two statements kept. */
  skip: boolean;
}

const NOTES_START =
  /^(notes? to (the )?(consolidated )?(financial statements|accounts)|see (the )?(accompanying )?notes|the (accompanying )?notes on pages|the accompanying notes|(ilişikteki )?(açıklayıcı )?dipnotlar|ilişikteki notlar)/i;

const PROSE_WORDS = 10;

function isTitleLine(
  row: Row,
): { type: StatementType; confidence: number; title: string; comprehensiveOnly: boolean } | null {
  if (row.cells.length > 0 && row.label.length === 0) return null;
  const text = lineText(row.line);
  const words = text.split(/\s+/).length;
  if (words > 14) return null;
  // Titles carry no amounts; a trailing year ("... 31 December 2024") is part of the title.
  const hasAmount = row.cells.some((c) => /[.,]\d{3}/.test(c.text) || c.text.length > 4);
  if (hasAmount) return null;
  const found = detectStatementType(text);
  if (!found || found.confidence < 0.6) return null;
  return {
    type: found.type,
    confidence: found.confidence,
    title: found.title ?? text,
    comprehensiveOnly: Boolean((found as { comprehensiveOnly?: boolean }).comprehensiveOnly),
  };
}

const CASH_FLOW_LINE =
  /\b(?:operating|investing|financing) activities\b|\bcash (?:and cash equivalents )?(?:at|,)? ?(?:the )?(?:beginning|end) of (?:the )?(?:year|period)\b|\bnet (?:increase|decrease|\(decrease\)|\(increase\))[^a-z]*(?:\w+ )?in cash\b|faaliyetlerinden (?:elde edilen|kaynaklanan) net nakit|d[öo]nem (?:ba[şs][ıi]|sonu) nakit/iu;

const YEAR_CELL = /^\(?(?:19|20)\d{2}\)?$/;

/** "Notes  2021  2020": a row of two or more years, nothing else in figures. */
function isColumnHeadingRow(row: Row): boolean {
  return row.cells.length >= 2 && row.cells.every((c) => YEAR_CELL.test(c.text));
}

const CLOSING_KEYS = new Set(["total_liabilities_and_equity", "net_income"]);

/** Cheap first look, so the dictionary is asked about few lines. */
const CLOSING_WORDS = /total|toplam|kaynak|net|profit|income|earnings|loss|k[aâ]r|zarar/i;

function closesStatement(label: string): boolean {
  if (!CLOSING_WORDS.test(label)) return false;
  const key = matchLabel(label)?.key;
  return key !== undefined && CLOSING_KEYS.has(key);
}

function isProse(row: Row): boolean {
  return row.cells.length === 0 && row.label.split(/\s+/).length >= PROSE_WORDS;
}

/**
 * Splits a document into statements. A title starts a statement; a page without a title
 * continues the one before (a balance sheet running onto a second page); notes, signatures
 * and other running text after the figures end it, so a note's table is never read as part of
 * the statement.
 */
export function splitIntoStatements(pages: PageWords[]): StatementBlock[] {
  const st: Splitting = {
    blocks: [],
    ended: false,
    closed: false,
    proseRun: 0,
    dataRows: 0,
    pageDataRows: 0,
  };
  for (const page of pages) {
    const lines = groupWordsIntoLines(page.words);
    const pageLines: TextLine[] = [];
    st.pageDataRows = 0;
    for (const line of lines) {
      if (isNoiseLine(line)) continue;
      const row = splitRow(line);
      const title = isTitleLine(row);
      const text = lineText(line);
      // A scan that lost its titles: a page opening on its own column headings after a
      // statement that closed starts the next statement, untitled (its lines tell its type).
      if (!title && st.current && st.closed && st.pageDataRows === 0 && isColumnHeadingRow(row))
        startBlock(st, { titleConfidence: 0, preamble: [...pageLines.slice(-6)], rows: [], skip: false });
      if (title) {
        const { current } = st;
        const continues =
          current && !current.skip && current.type === title.type && (st.dataRows === 0 || !st.ended);
        if (continues && current) {
          current.title = current.title ?? title.title;
          st.ended = false;
          continue;
        }
        startBlock(st, {
          type: title.type,
          title: title.title,
          titleConfidence: title.confidence,
          preamble: [...pageLines.slice(-6)],
          rows: [],
          skip: title.comprehensiveOnly,
        });
        continue;
      }
      pageLines.push(line);
      readBodyRow(st, row, text);
    }
  }
  return st.blocks.filter((b) => b.rows.some((r) => r.cells.length > 0));
}

/** Where splitting stands: the statement being read and what its rows said so far. */
interface Splitting {
  blocks: StatementBlock[];
  current?: StatementBlock;
  ended: boolean;
  /** The current statement printed its closing line (total liabilities and equity, net income). */
  closed: boolean;
  proseRun: number;
  dataRows: number;
  pageDataRows: number;
}

function startBlock(st: Splitting, block: StatementBlock): void {
  st.current = block;
  st.blocks.push(block);
  st.ended = false;
  st.closed = false;
  st.proseRun = 0;
  st.dataRows = 0;
}

/** A row that is no title: the statement's, or the running text or other statement that ends it. */
function readBodyRow(st: Splitting, row: Row, text: string): void {
  const otherStatement =
    row.cells.length === 0 && text.split(/\s+/).length <= 14 && detectOtherStatement(text);
  // A cash flow statement whose title was lost still speaks its own vocabulary.
  const cashFlowLine = CASH_FLOW_LINE.test(row.label);
  if (NOTES_START.test(text.trim()) || otherStatement || cashFlowLine) {
    st.ended = true;
    st.closed = true;
    return;
  }
  if (!st.current) {
    st.current = { titleConfidence: 0, preamble: [], rows: [], skip: false };
    st.blocks.push(st.current);
  }
  if (st.ended) return;
  if (isProse(row)) {
    st.proseRun += 1;
    if (st.proseRun >= 3 && st.dataRows >= 3) st.ended = true;
  } else {
    st.proseRun = 0;
  }
  if (row.cells.length > 0 && row.label.length > 0) {
    st.dataRows += 1;
    // "As of December 31": a day over the headings is no figure.
    if (row.cells.some((c) => /\d{3}/.test(c.text))) st.pageDataRows += 1;
    if (closesStatement(row.label)) st.closed = true;
  }
  st.current.rows.push(row);
}
