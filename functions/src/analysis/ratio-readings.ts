/**
 * The one-line reading of each ratio an accountant would write beside it, e.g. "Current ratio
 * 1.83: current assets cover short-term liabilities 1.8 times", in Turkish and English.
 */
import { explainReason, labelOf } from "./labels";
import { formatAmount, formatNumber, formatPercent } from "./number-format";
import { ratioUnit } from "./ratio-definitions";
import type { Language, RatioKey, RatioResult, RatioUnit } from "./types";

/** A ratio value as displayed: 1,83 / %40,0 / 300.000,00 / 38,5 gün. */
export function formatRatioValue(value: number, unit: RatioUnit, language: Language): string {
  switch (unit) {
    case "percent":
      return formatPercent(value * 100, language);
    case "amount":
      return formatAmount(value, language);
    case "days":
      return `${formatNumber(value, language, 1)} ${language === "tr" ? "gün" : "days"}`;
    default:
      return formatNumber(value, language, 2);
  }
}

interface Figures {
  /** One decimal: the value itself ("1.8"), or its magnitude in percent for percent ratios ("40.0"). */
  once: string;
  /** The value as a percentage ("%45,0"). */
  percent: string;
  days: string;
  /** Absolute amount, for net working capital. */
  magnitude: string;
  negative: boolean;
  /** Coverage below one reads better as a share ("cover only 96.7%") than as "1.0 times". */
  belowOne: boolean;
}

type Reading = (f: Figures) => string;

