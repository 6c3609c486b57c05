import type { RecognizeResult } from "tesseract.js";
import { describe, expect, it } from "vitest";
import { meanWordConfidence, wordsFromBlocks } from "./ocr-words";

function word(text: string, confidence: number, x0: number) {
  return {
    text,
    confidence,
    bbox: { x0, y0: 10, x1: x0 + 50, y1: 30 },
    symbols: [],
    choices: [],
    font_name: "",
  };
}

describe("wordsFromBlocks", () => {
  it("flattens blocks > paragraphs > lines > words and scales confidence to 0..1", () => {
    const data = {
      blocks: [
        {
          paragraphs: [
            {
              lines: [{ words: [word("Kasa", 96, 10), word(" ", 0, 70), word("125.430,50", 91.5, 400)] }],
            },
          ],
        },
        { paragraphs: [{ lines: [{ words: [word("Bankalar", 88, 10)] }] }] },
      ],
    } as unknown as RecognizeResult["data"];
    const words = wordsFromBlocks(data);
    expect(words.map((w) => w.text)).toEqual(["Kasa", "125.430,50", "Bankalar"]);
    expect(words[1]?.confidence).toBeCloseTo(0.915, 6);
    expect(words[1]?.box).toEqual({ x0: 400, y0: 10, x1: 450, y1: 30 });
  });

  it("returns nothing for a page without blocks", () => {
    expect(wordsFromBlocks({ blocks: null } as unknown as RecognizeResult["data"])).toEqual([]);
  });
});

describe("meanWordConfidence", () => {
  it("weights long words more than short ones", () => {
    const box = { x0: 0, y0: 0, x1: 1, y1: 1 };
    const mean = meanWordConfidence([
      { text: "-", confidence: 0.2, box },
      { text: "1.234.567,89", confidence: 0.9, box },
    ]);
    expect(mean).toBeCloseTo((0.2 + 0.9 * 12) / 13, 6);
    expect(meanWordConfidence([])).toBe(0);
  });
});
