import {
  type FoundDate,
  findDates,
  foldKeepingPunctuation,
  isoDate,
  lastDayOfMonth,
  MONTH_PATTERN,
  monthNumber,
} from "./printed-dates";

export interface PeriodLabel {
  /** As printed. */
  label: string;
  /** ISO period end (YYYY-MM-DD). */
  end?: string;
  start?: string;
  relative?: "current" | "prior";
  year?: number;
  confidence: number;
  /** "Bağımsız Denetimden Geçmiş" (true) / "Geçmemiş", "Sınırlı Denetim" (false). */
  audited?: boolean;
  /** The end came from a bare year and an assumed fiscal year end. */
  assumedYearEnd?: boolean;
}

const CURRENT = /\b(?:cari donem|cari yil|current (?:period|year)|this year)\b/;
const PRIOR =
  /\b(?:onceki donem|gecmis donem|onceki yil|prior (?:period|year)|previous (?:period|year)|comparative)\b/;
const NOT_AUDITED =
  /\b(?:bagimsiz denetimden gecmemis|denetlenmemis|sinirli (?:bagimsiz )?denetim(?:den gecmis)?|unaudited|reviewed)\b/;
const AUDITED = /\b(?:bagimsiz denetimden gecmis|denetlenmis|audited)\b/;
const YEAR = /(?<![\d.,])(?:fy\s*)?((?:19|20)\d{2})(?![\d.,]\d)/g;
const SHORT_FY = /\bfy\s*'?(\d{2})\b/;
/** "2024-25", "2024/23": a fiscal year named by two years, the second abbreviated. */
const YEAR_SPAN = /(?<![\d.,])((?:19|20)\d{2})\s*[-/]\s*(\d{2})(?![\d.,])/;
const RANGE_JOINER = /^\s*(?:-|to|ile|until|through|\/)\s*$/;

/** "06-30" from "06-30", "--06-30" or "2022-06-30". */
function monthDayOf(fiscalYearEnd: string | undefined): string | undefined {
  const m = fiscalYearEnd?.match(/(\d{2})-(\d{2})$/);
  return m ? `${m[1]}-${m[2]}` : undefined;
}

function endOf(date: FoundDate, year: number): string | undefined {
  return isoDate(year, date.month, date.day);
}

function dayAfterYearBefore(end: string): string {
  const [y, m, d] = end.split("-").map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y - 1, m - 1, d + 1));
  return next.toISOString().slice(0, 10);
}

/** A range "1 Ocak - 31 Aralık 2024" / "01.01.2024-31.12.2024": start and end. */
function readRange(folded: string, dates: FoundDate[]): { start?: string; end?: string } | null {
  for (let i = 0; i + 1 < dates.length; i += 1) {
    const a = dates[i] as FoundDate;
    const b = dates[i + 1] as FoundDate;
    if (!RANGE_JOINER.test(folded.slice(a.index + a.length, b.index)) || b.year === undefined) continue;
    const end = endOf(b, b.year);
    const startYear = a.year ?? (a.month <= b.month ? b.year : b.year - 1);
    const start = endOf(a, startYear);
    if (end) return { start, end };
  }
  return null;
}

function fiscalEndFor(year: number, monthDay: string): string | undefined {
  const [m, d] = monthDay.split("-").map(Number) as [number, number];
  return isoDate(year, m, Math.min(d, lastDayOfMonth(year, m)));
}

/**
 * Reads one period column header: dates ("31.12.2024", "31 Aralık 2024", "December 31,
 * 2024"), ranges ("1 Ocak - 31 Aralık 2024"), bare or fiscal years ("2024", "FY2024",
 * "2024 £"), relative labels ("Cari Dönem", "Prior period") and audit status. A bare year
 * ends on the fiscal year end given (from inferYearEnd) or on 31 December.
 */
