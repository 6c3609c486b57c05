import type { HeaderSpan } from "../layout/columns";
import { type TextLine, unionBox } from "../layout/lines";
import { parsePeriodLabel } from "../parse/periods";
import type { Period, Word } from "../types";

/** A period label printed above the amount columns, possibly over several stacked lines. */
export interface PeriodHeader extends HeaderSpan {
  label: string;
  end?: string;
  start?: string;
  year?: number;
  relative?: "current" | "prior";
  /** The end is the year's 31 December (or the fiscal year end found), not a printed day. */
  assumedYearEnd?: boolean;
  /** No heading was printed (or read): the period was inferred from its neighbour's. */
  inferred?: boolean;
}

const NOTES_HEADER =
  /^(not|notlar|dipnot|dipnotlar|note|notes|ref\.?|açıklama|schedule|schedules|schedule no|sch)$/i;

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

/** "September 30," or "31 Mart" printed over bare years: the fiscal year end of those years. */
export function monthDayOf(text: string): string | undefined {
  if (/\d{4}/.test(text) || !/\b\d{1,2}\b/.test(text) || text.split(/\s+/).length > 3) return undefined;
  // OCR often reads the comma of "September 30," as a full stop.
  const parsed = parsePeriodLabel(`${text.replace(/[,.]\s*$/, "")} 2000`);
  if (!parsed || parsed.assumedYearEnd) return undefined;
  return parsed.end?.startsWith("2000-") ? parsed.end.slice(5) : undefined;
}

interface HeaderCandidate extends PeriodHeader {
  line: number;
}

/**
 * Reads the period headers from the lines between a statement's title and its first amounts.
 * The lowest line with period labels sets the columns ("2024  2023"); words printed above each
 * column ("31 December", "Cari Dönem", "01.01.2024-") are read into that column's label. Only
 * phrases reaching into the amount area count, so a date in the title is not a column.
 */
export function findPeriodHeaders(
  lines: TextLine[],
  amountAreaLeft: number,
  fiscalYearEnd?: string,
): PeriodHeader[] {
  const monthDay = [...lines.map((l) => textOf(l.words)), ...lines.flatMap(phrasesOf).map(textOf)]
    .map(monthDayOf)
    .find(Boolean);
  const yearEnd = fiscalYearEnd ?? monthDay;
  const candidates: HeaderCandidate[] = [];
  lines.forEach((line, index) => {
    for (const phrase of phrasesOf(line)) {
      const box = unionBox(phrase.map((w) => w.bbox));
      if (box.x1 < amountAreaLeft - line.height) continue;
      const text = textOf(phrase);
      if (text.split(/\s+/).length > 6) continue;
      const parsed = parsePeriodLabel(text, { fiscalYearEnd: yearEnd });
      if (!parsed || (!parsed.end && !parsed.year && !parsed.relative)) continue;
      candidates.push({
        ...box,
        line: index,
        label: parsed.label,
        end: parsed.end,
        start: parsed.start,
        year: parsed.year,
        relative: parsed.relative,
        assumedYearEnd: parsed.assumedYearEnd,
      });
    }
  });
  if (candidates.length === 0) return [];
  // The line nearest the figures with the most labels defines the columns.
  const baseLine = Math.max(
    ...candidates
      .filter(
        (c) => candidates.filter((d) => d.line === c.line).length === Math.max(...countsByLine(candidates)),
      )
      .map((c) => c.line),
  );
  const headers: PeriodHeader[] = candidates
    .filter((c) => c.line === baseLine)
    .map(({ line: _line, ...c }) => ({ ...c }))
    .sort((a, b) => a.x0 - b.x0);
  let lowest = lines[baseLine] as TextLine;
  for (let index = baseLine - 1; index >= 0; index--) {
    const line = lines[index] as TextLine;
    // Only the lines stacked right above the labels belong to them, not the company name.
    if (lowest.bbox.y0 - line.bbox.y1 > Math.min(line.height, lowest.height)) break;
    lowest = line;
    for (const header of headers) {
      const above = line.words.filter(
        (w) => w.bbox.x0 < header.x1 + line.height && header.x0 - line.height < w.bbox.x1,
      );
      const owned = above.filter((w) => nearestHeader(headers, w) === header);
      if (owned.length === 0) continue;
      const label = `${textOf(owned)} ${header.label}`;
      const whole = parsePeriodLabel(label, { fiscalYearEnd: yearEnd });
      if (!whole) continue;
      header.label = label;
      header.end = whole.end && !whole.assumedYearEnd ? whole.end : (header.end ?? whole.end);
      if (whole.end && !whole.assumedYearEnd) header.assumedYearEnd = false;
      header.start = whole.start ?? header.start;
      header.relative = header.relative ?? whole.relative;
    }
  }
  return alignYearEnds(headers);
}

/**
 * Columns of one statement end on the same day of the year: when one header prints it
 * ("Years ended September 30, 2023") and another's was garbled ("360, 2022"), that bare
 * year ends on the printed day too rather than on 31 December.
 */
function alignYearEnds(headers: PeriodHeader[]): PeriodHeader[] {
  const printed = headers.find((h) => h.end && !h.assumedYearEnd && h.year && !h.start)?.end;
  if (!printed) return headers;
  for (const header of headers) {
    if (!header.assumedYearEnd || !header.year || header.start) continue;
    header.end = `${header.year}${printed.slice(4)}`;
    header.assumedYearEnd = false;
  }
  return headers;
}

function countsByLine(candidates: HeaderCandidate[]): number[] {
  const counts = new Map<number, number>();
  for (const c of candidates) counts.set(c.line, (counts.get(c.line) ?? 0) + 1);
  return [...counts.values()];
}

function nearestHeader(headers: PeriodHeader[], word: Word): PeriodHeader | undefined {
  const mid = (word.bbox.x0 + word.bbox.x1) / 2;
  let best: PeriodHeader | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const h of headers) {
    const distance = Math.abs(mid - (h.x0 + h.x1) / 2);
    if (distance < bestDistance) {
      best = h;
      bestDistance = distance;
    }
  }
  return best;
}

const DATE_IN_TEXT =
  /(\d{1,2}[./]\d{1,2}[./]\d{4})|(\d{1,2}(?:\s?(?:st|nd|rd|th))?\s+\p{L}+,?\s+\d{4})|(\p{L}+\s+\d{1,2}(?:st|nd|rd|th)?,\s*\d{4})/iu;

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

export function shiftYears(iso: string, years: number): string {
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
