/**
 * Numbers and dates as an accountant writes them in each language: Turkish 1.234.567,89 and
 * %12,5; English 1,234,567.89 and 12.5%. Written by hand rather than through Intl so the
 * output does not depend on the ICU data a runtime happens to ship.
 */
import type { Language } from "./types";

const SEPARATORS: Record<Language, { group: string; decimal: string }> = {
  tr: { group: ".", decimal: "," },
  en: { group: ",", decimal: "." },
};

const ENGLISH_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Rounds half away from zero at `decimals` places without binary artefacts (1.005 → 1.01). */
export function roundTo(value: number, decimals: number): number {
  const rounded =
    Math.sign(value) * Number(`${Math.round(Number(`${Math.abs(value)}e${decimals}`))}e-${decimals}`);
  return Object.is(rounded, -0) ? 0 : rounded;
}

export function formatNumber(value: number, language: Language, decimals = 2): string {
  const { group, decimal } = SEPARATORS[language];
  const rounded = roundTo(value, decimals);
  const [whole = "0", fraction] = Math.abs(rounded).toFixed(decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = rounded < 0 ? "-" : "";
  return sign + grouped + (fraction ? decimal + fraction : "");
}

export function formatAmount(value: number, language: Language, decimals = 2): string {
  return formatNumber(value, language, decimals);
}

/** `percent` is already in percent (12.5 means 12.5%). */
export function formatPercent(percent: number, language: Language, decimals = 1): string {
  const body = formatNumber(Math.abs(percent), language, decimals);
  const sign = roundTo(percent, decimals) < 0 ? "-" : "";
  return language === "tr" ? `${sign}%${body}` : `${sign}${body}%`;
}

/** Amount with its currency: Turkish readers write TL, English readers the ISO code. */
export function formatMoney(value: number, language: Language, currency?: string): string {
  const amount = formatAmount(value, language);
  if (!currency) return amount;
  const shown = language === "tr" && currency === "TRY" ? "TL" : currency;
  return `${amount} ${shown}`;
}

/** ISO date as 31.12.2024 (tr) or 31 Dec 2024 (en); anything else is returned as printed. */
export function formatDate(period: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (!match) return period;
  const [, year, month, day] = match;
  if (language === "tr") return `${day}.${month}.${year}`;
  return `${Number(day)} ${ENGLISH_MONTHS[Number(month) - 1] ?? month} ${year}`;
}
