import {
  assignColumnsToPeriods,
  type Column,
  columnIndexOf,
  findColumns,
  type HeaderSpan,
} from "../layout/columns";
import type { TextLine } from "../layout/lines";
import { lineText } from "../layout/lines";
import { type Cell, type Row, returnCellsToLabel } from "../layout/rows";
import { inferYearEnd, parsePeriodLabel } from "../parse/periods";
import type { Period } from "../types";
import {
  findNotesHeaders,
  findPeriodHeaders,
  findStatementDate,
  type PeriodHeader,
  resolvePeriods,
  shiftYears,
} from "./periods";

/** Where each cell of a block goes: a period, the notes column, or nowhere. */
export interface BlockLayout {
  periods: Period[];
  rows: Row[];
  /** Per row, per cell: the period index, -1 for the notes column, undefined when unplaced. */
  placement: Array<Array<number | undefined>>;
  headerLines: TextLine[];
  warnings: string[];
  /** Periods no heading dated: their values are a reading, below high confidence. */
  inferredPeriods: string[];
}

const BARE_YEAR = /^\(?(19[5-9]\d|20\d\d|21\d\d)\)?$/;
const MONTH =
  /\b(january|february|march|april|may|june|july|august|september|october|november|december|ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık)\b/iu;
/** "'000", "(000)": the unit printed in a header, not an amount. */
const UNIT_TOKEN = /^[('’]?\s*0{3}\s*['’)]?s?$/;
/** The dash of a fiscal year printed as a range of years ("2009 - 2010"). */
const YEAR_DASH = /^[-–—]$/;
const SMALL_REFERENCE = /^\d{1,2}(\.\d{1,2})?[a-z]?$/i;
/** Note references as printed in a "Notes" column: "7", "2.13", "7-17", "2,6,23", "1, 6". */
const NOTE_LIST = /^\d{1,2}(?:\s*[-–,.]\s*\d{1,2}){0,4}[a-z]?$/i;

/** A line with an amount: "Years ended June 30", "2024 2023" and "TL '000" are headings. */
function isDataRow(row: Row): boolean {
  // "Years ended June 30", "September 30,": a day of a month over the year columns.
  const dateHeading =
    MONTH.test(row.label) && row.cells.every((c) => /^\d{1,2},?$/.test(c.text) || BARE_YEAR.test(c.text));
  return (
    !dateHeading &&
    row.cells.some((c) => !BARE_YEAR.test(c.text) && !UNIT_TOKEN.test(c.text) && !YEAR_DASH.test(c.text))
  );
}

/** A row of bare years ("Notes  2024  2023", "2009 - 2010  2008 - 2009"): the column headings. */
function isYearRow(row: Row): boolean {
  return (
    row.cells.some((c) => BARE_YEAR.test(c.text)) &&
    row.cells.every((c) => BARE_YEAR.test(c.text) || YEAR_DASH.test(c.text))
  );
}

/**
 * The first row with figures. An OCR-garbled date in a title ("31 December 20623") looks like
 * an amount; when a row of years follows within a few lines and nothing between has more than
 * that one number, the rows down to the years are still the heading.
 */
function firstDataRow(rows: Row[]): number {
  const first = rows.findIndex(isDataRow);
  if (first < 0) return first;
  // A page header's number ("Annual Report 2009-10  (129)") may stand above the title's lines.
  for (let i = first; i < Math.min(rows.length, first + 6); i++) {
    const row = rows[i] as Row;
    if (i > first && isYearRow(row)) return rows.findIndex((r, j) => j > i && isDataRow(r));
    if (row.cells.length > 1 && isDataRow(row)) break;
  }
  return first;
}

/** Page numbers and lone references: a single short integer with no label is not a line item. */
function isCoreRow(row: Row): boolean {
  if (!isDataRow(row)) return false;
  return !(row.label.length === 0 && row.cells.length === 1 && /^\d{1,3}$/.test(row.cells[0]?.text ?? ""));
}

/** A cell's column, allowing half a character of misalignment (a dash printed one place off). */
function placeCell(columns: Column[], cell: Cell, slack: number): number {
  return columnIndexOf(columns, cell.bbox.x0 - slack, cell.bbox.x1 + slack);
}

