/**
 * Tables that break across pages: each row is measured before it is drawn, and the header is
 * drawn again at the top of every page the table continues on. A heading never ends a page
 * with fewer than three rows under it, and a page never starts with the last one or two rows.
 * Figures (right-aligned columns) never wrap: a long one is set smaller to fit its column.
 */
import { COLORS, type PageFlow, type ParagraphOptions } from "./page-flow";

export interface TableColumn {
  header: string;
  width: number;
  align?: "left" | "right" | "center";
}

export interface TableCell {
  text: string;
  fill?: string;
  color?: string;
}

export interface TableRow {
  cells: Array<string | TableCell>;
  bold?: boolean;
  fill?: string;
  /** Indent of the label cell (`indentColumn` of the table), in levels. */
  indent?: number;
  /** A small line under the row across the full width: a formula, a reading. */
  notes?: Array<{ text: string; italic?: boolean }>;
}

const PAD_X = 4;
const PAD_Y = 3.2;
/** Rows kept together at a table's start and end. */
const KEEP_ROWS = 3;
/** Below this a figure is too small to read; it wraps instead. */
const MIN_FIGURE_SIZE = 5.5;

function cellOf(cell: string | TableCell): TableCell {
  return typeof cell === "string" ? { text: cell } : cell;
}

function drawHeader(flow: PageFlow, columns: TableColumn[], size: number): void {
  const { doc } = flow;
  flow.font("condensedBold", size, "#FFFFFF");
  const height =
    Math.max(...columns.map((c) => doc.heightOfString(c.header, { width: c.width - 2 * PAD_X }))) + 2 * PAD_Y;
  doc.rect(flow.left, flow.y, flow.width, height).fill(COLORS.navy);
  let x = flow.left;
  flow.font("condensedBold", size, "#FFFFFF");
  for (const column of columns) {
    doc.text(column.header, x + PAD_X, flow.y + PAD_Y, {
      width: column.width - 2 * PAD_X,
      align: column.align ?? "left",
    });
    x += column.width;
  }
  flow.y += height;
}

/** The font size at which a figure fits its column on one line, or undefined to wrap as text. */
function figureSize(
  flow: PageFlow,
  column: TableColumn,
  text: string,
  width: number,
  size: number,
): number | undefined {
  if (column.align !== "right" || text.includes("\n")) return undefined;
  const natural = flow.doc.widthOfString(text);
  if (natural <= width) return size;
  const fitted = (size * width) / natural;
  return fitted >= MIN_FIGURE_SIZE ? Math.floor(fitted * 10) / 10 : undefined;
}

function cellsHeight(
  flow: PageFlow,
  columns: TableColumn[],
  row: TableRow,
  size: number,
  indentColumn: number,
): number {
  flow.font(row.bold ? "condensedBold" : "condensed", size);
  let height = 0;
  row.cells.forEach((cell, index) => {
    const column = columns[index];
    if (!column) return;
    const indent = index === indentColumn ? (row.indent ?? 0) * 8 : 0;
    const width = column.width - 2 * PAD_X - indent;
    const text = cellOf(cell).text || " ";
    const single = figureSize(flow, column, text, width, size) !== undefined;
    height = Math.max(
      height,
      single ? flow.doc.currentLineHeight(true) : flow.doc.heightOfString(text, { width }),
    );
  });
  return height;
}

const NOTE_INDENT = 10;

function notesHeight(flow: PageFlow, row: TableRow, size: number): number {
  let height = 0;
  for (const note of row.notes ?? []) {
    flow.font(note.italic ? "italic" : "condensed", size - 1.2);
    height += flow.doc.heightOfString(note.text, { width: flow.width - 2 * PAD_X - NOTE_INDENT }) + 1;
  }
  return height;
}

function rowHeight(
  flow: PageFlow,
  columns: TableColumn[],
  row: TableRow,
  size: number,
  indentColumn: number,
): number {
  return cellsHeight(flow, columns, row, size, indentColumn) + notesHeight(flow, row, size) + 2 * PAD_Y;
}

interface RowLayout {
  size: number;
  height: number;
  zebra: boolean;
  indentColumn: number;
}

