/**
 * The reporting entity's tax or registration number as printed over a statement: Turkish small
 * companies print "Vergi Kimlik No: 1234567890" (VKN) or a MERSİS number on their statements,
 * US and UK filings an EIN or a company number. Only a labelled number is taken: a bare number
 * over a statement is as likely a page or note reference.
 */
import { foldForMatching } from "./turkish-text";

// Matched on the folded line ("Vergi Kimlik No." → "vergi kimlik no").
const LABEL =
  /\b(?:vergi kimlik (?:no|numarasi)|vergi no|vkn|v k n|mersis (?:no|numarasi)|tax (?:id|identification (?:no|number))|tin|ein|employer identification (?:no|number)|company (?:no|number|registration number)|regist(?:ration|ered) (?:no|number))\b/;

/** The first long number of a line: digits, possibly grouped by dashes or spaces. */
function numberIn(line: string): string | undefined {
  for (const match of line.matchAll(/\d[\d -]{4,}\d/g)) {
    const number = match[0].replace(/\s+/g, "");
    if (number.replace(/\D/g, "").length >= 6) return number;
  }
  return undefined;
}

export function taxIdFrom(lines: string[]): string | undefined {
  for (const [index, line] of lines.entries()) {
    if (!LABEL.test(foldForMatching(line))) continue;
    // UK filings print "Registered number" with the number alone on the line under it.
    const below = lines[index + 1]?.trim() ?? "";
    const number = numberIn(line) ?? (/^[\d -]+$/.test(below) ? numberIn(below) : undefined);
    if (number) return number;
  }
  return undefined;
}
