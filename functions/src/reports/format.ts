/**
 * Numbers and dates as a reader of the report's language writes them: 1.234.567,89 and %12,5 in
 * Turkish, 1,234,567.89 and 12.5% in English. Built on the analysis module's formatting so the
 * reports, the alerts and the web app print a number the same way.
 */
import * as analysisFormat from "../analysis/number-format";
import type { ReportLanguage } from "./options";

export function formatAmount(value: number, language: ReportLanguage, decimals = 2): string {
  return analysisFormat.formatAmount(value, language, decimals);
}

/** `share` is a fraction: 0.125 prints as 12.50% / %12,50. */
export function formatPercent(share: number, language: ReportLanguage, decimals = 2): string {
  return analysisFormat.formatPercent(share * 100, language, decimals);
}

function withSign(text: string, value: number, decimals: number): string {
  return analysisFormat.roundTo(value, decimals) > 0 ? `+${text}` : text;
}

/** A signed change: +12.5% / +%12,5, for comparisons. */
export function formatSignedPercent(share: number, language: ReportLanguage, decimals = 1): string {
  return withSign(formatPercent(share, language, decimals), share * 100, decimals);
}

export function formatSignedAmount(value: number, language: ReportLanguage, decimals = 0): string {
  return withSign(formatAmount(value, language, decimals), value, decimals);
}

const TURKISH_MONTHS = [
  "Ocak",
  "Şubat",
  "Mart",
  "Nisan",
  "Mayıs",
  "Haziran",
  "Temmuz",
  "Ağustos",
  "Eylül",
  "Ekim",
  "Kasım",
  "Aralık",
];
const ENGLISH_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** "31.12.2024" / "31 Dec 2024"; long: "31 Aralık 2024" / "31 December 2024". Others as given. */
export function formatDate(
  value: string | Date,
  language: ReportLanguage,
  style: "short" | "long" = "short",
): string {
  const iso = typeof value === "string" ? value : isoDate(value);
  if (style === "short") return analysisFormat.formatDate(iso, language);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const month = (language === "tr" ? TURKISH_MONTHS : ENGLISH_MONTHS)[Number(match[2]) - 1];
  return `${Number(match[3])} ${month} ${match[1]}`;
}

const currencyNames: Record<string, Record<ReportLanguage, string>> = {
  TRY: { tr: "TL", en: "TRY" },
};

export function currencyName(currency: string, language: ReportLanguage): string {
  return currencyNames[currency]?.[language] ?? currency;
}

const currencyTitles: Record<string, Record<ReportLanguage, string>> = {
  TRY: { tr: "Türk lirası (₺)", en: "Turkish lira (₺, TRY)" },
  USD: { tr: "ABD doları ($)", en: "US dollar ($, USD)" },
  EUR: { tr: "Avro (€)", en: "Euro (€, EUR)" },
  GBP: { tr: "İngiliz sterlini (£)", en: "Pound sterling (£, GBP)" },
};

/** The currency in words with its sign: "Türk lirası (₺)". */
export function currencyTitle(currency: string, language: ReportLanguage): string {
  return currencyTitles[currency]?.[language] ?? currency;
}

/** The printed unit in words: "Bin TL" / "TRY thousands". */
export function unitName(unit: number, currency: string, language: ReportLanguage): string {
  const name = currencyName(currency, language);
  if (unit === 1) return name;
  const scale: Record<number, Record<ReportLanguage, string>> = {
    1000: { tr: `Bin ${name}`, en: `${name} thousands` },
    1000000: { tr: `Milyon ${name}`, en: `${name} millions` },
  };
  return scale[unit]?.[language] ?? `${name} × ${formatAmount(unit, language, 0)}`;
}
