import { type AmountToken, readAmountToken, type Separator } from "./amount-token";
import type { NumberFormat } from "./number-format";

export { detectNumberFormat, ENGLISH_FORMAT, type NumberFormat, TURKISH_FORMAT } from "./number-format";

export interface AmountReading {
  /** Signed value as printed (before any unit multiplier), exact to the printed decimals. */
  value: number;
  raw: string;
  negative: boolean;
  /** Digits printed after the decimal mark. */
  decimals: number;
  /** A dash standing for zero ("—", "-", "–"). */
  isDash: boolean;
  /** 0..1: 1 for a clean reading in the document's known format. */
  confidence: number;
  /** OCR letters or a misplaced decimal mark were repaired. */
  corrected: boolean;
  /** Two readings are possible ("1.234" with no known format): see `alternative`. */
  ambiguous: boolean;
  /** The other reading of an ambiguous token. */
  alternative?: number;
  reason?: string;
}

interface Interpretation {
  integer: string;
  fraction: string;
  confidence: number;
  ambiguous?: boolean;
  alternative?: { integer: string; fraction: string };
  corrected?: boolean;
  reason?: string;
}

const THOUSANDS_ONLY = new Set<Separator>([" ", "'"]);

/** Thousands groups: the first of one to three digits, every later one of exactly three. */
function validGroups(groups: string[]): boolean {
  return groups.every((g, i) => (i === 0 ? g.length >= 1 && g.length <= 3 : g.length === 3));
}

function plain(groups: string[], separators: Separator[], thousands: Set<Separator>): Interpretation | null {
  if (!separators.every((s) => thousands.has(s))) return null;
  if (separators.length > 0 && !validGroups(groups)) return null;
  return { integer: groups.join(""), fraction: "", confidence: 1 };
}

/** The last separator is the decimal mark; the rest must be thousands separators. */
function withDecimal(
  groups: string[],
  separators: Separator[],
  thousands: Set<Separator>,
): Interpretation | null {
  const intGroups = groups.slice(0, -1);
  const intSeps = separators.slice(0, -1);
  const fraction = groups[groups.length - 1] ?? "";
  const int = plain(intGroups, intSeps, thousands);
  return int ? { integer: int.integer, fraction, confidence: 1 } : null;
}

/**
 * "11.588,136.00" where the print is "11,588,136.00": OCR swapped one thousands mark for the
 * other; clean three-digit groups and cents at the end still say which mark is which.
 */
function swappedThousands(groups: string[], separators: Separator[]): Interpretation | null {
  const head = groups[0]?.length ?? 0;
  const clean =
    separators.length >= 3 &&
    (groups[groups.length - 1]?.length ?? 0) === 2 &&
    head >= 1 &&
    head <= 3 &&
    groups.slice(1, -1).every((g) => g.length === 3) &&
    separators.every((sep) => sep === "." || sep === ",");
  if (!clean) return null;
  return {
    integer: groups.slice(0, -1).join(""),
    fraction: groups[groups.length - 1] ?? "",
    confidence: 0.6,
    corrected: true,
    reason: "a thousands separator read as the other mark",
  };
}

function withFormat(groups: string[], separators: Separator[], format: NumberFormat): Interpretation | null {
  const thousands = new Set<Separator>(THOUSANDS_ONLY);
  if (format.thousands !== "") thousands.add(format.thousands as Separator);
  if (separators.length === 0) return { integer: groups[0] ?? "", fraction: "", confidence: 1 };
  const last = separators[separators.length - 1];
  if (last === format.decimal) {
    const head = groups[0] ?? "";
    if (format.wholeAmounts && separators.length === 1 && groups[1]?.length === 3 && head.length <= 3) {
      return {
        integer: groups.join(""),
        fraction: "",
        confidence: 0.6,
        corrected: true,
        reason: "decimal mark among whole amounts read as thousands separator",
      };
    }
    const read = withDecimal(groups, separators, thousands);
    if (read) return read;
    return swappedThousands(groups, separators);
  }
  const whole = plain(groups, separators, thousands);
  if (whole) return whole;
  // "1.234.56" in a Turkish document: OCR read the decimal comma as a dot.
  if (last === format.thousands && groups[groups.length - 1]?.length === 2) {
    const repaired = withDecimal(groups, separators, thousands);
    if (repaired)
      return {
        ...repaired,
        confidence: 0.6,
        corrected: true,
        reason: "decimal mark read as thousands separator",
      };
  }
  // "1237,709" where the document groups thousands with ",": OCR lost an earlier separator.
  if (
    last === format.thousands &&
    separators.every((sep) => sep === last) &&
    groups.slice(1).every((g) => g.length === 3) &&
    (groups[0]?.length ?? 0) > 3 &&
    (groups[0]?.length ?? 0) <= 6
  ) {
    return {
      integer: groups.join(""),
      fraction: "",
      confidence: 0.6,
      corrected: true,
      reason: "a thousands separator lost",
    };
  }
  return null;
}

