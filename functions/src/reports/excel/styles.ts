/** The workbook's look: one place for fills, fonts and number formats. */
import type { Cell, Fill, Row, Worksheet } from "exceljs";
import type { RatioUnit } from "../../analysis/types";

export const FORMAT_AMOUNT = "#,##0.00;-#,##0.00";
export const FORMAT_PERCENT = "0.00%";
export const FORMAT_RATIO = "0.00";
export const FORMAT_DAYS = "0.0";
export const FORMAT_CONFIDENCE = "0%";

export function ratioFormat(unit: RatioUnit | undefined): string {
  if (unit === "percent") return FORMAT_PERCENT;
  if (unit === "amount") return FORMAT_AMOUNT;
  if (unit === "days") return FORMAT_DAYS;
  return FORMAT_RATIO;
}

const solid = (argb: string): Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

export const FILL_HEADER = solid("FF1F3A5F");
export const FILL_SECTION = solid("FFDCE6F1");
export const FILL_TOTAL = solid("FFF2F2F2");
export const FILL_LOW_CONFIDENCE = solid("FFFCE4D6");
export const FILL_CHECK_FAILED = solid("FFF8CBAD");
export const FILL_CRITICAL = solid("FFF4B6B6");
export const FILL_WARNING = solid("FFFFE699");

export const FONT = "Calibri";

/** `rightAligned`: the columns holding numbers, whose titles sit over the digits. */
export function styleHeaderRow(row: Row, options: { rightAligned?: number[] } = {}): void {
  row.eachCell((cell, column) => {
    cell.fill = FILL_HEADER;
    cell.font = { name: FONT, bold: true, color: { argb: "FFFFFFFF" } };
    const horizontal = options.rightAligned?.includes(column) ? "right" : "left";
    cell.alignment = { vertical: "middle", horizontal, wrapText: true };
  });
  row.height = 30;
}

export function styleTitle(cell: Cell): void {
  cell.font = { name: FONT, bold: true, size: 14, color: { argb: "FF1F3A5F" } };
}

export function styleSection(row: Row, width: number): void {
  for (let column = 1; column <= width; column++) {
    const cell = row.getCell(column);
    cell.fill = FILL_SECTION;
    cell.font = { name: FONT, bold: true, color: { argb: "FF1F3A5F" } };
  }
}

/** Landscape, fit to one page wide, headers repeated: what an analyst prints. */
export function preparePrinting(sheet: Worksheet, headerRow: number): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: "landscape",
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: "&L&A&R&P / &N" };
}

export function freezeBelow(sheet: Worksheet, headerRow: number, columns = 1): void {
  sheet.views = [
    { state: "frozen", xSplit: columns, ySplit: headerRow, topLeftCell: undefined, activeCell: "A1" },
  ];
}
