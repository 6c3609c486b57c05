/**
 * Alert texts: what moved, by how much and why it matters, with the numbers formatted for the
 * reader (Turkish 1.234.567,89 and %12,5; English 1,234,567.89 and 12.5%).
 */
import { isCostKey } from "../pipeline/parse/canonical-keys";
import { changeReason } from "./change-reasons";
import { labelOf } from "./labels";
import { formatDate, formatMoney, formatNumber, formatPercent } from "./number-format";
import type { ComparisonRow, Language, RatioResult } from "./types";

export type Message = { tr: string; en: string };

const LANGUAGES: readonly Language[] = ["tr", "en"];

function bilingual(build: (language: Language) => string): Message {
  const [tr, en] = LANGUAGES.map(build) as [string, string];
  return { tr, en };
}

const ratio = (value: number, language: Language) => formatNumber(value, language, 2);
const percentOf = (fraction: number, language: Language) => formatPercent(fraction * 100, language);
const money = (currency: string | undefined) => (value: number, language: Language) =>
  formatMoney(value, language, currency);

/** ", down from 1.20 at 31 Dec 2023" / " (31.12.2023: 1,20)" when the previous value is known. */
function previously(
  prior: ComparisonRow | undefined,
  show: (v: number, l: Language) => string,
  language: Language,
) {
  if (!prior || prior.base === null || prior.value === null) return "";
  const date = formatDate(prior.basePeriod, language);
  if (language === "tr") return ` (${date}: ${show(prior.base, language)})`;
  const direction =
    prior.value < prior.base ? "down from" : prior.value > prior.base ? "up from" : "unchanged from";
  return `, ${direction} ${show(prior.base, language)} at ${date}`;
}

export function materialChangeMessage(row: ComparisonRow, share: number | null, currency?: string): Message {
  const base = row.base ?? 0;
  const value = row.value ?? 0;
  const show = money(currency);
  const inMagnitude = isCostKey(row.key) && base <= 0 && value <= 0;
  const from = inMagnitude ? Math.abs(base) : base;
  const to = inMagnitude ? Math.abs(value) : value;
  const percent = inMagnitude ? ((to - from) / from) * 100 : (row.changePercent ?? 0);
  const direction = percent >= 0 ? "up" : "down";
  const why = changeReason(row.key, direction);
  const totalKey = row.statement === "income_statement" ? "revenue" : "total_assets";
  return bilingual((language) => {
    const label = labelOf(row.key, language);
    const change = formatPercent(Math.abs(percent), language);
    const baseDate = formatDate(row.basePeriod, language);
    const date = formatDate(row.period, language);
    const real =
      row.realChangePercent === undefined || row.realChangePercent === null
        ? ""
        : language === "tr"
          ? ` Enflasyondan arındırıldığında değişim ${formatPercent(row.realChangePercent, language)}.`
          : ` After consumer-price inflation the change is ${formatPercent(row.realChangePercent, language)}.`;
    const materiality =
      share === null || row.key === totalKey
        ? ""
        : language === "tr"
          ? ` ${labelOf(totalKey, language)} içindeki payı ${percentOf(share, language)} olduğundan değişim önemlidir.`
          : ` At ${percentOf(share, language)} of ${labelOf(totalKey, language).toLowerCase()} the change is material.`;
    if (language === "tr") {
      const verb = direction === "up" ? "arttı" : "azaldı";
      return `${label} ${baseDate} – ${date} arasında ${change} ${verb} (${show(from, language)} → ${show(to, language)}).${real}${materiality} Neden önemli: ${why.tr}.`;
    }
    const verb = direction === "up" ? "rose" : "fell";
    return `${label} ${verb} by ${change} from ${show(from, language)} to ${show(to, language)} between ${baseDate} and ${date}.${real}${materiality} Why it matters: ${why.en}.`;
  });
}

export function currentRatioMessage(
  result: RatioResult & { value: number },
  threshold: number,
  prior: ComparisonRow | undefined,
  currency?: string,
): Message {
  const show = money(currency);
  const assets = result.inputs?.total_current_assets;
  const liabilities = result.inputs?.total_current_liabilities;
  return bilingual((language) => {
    const date = formatDate(result.period, language);
    const was = previously(prior, ratio, language);
    const amounts = assets !== undefined && liabilities !== undefined;
    if (language === "tr") {
      const detail = amounts
        ? `dönen varlıklar (${show(assets, language)}) kısa vadeli yabancı kaynakları (${show(liabilities, language)}) karşılamıyor`
        : "dönen varlıklar kısa vadeli yabancı kaynakları karşılamıyor";
      return `${date} itibarıyla cari oran ${ratio(result.value, language)}${was}; ${ratio(threshold, language)} eşiğinin altında: ${detail}. Neden önemli: şirket bir yıl içinde vadesi gelen borçlarını ödemekte zorlanabilir.`;
    }
    const detail = amounts
      ? `current assets (${show(assets, language)}) do not cover short-term liabilities (${show(liabilities, language)})`
      : "current assets do not cover short-term liabilities";
    return `Current ratio is ${ratio(result.value, language)} at ${date}${was}, below the threshold of ${ratio(threshold, language)}: ${detail}. Why it matters: the company may struggle to pay debts falling due within a year.`;
  });
}