function drawRow(flow: PageFlow, columns: TableColumn[], row: TableRow, layout: RowLayout) {
  const { size, height, zebra, indentColumn } = layout;
  const { doc } = flow;
  const top = flow.y;
  const fill = row.fill ?? (zebra ? COLORS.zebra : undefined);
  if (fill) doc.rect(flow.left, top, flow.width, height).fill(fill);
  let x = flow.left;
  row.cells.forEach((raw, index) => {
    const column = columns[index];
    if (!column) return;
    const cell = cellOf(raw);
    if (cell.fill) doc.rect(x, top, column.width, height).fill(cell.fill);
    const indent = index === indentColumn ? (row.indent ?? 0) * 8 : 0;
    const width = column.width - 2 * PAD_X - indent;
    const role = row.bold ? "condensedBold" : "condensed";
    flow.font(role, size, cell.color ?? COLORS.text);
    const fitted = figureSize(flow, column, cell.text, width, size);
    if (fitted !== undefined && fitted !== size) flow.font(role, fitted, cell.color ?? COLORS.text);
    doc.text(cell.text, x + PAD_X + indent, top + PAD_Y + (fitted ? (size - fitted) / 2 : 0), {
      width,
      align: column.align ?? "left",
      lineBreak: fitted === undefined,
    });
    x += column.width;
  });
  let noteY = top + PAD_Y + cellsHeight(flow, columns, row, size, indentColumn) + 1;
  const noteWidth = flow.width - 2 * PAD_X - NOTE_INDENT;
  for (const note of row.notes ?? []) {
    flow.font(note.italic ? "italic" : "condensed", size - 1.2, COLORS.muted);
    doc.text(note.text, flow.left + PAD_X + NOTE_INDENT, noteY, { width: noteWidth });
    noteY += doc.heightOfString(note.text, { width: noteWidth }) + 1;
  }
  doc
    .moveTo(flow.left, top + height)
    .lineTo(flow.left + flow.width, top + height)
    .lineWidth(0.4)
    .strokeColor(COLORS.rule)
    .stroke();
  flow.y = top + height;
}

export interface TableOptions {
  size?: number;
  indentColumn?: number;
  /** A subheading kept with the table's header and first rows. */
  title?: string;
  /** A note under the table ("† …"), kept with its last rows. */
  footnote?: { text: string } & ParagraphOptions;
}

/**
 * Draws the table at the cursor; column widths are scaled to the printable width. A short table
 * (fewer than six rows) never splits; a longer one keeps three rows with its title and header
 * and three with its end and footnote.
 */
export function drawTable(
  flow: PageFlow,
  columns: TableColumn[],
  rows: TableRow[],
  options: TableOptions = {},
): void {
  const size = options.size ?? 8.5;
  const indentColumn = options.indentColumn ?? 0;
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const scaled = columns.map((column) => ({ ...column, width: (column.width / total) * flow.width }));
  const headerHeight = 2 * PAD_Y + size * 2.4;
  const heights = rows.map((row) => rowHeight(flow, scaled, row, size, indentColumn));
  const together = (from: number, count: number) =>
    heights.slice(from, from + count).reduce((sum, height) => sum + height, 0);
  const titleHeight = options.title ? flow.subheadingHeight(options.title) : 0;
  const footnoteHeight = options.footnote ? flow.paragraphHeight(options.footnote.text, options.footnote) : 0;
  const splits = rows.length >= 2 * KEEP_ROWS;
  flow.ensure(
    titleHeight +
      headerHeight +
      (splits ? together(0, KEEP_ROWS) : together(0, rows.length) + footnoteHeight),
  );
  if (options.title) flow.subheading(options.title, 0);
  drawHeader(flow, scaled, size);
  rows.forEach((row, index) => {
    const height = heights[index] ?? 0;
    // The last rows go over together, so no page starts with a lone total or footnote.
    const tail = splits && index === rows.length - KEEP_ROWS;
    if (flow.ensure(tail ? together(index, KEEP_ROWS) + footnoteHeight : height))
      drawHeader(flow, scaled, size);
    drawRow(flow, scaled, row, { size, height, zebra: index % 2 === 1, indentColumn });
  });
  if (options.footnote) {
    flow.gap(4);
    flow.paragraph(options.footnote.text, options.footnote);
  }
  flow.gap(10);
}
