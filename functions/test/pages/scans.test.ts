import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closeOcr,
  createOcrEngine,
  type OcrEngine,
  sharedOcrEngine,
} from "../../src/pipeline/pdf/ocr-engine";
import { openPdf } from "../../src/pipeline/pdf/open-pdf";
import { renderPage } from "../../src/pipeline/pdf/rasterise";
import { readPages } from "../../src/pipeline/pdf/read-pages";
import { readTextLayer } from "../../src/pipeline/pdf/text-layer";
import type { Word } from "../../src/pipeline/types";
import { concatenated, withoutUnicodeMaps } from "./bad-pdfs";
import { amountWords, scoreAmounts } from "./ocr-accuracy";
import { digitalStatementPdf, pdfkitDocument, scannedPdf } from "./statement-fixtures";

// Real Tesseract (tesseract.js, tur+eng from the npm data packages) on generated scans. Each
// OCR page costs 1.5-3 s, so the cases are few and one worker is shared by the whole file.
let ocr: OcrEngine;
let digital: Uint8Array;
let truth: Word[];

beforeAll(async () => {
  ocr = createOcrEngine({ workers: 1 });
  digital = await digitalStatementPdf();
  const pdf = await openPdf(digital, { maxPages: 1 });
  truth = amountWords(await readTextLayer(await pdf.getPage(1)));
  await pdf.close();
});

afterAll(async () => {
  await ocr.close();
});

describe("OCR of scanned statement pages", () => {
  it("reads every amount of a clean 300-DPI scan, in place, with confidences", async () => {
    // No dpi given: the page is one 300-DPI picture and is read at its own resolution.
    const { pages } = await readPages(await scannedPdf(digital, { dpi: 300 }), { maxPages: 5, ocr });
    const page = pages[0];
    if (!page) throw new Error("no page");
    expect(page.source).toBe("ocr");
    const texts = page.words.map((w) => w.text);
    expect(texts).toContain("1.234.567,89");
    expect(texts).toContain("Varlıklar");
    const score = scoreAmounts(truth, page);
    expect(score.amounts).toBe(40);
    expect(score.exact).toBeGreaterThanOrEqual(39);
    // Boxes are PDF points from the top-left: the printed amount is where the digital one is.
    const amount = page.words.find((w) => w.text === "1.234.567,89");
    const printed = truth.find((w) => w.text === "1.234.567,89");
    expect(Math.abs((amount?.bbox.x1 ?? 0) - (printed?.bbox.x1 ?? 0))).toBeLessThan(3);
    expect(Math.abs((amount?.bbox.y0 ?? 0) - (printed?.bbox.y0 ?? 0))).toBeLessThan(4);
    expect(page.meanConfidence).toBeGreaterThan(0.85);
    expect(page.words.every((w) => w.source === "ocr" && w.confidence > 0 && w.confidence <= 1)).toBe(true);
    expect(page.deskewAngle).toBe(0);
    expect(Object.keys(page.timings ?? {})).toEqual(
      expect.arrayContaining(["textLayer", "rasterise", "cleanup", "ocr"]),
    );
  });

  it("deskews a page scanned 2 degrees off at 200 DPI and still reads its amounts", async () => {
    const scan = await scannedPdf(digital, { dpi: 200, rotate: 2, noise: 0.002, jpegQuality: 70 });
    const page = (await readPages(scan, { maxPages: 5, ocr })).pages[0];
    if (!page) throw new Error("no page");
    expect(Math.abs((page.deskewAngle ?? 0) - -2)).toBeLessThanOrEqual(0.5);
    expect(scoreAmounts(truth, page).exact).toBeGreaterThanOrEqual(38);
  });

  it("turns a page scanned sideways and reads it in the upright frame", async () => {
    const scan = await scannedPdf(digital, { dpi: 200, rotate: 90 });
    const page = (await readPages(scan, { maxPages: 5, ocr })).pages[0];
    if (!page) throw new Error("no page");
    expect(page.deskewAngle).toBe(-90);
    // Upright frame: portrait, although the PDF page is landscape.
    expect(page.height).toBeGreaterThan(page.width);
    expect(scoreAmounts(truth, page).exact).toBeGreaterThanOrEqual(38);
  });

  it("turns a sideways page the orientation test missed when OCR reads it poorly", async () => {
    // The test is switched off, as if it had been fooled: only the poor reading can tell.
    const scan = await scannedPdf(digital, { dpi: 200, rotate: 90 });
    const page = (await readPages(scan, { maxPages: 5, ocr, cleanup: { orientation: false } })).pages[0];
    if (!page) throw new Error("no page");
    expect(Math.abs(Math.abs(page.deskewAngle ?? 0) - 90)).toBeLessThanOrEqual(0.5);
    expect(page.height).toBeGreaterThan(page.width);
    expect(page.meanConfidence).toBeGreaterThan(0.85);
    expect(scoreAmounts(truth, page).exact).toBeGreaterThanOrEqual(38);
  });

  it("reads a mixed document: text layer where usable, OCR for the scan and for broken fonts", async () => {
    const bytes = concatenated(digital, await scannedPdf(digital, { dpi: 200 }), withoutUnicodeMaps(digital));
    const progress: number[] = [];
    const { pageCount, pages } = await readPages(bytes, {
      maxPages: 5,
      ocr,
      dpi: 200,
      onProgress: (done) => progress.push(done),
    });
    expect(pageCount).toBe(3);
    expect(pages.map((p) => [p.page, p.source])).toEqual([
      [1, "text"],
      [2, "ocr"],
      [3, "ocr"],
    ]);
    expect(progress).toEqual([1, 2, 3]);
    expect(pages[0]?.meanConfidence).toBe(1);
    expect(pages[0]?.timings?.textLayer).toBeGreaterThan(0);
    for (const page of pages) {
      expect(page.words.map((w) => w.text)).toContain("1.234.567,89");
      expect(page.words.every((w) => w.page === page.page)).toBe(true);
    }
  });

  it("returns an empty page for a blank scan instead of failing", async () => {
    const { doc, done } = pdfkitDocument();
    doc.end();
    const blankScan = await scannedPdf(await done, { dpi: 150, noise: 0.0005 });
    const page = (await readPages(blankScan, { maxPages: 5, ocr, keepImages: true })).pages[0];
    if (!page) throw new Error("no page");
    expect(page.source).toBe("ocr");
    expect(page.words.filter((w) => /\d{2,}/.test(w.text))).toEqual([]);
    expect(page.words.length).toBeLessThanOrEqual(2);
    // keepImages: a real PNG of the page that was read, at the reported size and DPI.
    const meta = await sharp(Buffer.from(page.image?.png ?? new Uint8Array())).metadata();
    expect(meta.format).toBe("png");
    expect(meta.width).toBe(page.image?.width);
    // A 150-DPI picture is brought up to the 200-DPI floor; A4 is 8.27 inches wide.
    expect(page.image?.dpi).toBe(200);
    expect(Math.abs((page.image?.width ?? 0) / 200 - 8.27)).toBeLessThan(0.05);
  });

  it("OCRs a digital page when asked to (forceOcr) and agrees with its text layer", async () => {
    const page = (await readPages(digital, { maxPages: 5, ocr, dpi: 200, forceOcr: true })).pages[0];
    if (!page) throw new Error("no page");
    expect(page.source).toBe("ocr");
    expect(scoreAmounts(truth, page).exact).toBeGreaterThanOrEqual(38);
  });
});

