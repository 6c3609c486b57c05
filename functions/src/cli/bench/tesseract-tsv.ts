import type { PageWords, Word } from "../../pipeline/types";

export interface TsvPage {
  /** 1-based page number to stamp on the words. */
  page: number;
  /** Resolution the image was OCRed at: pixels become PDF points at 72 / dpi. */
  dpi: number;
}

/**
 * Turns the TSV of the native `tesseract IMAGE stdout tsv` into the pipeline's PageWords, so the
 * same layout and parser can read what the native binary saw. Only level-5 rows are words; the
 * level-1 row gives the page size. Confidence -1 (no word) rows and blank texts are dropped.
 */
export function tesseractTsvToPageWords(tsv: string, { page, dpi }: TsvPage): PageWords {
  const scale = 72 / dpi;
  const words: Word[] = [];
  let width = 0;
  let height = 0;
  for (const line of tsv.split(/\r?\n/)) {
    const cells = line.split("\t");
    if (cells.length < 12 || cells[0] === "level") continue;
    const [level, , , , , , left, top, w, h, conf] = cells.slice(0, 11).map(Number);
    // The text may itself contain tabs only in theory; join the rest to be safe.
    const text = cells.slice(11).join("\t").trim();
    if (level === 1) {
      width = (w ?? 0) * scale;
      height = (h ?? 0) * scale;
      continue;
    }
    if (level !== 5 || !text || conf === undefined || conf < 0) continue;
    const x0 = (left ?? 0) * scale;
    const y0 = (top ?? 0) * scale;
    words.push({
      text,
      bbox: { x0, y0, x1: x0 + (w ?? 0) * scale, y1: y0 + (h ?? 0) * scale },
      confidence: Math.min(1, conf / 100),
      page,
      source: "ocr",
    });
  }
  const totalChars = words.reduce((n, word) => n + word.text.length, 0);
  const meanConfidence =
    totalChars === 0 ? 0 : words.reduce((n, word) => n + word.confidence * word.text.length, 0) / totalChars;
  return { page, width, height, source: "ocr", words, meanConfidence };
}
