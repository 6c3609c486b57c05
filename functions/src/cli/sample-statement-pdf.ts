import PDFDocument from "pdfkit";

/**
 * A tiny digital (text-layer) English balance sheet with two periods, made with pdfkit so
 * the worker tests read a real PDF in well under a second. `scale` varies the amounts so many
 * documents differ (each upload has its own sha256).
 */
export interface StatementPdfOptions {
  company?: string;
  year?: number;
  scale?: number;
}

/** Lines of one period; every total is the sum of its lines, so all checks pass. */
export function balanceSheetLines(scale = 1): Array<[string, number]> {
  const s = (n: number) => Math.round(n * scale);
  const cash = s(1200);
  const receivables = s(800);
  const inventories = s(500);
  const current = cash + receivables + inventories;
  const ppe = s(3000);
  const assets = current + ppe;
  const payables = s(900);
  const borrowings = s(600);
  const currentLiabilities = payables + borrowings;
  const longTerm = s(1000);
  const liabilities = currentLiabilities + longTerm;
  const equity = assets - liabilities;
  return [
    ["Cash and cash equivalents", cash],
    ["Trade receivables", receivables],
    ["Inventories", inventories],
    ["Total current assets", current],
    ["Property, plant and equipment", ppe],
    ["Total non-current assets", ppe],
    ["Total assets", assets],
    ["Trade payables", payables],
    ["Short-term borrowings", borrowings],
    ["Total current liabilities", currentLiabilities],
    ["Long-term borrowings", longTerm],
    ["Total non-current liabilities", longTerm],
    ["Total liabilities", liabilities],
    ["Share capital", equity],
    ["Total equity", equity],
    ["Total liabilities and equity", liabilities + equity],
  ];
}

export async function statementPdf(options: StatementPdfOptions = {}): Promise<Uint8Array> {
  const year = options.year ?? 2024;
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    info: { CreationDate: new Date(Date.UTC(year, 0, 1)) },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  doc
    .font("Helvetica-Bold")
    .fontSize(14)
    .text(options.company ?? "Example Trading Ltd", 50, 50);
  doc.fontSize(12).text("Statement of Financial Position", 50, 72);
  doc.font("Helvetica").fontSize(10).text("(in USD)", 50, 90);
  let y = 120;
  doc.font("Helvetica-Bold").text(`31 December ${year}`, 330, y, { width: 100, align: "right" });
  doc.text(`31 December ${year - 1}`, 440, y, { width: 100, align: "right" });
  y += 24;
  doc.font("Helvetica");
  const format = (n: number) => n.toLocaleString("en-US");
  const scale = options.scale ?? 1;
  const prior = balanceSheetLines(scale * 0.9);
  for (const [index, [label, current]] of balanceSheetLines(scale).entries()) {
    doc.text(label, 50, y);
    doc.text(format(current), 330, y, { width: 100, align: "right" });
    doc.text(format(prior[index]![1]), 440, y, { width: 100, align: "right" });
    y += 18;
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
