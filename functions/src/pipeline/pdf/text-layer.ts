import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { Util } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { BBox, Word } from "../types";
import { glyphWidth } from "./glyph-widths";

type Matrix = [number, number, number, number, number, number];

interface TextItemLike {
  str: string;
  width: number;
  transform: number[];
  fontName: string;
  hasEOL: boolean;
}

interface FontStyle {
  ascent?: number;
  descent?: number;
}

/** A run of non-space characters being assembled, in the item's own text space. */
interface PendingWord {
  text: string;
  box: BBox;
  /** Reading direction on the page in quarter turns clockwise (0 = left to right). */
  turns: number;
  /** The last glyph's box, to tell touching items (kerned fragments) from separate words. */
  lastGlyph: BBox;
  fontSize: number;
}

/**
 * Words of a digital page from pdfjs's text layer, in PDF points with the origin top-left after
 * /Rotate (the page viewport at scale 1). Items are split on whitespace; a word's horizontal
 * extent inside an item is estimated from proportional glyph widths. Consecutive items that
 * touch (kerned fragments of one number) are joined into one word.
 */
export async function readTextLayer(page: PDFPageProxy): Promise<Word[]> {
  return (await orientedWords(page)).words.map((entry) => entry.word);
}

/** Text-layer words turned so the page's dominant reading direction is left to right. */
export interface UprightTextLayer {
  words: Word[];
  /** Size of the upright frame in points (the viewport's, swapped after a quarter turn). */
  width: number;
  height: number;
  /** Clockwise degrees the page was turned by (0, 90, 180, 270); 0 for ordinary pages. */
  rotation: number;
}

/**
 * Annual reports often print a wide statement rotated on a portrait page: its text runs
 * bottom-to-top. The layout needs horizontal lines, so such pages are turned (by the reading
 * direction that carries most characters) with the same frame convention as OCR pages.
 */
export async function readUprightTextLayer(page: PDFPageProxy): Promise<UprightTextLayer> {
  const { words, width, height } = await orientedWords(page);
  const weight = [0, 0, 0, 0];
  for (const entry of words) weight[entry.turns] = (weight[entry.turns] ?? 0) + entry.word.text.length;
  const dominant = weight.indexOf(Math.max(...weight));
  const turns = (4 - dominant) % 4;
  if (turns === 0) return { words: words.map((entry) => entry.word), width, height, rotation: 0 };
  const turned = words.map(({ word }) => ({ ...word, bbox: turnBox(word.bbox, turns, width, height) }));
  const sideways = turns % 2 === 1;
  return {
    words: turned,
    width: sideways ? height : width,
    height: sideways ? width : height,
    rotation: turns * 90,
  };
}

/** Quarter turns clockwise of a box in a width x height frame (y down). */
function turnBox(box: BBox, turns: number, width: number, height: number): BBox {
  const turnPoint = (x: number, y: number): [number, number] => {
    if (turns === 1) return [height - y, x];
    if (turns === 2) return [width - x, height - y];
    return [y, width - x];
  };
  const [ax, ay] = turnPoint(box.x0, box.y0);
  const [bx, by] = turnPoint(box.x1, box.y1);
  return { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
}

interface OrientedWord {
  word: Word;
  turns: number;
}

async function orientedWords(
  page: PDFPageProxy,
): Promise<{ words: OrientedWord[]; width: number; height: number }> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const styles = content.styles as Record<string, FontStyle>;
  const viewportMatrix = viewport.transform as Matrix;
  const words: OrientedWord[] = [];
  let pending: PendingWord | undefined;

  const flush = () => {
    if (pending) words.push({ word: toWord(pending, page.pageNumber), turns: pending.turns });
    pending = undefined;
  };

  for (const raw of content.items) {
    if (!("str" in raw)) continue;
    const item = raw as TextItemLike;
    const matrix = Util.transform(viewportMatrix, item.transform) as Matrix;
    const fontSize = Math.hypot(matrix[2], matrix[3]) || Math.hypot(matrix[0], matrix[1]);
    const turns = readingTurns(matrix);
    const chars = Array.from(item.str);
    const emWidths = chars.map(glyphWidth);
    const totalEm = emWidths.reduce((sum, w) => sum + w, 0);
    // item.width is in user space; the text-space unit along the baseline is |(a, b)|.
    const textSpaceWidth = item.width / (Math.hypot(item.transform[0] ?? 1, item.transform[1] ?? 0) || 1);
    const perEm = totalEm > 0 ? textSpaceWidth / totalEm : 0;
    const { ascent, descent } = verticalMetrics(styles[item.fontName]);

    let cursor = 0;
    chars.forEach((char, index) => {
      const advance = (emWidths[index] ?? 0) * perEm;
      const from = cursor;
      cursor += advance;
      if (/\s/u.test(char)) {
        flush();
        return;
      }
      const box = glyphBox(matrix, from, cursor, ascent, descent);
      if (pending && index === 0 && (pending.turns !== turns || !touches(pending, box, fontSize))) flush();
      if (pending) {
        pending.text += char;
        pending.box = union(pending.box, box);
        pending.lastGlyph = box;
      } else {
        pending = { text: char, box, turns, lastGlyph: box, fontSize };
      }
    });
    if (item.hasEOL) flush();
  }
  flush();
  const kept = new Set(
    dropOverprints(
      words
        .map((entry) => entry.word)
        .filter((word) => insidePage(word.bbox, viewport.width, viewport.height)),
    ),
  );
  return {
    words: words.filter((entry) => kept.has(entry.word)),
    width: viewport.width,
    height: viewport.height,
  };
}

