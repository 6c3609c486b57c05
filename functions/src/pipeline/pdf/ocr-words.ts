import type { RecognizeResult } from "tesseract.js";
import type { BBox } from "../types";

/** A word as Tesseract saw it, in pixels of the image it was given. */
export interface OcrWord {
  text: string;
  /** 0..1 (Tesseract's 0..100 divided by 100). */
  confidence: number;
  box: BBox;
}

/**
 * Flattens tesseract.js 7 output (blocks > paragraphs > lines > words; the flat `words` list of
 * v4 is gone) into words, dropping empty ones Tesseract emits for specks.
 */
export function wordsFromBlocks(data: RecognizeResult["data"]): OcrWord[] {
  const words: OcrWord[] = [];
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        for (const word of line.words) {
          const text = word.text.trim();
          if (!text) continue;
          words.push({
            text,
            confidence: Math.max(0, Math.min(1, word.confidence / 100)),
            box: { x0: word.bbox.x0, y0: word.bbox.y0, x1: word.bbox.x1, y1: word.bbox.y1 },
          });
        }
      }
    }
  }
  return words;
}

/** Character-weighted mean confidence: a long amount read badly should weigh more than a dash. */
export function meanWordConfidence(words: OcrWord[]): number {
  let weighted = 0;
  let characters = 0;
  for (const word of words) {
    weighted += word.confidence * word.text.length;
    characters += word.text.length;
  }
  return characters > 0 ? weighted / characters : 0;
}
