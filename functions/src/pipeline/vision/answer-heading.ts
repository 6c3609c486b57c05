import { CURRENCY_NOT_STATED } from "../parse/unit-and-currency";
import type { Period } from "../types";
import type { VisionAnswerStatement } from "./answer-schema";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DOTTED_DATE = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/;

function validIso(text: string | null | undefined): string | undefined {
  const match = text?.trim().match(ISO_DATE);
  if (!match) return undefined;
  const date = new Date(`${match[0]}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== match[0] ? undefined : match[0];
}

/**
 * Period ids as the parser makes them where the heading allows (the end date); otherwise a
 * placeholder the reconciliation aligns to the parser's periods by label and position.
 */
export function resolveVisionPeriods(periods: VisionAnswerStatement["periods"]): Period[] {
  const seen = new Map<string, number>();
  return periods.map((p, index) => {
    let end = validIso(p.end);
    const dotted = p.label.match(DOTTED_DATE);
    if (!end && dotted)
      end = validIso(`${dotted[3]}-${dotted[2]?.padStart(2, "0")}-${dotted[1]?.padStart(2, "0")}`);
    const year = p.label.match(/\b(19|20)\d{2}\b/)?.[0];
    let id = end ?? (year ? `${year}-12-31` : `period_${index + 1}`);
    const count = seen.get(id) ?? 0;
    seen.set(id, count + 1);
    if (count > 0) id = `${id}#${count + 1}`;
    return { id, label: p.label.trim(), end };
  });
}

const CURRENCY_WORDS: Array<[RegExp, string]> = [
  [/^(try|tl|₺|türk lirası|turk lirasi)$/i, "TRY"],
  [/^(usd|us\$|\$|dollars?)$/i, "USD"],
  [/^(eur|€|euros?)$/i, "EUR"],
  [/^(gbp|£|pounds?)$/i, "GBP"],
];

export function currencyOf(printed: string | null, language: "tr" | "en" | undefined): string {
  const text = printed?.trim() ?? "";
  for (const [pattern, code] of CURRENCY_WORDS) if (pattern.test(text)) return code;
  if (/^[A-Z]{3}$/.test(text)) return text;
  // As the parser: lira for Turkish statements, otherwise unknown rather than a guessed dollar.
  return language === "en" ? CURRENCY_NOT_STATED : "TRY";
}
