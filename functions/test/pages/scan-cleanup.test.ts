import { describe, expect, it } from "vitest";
import { openPdf } from "../../src/pipeline/pdf/open-pdf";
import { boundedScale, renderPage } from "../../src/pipeline/pdf/rasterise";
import { cleanScan } from "../../src/pipeline/pdf/scan-cleanup";
import { extractScanImage } from "../../src/pipeline/pdf/scan-image";
import { rotatedWithQpdf } from "./bad-pdfs";
import { digitalStatementPdf, pdfkitDocument, scannedPdf, tableLines } from "./statement-fixtures";

async function renderFirstPage(bytes: Uint8Array, dpi: number) {
  const pdf = await openPdf(bytes, { maxPages: 5 });
  try {
    return await renderPage(await pdf.getPage(1), { dpi });
  } finally {
    await pdf.close();
  }
}

/** Difference between two angles in degrees, in [0, 180]. */
function angleGap(a: number, b: number): number {
  const d = Math.abs((((a - b) % 360) + 360) % 360);
  return Math.min(d, 360 - d);
}

describe("scan clean-up: orientation and deskew (no OCR)", () => {
  const cases: Array<{ name: string; rotate: number; dpi: number; noise?: number; correction: number }> = [
    { name: "skewed 2 degrees clockwise", rotate: 2, dpi: 200, correction: -2 },
    {
      name: "skewed 3.5 degrees anticlockwise, noisy",
      rotate: -3.5,
      dpi: 200,
      noise: 0.003,
      correction: 3.5,
    },
    { name: "scanned sideways (90)", rotate: 90, dpi: 150, correction: 270 },
    { name: "scanned upside down", rotate: 180, dpi: 150, correction: 180 },
    { name: "scanned sideways the other way (270)", rotate: 270, dpi: 150, correction: 90 },
    { name: "sideways and skewed 1.5", rotate: 91.5, dpi: 150, correction: 268.5 },
  ];
  for (const scan of cases) {
    it(`straightens a page ${scan.name} to within 0.5 degrees`, async () => {
      const bytes = await scannedPdf(await digitalStatementPdf(), {
        dpi: scan.dpi,
        rotate: scan.rotate,
        noise: scan.noise,
      });
      const rendered = await renderFirstPage(bytes, scan.dpi);
      const cleaned = await cleanScan(rendered);
      expect(angleGap(cleaned.rotation, scan.correction)).toBeLessThanOrEqual(0.5);
      // The straightened page is portrait again, at the rendered scale.
      expect(cleaned.image.height).toBeGreaterThan(cleaned.image.width);
      expect(cleaned.image.pixels.length).toBe(cleaned.image.width * cleaned.image.height);
    });
  }

  // Ruled tables: turned a quarter, column rules look like sharp text lines unless removed.
  const ruled: Array<{ rules: "columns" | "grid"; rotate: number; correction: number }> = [
    { rules: "columns", rotate: -4, correction: 4 },
    { rules: "columns", rotate: 93, correction: 267 },
    { rules: "grid", rotate: 90, correction: 270 },
    { rules: "grid", rotate: 180, correction: 180 },
  ];
  for (const scan of ruled) {
    it(`is not fooled by the ${scan.rules} rules of a table scanned at ${scan.rotate} degrees`, async () => {
      const digital = await digitalStatementPdf(tableLines(), 1, { rules: scan.rules });
      const rendered = await renderFirstPage(
        await scannedPdf(digital, { dpi: 150, rotate: scan.rotate }),
        150,
      );
      const cleaned = await cleanScan(rendered);
      expect(angleGap(cleaned.rotation, scan.correction)).toBeLessThanOrEqual(0.5);
    });
  }

  it("turns a page as told, measuring its skew in that orientation", async () => {
    const bytes = await scannedPdf(await digitalStatementPdf(), { dpi: 150, rotate: 91.5 });
    const rendered = await renderFirstPage(bytes, 150);
    const told = await cleanScan(rendered, { quarterTurns: 3 });
    expect(told.quarterTurns).toBe(3);
    expect(angleGap(told.rotation, 268.5)).toBeLessThanOrEqual(0.5);
    // Upside down the other way: the half turn keeps the same fine correction.
    expect(angleGap((await cleanScan(rendered, { quarterTurns: 1 })).rotation, 88.5)).toBeLessThanOrEqual(
      0.5,
    );
  });

  it("leaves an upright clean scan untouched", async () => {
    const rendered = await renderFirstPage(await scannedPdf(await digitalStatementPdf(), { dpi: 150 }), 150);
    const cleaned = await cleanScan(rendered);
    expect(cleaned.rotation).toBe(0);
    expect(cleaned.image.width).toBe(rendered.width);
  });

  it("does not rotate a blank page", async () => {
    const { doc, done } = pdfkitDocument();
    doc.end();
    const cleaned = await cleanScan(await renderFirstPage(await done, 100));
    expect(cleaned.rotation).toBe(0);
  });

  it("stretches a washed-out scan to full contrast", async () => {
    const bytes = await scannedPdf(await digitalStatementPdf(tableLines()), { dpi: 150, faded: true });
    const rendered = await renderFirstPage(bytes, 150);
    const darkest = (pixels: Buffer) => pixels.reduce((min, v) => Math.min(min, v), 255);
    expect(darkest(rendered.pixels)).toBeGreaterThan(90);
    const cleaned = await cleanScan(rendered);
    expect(darkest(cleaned.image.pixels)).toBe(0);
  });
});

