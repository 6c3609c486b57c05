import sharp from "sharp";
import type { OcrEngine } from "./pdf";
import type { GreyImage } from "./pdf/rasterise";
import { extractStatements } from "./statement/extract";
import type { BBox, PageWords, Statement, Word } from "./types";

/** Cells looked at again per document, at most: each costs one small OCR job. */
const MAX_CELLS = 24;
/** Second readings each one is tried together with, when neither helped alone. */
const MAX_PAIRS_PER_READING = 12;
/**
 * How each cell is cut out and read: a tight margin as one line, then a wide margin as a block.
 * Measured on generated scans, enlarging the cut made Tesseract misread more digits, not fewer.
 */
const READINGS: Array<{ margin: number; psm: 6 | 7 }> = [
  { margin: 0.6, psm: 7 },
  { margin: 1.5, psm: 6 },
];
const AMOUNT_CHARACTERS = "0123456789.,()-";
/** A second reading is a reading, not a print: it stays below high confidence on its own. */
const REREAD_CONFIDENCE = 0.85;

interface DoubtfulCell {
  page: number;
  box: BBox;
  words: Word[];
}

interface CheckScore {
  failing: number;
  passing: number;
}

export interface SecondLookResult {
  pages: PageWords[];
  /** Cells read again, and readings kept because more checks passed with them. */
  reread: number;
  accepted: number;
}

/**
 * A scanned amount that breaks a check was often misread by one digit (10,165 for 10,105).
 * Every OCR cell taking part in a failing check is read again, alone and restricted to digits
 * and separators. A new reading replaces the first only when the statements then fail fewer
 * checks and pass no fewer, so arithmetic and a second reading of the print agree; the value
 * is flagged `second_reading`. Nothing changes on a document whose checks pass.
 */
export async function secondLook(
  pages: PageWords[],
  ocr: OcrEngine,
  signal?: AbortSignal,
): Promise<SecondLookResult> {
  const unchanged = { pages, reread: 0, accepted: 0 };
  // Only scans can be read again: a digital document is not extracted an extra time for nothing.
  if (!pages.some((p) => p.source === "ocr" && p.image)) return unchanged;
  let current = pages;
  let score = checkScore(current);
  if (!score || score.failing === 0) return unchanged;
  const cells = doubtfulCells(pages, score.statements).slice(0, MAX_CELLS);
  if (cells.length === 0) return unchanged;

  const images = new Map<number, Promise<GreyImage | undefined>>();
  const better = (trial: PageWords[]) => {
    const trialScore = checkScore(trial);
    if (
      !trialScore ||
      trialScore.failing >= (score?.failing ?? 0) ||
      trialScore.passing < (score?.passing ?? 0)
    )
      return false;
    current = trial;
    score = trialScore;
    return true;
  };
  /** Second readings that did not help alone: kept to be tried in pairs. */
  const alone: Array<{ cell: DoubtfulCell; text: string }> = [];
  const changed = new Set<DoubtfulCell>();
  let reread = 0;
  let accepted = 0;
  for (const cell of cells) {
    signal?.throwIfAborted();
    const page = current.find((p) => p.page === cell.page);
    if (!page?.image) continue;
    if (!images.has(cell.page)) images.set(cell.page, decode(page));
    const image = await images.get(cell.page);
    if (!image) continue;
    reread += 1;
    const first = cell.words.map((w) => w.text).join("");
    for (const reading of READINGS) {
      const text = await readCell(image, page, cell.box, reading, ocr, signal);
      if (!text || text.replace(/\s/g, "") === first.replace(/\s/g, "")) continue;
      if (better(replaceWords(current, cell, text))) {
        changed.add(cell);
        accepted += 1;
        break;
      }
      alone.push({ cell, text });
    }
  }
  // Twins: total assets and total liabilities and equity print the same figure in the same
  // bold type and OCR misreads both alike. Put right one at a time, each breaks their equality.
  for (let i = 0; i < alone.length && (score?.failing ?? 0) > 0; i++) {
    for (let j = i + 1; j < Math.min(alone.length, i + 1 + MAX_PAIRS_PER_READING); j++) {
      const a = alone[i] as (typeof alone)[number];
      const b = alone[j] as (typeof alone)[number];
      if (a.cell === b.cell || changed.has(a.cell) || changed.has(b.cell)) continue;
      if (better(replaceWords(replaceWords(current, a.cell, a.text), b.cell, b.text))) {
        changed.add(a.cell).add(b.cell);
        accepted += 2;
        break;
      }
    }
  }
  return { pages: current, reread, accepted };
}

