import { foldKeepingPunctuation } from "./printed-dates";

/** ISO 4217's code for "no currency": the statement does not say, the user must. */
export const CURRENCY_NOT_STATED = "XXX";

interface Rule<T> {
  pattern: RegExp;
  value: T;
  /** Higher wins: a unit tied to a currency ("Dollars in millions") beats a bare "(in thousands)". */
  weight: number;
}

const CUR =
  "(?:tl|try|ytl|₺|turk lirasi|usd|us\\$|\\$|abd dolari|dolar|dollars?|eur|€|euros?|avro|gbp|£|sterling|" +
  "₱|php|pesos?|zar|rands?|(?<![\\p{L}\\d])r|inr|₹|rupees|rs\\.?|ghs|gh¢|gh₵|cedis?)";
const END = "(?=$|[^\\p{L}\\d])";
const START = "(?<![\\p{L}\\d])";

const UNIT_RULES: Rule<number>[] = [
  { pattern: new RegExp(`${START}bin ${CUR}${END}`, "u"), value: 1000, weight: 3 },
  { pattern: new RegExp(`${START}milyon ${CUR}${END}`, "u"), value: 1e6, weight: 3 },
  { pattern: new RegExp(`${START}milyar ${CUR}${END}`, "u"), value: 1e9, weight: 3 },
  {
    pattern: new RegExp(`${CUR}\\s*['’]?\\s*\\(?\\s*000\\s*(?:'?s)?\\)?(?![\\d.,])`, "u"),
    value: 1000,
    weight: 3,
  },
  { pattern: new RegExp(`\\(\\s*000\\s*\\)\\s*${CUR}${END}`, "u"), value: 1000, weight: 3 },
  { pattern: new RegExp(`${START}000\\s+${CUR}${END}`, "u"), value: 1000, weight: 3 },
  { pattern: new RegExp(`${CUR}\\s+in\\s+thousands${END}`, "u"), value: 1000, weight: 3 },
  { pattern: new RegExp(`${CUR}\\s+in\\s+millions${END}`, "u"), value: 1e6, weight: 3 },
  { pattern: new RegExp(`${CUR}\\s+in\\s+billions${END}`, "u"), value: 1e9, weight: 3 },
  { pattern: new RegExp(`thousands of ${CUR}`, "u"), value: 1000, weight: 3 },
  { pattern: new RegExp(`millions of ${CUR}`, "u"), value: 1e6, weight: 3 },
  {
    pattern: new RegExp(`${START}(?:[$£€₺]|usd|eur|gbp|try|tl)\\s?(?:m|mn|million|millions)${END}`, "u"),
    value: 1e6,
    weight: 3,
  },
  {
    pattern: new RegExp(`${START}(?:[$£€₺]|usd|eur|gbp|try|tl)\\s?(?:bn|billion|billions)${END}`, "u"),
    value: 1e9,
    weight: 3,
  },
  {
    pattern: new RegExp(`${START}(?:[$£€₺]|usd|eur|gbp|try|tl)\\s?(?:k|thousand|thousands)${END}`, "u"),
    value: 1000,
    weight: 3,
  },
  { pattern: /\bin thousands\b|\bthousands?\b/u, value: 1000, weight: 2 },
  // Indian reports: "Rupees in lakhs", "Rs. in crores", "(₹ in lakh)".
  { pattern: /\blakhs?\b|\blacs?\b/u, value: 1e5, weight: 3 },
  { pattern: /\bcrores?\b/u, value: 1e7, weight: 3 },
  { pattern: /\bin millions\b|\bmillions?\b/u, value: 1e6, weight: 2 },
  { pattern: /\bin billions\b/u, value: 1e9, weight: 2 },
  { pattern: /\(\s*000\s*(?:'?s)?\s*\)|\bin 000s?\b|['’]000s?\b/u, value: 1000, weight: 2 },
  { pattern: new RegExp(`${START}(?:milyon|mn)${END}`, "u"), value: 1e6, weight: 1 },
  { pattern: new RegExp(`${START}milyar${END}`, "u"), value: 1e9, weight: 1 },
  // "Tutarlar aksi belirtilmedikçe Türk Lirası (TL) olarak ifade edilmiştir" states units of one.
  { pattern: /\b(?:turk lirasi|tl)\b[^.]*\bolarak ifade edil/u, value: 1, weight: 2 },
  {
    pattern:
      /\bamounts (?:are )?(?:expressed |presented |stated )?in (?:turkish lira|us dollars|dollars|euros?|pounds sterling|(?:philippine )?pesos?|(?:south african )?rands?|(?:indian )?rupees|(?:ghana )?cedis?)\b/u,
    value: 1,
    weight: 1,
  },
];

const CURRENCY_RULES: Rule<string>[] = [
  { pattern: /₺/u, value: "TRY", weight: 2 },
  { pattern: /\b(?:try|ytl)\b/u, value: "TRY", weight: 2 },
  { pattern: new RegExp(`${START}tl${END}`, "u"), value: "TRY", weight: 3 },
  { pattern: /\bturk lirasi\b|\bturkish lira\b/u, value: "TRY", weight: 2 },
  { pattern: /\busd\b|\bus\$/u, value: "USD", weight: 3 },
  { pattern: /\$/u, value: "USD", weight: 2 },
  { pattern: /\bu\.?s\.? dollars?\b|\bdollars?\b|\babd dolari\b/u, value: "USD", weight: 2 },
  { pattern: /\beur\b/u, value: "EUR", weight: 3 },
  { pattern: /€/u, value: "EUR", weight: 2 },
  { pattern: /\beuros?\b|\bavro\b/u, value: "EUR", weight: 2 },
  { pattern: /\bgbp\b/u, value: "GBP", weight: 3 },
  { pattern: /£/u, value: "GBP", weight: 2 },
  { pattern: /\bsterling\b|\bpounds?\b/u, value: "GBP", weight: 2 },
  { pattern: /₱|\bphp\b|\bphilippine pesos?\b/u, value: "PHP", weight: 3 },
  { pattern: /\bpesos?\b/u, value: "PHP", weight: 2 },
  // The sign printed beside the amounts: "P 17,663,451.20", "R 30 982 592".
  { pattern: /(?<![\p{L}\d])p\s?(?=\d{1,3}(?:,\d{3})+(?:\.\d{2})?(?!\d))/u, value: "PHP", weight: 2 },
  { pattern: /(?<![\p{L}\d])r\s?(?=\d{1,3}(?: \d{3})+(?!\d))/u, value: "ZAR", weight: 2 },
  { pattern: /\bzar\b|\bsouth african rands?\b/u, value: "ZAR", weight: 3 },
  { pattern: /(?<![\p{L}\d])r\s?['’]\s?000\b|\brands?\b/u, value: "ZAR", weight: 2 },
  { pattern: /₹|\binr\b|\bindian rupees?\b/u, value: "INR", weight: 3 },
  { pattern: /\brupees\b|\brs\.?(?=[\s'’(]|$)|\blakhs?\b|\bcrores?\b/u, value: "INR", weight: 2 },
  { pattern: /\bghs\b|gh¢|gh₵|\bghana cedis?\b|\bcedis?\b/u, value: "GHS", weight: 3 },
  { pattern: /₦|\bngn\b|\bnaira\b/u, value: "NGN", weight: 3 },
  { pattern: /\bkes\b|\bkenya shillings?\b|\bksh\b/u, value: "KES", weight: 3 },
];

interface Hit<T> {
  value: T;
  weight: number;
  index: number;
  matched: string;
}

function hits<T>(text: string, rules: Rule<T>[]): Hit<T>[] {
  const found: Hit<T>[] = [];
  for (const rule of rules) {
    const global = new RegExp(rule.pattern.source, `${rule.pattern.flags.replace("g", "")}g`);
    for (const m of text.matchAll(global)) {
      found.push({ value: rule.value, weight: rule.weight, index: m.index, matched: m[0].trim() });
    }
  }
  return found;
}

/** The original-case snippet for a match found in the folded text (same length, same place). */
function printed(original: string, folded: string, hit: Hit<unknown>): string {
  return original.length === folded.length
    ? original.slice(hit.index, hit.index + hit.matched.length)
    : hit.matched;
}

/** "USD 'eee", "(OOO)": the zeros of a thousands unit as OCR misreads them on a noisy scan. */
const MISREAD_ZEROS = /(['’`(])[0oOQDeé]{3}(?=s?(?![\p{L}\d]))/gu;

/**
 * The amount unit stated in a heading: "Bin TL", "TL (000)", "(000) TL", "Bin ₺", "milyon
 * TL", "in thousands", "Dollars in millions", "£'000", "€000", or units of one ("Tutarlar
 * aksi belirtilmedikçe Türk Lirası (TL) olarak ifade edilmiştir"). A unit bound to a currency
 * wins over a bare one ("(in thousands)" beside a share count); then the first printed.
 */
export function detectUnit(text: string): { unit: number; matched: string; confidence: number } | null {
  const original = text
    .replace(/\s+/g, " ")
    .trim()
    .replace(MISREAD_ZEROS, (_, mark: string) => `${mark}000`);
  const folded = foldKeepingPunctuation(original);
  const best = hits(folded, UNIT_RULES).sort((a, b) => b.weight - a.weight || a.index - b.index)[0];
  if (!best) return null;
  return {
    unit: best.value,
    matched: printed(original, folded, best),
    confidence: best.weight >= 3 ? 0.95 : best.weight === 2 ? 0.8 : 0.6,
  };
}

/**
 * The reporting currency named in a heading: ISO codes, symbols and names (TL/TRY/₺/Türk
 * Lirası, USD/$/dollars, EUR/€, GBP/£). Evidence is summed per currency, so one stray "$" in
 * a Turkish heading full of "TL" does not win.
 */
export function detectCurrency(
  text: string,
): { currency: string; matched: string; confidence: number } | null {
  const original = text.replace(/\s+/g, " ").trim();
  const folded = foldKeepingPunctuation(original);
  const found = hits(folded, CURRENCY_RULES);
  if (found.length === 0) return null;
  const totals = new Map<string, { weight: number; first: Hit<string> }>();
  for (const hit of found.sort((a, b) => a.index - b.index)) {
    const seen = totals.get(hit.value);
    totals.set(hit.value, { weight: (seen?.weight ?? 0) + hit.weight, first: seen?.first ?? hit });
  }
  const ranked = [...totals.values()].sort((a, b) => b.weight - a.weight || a.first.index - b.first.index);
  const [best, second] = ranked;
  if (!best) return null;
  const margin = second ? (best.weight - second.weight) / best.weight : 1;
  return {
    currency: best.first.value,
    matched: printed(original, folded, best.first),
    confidence: Math.round((0.6 + 0.35 * margin) * 1000) / 1000,
  };
}
