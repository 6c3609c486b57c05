import { parsePeriodLabel } from "../parse/periods";
import type { Period } from "../types";
import type { HeaderSpan } from "../layout/columns";
import { type TextLine, unionBox } from "../layout/lines";
import type { Word } from "../types";

/** A period label printed above the amount columns, possibly over several stacked lines. */
export interface PeriodHeader extends HeaderSpan {
  label: string;
  end?: string;
  start?: string;
  year?: number;
  relative?: "current" | "prior";
}

const NOTES_HEADER = /^(not|notlar|dipnot|dipnotlar|note|notes|ref\.?|açıklama)$/i;

/** Splits a line into phrases: runs of words closer than about one type height apart. */
export function phrasesOf(line: TextLine): Word[][] {
  const phrases: Word[][] = [];
  for (const word of line.words) {
    const last = phrases[phrases.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && word.bbox.x0 - prev.bbox.x1 < 0.9 * line.height) last.push(word);
    else phrases.push([word]);
  }
  return phrases;
}

const textOf = (words: Word[]) => words.map((w) => w.text).join(" ");

/** The horizontal extents of "Not"/"Dipnot"/"Notes" headers: the column below is never an amount. */
export function findNotesHeaders(lines: TextLine[]): HeaderSpan[] {
  return lines.flatMap((line) =>
    phrasesOf(line)
      .filter((p) => NOTES_HEADER.test(textOf(p).replace(/[:.]$/, "")))
      .map((p) => unionBox(p.map((w) => w.bbox))),
  );
}

/**
 * Reads the period headers from the lines between a statement's title and its first amounts.
 * Only phrases reaching into the amount area count, so a date in the title is not a column.
 */
/** "September 30," or "31 Mart" printed over bare years: the fiscal year end of those years. */
export function monthDayOf(text: string): string | undefined {
  if (/\d{4}/.test(text) || !/\b\d{1,2}\b/.test(text) || text.split(/\s+/).length > 3) return undefined;
  const parsed = parsePeriodLabel(`${text.replace(/,\s*$/, "")} 2000`);
  if (!parsed || parsed.assumedYearEnd) return undefined;
  return parsed.end?.startsWith("2000-") ? parsed.end.slice(5) : undefined;
}

export function findPeriodHeaders(lines: TextLine[], amountAreaLeft: number, fiscalYearEnd?: string): PeriodHeader[] {
  const found: PeriodHeader[] = [];
  const monthDay = [...lines.map((l) => textOf(l.words)), ...lines.flatMap(phrasesOf).map(textOf)]
    .map(monthDayOf)
    .find(Boolean);
  fiscalYearEnd = fiscalYearEnd ?? monthDay;
  for (const line of lines) {
    for (const phrase of phrasesOf(line)) {
      const box = unionBox(phrase.map((w) => w.bbox));
      if (box.x1 < amountAreaLeft - line.height) continue;
      const text = textOf(phrase);
      if (text.split(/\s+/).length > 6) continue;
      const parsed = parsePeriodLabel(text, { fiscalYearEnd });
      const stacked = found.find((h) => h.x0 < box.x1 && box.x0 < h.x1);
      if (!parsed || (!parsed.end && !parsed.year && !parsed.relative)) {
        continue;
      }
      if (stacked) {
        // "Cari Dönem" over "31.12.2024", or "01.01.2024-" over "31.12.2024": one column. The
        // stacked text read as one label decides; otherwise the lower line's date.
        stacked.label = `${stacked.label} ${parsed.label}`.trim();
        const whole = parsePeriodLabel(stacked.label, { fiscalYearEnd });
        stacked.end = whole?.end ?? parsed.end ?? stacked.end;
        stacked.start = whole?.start ?? stacked.start ?? parsed.start;
        stacked.year = stacked.year ?? parsed.year;
        stacked.relative = stacked.relative ?? parsed.relative;
        stacked.x0 = Math.min(stacked.x0, box.x0);
        stacked.x1 = Math.max(stacked.x1, box.x1);
      } else {
        found.push({ ...box, label: parsed.label, end: parsed.end, start: parsed.start, year: parsed.year, relative: parsed.relative });
      }
    }
  }
  return found.sort((a, b) => a.x0 - b.x0);
}

const DATE_IN_TEXT = /(\d{1,2}[./]\d{1,2}[./]\d{4})|(\d{1,2}\s+\p{L}+\s+\d{4})|(\p{L}+\s+\d{1,2},\s*\d{4})/u;

/** The statement date printed in the title or preamble ("31 Aralık 2024 tarihli bilanço"). */
export function findStatementDate(texts: string[]): string | undefined {
  for (const text of texts) {
    const match = text.match(DATE_IN_TEXT);
    if (!match) continue;
    const parsed = parsePeriodLabel(match[0]);
    if (parsed?.end) return parsed.end;
  }
  return undefined;
}

function shiftYears(iso: string, years: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

/**
 * Turns header labels into periods with end dates. Bare years were dated on reading, with the
 * fiscal year end found in the headings; "Cari/Önceki Dönem" take the statement date and the
 * year before it.
 */
export function resolvePeriods(headers: PeriodHeader[], contextTexts: string[]): Period[] {
  const statementDate = findStatementDate(contextTexts);
  const periods = headers.map((h, index): Period => {
    let end = h.end;
    if (!end && h.relative === "current" && statementDate) end = statementDate;
    if (!end && h.relative === "prior" && statementDate) end = shiftYears(statementDate, -1);
    return { id: end ?? h.relative ?? `period_${index + 1}`, label: h.label, end, start: h.start };
  });
  const seen = new Map<string, number>();
  for (const p of periods) {
    const count = seen.get(p.id) ?? 0;
    seen.set(p.id, count + 1);
    if (count > 0) p.id = `${p.id}#${count + 1}`;
  }
  return periods;
}