function automatic(groups: string[], separators: Separator[]): Interpretation | null {
  const marks = separators.filter((s) => s === "." || s === ",");
  const spaces = new Set<Separator>(THOUSANDS_ONLY);
  if (marks.length === 0) return plain(groups, separators, spaces);
  const distinct = [...new Set(marks)];
  const last = separators[separators.length - 1] as Separator;
  if (distinct.length === 2) {
    // Two different marks: the last one, printed once, is the decimal mark.
    if (marks.filter((m) => m === last).length !== 1) return swappedThousands(groups, separators);
    const other = distinct.find((m) => m !== last) as Separator;
    const result = withDecimal(groups, separators, new Set([...spaces, other]));
    return result ? { ...result, confidence: 0.97 } : null;
  }
  const mark = distinct[0] as Separator;
  if (marks.length >= 2) {
    const whole = plain(groups, separators, new Set([...spaces, mark]));
    if (whole) return { ...whole, confidence: 0.97 };
    if (last === mark && groups[groups.length - 1]?.length === 2) {
      const repaired = withDecimal(groups, separators, new Set([...spaces, mark]));
      if (repaired)
        return {
          ...repaired,
          confidence: 0.6,
          corrected: true,
          reason: "decimal mark read as thousands separator",
        };
    }
    return null;
  }
  if (last !== mark) return null;
  const asDecimal = withDecimal(groups, separators, spaces);
  if (!asDecimal) return null;
  const fractionDigits = asDecimal.fraction.length;
  const spaceGrouped = separators.some((s) => THOUSANDS_ONLY.has(s));
  const head = groups[groups.length - 2] ?? "";
  const couldBeThousands = fractionDigits === 3 && !spaceGrouped && head.length <= 3 && !/^0/.test(head);
  if (couldBeThousands) {
    return {
      integer: groups.join(""),
      fraction: "",
      confidence: 0.5,
      ambiguous: true,
      alternative: { integer: asDecimal.integer, fraction: asDecimal.fraction },
      reason: `"${mark}" before three digits: thousands separator or decimal mark`,
    };
  }
  return { ...asDecimal, confidence: fractionDigits === 2 ? 0.97 : 0.9 };
}

function toNumber(integer: string, fraction: string): number {
  // Built from the digit strings, so 1234567.89 is the double nearest to the printed text.
  return Number(`${integer || "0"}.${fraction || "0"}`);
}

function signed(value: number, negative: boolean): number {
  return negative && value !== 0 ? -value : value;
}

function interpret(token: AmountToken, format?: NumberFormat): Interpretation | null {
  const { groups, separators } = token;
  if (!format) return automatic(groups, separators);
  const strict = withFormat(groups, separators, format);
  if (strict) return strict;
  // A token in the other convention: accept it only when it cannot be read two ways.
  const auto = automatic(groups, separators);
  if (!auto || auto.ambiguous) return null;
  return {
    ...auto,
    confidence: Math.min(auto.confidence, 0.7),
    reason: "number format differs from the document",
  };
}

/**
 * Reads one printed amount. Null when the token is not an amount (a word, a date, a
 * percentage, an empty cell). With a known document format "1.234" resolves; without one it
 * is marked ambiguous instead of being guessed with confidence.
 */
export function parseAmount(token: string, format?: NumberFormat): AmountReading | null {
  const read = readAmountToken(token);
  if (!read) return null;
  if (read.isDash) {
    return {
      value: 0,
      raw: token,
      negative: false,
      decimals: 0,
      isDash: true,
      confidence: read.penalty,
      corrected: false,
      ambiguous: false,
    };
  }
  const reading = interpret(read, format);
  if (!reading) return null;
  let ambiguous = reading.ambiguous ?? false;
  let confidence = reading.confidence * read.penalty;
  const reasons = [...read.reasons];
  if (reading.reason) reasons.push(reading.reason);
  let alternative = reading.alternative
    ? signed(toNumber(reading.alternative.integer, reading.alternative.fraction), read.negative)
    : undefined;
  if (read.dollarOrFive) {
    const { groups, separators } = read.dollarOrFive;
    const five = format ? withFormat(groups, separators, format) : automatic(groups, separators);
    if (five && !five.ambiguous) {
      ambiguous = true;
      alternative = signed(toNumber(five.integer, five.fraction), read.negative);
      confidence = Math.min(confidence, 0.4);
      reasons.push('leading "S": a dollar sign or a 5');
    }
  }
  return {
    value: signed(toNumber(reading.integer, reading.fraction), read.negative),
    raw: token,
    negative: read.negative,
    decimals: reading.fraction.length,
    isDash: false,
    confidence: Math.round(confidence * 1000) / 1000,
    corrected: read.corrections > 0 || (reading.corrected ?? false),
    ambiguous,
    alternative,
    reason: reasons.length > 0 ? reasons.join("; ") : undefined,
  };
}

const QUICK_REJECT = /^[^\d\-‐‑‒–—―−OolISBZg|]*$/;

/**
 * Cheap test used by the layout to find amount columns: a dash, a token parseAmount reads, or
 * an OCR fragment of one with a separator at its edge ("48.", ",12") for the layout to join.
 */
export function isAmountLike(token: string): boolean {
  const text = token.trim();
  if (text === "" || text.length > 40 || QUICK_REJECT.test(text)) return false;
  if (parseAmount(text) !== null) return true;
  return /^[.,']\d/.test(text) && parseAmount(text.slice(1)) !== null;
}

/**
 * One amount OCR broke in two at a lost thousands separator ("1.447" "808.00"): the reading of
 * the halves joined by the document's separator, when the second half starts with exactly one
 * three-digit group and the whole is well grouped; null when they are two amounts.
 */
export function joinAmountFragments(
  first: string,
  second: string,
  format?: NumberFormat,
): AmountReading | null {
  const separator = format?.thousands || ",";
  if (!/\d$/.test(first) || !/^\d{3}(?:\D|$)/.test(second)) return null;
  const joined = parseAmount(`${first}${separator}${second}`, format);
  if (!joined || joined.ambiguous) return null;
  return { ...joined, raw: `${first} ${second}`, corrected: true };
}
