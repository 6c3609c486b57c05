/**
 * Writing down the page: a cursor that knows the printable area, breaks pages when the next
 * block does not fit, and draws the report's headings in one style.
 */
import type { FontRole } from "./fonts";

export const COLORS = {
  navy: "#1F3A5F",
  teal: "#2E86AB",
  text: "#222222",
  muted: "#666666",
  rule: "#C9D3DF",
  panel: "#F3F6FA",
  zebra: "#F8FAFC",
  lowConfidence: "#F9CB9C",
  checkFailed: "#FDECEA",
  critical: "#C0392B",
  warning: "#E08E0B",
  info: "#2E86AB",
  up: "#2E7D32",
  down: "#C62828",
  series: ["#1F3A5F", "#7FA7CF", "#E08E0B", "#2E7D32", "#8E44AD", "#C0392B"],
  /** Periods, latest first: the latest darkest. */
  periods: ["#1F3A5F", "#6F9BC8", "#A9C6E3", "#D3E2F1"],
} as const;

export interface ParagraphOptions {
  size?: number;
  color?: string;
  role?: FontRole;
  indent?: number;
}

export const PAGE = { size: "A4", margins: { top: 64, bottom: 60, left: 50, right: 50 } } as const;

export class PageFlow {
  y: number;

  constructor(readonly doc: PDFKit.PDFDocument) {
    this.y = doc.page.margins.top;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  font(role: FontRole, size: number, color: string = COLORS.text): PDFKit.PDFDocument {
    return this.doc.font(role).fontSize(size).fillColor(color);
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.doc.page.margins.top;
  }

  /** Starts a new page when `height` does not fit below the cursor; says whether it did. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.newPage();
    return true;
  }

  gap(points: number): void {
    this.y += points;
  }

  /**
   * A section title with a rule under it; kept with at least `keepWith` points of what follows.
   * A long title ("31 Aralık 2023 Tarihi İtibarıyla Konsolide Finansal Durum Tablosu") wraps, and
   * the rule goes under its last line.
   */
  heading(text: string, keepWith = 80): void {
    this.font("bold", 15, COLORS.navy);
    const height = this.doc.heightOfString(text, { width: this.width });
    this.ensure(height + 16 + keepWith);
    this.font("bold", 15, COLORS.navy).text(text, this.left, this.y, { width: this.width });
    this.y += height + 3;
    this.doc
      .moveTo(this.left, this.y)
      .lineTo(this.left + this.width, this.y)
      .lineWidth(1.2)
      .strokeColor(COLORS.navy)
      .stroke();
    this.y += 10;
  }

  subheadingHeight(text: string): number {
    this.font("bold", 11, COLORS.navy);
    return this.doc.heightOfString(text, { width: this.width }) + 4;
  }

  subheading(text: string, keepWith = 60): void {
    const height = this.subheadingHeight(text) - 4;
    this.ensure(height + 4 + keepWith);
    this.font("bold", 11, COLORS.navy).text(text, this.left, this.y, { width: this.width });
    this.y += height + 4;
  }

  paragraphHeight(text: string, options: ParagraphOptions = {}): number {
    const { size = 9, role = "regular", indent = 0 } = options;
    this.font(role, size);
    return this.doc.heightOfString(text, { width: this.width - indent }) + 4;
  }

  paragraph(text: string, options: ParagraphOptions = {}): void {
    const { size = 9, color = COLORS.text, role = "regular", indent = 0 } = options;
    this.font(role, size, color);
    const width = this.width - indent;
    const height = this.doc.heightOfString(text, { width });
    this.ensure(height);
    this.doc.text(text, this.left + indent, this.y, { width });
    this.y += height + 4;
  }
}
