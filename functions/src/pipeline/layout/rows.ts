import { isAmountLike } from "../parse/amount";
import type { BBox, Word } from "../types";
import { type TextLine, unionBox } from "./lines";

/** A run of words on the right of a line that reads as one number (or a dash for zero). */
export interface Cell {
  text: string;
  bbox: BBox;
  confidence: number;
  words: Word[];
}

/** A printed line split into its label (left) and its numeric cells (right). */
export interface Row {
  page: number;
  line: TextLine;
  labelWords: Word[];
  label: string;
  labelBox?: BBox;
  cells: Cell[];
}

// "GHc" is the cedi sign as OCR reads it.
const CURRENCY_TOKEN = /^(\$|£|€|₺|₱|₹|₦|GH¢|GH₵|GHc|¢|Rs\.?|TL|TRY|USD|EUR|GBP|US\$|PHP|ZAR|INR|GHS)$/i;
/** Letters that are currency signs only beside an amount: the peso's P (as OCR reads it), the rand's R. */
const CURRENCY_LETTER = /^(?:[PR]|Pp|PP|p)$/;
const DASH_TOKEN = /^[-–—−]+$/;

export function isCurrencyToken(text: string): boolean {
  return CURRENCY_TOKEN.test(text.trim());
}

/** "(-)" marks a deducted line in THP labels ("Birikmiş Amortismanlar (-)"): it is label text. */
const DEDUCTION_MARK = /^\(\s*[-–—−]\s*\)$/;

/** KAP reports print negatives as "( 384.952)": the parenthesis is a word of its own. */
const LONE_PARENTHESIS = /^[()]$/;

function isNumericWord(text: string): boolean {
  const t = text.trim();
  if (DEDUCTION_MARK.test(t)) return false;
  return DASH_TOKEN.test(t) || LONE_PARENTHESIS.test(t) || isAmountLike(t);
}

/**
 * OCR splits "48.215.733,12" into "48." "215.733," "12": pieces that touch (a gap narrower
 * than a space and a half) and end or start on a separator are one number. Pieces a column
 * gap apart stay separate cells.
 */
function mergeFragments(words: Word[], height: number): Cell[] {
  const cells: Cell[] = [];
  const absorb = (cell: Cell, word: Word, text: string) => {
    cell.text = text;
    cell.words.push(word);
    cell.bbox = unionBox([cell.bbox, word.bbox]);
    cell.confidence = Math.min(cell.confidence, word.confidence);
  };
  for (const word of words) {
    const last = cells[cells.length - 1];
    const lastWord = last?.words[last.words.length - 1];
    if (!last || !lastWord) {
      cells.push({ text: word.text, bbox: { ...word.bbox }, confidence: word.confidence, words: [word] });
      continue;
    }
    const gap = word.bbox.x0 - lastWord.bbox.x1;
    const joined = last.text + word.text;
    const parenthesis =
      gap < 1.5 * height &&
      ((last.text === "(" && /^\d/.test(word.text)) || (word.text === ")" && /^\(.*\d$/.test(last.text)));
    const separatorAtJoin = /[.,']$/.test(last.text) || /^[.,']/.test(word.text);
    // "(23 062 579)": a space-grouped negative arrives as "(23" "062" "579)".
    const shortPiece =
      /^\d{1,3}\)?$/.test(word.text) && !/[.,]\d{3}$/.test(last.text) && !/\)$/.test(last.text);
    // OCR sets the thin space of "29 239 688" as wide as a word space: groups of exactly three
    // digits after a lead of one to three still make one amount; a column gap is far wider.
    const spaceGroup = /^\d{3}\)?$/.test(word.text) && /^\(?\d{1,3}(?:\d{3})*$/.test(last.text);
    // "March 31, 2010": a day and its year are a date, never one amount.
    const dateParts = /^\d{1,2},$/.test(last.text) && /^(?:19|20)\d{2}$/.test(word.text);
    const fragment =
      !dateParts &&
      !DASH_TOKEN.test(word.text) &&
      !DASH_TOKEN.test(last.text) &&
      ((gap < 0.6 * height && (separatorAtJoin || (shortPiece && gap < 0.3 * height))) ||
        (spaceGroup && gap < 0.8 * height)) &&
      isAmountLike(joined);
    if (parenthesis || fragment) absorb(last, word, joined);
    else cells.push({ text: word.text, bbox: { ...word.bbox }, confidence: word.confidence, words: [word] });
  }
  return cells;
}