export function interestCoverageMessage(
  result: RatioResult & { value: number },
  threshold: number,
  prior: ComparisonRow | undefined,
  currency?: string,
): Message {
  const show = money(currency);
  const profit = result.inputs?.operating_profit ?? 0;
  const interest = Math.abs(result.inputs?.finance_expense ?? 0);
  return bilingual((language) => {
    const date = formatDate(result.period, language);
    const was = previously(prior, ratio, language);
    const value = ratio(result.value, language);
    if (language === "tr") {
      const detail =
        profit < 0
          ? `${show(Math.abs(profit), language)} faaliyet zararı varken finansman giderleri (${show(interest, language)}) faaliyetlerden karşılanamıyor`
          : `faaliyet kârı (${show(profit, language)}) finansman giderlerini (${show(interest, language)}) yalnızca ${value} kez karşılıyor`;
      return `${date} itibarıyla faiz karşılama oranı ${value}${was}; ${ratio(threshold, language)} eşiğinin altında: ${detail}. Neden önemli: kârdaki bir düşüşü veya faiz artışını karşılayacak pay çok az.`;
    }
    const detail =
      profit < 0
        ? `with an operating loss of ${show(Math.abs(profit), language)}, finance expenses (${show(interest, language)}) are not covered by operations`
        : `operating profit (${show(profit, language)}) covers finance expenses (${show(interest, language)}) only ${value} times`;
    return `Interest coverage is ${value} at ${date}${was}, below the threshold of ${ratio(threshold, language)}: ${detail}. Why it matters: little room is left to absorb a fall in profit or a rise in interest rates.`;
  });
}

export function debtRatioMessage(
  result: RatioResult & { value: number },
  threshold: number,
  prior: ComparisonRow | undefined,
  currency?: string,
): Message {
  const show = money(currency);
  const liabilities = result.inputs?.total_liabilities;
  const assets = result.inputs?.total_assets;
  return bilingual((language) => {
    const date = formatDate(result.period, language);
    const was = previously(prior, percentOf, language);
    const value = percentOf(result.value, language);
    const limit = percentOf(threshold, language);
    const amounts = liabilities !== undefined && assets !== undefined;
    if (language === "tr") {
      const detail = amounts
        ? `toplam varlıkların (${show(assets, language)}) ${value} kadarı yabancı kaynaklarla (${show(liabilities, language)}) finanse ediliyor`
        : `toplam varlıkların ${value} kadarı yabancı kaynaklarla finanse ediliyor`;
      return `${date} itibarıyla kaldıraç oranı ${value}${was}; ${limit} eşiğinin üzerinde: ${detail}. Neden önemli: yüksek borçluluk yeni kredi bulmayı zorlaştırır ve zararlara karşı özkaynak tamponunu azaltır.`;
    }
    const detail = amounts
      ? `liabilities (${show(liabilities, language)}) finance ${value} of total assets (${show(assets, language)})`
      : `liabilities finance ${value} of total assets`;
    return `Debt ratio is ${value} at ${date}${was}, above the threshold of ${limit}: ${detail}. Why it matters: high leverage limits new borrowing and leaves little equity to absorb losses.`;
  });
}

export function negativeEquityMessage(
  period: string,
  equity: number,
  assets: number | undefined,
  currency?: string,
): Message {
  const show = money(currency);
  return bilingual((language) => {
    const date = formatDate(period, language);
    if (language === "tr") {
      const context = assets === undefined ? "" : ` (toplam varlıklar ${show(assets, language)})`;
      return `${date} itibarıyla özkaynaklar negatif: ${show(equity, language)}${context}. Neden önemli: yükümlülükler varlıkları aşıyor; şirket borca batık olabilir ve sermaye takviyesi gerekebilir (TTK 376).`;
    }
    const context = assets === undefined ? "" : ` against total assets of ${show(assets, language)}`;
    return `Total equity is negative at ${date}: ${show(equity, language)}${context}. Why it matters: liabilities exceed assets, so the company may be over-indebted and need new capital.`;
  });
}

export function netLossMessage(
  period: string,
  netIncome: number,
  margin: number | null,
  prior: ComparisonRow | undefined,
  currency?: string,
): Message {
  const show = money(currency);
  return bilingual((language) => {
    const date = formatDate(period, language);
    const loss = show(Math.abs(netIncome), language);
    const marginText =
      margin === null
        ? ""
        : language === "tr"
          ? `, net kâr marjı ${percentOf(margin, language)}`
          : `, a net margin of ${percentOf(margin, language)}`;
    const was = previously(prior, show, language);
    if (language === "tr") {
      return `${date} ile biten dönemde ${loss} net zarar${marginText}${was}. Neden önemli: zararlar özkaynakları eritir; tek seferlik mi yoksa süregelen mi olduğu incelenmeli.`;
    }
    return `Net loss of ${loss} for the period ended ${date}${marginText}${was}. Why it matters: losses erode equity; check whether they are one-off or recurring.`;
  });
}

/** Cash or quick ratio at half of last period's or less. */
export function liquidityFallMessage(result: RatioResult & { value: number }, prior: ComparisonRow): Message {
  return bilingual((language) => {
    const name = labelOf(result.key, language);
    const date = formatDate(result.period, language);
    const before = formatDate(prior.basePeriod, language);
    const from = ratio(prior.base ?? 0, language);
    const to = ratio(result.value, language);
    if (language === "tr")
      return `${name} ${before} – ${date} arasında yarıdan fazla düştü (${from} → ${to}). Neden önemli: kısa vadeli borçları nakitle karşılama gücü hızla azalıyor.`;
    return `${name} fell by half or more between ${before} and ${date} (${from} → ${to}). Why it matters: the company's ability to meet short-term debts from cash is falling fast.`;
  });
}
