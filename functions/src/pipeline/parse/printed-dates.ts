import { turkishLowerCase } from "./turkish-text";

/** Month names and abbreviations in Turkish and English, folded (no diacritics). */
const MONTHS: Record<string, number> = {
  ocak: 1,
  subat: 2,
  mart: 3,
  nisan: 4,
  mayis: 5,
  haziran: 6,
  temmuz: 7,
  agustos: 8,
  eylul: 9,
  ekim: 10,
  kasim: 11,
  aralik: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

export const MONTH_PATTERN = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

export function monthNumber(name: string): number | undefined {
  return MONTHS[name.replace(/\.$/, "")];
}

/** OCR's usual misreadings inside month names: "lune" or "Tune" for June, "Decernber" for December. */
const MONTH_MISREADINGS: Array<[RegExp, string]> = [
  [/^[li1|t]/, "j"],
  [/rn/g, "m"],
  [/cl/g, "d"],
  [/0/g, "o"],
];

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Month names long enough that two misread letters still leave them unmistakable. */
const LONG_MONTHS = Object.keys(MONTHS).filter((name) => name.length >= 6);

/**
 * "Sentemher" for September: a long month name with one or two letters misread, whose first
 * letter and ending are intact (so "remember" never becomes December). Only a single candidate
 * counts.
 */
function nearestLongMonth(word: string): string | undefined {
  if (word.length < 6 || !/^\p{L}+$/u.test(word)) return undefined;
  const allowed = word.length >= 8 ? 2 : 1;
  const near = LONG_MONTHS.filter(
    (name) => name[0] === word[0] && name.slice(-2) === word.slice(-2) && editDistance(word, name) <= allowed,
  );
  return near.length === 1 ? near[0] : undefined;
}

function repairMonthName(word: string): string {
  if (word.length < 4 || MONTHS[word] !== undefined) return word;
  for (const [misread, letters] of MONTH_MISREADINGS) {
    const repaired = word.replace(misread, letters);
    if (repaired !== word && MONTHS[repaired] !== undefined) return repaired;
  }
  return nearestLongMonth(word) ?? word;
}

/** Lower case without diacritics, punctuation kept: dates need their dots and slashes. */
export function foldKeepingPunctuation(text: string): string {
  return (
    turkishLowerCase(text)
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/ı/g, "i")
      .replace(/[–—−]/g, "-")
      .replace(/\s+/g, " ")
      .trim()
      // "J une": OCR split a month's first letter off.
      .replace(/(?<![\p{L}\d])(\p{L}) (\p{L}{2,8})(?![\p{L}\d])/gu, (whole, first: string, rest: string) =>
        MONTHS[first + rest] !== undefined ? first + rest : whole,
      )
      .replace(/[\p{L}\d|]+/gu, repairMonthName)
  );
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/** ISO date, or undefined when the day does not exist (31.02.2024). */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) {
    return undefined;
  }
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export interface FoundDate {
  index: number;
  length: number;
  year?: number;
  month: number;
  day: number;
  /** Day and month could be swapped (04/05/2024 with no context): read day first. */
  ambiguousOrder?: boolean;
  /** A spelled month with a day past its end ("September 36"): read as the month's last day. */
  repairedDay?: boolean;
}

/**
 * A day just past the end of a spelled month is a misread month end: OCR turns 30 into 36 or
 * 38 far more often than anyone prints a date that does not exist. Statement dates are month
 * ends, so the month's last day is the reading; it is marked so its confidence stays low.
 */
function spelledDate(index: number, length: number, month: number, day: number, year?: number): FoundDate {
  const last = lastDayOfMonth(year ?? 2001, month);
  const base = { index, length, month, ...(year !== undefined ? { year } : {}) };
  if (day > last && day <= 39) return { ...base, day: last, repairedDay: true };
  return { ...base, day };
}

// One separator throughout: "01.01-31.12.2024" is a range, not the 1st of January 2031.
const NUMERIC = /(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4}(?!\d)|\d{2}(?!\d|[./-]\d))/g;
/** "01.01" opening a range whose end carries the year ("01.01-31.12.2024"). */
const NUMERIC_RANGE_START = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.?(?=\s*-\s*\d{1,2}\.\d{1,2}\.\d{4})/g;
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;
const DAY_MONTH = new RegExp(
  `(?<![\\d\\p{L}])(\\d{1,2})(?:\\s?(?:st|nd|rd|th))?\\.?\\s+(${MONTH_PATTERN})\\.?(?:\\s*,?\\s*(\\d{4}))?(?![\\p{L}])`,
  "gu",
);
const MONTH_DAY = new RegExp(
  `(?<![\\p{L}])(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*,\\s*|\\s+)(\\d{4})(?!\\d)`,
  "gu",
);
const MONTH_DAY_NO_YEAR = new RegExp(
  `(?<![\\p{L}])(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?![\\d\\p{L}])`,
  "gu",
);

/** Every date printed in a folded text, in reading order. */
export function findDates(folded: string): FoundDate[] {
  const found: FoundDate[] = [];
  const taken: Array<[number, number]> = [];
  const add = (d: FoundDate) => {
    if (taken.some(([a, b]) => d.index < b && a < d.index + d.length)) return;
    taken.push([d.index, d.index + d.length]);
    found.push(d);
  };
  for (const m of folded.matchAll(ISO)) {
    add({ index: m.index, length: m[0].length, year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  }
  for (const m of folded.matchAll(NUMERIC)) {
    let day = Number(m[1]);
    let month = Number(m[3]);
    // 12/31/2024 can only be US order; 04/05/2024 is read day first but flagged.
    if (month > 12 && day <= 12) [day, month] = [month, day];
    const ambiguousOrder = m[0].includes("/") && day <= 12 && month <= 12 && day !== month;
    add({ index: m.index, length: m[0].length, year: fullYear(m[4] ?? ""), month, day, ambiguousOrder });
  }
  for (const m of folded.matchAll(NUMERIC_RANGE_START)) {
    const [day, month] = [Number(m[1]), Number(m[2])];
    if (month >= 1 && month <= 12) add({ index: m.index, length: m[0].length, month, day });
  }
  for (const m of folded.matchAll(MONTH_DAY)) {
    const month = monthNumber(m[1] ?? "");
    if (month) add(spelledDate(m.index, m[0].length, month, Number(m[2]), Number(m[3])));
  }
  for (const m of folded.matchAll(DAY_MONTH)) {
    const month = monthNumber(m[2] ?? "");
    if (month) add(spelledDate(m.index, m[0].length, month, Number(m[1]), m[3] ? Number(m[3]) : undefined));
  }
  for (const m of folded.matchAll(MONTH_DAY_NO_YEAR)) {
    const month = monthNumber(m[1] ?? "");
    if (month) add(spelledDate(m.index, m[0].length, month, Number(m[2])));
  }
  return found.sort((a, b) => a.index - b.index);
}