describe("rasterising is bounded", () => {
  it("renders a huge MediaBox at a lower resolution instead of exhausting memory", async () => {
    const { doc, done } = pdfkitDocument({ size: [14400, 14400] });
    doc.fontSize(400).text("Bilanço 1.234.567,89", 500, 500);
    doc.end();
    const rendered = await renderFirstPage(await done, 300);
    expect(rendered.width * rendered.height).toBeLessThanOrEqual(24_000_000);
    expect(rendered.dpi).toBeLessThan(30);
    // Still a real rendering: the text left ink on the page.
    expect(rendered.pixels.some((v) => v < 100)).toBe(true);
  });

  it("computes the bounded scale from the pixel and side caps", () => {
    expect(boundedScale(595, 842, 300 / 72, 24_000_000)).toBeCloseTo(300 / 72, 6);
    const scale = boundedScale(14400, 14400, 300 / 72, 24_000_000);
    expect(14400 * scale * 14400 * scale).toBeLessThanOrEqual(24_000_000 + 1);
    expect(boundedScale(100_000, 10, 1, 1e12) * 100_000).toBeLessThanOrEqual(16_384);
  });

  it("takes a picture-only page's own pixels, matching what pdfjs would draw, under any /Rotate", async () => {
    const scan = await scannedPdf(await digitalStatementPdf(), { dpi: 150, jpegQuality: 90 });
    for (const bytes of [
      scan,
      rotatedWithQpdf(scan, 90),
      rotatedWithQpdf(scan, 180),
      rotatedWithQpdf(scan, 270),
    ]) {
      const pdf = await openPdf(bytes, { maxPages: 1 });
      try {
        const page = await pdf.getPage(1);
        const picture = await extractScanImage(page, { dpi: 150 });
        if (!picture) throw new Error("fast path not taken");
        const drawn = await renderPage(page, { dpi: 150 });
        expect([picture.width, picture.height]).toEqual([drawn.width, drawn.height]);
        let difference = 0;
        for (let i = 0; i < drawn.pixels.length; i++)
          difference += Math.abs((picture.pixels[i] ?? 0) - (drawn.pixels[i] ?? 0));
        expect(difference / drawn.pixels.length).toBeLessThan(4);
      } finally {
        await pdf.close();
      }
    }
  });

  it("keeps a scan's own resolution by default and leaves vector pages to the renderer", async () => {
    const digital = await digitalStatementPdf();
    const pdf = await openPdf(await scannedPdf(digital, { dpi: 250 }), { maxPages: 1 });
    const picture = await extractScanImage(await pdf.getPage(1));
    await pdf.close();
    expect(picture?.dpi).toBeCloseTo(250, 0);
    const vector = await openPdf(digital, { maxPages: 1 });
    expect(await extractScanImage(await vector.getPage(1))).toBeUndefined();
    await vector.close();
  });
});
