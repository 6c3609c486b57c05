import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import sharp from "sharp";
import { openPdf } from "../../src/pipeline/pdf/open-pdf";
import { renderPage } from "../../src/pipeline/pdf/rasterise";

/**
 * PDFs built inside the tests: a Turkish balance-sheet page with right-aligned amounts (the
 * layout where Tesseract's default segmentation drops leading digits) and scanned variants of
 * it made by rendering it with our own rasteriser and embedding the picture in a new PDF.
 */
const fontDir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
export const FONT_REGULAR = join(fontDir, "DejaVuSans.ttf");
export const FONT_BOLD = join(fontDir, "DejaVuSans-Bold.ttf");

export const A4 = { width: 595.28, height: 841.89 };

export interface TableLine {
  label: string;
  current: string;
  previous: string;
  bold?: boolean;
  /** Notes reference (Dipnot) printed in its own narrow column. */
  note?: string;
}

const LABELS = [
  "Dönen Varlıklar",
  "Hazır Değerler",
  "Kasa",
  "Alınan Çekler",
  "Bankalar",
  "Ticari Alacaklar",
  "Alıcılar",
  "Diğer Alacaklar",
  "Stoklar",
  "İlk Madde ve Malzeme",
  "Ticari Mallar",
  "Gelecek Aylara Ait Giderler",
  "Diğer Dönen Varlıklar",
  "Duran Varlıklar",
  "Maddi Duran Varlıklar",
  "Binalar",
  "Taşıtlar",
  "Birikmiş Amortismanlar (-)",
  "Maddi Olmayan Duran Varlıklar",
  "Aktif Toplamı",
];

/** Deterministic pseudo-random amounts in Turkish format, of varied magnitude. */
export function tableLines(seed = 7, count = LABELS.length): TableLine[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const amount = () => {
    const digits = 3 + Math.floor(next() * 7);
    const whole = Math.floor(10 ** (digits - 1) + next() * 9 * 10 ** (digits - 1));
    const cents = Math.floor(next() * 100);
    return `${whole.toLocaleString("de-DE")},${String(cents).padStart(2, "0")}`;
  };
  return LABELS.slice(0, count).map((label, index) => ({
    label,
    current: index === 0 ? "1.234.567,89" : amount(),
    previous: amount(),
    bold: index === 0 || index === 13 || index === LABELS.length - 1,
    note: index % 4 === 1 ? String(3 + index) : undefined,
  }));
}

export function pdfkitDocument(options: PDFKit.PDFDocumentOptions = {}): {
  doc: PDFKit.PDFDocument;
  done: Promise<Uint8Array>;
} {
  const doc = new PDFDocument({ size: "A4", margin: 40, ...options });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  return { doc, done };
}

export interface TableStyle {
  fontSize?: number;
  /** Line pitch as a multiple of the font size. */
  leading?: number;
  /** Print the notes (Dipnot) column between labels and amounts. */
  notes?: boolean;
  /** Ruling: thin column rules only, or a full grid (row and column rules). */
  rules?: "columns" | "grid";
  /** Line width of the rules in points. */
  ruleWidth?: number;
}

/** Draws the balance-sheet table on the current page. */
export function drawBalanceSheet(doc: PDFKit.PDFDocument, lines: TableLine[], style: TableStyle = {}): void {
  const fontSize = style.fontSize ?? 10;
  doc.font(FONT_BOLD).fontSize(13).text("ÖRNEK TİCARET A.Ş. BİLANÇO (TL)", 50, 60);
  doc.font(FONT_BOLD).fontSize(fontSize);
  if (style.notes) doc.text("Dipnot", 270, 100, { width: 40, align: "center", lineBreak: false });
  doc.text("31.12.2024", 330, 100, { width: 100, align: "right", lineBreak: false });
  doc.text("31.12.2023", 450, 100, { width: 100, align: "right", lineBreak: false });
  let y = 100 + fontSize * 2.5;
  for (const line of lines) {
    doc.font(line.bold ? FONT_BOLD : FONT_REGULAR).fontSize(fontSize);
    doc.text(line.label, 50, y, { lineBreak: false });
    if (style.notes && line.note)
      doc.text(line.note, 270, y, { width: 40, align: "center", lineBreak: false });
    doc.text(line.current, 330, y, { width: 100, align: "right", lineBreak: false });
    doc.text(line.previous, 450, y, { width: 100, align: "right", lineBreak: false });
    y += fontSize * (style.leading ?? 2.1);
  }
  if (style.rules) {
    doc.save().lineWidth(style.ruleWidth ?? 0.5);
    for (const x of [45, 265, 325, 440, 555]) doc.moveTo(x, 95).lineTo(x, y).stroke();
    if (style.rules === "grid") {
      for (let ruleY = 100 + fontSize * 2.5 - 4; ruleY < y; ruleY += fontSize * (style.leading ?? 2.1)) {
        doc.moveTo(45, ruleY).lineTo(555, ruleY).stroke();
      }
    }
    doc.restore();
  }
}

