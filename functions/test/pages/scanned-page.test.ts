import { describe, expect, it } from "vitest";
import type { OcrEngine, OcrRequest, OcrResult } from "../../src/pipeline/pdf/ocr-engine";
import { readPages } from "../../src/pipeline/pdf/read-pages";
import { pdfkitDocument, scannedPdf } from "./statement-fixtures";

/**
 * The page pipeline around OCR, with a scripted engine in place of Tesseract (the port's
 * fake): what it is asked, and what readPages makes of its answers.
 */
function scriptedEngine(
  answers: Array<(request: OcrRequest) => OcrResult>,
): OcrEngine & { requests: OcrRequest[] } {
  const requests: OcrRequest[] = [];
  return {
    size: 1,
    psm: 6,
    requests,
    async recognize(request) {
      requests.push(request);
      const answer = answers[requests.length - 1];
      if (!answer) throw new Error("unexpected OCR call");
      return answer(request);
    },
    async close() {},
  };
}

/** A page of small filled squares: no up or down to it, so the cheap test cannot tell. */
async function symmetricScan(): Promise<Uint8Array> {
  const { doc, done } = pdfkitDocument();
  for (let row = 0; row < 30; row++) {
    // Squares close together along a row, rows well apart: text-like lines, horizontal.
    for (let column = 0; column < 40; column++) doc.rect(60 + column * 11, 80 + row * 22, 7, 7).fill("#000");
  }
  doc.end();
  return scannedPdf(await done, { dpi: 200 });
}

const word = (text: string, confidence: number) => ({
  text,
  confidence,
  box: { x0: 200, y0: 400, x1: 400, y1: 440 },
});

describe("readPages around the OCR engine", () => {
  it("passes the picture's resolution and the page segmentation mode, and converts pixels to points", async () => {
    const engine = scriptedEngine([() => ({ words: [word("1.234.567,89", 0.95)], confidence: 0.95, ms: 1 })]);
    const { pages } = await readPages(await symmetricScan(), { maxPages: 1, ocr: engine, psm: 4 });
    expect(engine.requests).toHaveLength(1);
    expect(engine.requests[0]?.dpi).toBeCloseTo(200, 5);
    expect(engine.requests[0]?.psm).toBe(4);
    const page = pages[0];
    // 200 DPI: 200 px = 72 pt.
    expect(page?.words).toEqual([
      {
        text: "1.234.567,89",
        bbox: { x0: 72, y0: 144, x1: 144, y1: 158.4 },
        confidence: 0.95,
        page: 1,
        source: "ocr",
      },
    ]);
    expect(page?.meanConfidence).toBe(0.95);
  });

  it("reads an ambiguous page turned over when OCR struggles, and keeps the better reading", async () => {
    const engine = scriptedEngine([
      () => ({ words: [word("ZZ'l'ƨ", 0.3)], confidence: 0.3, ms: 1 }),
      () => ({ words: [word("Kasa", 0.93), word("125.430,50", 0.93)], confidence: 0.93, ms: 1 }),
    ]);
    const { pages } = await readPages(await symmetricScan(), { maxPages: 1, ocr: engine });
    expect(engine.requests).toHaveLength(2);
    expect(pages[0]?.words.map((w) => w.text)).toEqual(["Kasa", "125.430,50"]);
    expect(Math.abs(pages[0]?.deskewAngle ?? 0)).toBe(180);
  });

  it("does not second-guess a confident reading", async () => {
    const engine = scriptedEngine([() => ({ words: [word("Kasa", 0.9)], confidence: 0.9, ms: 1 })]);
    const { pages } = await readPages(await symmetricScan(), { maxPages: 1, ocr: engine });
    expect(engine.requests).toHaveLength(1);
    expect(pages[0]?.deskewAngle).toBe(0);
  });
});