function checkScore(pages: PageWords[]): (CheckScore & { statements: Statement[] }) | undefined {
  try {
    const { statements } = extractStatements(pages);
    const checks = statements.flatMap((s) => s.checks);
    return {
      statements,
      failing: checks.filter((c) => !c.ok).length,
      passing: checks.filter((c) => c.ok).length,
    };
  } catch {
    return undefined;
  }
}

/** The OCR value cells of the lines taking part in a failing check, totals first. */
function doubtfulCells(pages: PageWords[], statements: Statement[]): DoubtfulCell[] {
  const cells: DoubtfulCell[] = [];
  const seen = new Set<string>();
  for (const statement of statements) {
    for (const check of statement.checks.filter((c) => !c.ok)) {
      const involved = new Set(check.involves ?? []);
      for (const item of statement.items) {
        if (!involved.has(item.key ?? "") && !involved.has(item.label)) continue;
        const box = item.valueBoxes?.[check.period];
        const page = pages.find((p) => p.page === item.page);
        if (!box || page?.source !== "ocr") continue;
        const id = `${item.page}:${box.x0}:${box.y0}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const words = page.words.filter((w) => inside(w.bbox, box));
        if (words.length > 0) cells.push({ page: item.page, box, words });
      }
    }
  }
  return cells;
}

function inside(word: BBox, box: BBox): boolean {
  const x = (word.x0 + word.x1) / 2;
  const y = (word.y0 + word.y1) / 2;
  return x >= box.x0 - 0.5 && x <= box.x1 + 0.5 && y >= box.y0 - 0.5 && y <= box.y1 + 0.5;
}

async function decode(page: PageWords): Promise<GreyImage | undefined> {
  if (!page.image) return undefined;
  const { data, info } = await sharp(page.image.png)
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { pixels: data, width: info.width, height: info.height };
}

/** The cell cut out with a margin of paper and read alone, as amount characters only. */
async function readCell(
  image: GreyImage,
  page: PageWords,
  box: BBox,
  reading: (typeof READINGS)[number],
  ocr: OcrEngine,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const scale = image.width / page.width;
  const height = (box.y1 - box.y0) * scale;
  const left = Math.max(0, Math.floor(box.x0 * scale - reading.margin * height));
  const top = Math.max(0, Math.floor(box.y0 * scale - 0.4 * height));
  const right = Math.min(image.width, Math.ceil(box.x1 * scale + reading.margin * height));
  const bottom = Math.min(image.height, Math.ceil(box.y1 * scale + 0.4 * height));
  if (right - left < 4 || bottom - top < 4) return undefined;
  const raw = { raw: { width: image.width, height: image.height, channels: 1 as const } };
  const { data, info } = await sharp(image.pixels, raw)
    .extract({ left, top, width: right - left, height: bottom - top })
    .extend({ top: 12, bottom: 12, left: 12, right: 12, background: "#ffffff" })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const result = await ocr.recognize({
    image: { pixels: data, width: info.width, height: info.height },
    dpi: page.image?.dpi ?? 300,
    psm: reading.psm,
    charset: AMOUNT_CHARACTERS,
    signal,
  });
  const text = result.words
    .map((w) => w.text)
    .join(" ")
    .trim();
  return text === "" ? undefined : text;
}

/** The page with the cell's words replaced by one word holding the second reading. */
function replaceWords(pages: PageWords[], cell: DoubtfulCell, text: string): PageWords[] {
  const old = new Set(cell.words);
  const bbox = {
    x0: Math.min(...cell.words.map((w) => w.bbox.x0)),
    y0: Math.min(...cell.words.map((w) => w.bbox.y0)),
    x1: Math.max(...cell.words.map((w) => w.bbox.x1)),
    y1: Math.max(...cell.words.map((w) => w.bbox.y1)),
  };
  const confidence = Math.min(REREAD_CONFIDENCE, ...cell.words.map((w) => w.confidence));
  const firstReading = cell.words.map((w) => w.text).join(" ");
  const word: Word = { text, bbox, confidence, page: cell.page, source: "ocr", firstReading };
  return pages.map((page) =>
    page.page === cell.page ? { ...page, words: [...page.words.filter((w) => !old.has(w)), word] } : page,
  );
}
