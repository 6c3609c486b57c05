import { describe, expect, it } from "vitest";
import { tesseractTsvToPageWords } from "./tesseract-tsv";

const tsv = [
  "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
  "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t",
  "2\t1\t1\t0\t0\t0\t300\t400\t1800\t60\t-1\t",
  "4\t1\t1\t1\t1\t0\t300\t400\t1800\t60\t-1\t",
  "5\t1\t1\t1\t1\t1\t300\t400\t150\t50\t96.5\tKasa",
  "5\t1\t1\t1\t1\t2\t1700\t400\t400\t50\t88\t1.234.567,89",
  "5\t1\t1\t1\t1\t3\t2200\t400\t10\t50\t12\t ",
  "",
].join("\n");

describe("tesseractTsvToPageWords", () => {
  const page = tesseractTsvToPageWords(tsv, { page: 2, dpi: 300 });

  it("keeps only word rows with text, in PDF points", () => {
    expect(page.words.map((w) => w.text)).toEqual(["Kasa", "1.234.567,89"]);
    expect(page.words[0]!.bbox).toEqual({ x0: 72, y0: 96, x1: 108, y1: 108 });
    expect(page.width).toBeCloseTo(595.2);
    expect(page.height).toBeCloseTo(841.92);
  });

  it("scales confidences to 0..1, stamps the page and weights the mean by characters", () => {
    expect(page.words.map((w) => w.confidence)).toEqual([0.965, 0.88]);
    expect(page.words.every((w) => w.page === 2 && w.source === "ocr")).toBe(true);
    expect(page.meanConfidence).toBeCloseTo((0.965 * 4 + 0.88 * 12) / 16);
    expect(page.source).toBe("ocr");
  });

  it("gives an empty page for output without words", () => {
    const empty = tesseractTsvToPageWords(tsv.split("\n").slice(0, 3).join("\n"), { page: 1, dpi: 200 });
    expect(empty.words).toEqual([]);
    expect(empty.meanConfidence).toBe(0);
  });
});
