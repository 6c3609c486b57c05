import { parseAccountCodePrefix } from "./account-code-prefix";
import { foldForMatching } from "./turkish-text";

/** "rn" and "m" look alike to OCR ("Net eamings"): both sides of a comparison write "m". */
const ocrForm = (word: string) => word.replace(/rn/g, "m");

const PROFIT_WORDS = new Set(
  ["kar", "kari", "karlar", "karlari", "profit", "income", "earnings"].map(ocrForm),
);
const LOSS_WORDS = new Set(["zarar", "zarari", "zararlar", "zararlari", "loss", "losses"]);

/**
 * Words of a label in comparison form. "Kâr (Zarar)", "Profit (loss)" and "(Loss) income"
 * name one line whichever way the loss is printed, so a loss word beside a profit word is
 * dropped; "veya"/"or" between them is kept because THP's "Dönem Kârı veya Zararı" (before
 * tax) differs from TFRS's "Dönem Karı (Zararı)" (after tax). "&" reads as "and" (cleanLabel
 * also tries "ve"), spelled out so that OCR's run-together "Cashandcashequivalents" compares.
 */
export function comparisonWords(text: string, ampersand: "and" | "ve" = "and"): string[] {
  const words = foldForMatching(text.replace(/\(\s*[-+–−]\s*\)/g, " "))
    .split(" ")
    .filter(Boolean)
    .map((w) => (w === "&" ? ampersand : ocrForm(w)));
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] as string;
    const previous = words[i - 1];
    const next = words[i + 1];
    if (LOSS_WORDS.has(word) && previous !== undefined && PROFIT_WORDS.has(previous)) continue;
    if (LOSS_WORDS.has(word) && next !== undefined && PROFIT_WORDS.has(next)) continue;
    out.push(word);
  }
  // US GAAP's ", net" ("Receivables, net") does not change what the line is.
  if (out.length > 1 && out[out.length - 1] === "net") out.pop();
  return out;
}

export function compactForm(words: string[]): string {
  return words.join("");
}

const NOTE_REFERENCE =
  /\(?\b(?:not|note|notes|dipnot|dipnotlar)\s*(?:no\.?)?\s*[:.]?\s*\d{1,2}(?:[.,]\s?\d{1,2})*[a-z]?\)?/giu;
const TRAILING_NOTE = /\(\s*\d{1,2}(?:[.,]\d{1,2})?[a-z]?\s*\)\s*$/iu;
/** A bare note column read into the label: "7-17", "2,6,23", "1, 6", "(2,11,23)". */
const TRAILING_NOTE_LIST = /\s\(?\d{1,2}(?:\s*[-–,.]\s*\d{1,2}){0,4}[a-z]?\)?\s*$/iu;
const ROMAN_REFERENCE = /\((?=[^)]*\b[IVXL]+\b)[IVXLa-z0-9\s+\-±.,…]{1,40}\)/gu;
/** The same as OCR reads it: "(ll-k)", "(1-p)", "(XVII£XVIII)", "(IV-U" at the end, "(£)" for "(±)". */
const MISREAD_REFERENCE = /\(\s*[IVXLivxl1|]{1,6}\s*[-+±£…]\s*[^)]{0,30}(?:\)|$)|\(\s*[±£]\s*\)/gu;
/** A roman marker OCR could not read as one ("XVIll. —"), and the dash set after markers. */
const MARKER_DASH = /^(?:[IVXLivxl1|]{1,6}\.\s*)?[—–]\s+/u;
const SCHEDULE_LETTER = /(?<!\b(?:class|series|type|category|tier|grade))\s+[A-Z]\s*$/u;
const DEDUCTION = /\(\s*[-–−]\s*\)/;
const SECTION_HEADING =
  /^(?:(?:non[- ]?)?current assets|(?:non[- ]?)?current liabilities|assets|liabilities|equity|(?:stockholders'?|shareholders'?) equity|capital and reserves|(?:dönen|duran) varlıklar|(?:kısa|uzun) vadeli yükümlülükler|özkaynaklar|revenue|income|expenses)$/iu;
const LEADING_SIGNAL = /^(?:less|eksi|deduct|add|plus|artı)\s*:?\s+/iu;
const QUALIFIERS = /[,;]?\s*(?:at cost|net of [^,;]*|less (?:allowances?|provisions?) [^,;]*|\(net\))\s*$/iu;

export interface CleanedLabel {
  /** The label without code, marker, note reference and sign markers, as printed. */
  text: string;
  /** "(-)" or "Less:" was printed: the line is deducted. */
  deduction: boolean;
  /** Comparison forms to try, best first, with the confidence each costs. */
  variants: Array<{ words: string[]; factor: number; how: string }>;
}

/** Prepares a printed label for dictionary matching. */
export function cleanLabel(label: string): CleanedLabel {
  const prefix = parseAccountCodePrefix(label);
  let text = prefix.rest
    .replace(NOTE_REFERENCE, " ")
    .replace(TRAILING_NOTE, " ")
    .replace(TRAILING_NOTE_LIST, " ")
    // BDDK formats print the line's formula and note: "(XVII±XVIII)", "(IV-j)", "(I-c, l-l)".
    .replace(ROMAN_REFERENCE, " ")
    .replace(MISREAD_REFERENCE, " ")
    .replace(MARKER_DASH, "")
    // A schedule letter read into the label ("Capital   A   82"), not "Class A".
    .replace(SCHEDULE_LETTER, "");
  const deduction = DEDUCTION.test(text) || /^(?:less|eksi)\b/iu.test(text.trim());
  text = text
    .replace(DEDUCTION, " ")
    .replace(/\(\s*\+\s*\)/g, " ")
    .trim()
    .replace(LEADING_SIGNAL, "");
  text = text
    .replace(/[:*]+\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();

  const variants: CleanedLabel["variants"] = [{ words: comparisonWords(text), factor: 1, how: "label" }];
  if (text.includes("&")) variants.push({ words: comparisonWords(text, "ve"), factor: 1, how: "& as ve" });
  const unqualified = text.replace(QUALIFIERS, "").trim();
  if (unqualified !== text && unqualified) {
    variants.push({ words: comparisonWords(unqualified), factor: 0.97, how: "without qualifier" });
  }
  // "Current assets: Cash and cash equivalents": a section heading printed on the line of its
  // first item names the section, not the line.
  const colon = text.indexOf(":");
  const tail = colon > 0 ? text.slice(colon + 1).trim() : "";
  if (tail && SECTION_HEADING.test(text.slice(0, colon).trim())) {
    variants.unshift({ words: comparisonWords(tail), factor: 0.97, how: "text after the heading" });
  }
  // "Common stock: $1.00 par value; 750,000,000 shares authorized ..." is "Common stock".
  const head = text.split(/[:;]/)[0]?.trim() ?? "";
  if (head && head !== text && !SECTION_HEADING.test(head)) {
    const headWords = comparisonWords(head.replace(QUALIFIERS, ""));
    if (headWords.length > 0) variants.push({ words: headWords, factor: 0.92, how: "text before the colon" });
  }
  return { text, deduction, variants: variants.filter((v) => v.words.length > 0) };
}
