import type { PageWords, Word } from "../types";

const CHAR_WIDTH = 6;
const LINE_HEIGHT = 12;
const TYPE_SIZE = 8;

/**
 * Test support: turns a statement typed as monospace text into the words a PDF text layer would
 * give, so layout and parsing tests read like the page they describe. Each character is 6 pt
 * wide and each line 12 pt high; runs of non-spaces are words.
 */
export function pageFromText(
  text: string,
  options: { page?: number; source?: "text" | "ocr"; confidence?: number } = {},
): PageWords {
  const page = options.page ?? 1;
  const words: Word[] = [];
  const lines = text.replace(/^\n/, "").split("\n");
  lines.forEach((line, row) => {
    for (const match of line.matchAll(/\S+/g)) {
      const x0 = (match.index ?? 0) * CHAR_WIDTH + 36;
      const y0 = row * LINE_HEIGHT + 36;
      words.push({
        text: match[0],
        bbox: { x0, y0, x1: x0 + match[0].length * CHAR_WIDTH, y1: y0 + TYPE_SIZE },
        confidence: options.confidence ?? 1,
        page,
        source: options.source ?? "text",
      });
    }
  });
  return {
    page,
    width: 612,
    height: Math.max(792, lines.length * LINE_HEIGHT + 72),
    source: options.source ?? "text",
    words,
    meanConfidence: options.confidence ?? 1,
  };
}