function isNotesColumn(col: Column, rows: Row[], notesHeaders: HeaderSpan[], amountColumns: number): boolean {
  const underHeader = notesHeaders.some((h) => h.x0 < col.x1 + 2 && col.x0 < h.x1 + 2);
  const texts = rows.flatMap((r) => r.cells.filter((c) => placeCell([col], c, 0) === 0).map((c) => c.text));
  const allReferences = texts.length > 0 && texts.every((t) => SMALL_REFERENCE.test(t.replace(/[()]/g, "")));
  // Under a "Notes" heading, references that OCR garbled ("2523)" for "(2,5,23)") still leave
  // most cells reading as lists of note numbers, which no amount column does.
  const mostlyLists =
    underHeader && texts.filter((t) => NOTE_LIST.test(t.replace(/[()]/g, ""))).length >= 0.6 * texts.length;
  return (allReferences && (underHeader || amountColumns >= 2)) || (mostlyLists && amountColumns >= 1);
}

/**
 * Finds one page's columns and places every cell. Columns come from the rows that look like
 * statement lines; a cell outside every column (a year inside a label, a page number) goes back
 * to the label or is ignored.
 */
function layoutPage(
  rows: Row[],
  headerLines: TextLine[],
  firstHeaders: PeriodHeader[] | undefined,
  periodCount: number | undefined,
  fiscalYearEnd: string | undefined,
  statementDate?: string,
): {
  rows: Row[];
  placement: Array<Array<number | undefined>>;
  headers: PeriodHeader[];
  periodCount: number;
} {
  const core = rows.filter(isCoreRow);
  const found = findColumns(core);
  let columns = found.filter((c) => c.support >= 2 || core.length < 4);
  const notesHeaders = findNotesHeaders(headerLines);
  const notes = columns.filter((c, i) => i === 0 && isNotesColumn(c, core, notesHeaders, columns.length - 1));
  let amountColumns = columns.filter((c) => !notes.includes(c));
  const amountLeft = Math.min(...amountColumns.map((c) => c.x0));
  const pageHeaders = findPeriodHeaders(headerLines, amountLeft, fiscalYearEnd);
  const headers = withUnheadedCurrent(
    pageHeaders.length > 0 ? pageHeaders : (firstHeaders ?? []),
    amountColumns,
    core,
    statementDate,
  );
  // A column with a single figure is kept when a period heading stands right over it: THP
  // prints group totals in an outer column, and a page may hold just one of them.
  const underHeading = found.filter(
    (c) => !columns.includes(c) && headers.some((h) => h.x0 < c.x1 && c.x0 < h.x1),
  );
  if (underHeading.length > 0) {
    amountColumns = [...amountColumns, ...underHeading].sort((a, b) => a.x0 - b.x0);
    columns = [...notes, ...amountColumns];
  }

  const heights = rows.map((r) => r.line.height).sort((a, b) => a - b);
  const slack = 0.6 * (heights[Math.floor(heights.length / 2)] ?? 8);
  const placedRows = rows.map((row) =>
    returnCellsToLabel(row, (cell) => placeCell(columns, cell, slack) >= 0),
  );
  columns = [...notes, ...amountColumns];
  const rowsColumns = placedRows.map((r) =>
    r.cells.map((c) => placeCell(amountColumns, c, slack)).filter((i) => i >= 0),
  );
  const maxCells = Math.max(0, ...rowsColumns.map((cols) => cols.length));
  const count = periodCount ?? (headers.length > 0 ? headers.length : maxCells);
  const assignment =
    assignColumnsToPeriods(
      amountColumns,
      count,
      rowsColumns,
      headers.length === count ? headers : undefined,
    ) ?? [];
  const placement = placedRows.map((row) =>
    row.cells.map((cell) => {
      if (notes.length > 0 && placeCell(notes, cell, 0) === 0) return -1;
      const col = placeCell(amountColumns, cell, slack);
      return col >= 0 ? assignment[col] : undefined;
    }),
  );
  return { rows: placedRows, placement, headers, periodCount: count };
}

/**
 * Indian annual reports head only the comparative column ("As at 31.03.2009") and leave this
 * year's columns under the title's date ("Balance Sheet as at 31st March 2010"): amount
 * columns left of every heading, with the title dated after every heading, are that period.
 * Without a dated title (a scan that lost this year's heading), columns left of the first
 * dated heading are the year after it, as statements print the current year first; such a
 * period is marked inferred.
 */
