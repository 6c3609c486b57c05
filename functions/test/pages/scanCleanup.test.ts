import { describe, expect, it } from "vitest";
import { openPdf } from "../../src/pipeline/pdf/openPdf";
import { boundedScale, renderPage } from "../../src/pipeline/pdf/rasterise";
import { cleanScan } from "../../src/pipeline/pdf/scanCleanup";
import { digitalStatementPdf, pdfkitDocument, scannedPdf, tableLines } from "./statementFixtures";

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
});
