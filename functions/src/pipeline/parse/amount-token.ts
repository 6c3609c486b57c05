/**
 * The mechanical half of reading an amount: sign, currency, OCR letter confusions and stray
 * spaces are taken off a token, leaving digit groups and the separators between them. Which
 * separator is the decimal mark is decided later (amount.ts), per document.
 */

export type Separator = "." | "," | " " | "'";

export interface AmountToken {
  negative: boolean;
  isDash: boolean;
  groups: string[];
  /** separators[i] stands between groups[i] and groups[i + 1]. */
  separators: Separator[];
  /** OCR letters replaced by digits (O→0, l→1, S→5 ...). */
  corrections: number;
  /** Multiplies the reading's confidence: every repair costs certainty. */
  penalty: number;
  reasons: string[];
  /** A leading "S" glued to the digits: "$" misread, or a misread "5"? The digits with the 5. */
  dollarOrFive?: { groups: string[]; separators: Separator[] };
}

const MINUS = "-‐‑‒–—―−﹣";
const MINUS_CLASS = `[${MINUS}]`;
const DASH_ONLY = new RegExp(`^${MINUS_CLASS}{1,3}$`);
// Peso, rand, cedi and rupee signs as printed beside amounts ("₱ 40,506,296", "R30 982",
// "GH¢1,234", "Rs.1,234"); the single letters only directly before a digit.
const CURRENCY_PREFIX =
  /^(?:US\$|U\.S\.\s?\$|\$|₺|€|£|¥|₱|₹|₦|GH¢|GH₵|¢|Rs\.?|YTL|TRY|TL|USD|EUR|GBP|PHP|ZAR|INR|GHS|[PR](?=\d))\s*/i;