const YEAR_WORD = /^\(?(?:19|20)\d{2}\)?$/;

/** A line of OCR noise: nothing Tesseract is sure of and no amount. */
export function isNoiseLine(line: TextLine): boolean {
  const ocr = line.words.filter((w) => w.source === "ocr");
  if (ocr.length === 0 || ocr.length < line.words.length) return false;
  const mean = ocr.reduce((s, w) => s + w.confidence, 0) / ocr.length;
  // A faint scan's header row ("le, AS ax pe Notes  2021  2020") or line of figures is kept
  // for its years and amounts, however garbled the words beside them.
  const figures = ocr.filter(
    (w) =>
      (w.confidence >= 0.85 && /\d[.,]\d{3}/.test(w.text)) || (w.confidence >= 0.6 && YEAR_WORD.test(w.text)),
  );
  const amounts = ocr.filter(
    (w) => w.confidence >= 0.6 && /^\(?\d{1,3}(?:[.,]\d{3})+\)?$|^\d{5,}$/.test(w.text),
  );
  const labelWord = ocr.some((w) => w.confidence >= 0.6 && /^\p{L}{4,}/u.test(w.text));
  return mean < 0.5 && figures.length === 0 && amounts.length < (labelWord ? 1 : 2);
}

/** Splits a line into label words and the trailing numeric cells; currency signs are dropped. */
export function splitRow(line: TextLine): Row {
  const words = line.words;
  let firstNumeric = words.length;
  const besideAmount = (i: number) =>
    isNumericWord(words[i - 1]?.text ?? "") || isNumericWord(words[i + 1]?.text ?? "");
  const isSign = (i: number) => {
    const text = words[i]?.text ?? "";
    return isCurrencyToken(text) || (CURRENCY_LETTER.test(text) && besideAmount(i));
  };
  for (let i = words.length - 1; i >= 0; i--) {
    const text = words[i]?.text ?? "";
    if (isNumericWord(text) || isSign(i)) firstNumeric = i;
    else break;
  }
  // A label may begin with an account code ("100 Kasa"): never take the whole line as numbers.
  if (firstNumeric === 0 && words.length > 0 && !isNumericWord(words[0]?.text ?? "") && !isSign(0))
    firstNumeric = 1;
  const labelWords = words.slice(0, firstNumeric);
  const numericWords = words.slice(firstNumeric).filter((_, k) => !isSign(firstNumeric + k));
  return {
    page: line.page,
    line,
    labelWords,
    label: labelWords.map((w) => w.text).join(" "),
    labelBox: labelWords.length > 0 ? unionBox(labelWords.map((w) => w.bbox)) : undefined,
    // A parenthesis left alone belongs to no amount.
    cells: mergeFragments(numericWords, line.height).filter((cell) => !LONE_PARENTHESIS.test(cell.text)),
  };
}

/** Gives cells that turned out not to sit in any amount column back to the label. */
export function returnCellsToLabel(row: Row, keep: (cell: Cell) => boolean): Row {
  const firstKept = row.cells.findIndex(keep);
  if (firstKept <= 0) return firstKept === -1 ? moveAll(row) : row;
  const moved = row.cells.slice(0, firstKept).flatMap((c) => c.words);
  const labelWords = [...row.labelWords, ...moved];
  return {
    ...row,
    labelWords,
    label: labelWords.map((w) => w.text).join(" "),
    labelBox: unionBox(labelWords.map((w) => w.bbox)),
    cells: row.cells.slice(firstKept),
  };
}

function moveAll(row: Row): Row {
  if (row.cells.length === 0) return row;
  const labelWords = [...row.labelWords, ...row.cells.flatMap((c) => c.words)];
  return {
    ...row,
    labelWords,
    label: labelWords.map((w) => w.text).join(" "),
    labelBox: unionBox(labelWords.map((w) => w.bbox)),
    cells: [],
  };
}
