import { describe, expect, it } from "vitest";
import type { Word } from "../types";
import { groupWordsIntoLines, lineText } from "./lines";

function word(text: string, x0: number, y0: number, x1: number, y1: number): Word {
  return { text, bbox: { x0, y0, x1, y1 }, confidence: 0.95, page: 1, source: "ocr" };
}

describe("groupWordsIntoLines", () => {
  it("keeps a dash on its line and does not let it take the next word", () => {
    // As Tesseract boxed an income statement's title: the dash is 1 pt tall, a little low.
    const lines = groupWordsIntoLines([
      word("01.01.2022", 183.6, 61.68, 228.72, 68.64),
      word("-", 232.32, 65.52, 234.72, 66.48),
      word("31.12.2022", 238.08, 61.68, 283.2, 68.64),
      word("GELİR", 349.44, 60.24, 372.48, 68.88),
      word("TABLOSU", 375.12, 61.92, 411.6, 68.88),
      word("(TL)", 291.12, 76.08, 304.08, 83.28),
    ]);
    expect(lines.map(lineText)).toEqual(["01.01.2022 - 31.12.2022 GELİR TABLOSU", "(TL)"]);
  });

  it("follows a row that drifts across the page but keeps neighbouring rows apart", () => {
    const lines = groupWordsIntoLines([
      word("Kasa", 60, 100, 80, 107),
      word("4.795", 500, 101.5, 525, 108.5),
      word("Bankalar", 60, 112, 95, 119),
      word("104.196", 495, 113.5, 525, 120.5),
    ]);
    expect(lines.map(lineText)).toEqual(["Kasa 4.795", "Bankalar 104.196"]);
  });

  it("keeps a word whose neighbour's box was drawn too wide over it", () => {
    const lines = groupWordsIntoLines([
      word("Current", 59.04, 394.56, 107.64, 402.48),
      word("tax", 94.32, 393.12, 106.2, 405.72),
      word("liabilities", 110, 394.56, 150, 402.48),
      word("20", 480, 394.56, 490, 402.48),
    ]);
    expect(lines.map(lineText)).toEqual(["Current tax liabilities 20"]);
  });

  it("drops punctuation OCR was unsure of, but not a dash", () => {
    const lines = groupWordsIntoLines([
      word("Current", 60, 100, 90, 107),
      word("assets", 93, 100, 120, 107),
      { ...word(";", 300, 101, 302, 107), confidence: 0.32 },
      { ...word("-", 500, 103, 504, 104), confidence: 0.28 },
    ]);
    expect(lines.map(lineText)).toEqual(["Current assets -"]);
  });
});