const CURRENCY_SUFFIX = /\s*(?:\$|₺|€|£|₱|₹|YTL|TRY|TL|USD|EUR|GBP|PHP)$/i;
/** Letters OCR confuses with digits, and the digit they stand for. */
const OCR_DIGITS: Record<string, string> = {
  O: "0",
  o: "0",
  l: "1",
  I: "1",
  "|": "1",
  S: "5",
  B: "8",
  Z: "2",
  g: "9",
};
const SEPARATOR_CHARS = ".,'’ ";
/** Specks OCR reads as quotes, or an underline's end read as "_", glued to an amount. */
const STRAY_MARKS = /^[“”"„«»`_~]+|[“”"„«»`_~]+$/g;

/** Strips signs, parentheses and currency from both ends. */
function peel(text: string): { core: string; paren: boolean; closeParen: boolean; minus: boolean } | null {
  let core = text;
  let paren = false;
  let closeParen = false;
  let minus = false;
  for (let guard = 0; guard < 8; guard += 1) {
    const before = core;
    core = core.trim();
    if (core.startsWith("(")) {
      paren = true;
      core = core.slice(1);
    } else if (core.startsWith("+")) {
      core = core.slice(1);
    } else if (new RegExp(`^${MINUS_CLASS}`).test(core) && core.length > 1) {
      minus = true;
      core = core.slice(1);
    } else if (CURRENCY_PREFIX.test(core)) {
      core = core.replace(CURRENCY_PREFIX, "");
    }
    core = core.trim();
    if (core.endsWith(")")) {
      closeParen = true;
      core = core.slice(0, -1);
    } else if (new RegExp(`${MINUS_CLASS}$`).test(core) && core.length > 1) {
      minus = true;
      core = core.slice(0, -1);
    } else if (CURRENCY_SUFFIX.test(core)) {
      core = core.replace(CURRENCY_SUFFIX, "");
    }
    if (core === before) break;
  }
  return { core: core.trim(), paren, closeParen, minus };
}

function isDigit(ch: string): boolean {
  return ch >= "0" && ch <= "9";
}

/** Replaces OCR letters by digits; null when the letters look like a word rather than a number. */
function fixOcrLetters(core: string): { text: string; corrections: number } | null {
  let digits = 0;
  let letters = 0;
  let text = "";
  for (const ch of core) {
    if (isDigit(ch)) {
      digits += 1;
      text += ch;
    } else if (SEPARATOR_CHARS.includes(ch)) {
      text += ch === "’" ? "'" : ch;
    } else if (OCR_DIGITS[ch] !== undefined) {
      letters += 1;
      text += OCR_DIGITS[ch];
    } else {
      return null;
    }
  }
  // "Sales", "lOl" or "B2B" are words: only a clear majority of real digits earns a repair.
  if (digits === 0 || (letters > 0 && digits < letters + 1) || letters > 2) return null;
  return { text, corrections: letters };
}

/** Splits "1.234.567,89" into groups and separators; null on a malformed sequence. */
function splitGroups(text: string): { groups: string[]; separators: Separator[] } | null {
  const groups: string[] = [];
  const separators: Separator[] = [];
  let current = "";
  for (const ch of text) {
    if (isDigit(ch)) {
      current += ch;
      continue;
    }
    if (current === "") return null;
    groups.push(current);
    separators.push(ch as Separator);
    current = "";
  }
  if (current === "") return null;
  groups.push(current);
  return { groups, separators };
}

/**
 * Reads the parts of an amount token, or null when it is not one (a word, a date, a
 * percentage). The empty string is null: an empty cell is never zero.
 */
export function readAmountToken(token: string): AmountToken | null {
  const text = token.normalize("NFKC").replace(/\s+/g, " ").trim();
  if (text === "" || text.length > 40 || text.includes("%")) return null;
  const reasons: string[] = [];
  let penalty = 1;
  // "“939", "_578.691,94": a speck or an underline's end read as punctuation.
  const unquoted = text.replace(STRAY_MARKS, "");
  if (unquoted !== text) {
    penalty *= 0.9;
    reasons.push("stray mark removed");
  }
  // "1.234,-" is the European way of printing a whole amount, not a trailing minus.
  const peeled = peel(unquoted.replace(/(\d)[.,][-‐‑‒–—]{1,2}$/, "$1"));
  if (!peeled) return null;
  const { core, paren, closeParen } = peeled;
  if (core === "" || DASH_ONLY.test(core)) {
    if (!peeled.minus && !DASH_ONLY.test(core)) return null;
    return {
      negative: false,
      isDash: true,
      groups: ["0"],
      separators: [],
      corrections: 0,
      penalty: 0.95,
      reasons,
    };
  }
  if (paren !== closeParen) {
    penalty *= 0.8;
    reasons.push("unbalanced parenthesis");
  }
  const { dollarFix, dollarOrFive, ...dollarless } = withoutLeadingDollar(core);
  const edges = withoutEdgeMarks(dollarless.body, reasons);
  penalty *= edges.penalty;
  const fixed = fixOcrLetters(edges.body);
  if (!fixed) return null;
  const collapsed = collapseSpaces(fixed.text);
  if (collapsed.changed) {
    penalty *= 0.9;
    reasons.push("stray spaces removed");
  }
  // "2.,838,034.00": a speck beside a separator read as a second mark; the group check keeps
  // only readings whose digit groups still fit the format.
  const single = collapsed.text.replace(/(\d)[.,]([.,])(?=\d)/g, "$1$2");
  if (single !== collapsed.text) {
    penalty *= 0.8;
    reasons.push("doubled separator");
  }
  const split = splitGroups(single);
  if (!split) return null;
  if (fixed.corrections > 0 || dollarFix) {
    penalty *= 0.75 ** Math.max(1, fixed.corrections);
    reasons.push("OCR letters read as digits");
  }
  const digits = split.groups.join("").replace(/^0+/, "");
  if (digits.length > 16) return null;
  return {
    negative: paren || closeParen || peeled.minus,
    isDash: false,
    groups: split.groups,
    separators: split.separators,
    corrections: fixed.corrections + (dollarFix ? 1 : 0),
    penalty,
    reasons,
    dollarOrFive,
  };
}

/** A leading "S" is often a misread "$": alone before a space it can only be that. */
function withoutLeadingDollar(core: string): {
  body: string;
  dollarFix: boolean;
  dollarOrFive?: AmountToken["dollarOrFive"];
} {
  if (/^S\s+[\dOolI]/.test(core)) return { body: core.replace(/^S\s+/, ""), dollarFix: true };
  if (!/^S[\dOolI]/.test(core)) return { body: core, dollarFix: false };
  const asFive = fixOcrLetters(`5${core.slice(1)}`);
  const fiveSplit = asFive ? splitGroups(collapseSpaces(asFive.text).text) : null;
  return { body: core.slice(1), dollarFix: true, ...(fiveSplit ? { dollarOrFive: fiveSplit } : {}) };
}

/** Marks at the ends of a token that are no part of its amount, and how much less sure that leaves it. */
function withoutEdgeMarks(text: string, reasons: string[]): { body: string; penalty: number } {
  let body = text;
  let penalty = 1;
  // A "|" at either end is a table rule, not a 1.
  if (/^\||\|$/.test(body)) {
    body = body.replace(/^\|+|\|+$/g, "").trim();
    reasons.push("table rule removed");
  }
  // "215.733," is a piece OCR cut off a longer number; read what is there, less surely.
  if (/\d[.,']$/.test(body)) {
    body = body.slice(0, -1);
    penalty *= 0.8;
    reasons.push("dangling separator");
  }
  return { body, penalty };
}

/** "48. 215.733, 12" → "48.215.733,12": OCR puts spaces after separators. */
function collapseSpaces(text: string): { text: string; changed: boolean } {
  const out = text.replace(/\s*([.,'])\s*/g, "$1");
  return { text: out, changed: out !== text };
}
