import type { DocumentEntity, Statement } from "../types";
import { foldForMatching } from "./turkish-text";

/**
 * The reporting entity's name as printed above a statement ("ÖRNEK TİCARET A.Ş.", "Clicks Group
 * Limited"), and whether it names the company a document was uploaded to. The legal form tells
 * a name from the other lines over a statement (titles, dates, "Tutarlar TL olarak").
 */
// Matched on the folded line (foldForMatching: "A.Ş." → "a s", "ANONİM" → "anonim").
const LEGAL_FORM =
  /(?:^| )(a s|anonim sirketi|anonim ortakligi|a o|ltd sti|limited sirketi|t a s|inc|incorporated|corp|corporation|plc|ltd|limited|llc|gmbh|pvt|company|holding)(?: |$)/;
/** A line that is a title or a note, not a name, even when it mentions a company. */
const NOT_A_NAME =
  /tablo|statement|balance sheet|bilanco|dipnot|(?:^| )notes?(?: |$)|tutarlar|amounts|expressed|figures|sayfa|page/;

export function entityNameFrom(lines: string[]): string | undefined {
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, " ").trim();
    // Figures mean a table or a date line; a founding year in parentheses is part of a name.
    if (line.length < 4 || line.length > 120 || /\d{3}/.test(line.replace(/\((?:18|19|20)\d\d\)/g, "")))
      continue;
    const folded = foldForMatching(line);
    // "LIMITED" alone is the end of a name printed over two lines, not a name.
    if (LEGAL_FORM.test(folded) && !NOT_A_NAME.test(folded) && distinctiveWords(line).size > 0) return line;
  }
  return undefined;
}

/** Words that say what kind of company, not which one. */
const GENERIC = new Set(
  [
    "a s",
    "as",
    "anonim",
    "ortakligi",
    "sirketi",
    "ltd",
    "sti",
    "limited",
    "tas",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "plc",
    "llc",
    "gmbh",
    "pvt",
    "company",
    "co",
    "holding",
    "group",
    "and",
    "ve",
    "the",
    "ticaret",
    "sanayi",
    "bagli",
    "ortakliklari",
    "subsidiaries",
    "its",
  ].map(foldForMatching),
);

function distinctiveWords(name: string): Set<string> {
  return new Set(
    foldForMatching(name)
      .split(" ")
      .filter((word) => word.length >= 3 && !GENERIC.has(word)),
  );
}

/**
 * True when the printed name shares a distinctive word with the company's ("ÖRNEK TİCARET A.Ş."
 * and "Örnek Ticaret A.Ş."; "CLICKS GROUP LIMITED" and "Clicks"). Undecidable (no distinctive
 * word on either side) counts as the same: a warning must be worth reading.
 */
export function namesSameEntity(printed: string, company: string): boolean {
  const a = distinctiveWords(printed);
  const b = distinctiveWords(company);
  if (a.size === 0 || b.size === 0) return true;
  for (const word of a) if (b.has(word)) return true;
  return false;
}

/** The document's entity: the first name printed over a statement, with a tax number if any is. */
export function documentEntity(statements: Statement[]): DocumentEntity | undefined {
  const named = statements.find((statement) => statement.entity);
  if (!named?.entity) return undefined;
  const taxId = named.taxId ?? statements.find((statement) => statement.taxId)?.taxId;
  return { name: named.entity, ...(taxId ? { taxId } : {}) };
}
