import type { BBox, Word } from "../types";

/** A printed line: words that share a baseline, left to right. */
export interface TextLine {
  page: number;
  words: Word[];
  bbox: BBox;
  /** Median word height: the line's type size in points. */
  height: number;
}

const midY = (b: BBox) => (b.y0 + b.y1) / 2;
const heightOf = (b: BBox) => Math.max(1, b.y1 - b.y0);

export function unionBox(boxes: BBox[]): BBox {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x0);
    y0 = Math.min(y0, b.y0);
    x1 = Math.max(x1, b.x1);
    y1 = Math.max(y1, b.y1);
  }
  return { x0, y0, x1, y1 };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Punctuation OCR was unsure of is a speck of dirt: a ";" after a heading would join it to the next line. */
const SPECK = /^[;:,.'"`´|_~^°·•“”‘’]+$/;
const SPECK_CONFIDENCE = 0.5;

function isSpeck(word: Word): boolean {
  return word.source === "ocr" && word.confidence < SPECK_CONFIDENCE && SPECK.test(word.text.trim());
}

interface OpenLine {
  words: Word[];
  /** Vertical centre of the right-most word so far: following it tolerates residual skew. */
  tailMid: number;
  tailX: number;
  height: number;
}

/**
 * Groups one page's words into lines. Words are visited left to right and each joins the line
 * whose right-most word sits at the same height, so a row that drifts by a few points across the
 * page (a scan straightened to within a fraction of a degree) still stays one line.
 */
export function groupWordsIntoLines(words: Word[]): TextLine[] {
  const visible = words.filter((w) => w.text.trim().length > 0 && !isSpeck(w));
  const byX = [...visible].sort((a, b) => a.bbox.x0 - b.bbox.x0);
  const open: OpenLine[] = [];
  for (const word of byX) {
    const h = heightOf(word.bbox);
    const m = midY(word.bbox);
    let best: OpenLine | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const line of open) {
      // A word overlapping the line's last one belongs to another line, unless it sits on the
      // same centre line: Tesseract sometimes boxes "Current" wide enough to cover "tax".
      if (word.bbox.x0 < line.tailX - 0.5 * h && Math.abs(m - line.tailMid) > 0.25 * h) continue;
      // A dash or a dot is much shorter than its line and its centre is off the line's centre:
      // half the taller one's height keeps it on its line (a "-" for zero is a value).
      const size = Math.max(Math.min(h, line.height), 0.5 * Math.max(h, line.height));
      const tolerance = 0.5 * size + 0.002 * (word.bbox.x0 - line.tailX);
      // Relative to the tolerance, so a line of one dash does not steal its neighbour's words.
      const distance = Math.abs(m - line.tailMid) / tolerance;
      if (distance <= 1 && distance < bestDistance) {
        best = line;
        bestDistance = distance;
      }
    }
    if (best) {
      best.words.push(word);
      best.tailMid = m;
      best.tailX = word.bbox.x1;
      best.height = Math.max(best.height, h);
    } else {
      open.push({ words: [word], tailMid: m, tailX: word.bbox.x1, height: h });
    }
  }
  const lines = open.map((line) => {
    const bbox = unionBox(line.words.map((w) => w.bbox));
    return {
      page: line.words[0]?.page ?? 0,
      words: line.words,
      bbox,
      height: median(line.words.map((w) => heightOf(w.bbox))),
    };
  });
  return lines.sort((a, b) => midY(a.bbox) - midY(b.bbox) || a.bbox.x0 - b.bbox.x0);
}

export function lineText(line: TextLine): string {
  return line.words.map((w) => w.text).join(" ");
}