function withUnheadedCurrent(
  headers: PeriodHeader[],
  amountColumns: Column[],
  rows: Row[],
  statementDate: string | undefined,
): PeriodHeader[] {
  const first = headers[0];
  if (!first?.end || headers.some((h) => !h.end || (statementDate && h.end >= statementDate))) return headers;
  const left = amountColumns.filter((c) => c.x1 < first.x0);
  const under = amountColumns.filter((c) => c.x1 >= first.x0 && c.x0 <= first.x1 + 2);
  if (left.length === 0 || under.length === 0) return headers;
  // UK accounts put this year's inner column left of its heading too: its lines carry no
  // figure under that heading. Another period's lines carry one on the same line.
  const inAny = (row: Row, cols: Column[]) =>
    row.cells.some((cell) => columnIndexOf(cols, cell.bbox.x0, cell.bbox.x1) >= 0);
  const leftRows = rows.filter((row) => inAny(row, left));
  if (leftRows.filter((row) => inAny(row, under)).length < 0.5 * leftRows.length) return headers;
  // Amounts, not references: "(2,5)" in an unheaded notes column is no period.
  const leftCells = rows.flatMap((row) =>
    row.cells.filter((cell) => columnIndexOf(left, cell.bbox.x0, cell.bbox.x1) >= 0),
  );
  if (leftCells.filter((cell) => /\d[.,'’\s]?\d{3}/.test(cell.text)).length < 0.5 * leftCells.length)
    return headers;
  const end = statementDate ?? shiftYears(first.end, 1);
  const current: PeriodHeader = {
    x0: Math.min(...left.map((c) => c.x0)),
    x1: Math.max(...left.map((c) => c.x1)),
    label: end,
    end,
    ...(statementDate ? {} : { inferred: true }),
  };
  return [current, ...headers];
}

/** Lays out a whole statement block, page by page, against the periods of its first page. */
export function layoutBlock(rows: Row[], preamble: TextLine[], contextTexts: string[]): BlockLayout {
  const warnings: string[] = [];
  const pages = [...new Set(rows.map((r) => r.page))];
  const out: BlockLayout = {
    periods: [],
    rows: [],
    placement: [],
    headerLines: [],
    warnings,
    inferredPeriods: [],
  };
  let firstHeaders: PeriodHeader[] | undefined;
  let periodCount: number | undefined;
  const fiscalYearEnd = inferYearEnd([...contextTexts, ...rows.slice(0, 12).map((r) => lineText(r.line))]);
  const titleDate = findStatementDate(contextTexts);
  for (const page of pages) {
    const pageRows = rows.filter((r) => r.page === page);
    const firstData = firstDataRow(pageRows);
    const headerRows = firstData > 0 ? pageRows.slice(0, firstData) : [];
    const headerLines = [
      ...(page === pages[0] ? preamble.filter((l) => l.page === page) : []),
      ...headerRows.map((r) => r.line),
    ];
    const laid = layoutPage(
      pageRows.slice(Math.max(0, firstData)),
      headerLines,
      firstHeaders,
      periodCount,
      fiscalYearEnd,
      titleDate,
    );
    if (!firstHeaders) {
      firstHeaders = laid.headers;
      periodCount = laid.periodCount;
      out.headerLines = headerLines;
      out.periods = resolvePeriods(laid.headers, [...contextTexts, ...headerLines.map(lineText)]);
      laid.headers.forEach((h, i) => {
        const period = out.periods[i];
        if (h.inferred && period) out.inferredPeriods.push(period.id);
      });
      if (out.inferredPeriods.length > 0) warnings.push("period_inferred");
      // No column heading could be read (a faint scan): a dated title ("As of December 31,
      // 2021") dates this year's column and the one year before it, as inferred periods.
      const headingDate = findStatementDate([...contextTexts, ...headerLines.map(lineText)]);
      if (out.periods.length === 0 && headingDate && laid.periodCount <= 2) {
        for (let i = 0; i < laid.periodCount; i++) {
          const end = shiftYears(headingDate, -i);
          out.periods.push({ id: end, label: end, end });
          out.inferredPeriods.push(end);
        }
        warnings.push("period_inferred");
      }
      while (out.periods.length < laid.periodCount) {
        out.periods.push({
          id: `period_${out.periods.length + 1}`,
          label: `Column ${out.periods.length + 1}`,
        });
        warnings.push("period_header_not_found");
      }
    }
    // Header rows below the period headings stay in the flow for their headings ("ASSETS"),
    // without their year cells; the column headings themselves ("Cari Dönem", "Hesap Kodu
    // 31.12.2021") are no part of any label, though a label may wrap right under them.
    const lastHeading = headerRows.findLastIndex(
      (r) => isYearRow(r) || parsePeriodLabel(lineText(r.line)) !== null,
    );
    for (const row of headerRows.slice(lastHeading + 1)) {
      out.rows.push({ ...row, cells: [] });
      out.placement.push([]);
    }
    out.rows.push(...laid.rows);
    out.placement.push(...laid.placement);
  }
  return out;
}