describe("the shared OCR pool", () => {
  it("is one pool per process until closeOcr() terminates it", async () => {
    const first = sharedOcrEngine({ workers: 1 });
    expect(sharedOcrEngine()).toBe(first);
    expect(first.size).toBe(1);
    await closeOcr();
    await expect(
      first.recognize({ image: { pixels: Buffer.alloc(100, 255), width: 10, height: 10 }, dpi: 300 }),
    ).rejects.toMatchObject({ code: "ocr_closed" });
    expect(sharedOcrEngine({ workers: 1 })).not.toBe(first);
    await closeOcr();
  });

  it("replaces a worker whose job failed or ran out of time, and keeps reading", async () => {
    const engine = createOcrEngine({ workers: 1 });
    try {
      // A greymap header promising more pixels than it carries: Leptonica refuses it.
      const truncated = { pixels: Buffer.alloc(10), width: 1000, height: 1000 };
      await expect(engine.recognize({ image: truncated, dpi: 300 })).rejects.toMatchObject({
        code: "ocr_failed",
        retryable: true,
      });
      const { doc, done } = pdfkitDocument({ size: [300, 60], margin: 0 });
      doc.fontSize(14).text("Kasa 125.430,50", 10, 20);
      doc.end();
      const pdf = await openPdf(await done, { maxPages: 1 });
      const line = await renderPage(await pdf.getPage(1), { dpi: 300 });
      await pdf.close();
      await expect(engine.recognize({ image: line, dpi: 300, timeoutMs: 1 })).rejects.toMatchObject({
        code: "ocr_timeout",
      });
      const result = await engine.recognize({ image: line, dpi: 300 });
      expect(result.words.map((w) => w.text)).toEqual(["Kasa", "125.430,50"]);
    } finally {
      await engine.close();
    }
  });
});