export async function digitalStatementPdf(
  lines = tableLines(),
  pages = 1,
  style: TableStyle = {},
): Promise<Uint8Array> {
  const { doc, done } = pdfkitDocument();
  for (let page = 0; page < pages; page++) {
    if (page > 0) doc.addPage();
    drawBalanceSheet(doc, lines, style);
  }
  doc.end();
  return done;
}

export interface ScanOptions {
  dpi: number;
  /** Clockwise degrees applied to the picture: 90/180/270 for sideways scans, small for skew. */
  rotate?: number;
  /** JPEG quality; PNG when absent. */
  jpegQuality?: number;
  /** Gaussian blur sigma, for a softer scan. */
  blur?: number;
  /** Share of pixels (0..1) turned into random black or white specks. */
  noise?: number;
  /** Washed-out copy: ink becomes mid-grey on grey paper. */
  faded?: boolean;
}

/**
 * Turns every page of a digital PDF into an image-only PDF: render, optionally rotate/skew,
 * embed the picture as the whole page. A 90/270 rotation makes the scanned page landscape.
 */
export async function scannedPdf(source: Uint8Array, scan: ScanOptions): Promise<Uint8Array> {
  const pdf = await openPdf(source, { maxPages: 50 });
  const { doc, done } = pdfkitDocument({ autoFirstPage: false, margin: 0 });
  try {
    for (let n = 1; n <= pdf.pageCount; n++) {
      const page = await pdf.getPage(n);
      const rendered = await renderPage(page, { dpi: scan.dpi });
      const picture = await scannedPicture(rendered, scan);
      const sideways = isSideways(scan.rotate ?? 0);
      const size: [number, number] = sideways ? [A4.height, A4.width] : [A4.width, A4.height];
      doc.addPage({ size, margin: 0 });
      doc.image(picture, 0, 0, { width: size[0], height: size[1] });
    }
  } finally {
    await pdf.close();
  }
  doc.end();
  return done;
}

async function scannedPicture(
  rendered: { pixels: Buffer; width: number; height: number },
  scan: ScanOptions,
): Promise<Buffer> {
  const raw = { raw: { width: rendered.width, height: rendered.height, channels: 1 as const } };
  const angle = scan.rotate ?? 0;
  const quarterTurn = Math.abs(angle % 90) < 1e-9;
  let image = sharp(rendered.pixels, raw);
  if (angle !== 0) image = image.rotate(angle, { background: "#ffffff" });
  if (scan.blur) image = image.blur(scan.blur);
  if (scan.faded) image = image.linear(0.45, 110);
  // Rotating with a background colour makes sharp emit RGB; keep one grey channel.
  let buffer = await image.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  if (!quarterTurn) {
    // A skewed scan keeps the sheet's size: crop the rotated picture back to the sheet's frame.
    const width = isSideways(angle) ? rendered.height : rendered.width;
    const height = isSideways(angle) ? rendered.width : rendered.height;
    const left = Math.max(0, Math.floor((buffer.info.width - width) / 2));
    const top = Math.max(0, Math.floor((buffer.info.height - height) / 2));
    buffer = await sharp(buffer.data, {
      raw: { width: buffer.info.width, height: buffer.info.height, channels: 1 },
    })
      .extract({ left, top, width, height })
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
  }
  if (scan.noise) speckle(buffer.data, scan.noise);
  const out = sharp(buffer.data, {
    raw: { width: buffer.info.width, height: buffer.info.height, channels: 1 },
  });
  return scan.jpegQuality ? out.jpeg({ quality: scan.jpegQuality }).toBuffer() : out.png().toBuffer();
}

function isSideways(degrees: number): boolean {
  return Math.abs(Math.round(degrees / 90)) % 2 === 1;
}

/** Deterministic salt-and-pepper noise, like dust and toner specks on a photocopy. */
function speckle(pixels: Buffer, share: number): void {
  let state = 12345;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const count = Math.round(pixels.length * share);
  for (let i = 0; i < count; i++) {
    const index = Math.floor(next() * pixels.length);
    pixels[index] = next() < 0.5 ? 0 : 255;
  }
}

/**
 * A "searchable" scan as scanners and OCR programs write it: the page picture with the
 * recognised text drawn invisibly (text rendering mode 3) on top.
 */
export async function searchableScanPdf(lines = tableLines(), dpi = 100): Promise<Uint8Array> {
  const picture = await scannedPdf(await digitalStatementPdf(lines), { dpi, jpegQuality: 80 });
  const pdf = await openPdf(picture, { maxPages: 1 });
  let png: Buffer;
  try {
    const rendered = await renderPage(await pdf.getPage(1), { dpi });
    png = await sharp(rendered.pixels, {
      raw: { width: rendered.width, height: rendered.height, channels: 1 },
    })
      .png()
      .toBuffer();
  } finally {
    await pdf.close();
  }
  const { doc, done } = pdfkitDocument({ margin: 0 });
  doc.image(png, 0, 0, { width: A4.width, height: A4.height });
  doc.addContent("3 Tr");
  drawBalanceSheet(doc, lines);
  doc.end();
  return done;
}