export function parsePeriodLabel(text: string, context: { fiscalYearEnd?: string } = {}): PeriodLabel | null {
  const label = text.replace(/\s+/g, " ").trim();
  if (!label || label.length > 120) return null;
  const folded = foldKeepingPunctuation(label);
  const relative: PeriodLabel["relative"] = CURRENT.test(folded)
    ? "current"
    : PRIOR.test(folded)
      ? "prior"
      : undefined;
  const audited = NOT_AUDITED.test(folded) ? false : AUDITED.test(folded) ? true : undefined;
  const base: Pick<PeriodLabel, "label" | "relative" | "audited"> = {
    label,
    ...(relative ? { relative } : {}),
    ...(audited !== undefined ? { audited } : {}),
  };

  const dates = findDates(folded);
  const range = readRange(folded, dates);
  if (range?.end) {
    return { ...base, ...range, year: Number(range.end.slice(0, 4)), confidence: 0.95 };
  }
  const dated = dates.filter((d) => d.year !== undefined);
  const last = dated[dated.length - 1];
  if (last?.year !== undefined) {
    const end = endOf(last, last.year);
    if (end) {
      const yearEnded = /\byears? ended\b|\bfor the year\b/.test(folded);
      return {
        ...base,
        end,
        ...(yearEnded ? { start: dayAfterYearBefore(end) } : {}),
        year: last.year,
        confidence: last.ambiguousOrder || last.repairedDay ? 0.6 : 0.95,
      };
    }
  }
  const monthYear = folded.match(
    new RegExp(`(?<![\\p{L}\\d])(${MONTH_PATTERN})\\.?\\s+(\\d{4})(?!\\d)`, "u"),
  );
  const month = monthYear ? monthNumber(monthYear[1] ?? "") : undefined;
  if (monthYear && month) {
    const year = Number(monthYear[2]);
    return { ...base, end: isoDate(year, month, lastDayOfMonth(year, month)), year, confidence: 0.85 };
  }
  const years = [...folded.matchAll(YEAR)].map((m) => Number(m[1]));
  // "September ended 2023": a month and one year apart, as OCR returns a two-line heading.
  const apart = folded.match(new RegExp(`(?<![\\p{L}\\d])(${MONTH_PATTERN})(?![\\p{L}])`, "u"));
  const apartMonth = apart ? monthNumber(apart[1] ?? "") : undefined;
  if (apartMonth && years.length === 1) {
    const year = years[0] as number;
    return {
      ...base,
      end: isoDate(year, apartMonth, lastDayOfMonth(year, apartMonth)),
      year,
      confidence: 0.75,
    };
  }
  const span = folded.match(YEAR_SPAN);
  // Only a neighbouring year counts: "2024-25" ends in 2025, "2024/23" is still 2024.
  if (span && Number(span[2]) === (Number(span[1]) + 1) % 100) years.push(Number(span[1]) + 1);
  const shortFy = folded.match(SHORT_FY);
  const year = years.length > 0 ? Math.max(...years) : shortFy ? 2000 + Number(shortFy[1]) : undefined;
  if (year !== undefined) {
    const given = monthDayOf(context.fiscalYearEnd);
    const end = fiscalEndFor(year, given ?? "12-31");
    // "2023/2024" or "2023-24" style fiscal years name two years: the later is the end.
    const confidence = (given ? 0.85 : 0.75) - (years.length > 1 && !span ? 0.15 : 0);
    return { ...base, end, year, confidence, assumedYearEnd: true };
  }
  if (relative) return { ...base, confidence: 0.6 };
  if (audited !== undefined) return { ...base, confidence: 0.2 };
  return null;
}

const YEAR_END_PHRASES = [
  new RegExp(
    `\\b(?:years?|periods?|twelve months|52 weeks|53 weeks) ended (${MONTH_PATTERN})\\.? (\\d{1,2})\\b`,
    "u",
  ),
  new RegExp(`\\b(?:years?|periods?) ended (\\d{1,2}) (${MONTH_PATTERN})\\b`, "u"),
  // A two-line heading ("Years ended September 30," over the years) that OCR read out of order.
  new RegExp(`\\b(?:years?|periods?) (${MONTH_PATTERN})\\.? ended (\\d{1,2})\\b`, "u"),
  new RegExp(`\\bas (?:of|at) (${MONTH_PATTERN})\\.? (\\d{1,2})\\b`, "u"),
  new RegExp(`\\bas (?:of|at) (\\d{1,2}) (${MONTH_PATTERN})\\b`, "u"),
  new RegExp(`\\b(?:fiscal )?year end(?:ing)?:? (\\d{1,2}) (${MONTH_PATTERN})\\b`, "u"),
];

/**
 * A year ends at a month's end, or within a few days of one (52-53-week years: "September
 * 28", "July 2"); "December 4" is a receipt stamp or an OCR loss of "31", not a year end.
 */
function plausibleYearEnd(day: number): boolean {
  return day <= 3 || day >= 24;
}

/**
 * Finds the fiscal year end ("MM-DD") in headings so that bare year columns get full dates:
 * "Years ended June 30" → "06-30", "as at 31 December 2024" → "12-31", "31 Aralık 2024
 * tarihi itibarıyla" → "12-31". Phrases naming the year end win over any other date.
 */
export function inferYearEnd(texts: string[]): string | undefined {
  const folded = texts.map(foldKeepingPunctuation);
  for (const pattern of YEAR_END_PHRASES) {
    for (const text of folded) {
      const m = text.match(pattern);
      if (!m) continue;
      const [a = "", b = ""] = [m[1], m[2]];
      const month = monthNumber(a) ?? monthNumber(b);
      const printed = Number(/^\d+$/.test(a) ? a : b);
      // "September 36": a misread month end (see spelledDate in printed-dates).
      const last = month ? lastDayOfMonth(2001, month) : 31;
      const day = printed > last && printed <= 39 ? last : printed;
      if (month && isoDate(2000, month, day) && plausibleYearEnd(day))
        return `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    }
  }
  for (const text of folded) {
    const dates = findDates(text).filter((d) => d.year !== undefined && !d.ambiguousOrder);
    const last = dates[dates.length - 1];
    if (
      last &&
      last.year !== undefined &&
      isoDate(last.year, last.month, last.day) &&
      plausibleYearEnd(last.day)
    ) {
      return `${String(last.month).padStart(2, "0")}-${String(last.day).padStart(2, "0")}`;
    }
  }
  return undefined;
}
