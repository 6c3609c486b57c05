/** Running header and footer with "Sayfa 2 / 9" / "Page 2 of 9", drawn once every page exists. */
import { formatDate } from "../format";
import { word } from "../wording";
import type { PdfContext } from "./context";
import { COLORS } from "./page-flow";

export function pageLabel(page: number, total: number, language: "tr" | "en"): string {
  return language === "tr" ? `Sayfa ${page} / ${total}` : `Page ${page} of ${total}`;
}

export function decoratePages(context: PdfContext): void {
  const { flow, language, options, output } = context;
  const { doc } = flow;
  const range = doc.bufferedPageRange();
  const total = range.count;
  const company = options.company?.name ?? output.document.file;
  for (let index = range.start; index < range.start + total; index++) {
    doc.switchToPage(index);
    // Text below the bottom margin would otherwise make pdfkit open a new page.
    const margins = { ...doc.page.margins };
    doc.page.margins = { ...margins, top: 0, bottom: 0 };
    const left = margins.left;
    const width = doc.page.width - margins.left - margins.right;
    const footerY = doc.page.height - margins.bottom + 22;
    if (index > range.start) {
      flow
        .font("regular", 7.5, COLORS.muted)
        .text(company, left, 30, { width: width * 0.65, lineBreak: false, ellipsis: true });
      const title = word("reportTitle", language);
      flow
        .font("regular", 7.5, COLORS.muted)
        .text(title, left, 30, { width, align: "right", lineBreak: false });
      doc
        .moveTo(left, 44)
        .lineTo(left + width, 44)
        .lineWidth(0.5)
        .strokeColor(COLORS.rule)
        .stroke();
    }
    doc
      .moveTo(left, footerY - 8)
      .lineTo(left + width, footerY - 8)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
    flow
      .font("regular", 7.5, COLORS.muted)
      .text(`Finstat · ${formatDate(options.generatedAt, language)}`, left, footerY, {
        width: width / 2,
        lineBreak: false,
      });
    flow
      .font("bold", 7.5, COLORS.muted)
      .text(pageLabel(index - range.start + 1, total, language), left, footerY, {
        width,
        align: "right",
        lineBreak: false,
      });
    doc.page.margins = margins;
  }
}