const READINGS: Record<RatioKey, { tr: Reading; en: Reading }> = {
  current_ratio: {
    tr: (f) =>
      f.belowOne
        ? `dönen varlıklar kısa vadeli yabancı kaynakların yalnızca ${f.percent} kadarını karşılıyor`
        : `dönen varlıklar kısa vadeli yabancı kaynakları ${f.once} kez karşılıyor`,
    en: (f) =>
      f.belowOne
        ? `current assets cover only ${f.percent} of short-term liabilities`
        : `current assets cover short-term liabilities ${f.once} times`,
  },
  quick_ratio: {
    tr: (f) =>
      f.belowOne
        ? `stoklar dışındaki dönen varlıklar kısa vadeli yabancı kaynakların yalnızca ${f.percent} kadarını karşılıyor`
        : `stoklar dışındaki dönen varlıklar kısa vadeli yabancı kaynakları ${f.once} kez karşılıyor`,
    en: (f) =>
      f.belowOne
        ? `current assets other than inventories cover only ${f.percent} of short-term liabilities`
        : `current assets other than inventories cover short-term liabilities ${f.once} times`,
  },
  cash_ratio: {
    tr: (f) =>
      `nakit ve kısa vadeli yatırımlar kısa vadeli yabancı kaynakların ${f.percent} kadarını karşılıyor`,
    en: (f) => `cash and short-term investments cover ${f.percent} of short-term liabilities`,
  },
  net_working_capital: {
    tr: (f) =>
      f.negative
        ? `kısa vadeli yabancı kaynaklar dönen varlıkları ${f.magnitude} tutarında aşıyor`
        : `dönen varlıklar kısa vadeli yabancı kaynakları ${f.magnitude} tutarında aşıyor`,
    en: (f) =>
      f.negative
        ? `short-term liabilities exceed current assets by ${f.magnitude}`
        : `current assets exceed short-term liabilities by ${f.magnitude}`,
  },
  working_capital_to_assets: {
    tr: (f) => `net işletme sermayesi toplam varlıkların ${f.percent} kadarı`,
    en: (f) => `net working capital is ${f.percent} of total assets`,
  },
  gross_margin: {
    tr: (f) =>
      `her 100 birimlik satıştan satışların maliyeti sonrası ${f.once} birim brüt ${f.negative ? "zarar" : "kâr"} kalıyor`,
    en: (f) =>
      `every 100 of revenue leaves a gross ${f.negative ? "loss" : "profit"} of ${f.once} after cost of sales`,
  },
  operating_margin: {
    tr: (f) => `her 100 birimlik satıştan ${f.once} birim faaliyet ${f.negative ? "zararı" : "kârı"} kalıyor`,
    en: (f) => `every 100 of revenue leaves an operating ${f.negative ? "loss" : "profit"} of ${f.once}`,
  },
  ebitda_margin: {
    tr: (f) =>
      `amortisman öncesi her 100 birimlik satıştan ${f.once} birim faaliyet ${f.negative ? "zararı" : "kârı"} kalıyor`,
    en: (f) =>
      `before depreciation and amortisation, every 100 of revenue leaves an operating ${f.negative ? "loss" : "profit"} of ${f.once}`,
  },
  net_margin: {
    tr: (f) => `her 100 birimlik satıştan ${f.once} birim net ${f.negative ? "zarar" : "kâr"} kalıyor`,
    en: (f) => `every 100 of revenue ends as a net ${f.negative ? "loss" : "profit"} of ${f.once}`,
  },
  return_on_assets: {
    tr: (f) => `her 100 birimlik varlık ${f.once} birim net ${f.negative ? "zarar" : "kâr"} getirdi`,
    en: (f) => `every 100 of assets produced a net ${f.negative ? "loss" : "profit"} of ${f.once}`,
  },
  return_on_equity: {
    tr: (f) => `her 100 birimlik özkaynak ${f.once} birim net ${f.negative ? "zarar" : "kâr"} getirdi`,
    en: (f) => `every 100 of equity produced a net ${f.negative ? "loss" : "profit"} of ${f.once}`,
  },
  asset_turnover: {
    tr: (f) => `net satışlar toplam varlıkların ${f.once} katı`,
    en: (f) => `revenue is ${f.once} times total assets`,
  },
  inventory_turnover: {
    tr: (f) => `stoklar yılda ${f.once} kez satılıp yenileniyor, ortalama ${f.days} günde`,
    en: (f) => `inventories are sold and replaced ${f.once} times a year, every ${f.days} days on average`,
  },
  receivables_turnover: {
    tr: (f) => `alacaklar yılda ${f.once} kez tahsil ediliyor, ortalama ${f.days} günde`,
    en: (f) => `receivables are collected ${f.once} times a year, after ${f.days} days on average`,
  },
  payables_turnover: {
    tr: (f) => `tedarikçilere yılda ${f.once} kez ödeme yapılıyor, ortalama ${f.days} günde`,
    en: (f) => `suppliers are paid ${f.once} times a year, after ${f.days} days on average`,
  },
  cash_conversion_cycle: {
    tr: (f) => `tedarikçiye ödemeden müşteriden tahsilata kadar nakit ${f.days} gün bağlı kalıyor`,
    en: (f) => `cash is tied up for ${f.days} days between paying suppliers and collecting from customers`,
  },
  debt_ratio: {
    tr: (f) => `varlıkların ${f.percent} kadarı yabancı kaynaklarla finanse ediliyor`,
    en: (f) => `liabilities finance ${f.percent} of total assets`,
  },
  debt_to_equity: {
    tr: (f) => `yabancı kaynaklar özkaynakların ${f.once} katı`,
    en: (f) => `liabilities are ${f.once} times equity`,
  },
  financial_debt_to_equity: {
    tr: (f) => `banka kredileri ve diğer mali borçlar özkaynakların ${f.once} katı`,
    en: (f) => `borrowings are ${f.once} times equity`,
  },
  equity_ratio: {
    tr: (f) => `varlıkların ${f.percent} kadarı özkaynaklarla finanse ediliyor`,
    en: (f) => `equity finances ${f.percent} of total assets`,
  },
  long_term_debt_to_capitalization: {
    tr: (f) => `uzun vadeli mali borçlar sürekli sermayenin ${f.percent} kadarı`,
    en: (f) => `long-term borrowings are ${f.percent} of long-term capital`,
  },
  interest_coverage: {
    tr: (f) =>
      f.negative
        ? "faaliyet zararı nedeniyle finansman giderleri faaliyetlerden karşılanamıyor"
        : f.belowOne
          ? `faaliyet kârı finansman giderlerinin yalnızca ${f.percent} kadarını karşılıyor`
          : `faaliyet kârı finansman giderlerini ${f.once} kez karşılıyor`,
    en: (f) =>
      f.negative
        ? "with an operating loss, finance expenses are not covered by operations"
        : f.belowOne
          ? `operating profit covers only ${f.percent} of finance expenses`
          : `operating profit covers finance expenses ${f.once} times`,
  },
};

/** "Cari oran 1,83: dönen varlıklar …" or, when not computable, "Cari oran: hesaplanamadı (eksik: Stoklar)". */
export function ratioReading(result: RatioResult, language: Language): string {
  const label = labelOf(result.key, language);
  if (result.value === null) {
    const why = result.reason ? ` (${explainReason(result.reason, language)})` : "";
    return `${label}: ${language === "tr" ? "hesaplanamadı" : "not available"}${why}`;
  }
  const unit = result.unit ?? ratioUnit(result.key);
  const value = result.value;
  const days = result.days ?? (unit === "days" ? value : null);
  const figures: Figures = {
    once: formatNumber(unit === "percent" ? Math.abs(value) * 100 : value, language, 1),
    percent: formatPercent(value * 100, language),
    days: days === null ? "-" : formatNumber(days, language, 1),
    magnitude: formatAmount(Math.abs(value), language),
    negative: value < 0,
    belowOne: value < 1,
  };
  return `${label} ${formatRatioValue(value, unit, language)}: ${READINGS[result.key][language](figures)}`;
}