/** The advance direction (a, b) of the text matrix on the y-down page, in quarter turns. */
function readingTurns(m: Matrix): number {
  const degrees = (Math.atan2(m[1], m[0]) * 180) / Math.PI;
  return (((Math.round(degrees / 90) % 4) + 4) % 4) as number;
}

function verticalMetrics(style: FontStyle | undefined): { ascent: number; descent: number } {
  // pdfjs reports font-file metrics, sometimes 0 or absurd; clamp to typical Latin values.
  const ascent = style?.ascent && style.ascent > 0.5 && style.ascent <= 1.1 ? style.ascent : 0.8;
  const descent = style?.descent && style.descent < 0 && style.descent >= -0.5 ? style.descent : -0.2;
  return { ascent, descent };
}

/** Axis-aligned box of the glyph run [from, to) (text-space units) of an item. */
function glyphBox(m: Matrix, from: number, to: number, ascent: number, descent: number): BBox {
  const corners = [
    [from, descent],
    [to, descent],
    [from, ascent],
    [to, ascent],
  ].map(([x = 0, y = 0]) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]] as const);
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/**
 * A new item continues the pending word only when it starts where the word ended, on the same
 * baseline, measured along the reading direction (so rotated text joins the same way).
 */
function touches(pending: PendingWord, box: BBox, fontSize: number): boolean {
  const last = pending.lastGlyph;
  const [gap, drift] =
    pending.turns === 0
      ? [box.x0 - last.x1, box.y1 - last.y1]
      : pending.turns === 1
        ? [box.y0 - last.y1, box.x0 - last.x0]
        : pending.turns === 2
          ? [last.x0 - box.x1, box.y0 - last.y0]
          : [last.y0 - box.y1, box.x1 - last.x1];
  const sameLine = Math.abs(drift) < 0.3 * Math.max(fontSize, pending.fontSize);
  return sameLine && gap > -0.3 * fontSize && gap < 0.15 * fontSize;
}

function union(a: BBox, b: BBox): BBox {
  return {
    x0: Math.min(a.x0, b.x0),
    y0: Math.min(a.y0, b.y0),
    x1: Math.max(a.x1, b.x1),
    y1: Math.max(a.y1, b.y1),
  };
}

function toWord(pending: PendingWord, page: number): Word {
  const round = (v: number) => Math.round(v * 100) / 100;
  const { x0, y0, x1, y1 } = pending.box;
  return {
    text: pending.text.normalize("NFC"),
    bbox: { x0: round(x0), y0: round(y0), x1: round(x1), y1: round(y1) },
    confidence: 1,
    page,
    source: "text",
  };
}

function insidePage(box: BBox, width: number, height: number): boolean {
  return box.x1 > 0 && box.y1 > 0 && box.x0 < width && box.y0 < height;
}

/**
 * Some producers fake bold by printing the same text twice, a hair apart; keeping both copies
 * would double every amount on the line.
 */
function dropOverprints(words: Word[]): Word[] {
  const seen = new Map<string, BBox[]>();
  return words.filter((word) => {
    const boxes = seen.get(word.text) ?? [];
    const tolerance = Math.max(1, (word.bbox.y1 - word.bbox.y0) * 0.2);
    const duplicate = boxes.some(
      (b) => Math.abs(b.x0 - word.bbox.x0) < tolerance && Math.abs(b.y0 - word.bbox.y0) < tolerance,
    );
    if (duplicate) return false;
    boxes.push(word.bbox);
    seen.set(word.text, boxes);
    return true;
  });
}
