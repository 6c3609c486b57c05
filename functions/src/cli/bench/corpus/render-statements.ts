import PDFDocument from "pdfkit";
import { formatPrintedAmount } from "./amount-format";
import { registerFontFamily } from "./pdf-fonts";
import type { Random } from "./random";
import type { StatementRow } from "./statement-rows";
import type { StatementSpec } from "./statement-spec";
import type { PeriodColumn, StatementTemplate } from "./templates/template";

/** A statement with its additive values per row, periods indexed as in `periods`. */
export interface StatementToRender {
  template: StatementTemplate;
  values: Map<string, Array<number | null>>;
}

export interface RenderedStatements {
  pdf: Uint8Array;
  pageCount: number;
  /** Page (1-based) of every drawn row, per statement index. */
  rowPages: Array<Map<string, number>>;
  statementPages: number[][];
}

const PAGE = { width: 595.28, height: 841.89 };
/** A fixed date keeps the bytes a pure function of the seed. */
const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));

/**
 * Lays statements out with pdfkit: a label column (indented by level), an optional code or
 * notes column, one right-aligned value column per period in print order; statements flow
 * onto new pages with their headers repeated.
 */
export async function renderStatements(
  spec: StatementSpec,
  statements: StatementToRender[],
  periods: PeriodColumn[],
  /** Index into the values arrays for each printed column. */
  periodIndex: number[],
  rng: Random,
): Promise<RenderedStatements> {
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    autoFirstPage: false,
    info: {
      CreationDate: FIXED_DATE,
      ModDate: FIXED_DATE,
      Producer: "Finstat corpus",
      Creator: "Finstat corpus",
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  registerFontFamily(doc, spec.font);

  const size = spec.fontSize;
  const lineHeight = size * rng.uniform(1.4, 1.65);
  const margin = {
    left: rng.uniform(42, 64),
    right: rng.uniform(42, 60),
    top: rng.uniform(44, 60),
    bottom: 50,
  };
  const right = PAGE.width - margin.right;
  const format = (minor: number) => formatPrintedAmount(minor, spec.amounts);

  // Value columns wide enough for the widest amount and header line.
  let valueWidth = 0;
  doc.font("bold").fontSize(size);
  for (const s of statements) {
    for (const values of s.values.values())
      for (const v of values)
        if (v !== null) valueWidth = Math.max(valueWidth, doc.widthOfString(format(-Math.abs(v))));
    for (const p of periods)
      for (const line of s.template.columnHeader(p))
        valueWidth = Math.max(valueWidth, doc.widthOfString(line));
  }
  valueWidth +=
    rng.uniform(12, 22) +
    (statements.some((s) => s.template.rows.rows.some((r) => r.currencySign)) ? size : 0);
  // THP style: account lines in an inner column, group and section totals in an outer one.
  const perPeriod = spec.accountColumn ? 2 : 1;
  const valuesLeft = right - valueWidth * periods.length * perPeriod;
  const notesWidth = statements.some((s) => s.template.noteHeader) ? size * 4.5 : 0;
  const notesLeft = valuesLeft - notesWidth;
  const codeWidth = statements.some((s) => s.template.codeHeader) ? size * 4.5 : 0;
  const labelLeft = margin.left + codeWidth;
  const labelRight = notesLeft - size;
  const columnRight = (i: number, inner = false) =>
    valuesLeft + valueWidth * ((i + 1) * perPeriod - (inner ? 1 : 0)) - size * 0.4;
  const innerRow = (row: StatementRow) => spec.accountColumn && row.role === "leaf" && row.code !== undefined;

  let page = 0;
  let y = 0;
  const newPage = () => {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    page += 1;
    y = margin.top;
  };
  const text = (t: string, x: number, atY: number, bold = false) => {
    doc
      .font(bold ? "bold" : "body")
      .fontSize(size)
      .text(t, x, atY, { lineBreak: false });
  };
  const rightText = (t: string, rightEdge: number, atY: number, bold = false) => {
    doc.font(bold ? "bold" : "body").fontSize(size);
    text(t, rightEdge - doc.widthOfString(t), atY, bold);
  };
  const centered = (t: string, atY: number, bold: boolean, fontSize: number) => {
    doc.font(bold ? "bold" : "body").fontSize(fontSize);
    doc.text(t, (PAGE.width - doc.widthOfString(t)) / 2, atY, { lineBreak: false });
  };
  const rule = (x0: number, x1: number, atY: number, width = 0.6) => {
    doc.save().lineWidth(width).moveTo(x0, atY).lineTo(x1, atY).stroke().restore();
  };

  const drawHeader = (template: StatementTemplate, continued: boolean) => {
    const titles = continued ? [template.title[0] ?? "", template.continued] : template.title;
    titles.forEach((t, i) => {
      centered(t, y, i === 0 || continued, size + (i === 0 ? 2 : 1));
      y += (size + 2) * 1.45;
    });
    centered(template.unitLine, y, false, size);
    y += lineHeight * 1.4;
    if (template.spanningHeader) {
      const label = template.spanningHeader;
      doc.font("bold").fontSize(size);
      text(
        label,
        valuesLeft + (valueWidth * periods.length * perPeriod - doc.widthOfString(label)) / 2,
        y,
        true,
      );
      y += lineHeight * 0.9;
      rule(valuesLeft + size, right, y - 2);
      y += 2;
    }
    const headers = periods.map((p) => template.columnHeader(p));
    const depth = Math.max(...headers.map((h) => h.length));
    for (let line = 0; line < depth; line++) {
      headers.forEach((h, i) => {
        const t = h[line - (depth - h.length)];
        if (t) rightText(t, columnRight(i), y, true);
      });
      if (line === depth - 1) {
        if (template.noteHeader) text(template.noteHeader, notesLeft + size * 0.5, y, true);
        if (template.codeHeader) text(template.codeHeader, margin.left, y, true);
      }
      y += lineHeight * 0.95;
    }
    if (spec.rules) rule(margin.left, right, y - 1, 0.8);
    y += lineHeight * 0.4;
  };

  const wrapLabel = (label: string, width: number, bold: boolean): string[] => {
    doc.font(bold ? "bold" : "body").fontSize(size);
    if (doc.widthOfString(label) <= width) return [label];
    const lines: string[] = [];
    let current = "";
    for (const word of label.split(" ")) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && doc.widthOfString(candidate) > width) {
        lines.push(current);
        current = word;
      } else current = candidate;
    }
    lines.push(current);
    return lines;
  };

  const rowLayout = (row: StatementRow) => {
    const bold =
      spec.boldTotals && (row.bold || row.role === "total" || (row.role === "group" && row.level === 0));
    const indent = labelLeft + row.level * spec.indentStep;
    const label = row.code && !spec.codeColumn ? `${row.code} ${row.label}` : row.label;
    return { bold, indent, lines: wrapLabel(label, labelRight - indent, bold) };
  };

  const drawRow = (row: StatementRow, values: Array<number | null>, rowIndex: number) => {
    const { bold, indent, lines } = rowLayout(row);
    const lastY = y + (lines.length - 1) * lineHeight;
    if (spec.zebra && rowIndex % 2 === 1) {
      doc
        .save()
        .rect(margin.left - 2, y - lineHeight * 0.25, right - margin.left + 4, lineHeight * lines.length)
        .fill("#e6e6e6")
        .restore();
      doc.fillColor("black");
    }
    const showsValues = row.showValue && row.role !== "heading";
    if (showsValues && spec.rules && row.role === "total") {
      for (let i = 0; i < periods.length; i++)
        rule(columnRight(i) - valueWidth * 0.7, columnRight(i), y - lineHeight * 0.2);
    }
    lines.forEach((t, i) => {
      text(t, indent, y + i * lineHeight, bold);
    });
    if (row.code && spec.codeColumn) text(row.code, margin.left, y, bold);
    if (row.note && showsValues) text(row.note, notesLeft + size * 0.5, lastY, false);
    if (showsValues) {
      doc.font(bold ? "bold" : "body").fontSize(size);
      const labelEnd = indent + doc.widthOfString(lines[lines.length - 1] ?? "") + size * 0.4;
      const leaderEnd = (row.note ? notesLeft : valuesLeft) - size * 0.4;
      if (spec.leaders === "text" && leaderEnd - labelEnd > size * 2) {
        doc.font("body");
        const dot = doc.widthOfString(".");
        text(".".repeat(Math.floor((leaderEnd - labelEnd) / dot)), labelEnd, lastY);
      } else if (spec.leaders === "drawn" && leaderEnd - labelEnd > size * 2) {
        doc
          .save()
          .lineWidth(0.5)
          .dash(0.8, { space: 2.2 })
          .moveTo(labelEnd, lastY + size * 0.85)
          .lineTo(leaderEnd, lastY + size * 0.85)
          .stroke()
          .undash()
          .restore();
      }
      periodIndex.forEach((p, i) => {
        const v = values[p];
        if (v === null || v === undefined) return;
        const printed = v * row.printedSign;
        // Parentheses hang past the column edge so that digits stay aligned.
        const hang = printed < 0 && spec.amounts.negatives === "parens" ? doc.widthOfString(")") : 0;
        const edge = columnRight(i, innerRow(row));
        rightText(format(printed), edge + hang, lastY, bold);
        if (row.currencySign) text("$", edge - valueWidth + size * 1.2, lastY, bold);
      });
    }
    if (showsValues && spec.rules && row.grand) {
      for (let i = 0; i < periods.length; i++) {
        rule(columnRight(i) - valueWidth * 0.7, columnRight(i), lastY + lineHeight * 0.85);
        rule(columnRight(i) - valueWidth * 0.7, columnRight(i), lastY + lineHeight * 0.85 + 1.6);
      }
    }
    y = lastY + lineHeight * (row.role === "heading" || row.grand ? 1.15 : 1);
  };

  const rowPages: Array<Map<string, number>> = [];
  const statementPages: number[][] = [];
  const bottom = PAGE.height - margin.bottom;
  for (const statement of statements) {
    const rows = statement.template.rows.rows;
    const headerHeight = lineHeight * 9;
    const fitsHere = page > 0 && spec.statementsPerPage === 2 && y + headerHeight + lineHeight * 10 < bottom;
    if (fitsHere) y += lineHeight * 2.5;
    else newPage();
    drawHeader(statement.template, false);
    const pages = new Map<string, number>();
    rows.forEach((row, i) => {
      const height = lineHeight * rowLayout(row).lines.length;
      if (row.pageBreakBefore || y + height > bottom) {
        newPage();
        drawHeader(statement.template, true);
      }
      pages.set(row.id, page);
      drawRow(row, statement.values.get(row.id) ?? [], i);
    });
    rowPages.push(pages);
    statementPages.push([...new Set(pages.values())]);
  }
  doc.end();
  await finished;
  return { pdf: new Uint8Array(Buffer.concat(chunks)), pageCount: page, rowPages, statementPages };
}
