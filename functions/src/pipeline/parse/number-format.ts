import { readAmountToken } from "./amount-token";

/** How a document writes its numbers: decided once per document, from evidence. */
export interface NumberFormat {
  decimal: "," | ".";
  thousands: "." | "," | " " | "'" | "";
  /**
   * The statement prints whole amounts only, so a lone decimal mark before three digits
   * ("7.107" among "4,562" and "2,545") is a thousands separator OCR misread.
   */
  wholeAmounts?: boolean;
}

export const TURKISH_FORMAT: NumberFormat = { decimal: ",", thousands: "." };
export const ENGLISH_FORMAT: NumberFormat = { decimal: ".", thousands: "," };

interface Votes {
  /** Weight of evidence that "," is the decimal mark (or "." groups thousands). */
  turkish: number;
  english: number;
  spaceGrouped: number;
  apostropheGrouped: number;
  ungroupedLarge: number;
  markGrouped: number;
  evidence: number;
}

function validGroups(groups: string[]): boolean {
  return groups.every((g, i) => (i === 0 ? g.length >= 1 && g.length <= 3 : g.length === 3));
}

function vote(votes: Votes, decimalMark: "," | ".", weight: number): void {
  if (decimalMark === ",") votes.turkish += weight;
  else votes.english += weight;
}

function weigh(token: string, votes: Votes): void {
  const read = readAmountToken(token);
  if (!read || read.isDash || read.corrections > 0) return;
  const { groups, separators } = read;
  if (separators.includes(" ")) votes.spaceGrouped += 1;
  if (separators.includes("'")) votes.apostropheGrouped += 1;
  const marks = separators.filter((s): s is "." | "," => s === "." || s === ",");
  if (marks.length === 0) {
    if (separators.length === 0 && (groups[0] ?? "").replace(/^0+/, "").length >= 5)
      votes.ungroupedLarge += 1;
    return;
  }
  const last = separators[separators.length - 1];
  const distinct = [...new Set(marks)];
  if (distinct.length === 2) {
    // "1.234.567,89" proves Turkish and "1,234.5" proves English on its own.
    if (last === "." || last === ",") vote(votes, last, 3);
    votes.markGrouped += 1;
    votes.evidence += 1;
    return;
  }
  const mark = distinct[0] as "." | ",";
  const other = mark === "." ? "," : ".";
  if (marks.length >= 2) {
    if (validGroups(groups)) {
      vote(votes, other, 2);
      votes.markGrouped += 1;
      votes.evidence += 1;
    }
    return;
  }
  const fraction = groups[groups.length - 1] ?? "";
  if (last !== mark) return;
  if (fraction.length === 3 && (groups[groups.length - 2] ?? "").length <= 3) {
    // "1.234" alone could be either; a column of them with never two decimals is thousands.
    vote(votes, other, 0.5);
    votes.markGrouped += 1;
  } else if (fraction.length === 2) {
    vote(votes, mark, 1.5);
    if (separators.length === 1 && (groups[0] ?? "").length >= 4) votes.ungroupedLarge += 1;
  } else {
    // One decimal digit is weak: note references such as "5.1" look the same.
    vote(votes, mark, 0.4);
  }
  votes.evidence += 1;
}

function thousandsFor(decimal: "," | ".", votes: Votes): NumberFormat["thousands"] {
  if (votes.spaceGrouped > votes.markGrouped && votes.spaceGrouped >= votes.apostropheGrouped) return " ";
  if (votes.apostropheGrouped > votes.markGrouped) return "'";
  if (votes.markGrouped === 0 && votes.ungroupedLarge > 0) return "";
  return decimal === "," ? "." : ",";
}

/**
 * Decides the number format of a document from its amount tokens. `confidence` grows with the
 * margin between the two conventions and with the amount of evidence; with no evidence at all
 * the fallback (Turkish by default: the product's home market) comes back with confidence 0.
 */
export function detectNumberFormat(
  tokens: string[],
  fallback: NumberFormat = TURKISH_FORMAT,
): { format: NumberFormat; confidence: number; evidence: number } {
  const votes: Votes = {
    turkish: 0,
    english: 0,
    spaceGrouped: 0,
    apostropheGrouped: 0,
    ungroupedLarge: 0,
    markGrouped: 0,
    evidence: 0,
  };
  for (const token of tokens) weigh(token, votes);
  const total = votes.turkish + votes.english;
  if (total === 0) {
    const thousands = votes.spaceGrouped > 0 ? " " : votes.ungroupedLarge > 0 ? "" : fallback.thousands;
    return { format: { decimal: fallback.decimal, thousands }, confidence: 0, evidence: votes.spaceGrouped };
  }
  const decimal =
    votes.turkish === votes.english ? fallback.decimal : votes.turkish > votes.english ? "," : ".";
  const margin = Math.abs(votes.turkish - votes.english) / total;
  const confidence = margin * (1 - Math.exp(-total / 2));
  return {
    format: { decimal, thousands: thousandsFor(decimal, votes) },
    confidence: Math.round(confidence * 1000) / 1000,
    evidence: votes.evidence,
  };
}
