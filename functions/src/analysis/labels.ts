/**
 * Display names of canonical keys, ratios and ratio groups in Turkish (Tekdüzen / TFRS
 * vocabulary) and English, shared by alerts, reports and the web app.
 */
import type { CanonicalKey } from "../pipeline/types";
import type { Language, RatioGroup, RatioKey } from "./types";

type Bilingual = { tr: string; en: string };

export const CANONICAL_LABELS: Record<CanonicalKey, Bilingual> = {
  cash_and_equivalents: { tr: "Nakit ve nakit benzerleri", en: "Cash and cash equivalents" },
  short_term_investments: { tr: "Kısa vadeli finansal yatırımlar", en: "Short-term investments" },
  trade_receivables: { tr: "Ticari alacaklar", en: "Trade receivables" },
  other_receivables: { tr: "Diğer alacaklar", en: "Other receivables" },
  inventories: { tr: "Stoklar", en: "Inventories" },
  prepaid_expenses: { tr: "Gelecek aylara ait giderler", en: "Prepaid expenses" },
  other_current_assets: { tr: "Diğer dönen varlıklar", en: "Other current assets" },
  total_current_assets: { tr: "Dönen varlıklar toplamı", en: "Total current assets" },
  property_plant_equipment: { tr: "Maddi duran varlıklar", en: "Property, plant and equipment" },
  intangible_assets: { tr: "Maddi olmayan duran varlıklar", en: "Intangible assets" },
  other_non_current_assets: { tr: "Diğer duran varlıklar", en: "Other non-current assets" },
  total_non_current_assets: { tr: "Duran varlıklar toplamı", en: "Total non-current assets" },
  total_assets: { tr: "Toplam varlıklar", en: "Total assets" },
  short_term_borrowings: { tr: "Kısa vadeli mali borçlar", en: "Short-term borrowings" },
  trade_payables: { tr: "Ticari borçlar", en: "Trade payables" },
  other_current_liabilities: { tr: "Diğer kısa vadeli yükümlülükler", en: "Other current liabilities" },
  total_current_liabilities: { tr: "Kısa vadeli yabancı kaynaklar toplamı", en: "Total current liabilities" },
  long_term_borrowings: { tr: "Uzun vadeli mali borçlar", en: "Long-term borrowings" },
  other_non_current_liabilities: {
    tr: "Diğer uzun vadeli yükümlülükler",
    en: "Other non-current liabilities",
  },
  total_non_current_liabilities: {
    tr: "Uzun vadeli yabancı kaynaklar toplamı",
    en: "Total non-current liabilities",
  },
  total_liabilities: { tr: "Toplam yabancı kaynaklar", en: "Total liabilities" },
  share_capital: { tr: "Ödenmiş sermaye", en: "Share capital" },
  retained_earnings: { tr: "Geçmiş yıllar kârları", en: "Retained earnings" },
  current_year_profit: { tr: "Dönem net kârı (zararı)", en: "Profit (loss) for the year" },
  total_equity: { tr: "Özkaynaklar toplamı", en: "Total equity" },
  total_liabilities_and_equity: { tr: "Toplam kaynaklar", en: "Total liabilities and equity" },
  gross_sales: { tr: "Brüt satışlar", en: "Gross sales" },
  sales_deductions: { tr: "Satış indirimleri", en: "Sales deductions" },
  revenue: { tr: "Net satışlar", en: "Revenue" },
  cost_of_sales: { tr: "Satışların maliyeti", en: "Cost of sales" },
  gross_profit: { tr: "Brüt satış kârı", en: "Gross profit" },
  operating_expenses: { tr: "Faaliyet giderleri", en: "Operating expenses" },
  operating_profit: { tr: "Faaliyet kârı", en: "Operating profit" },
  other_operating_income: { tr: "Diğer faaliyetlerden gelirler", en: "Other operating income" },
  other_operating_expense: { tr: "Diğer faaliyetlerden giderler", en: "Other operating expenses" },
  finance_income: { tr: "Finansman gelirleri", en: "Finance income" },
  finance_expense: { tr: "Finansman giderleri", en: "Finance expenses" },
  profit_before_tax: { tr: "Vergi öncesi kâr", en: "Profit before tax" },
  income_tax_expense: { tr: "Vergi gideri", en: "Income tax expense" },
  net_income: { tr: "Dönem net kârı", en: "Net income" },
  depreciation_amortization: { tr: "Amortisman ve itfa payları", en: "Depreciation and amortisation" },
};

export const RATIO_LABELS: Record<RatioKey, Bilingual> = {
  current_ratio: { tr: "Cari oran", en: "Current ratio" },
  quick_ratio: { tr: "Asit-test oranı", en: "Quick ratio" },
  cash_ratio: { tr: "Nakit oranı", en: "Cash ratio" },
  net_working_capital: { tr: "Net işletme sermayesi", en: "Net working capital" },
  working_capital_to_assets: {
    tr: "Net işletme sermayesi / toplam varlıklar",
    en: "Working capital to total assets",
  },
  gross_margin: { tr: "Brüt kâr marjı", en: "Gross margin" },
  operating_margin: { tr: "Faaliyet kâr marjı", en: "Operating margin" },
  ebitda_margin: { tr: "FAVÖK marjı", en: "EBITDA margin" },
  net_margin: { tr: "Net kâr marjı", en: "Net margin" },
  return_on_assets: { tr: "Aktif kârlılığı", en: "Return on assets" },
  return_on_equity: { tr: "Özkaynak kârlılığı", en: "Return on equity" },
  asset_turnover: { tr: "Aktif devir hızı", en: "Asset turnover" },
  inventory_turnover: { tr: "Stok devir hızı", en: "Inventory turnover" },
  receivables_turnover: { tr: "Alacak devir hızı", en: "Receivables turnover" },
  payables_turnover: { tr: "Borç devir hızı", en: "Payables turnover" },
  cash_conversion_cycle: { tr: "Nakit dönüşüm süresi", en: "Cash conversion cycle" },
  debt_ratio: { tr: "Kaldıraç oranı", en: "Debt ratio" },
  debt_to_equity: { tr: "Borç / özkaynak oranı", en: "Debt to equity" },
  financial_debt_to_equity: { tr: "Finansal borç / özkaynak oranı", en: "Financial debt to equity" },
  equity_ratio: { tr: "Özkaynak oranı", en: "Equity ratio" },
  long_term_debt_to_capitalization: {
    tr: "Uzun vadeli borç / sürekli sermaye",
    en: "Long-term debt to capitalisation",
  },
  interest_coverage: { tr: "Faiz karşılama oranı", en: "Interest coverage" },
};

export const RATIO_GROUP_LABELS: Record<RatioGroup, Bilingual> = {
  liquidity: { tr: "Likidite oranları", en: "Liquidity" },
  profitability: { tr: "Kârlılık oranları", en: "Profitability" },
  efficiency: { tr: "Faaliyet oranları", en: "Efficiency" },
  solvency: { tr: "Finansal yapı oranları", en: "Solvency" },
};

/** Days figures stand in for their turnover ratio in reasons ("missing: inventory days"). */
const DAYS_LABELS: Record<string, Bilingual> = {
  inventory_days: { tr: "Stokta kalma süresi (gün)", en: "Inventory days" },
  receivables_days: { tr: "Alacak tahsil süresi (gün)", en: "Receivables days" },
  payables_days: { tr: "Borç ödeme süresi (gün)", en: "Payables days" },
};

/** The display name of any key the analysis emits; unknown keys are returned unchanged. */
export function labelOf(key: string, language: Language): string {
  const bilingual =
    (CANONICAL_LABELS as Record<string, Bilingual>)[key] ??
    (RATIO_LABELS as Record<string, Bilingual>)[key] ??
    DAYS_LABELS[key];
  return bilingual ? bilingual[language] : key;
}

export function ratioGroupLabel(group: RatioGroup, language: Language): string {
  return RATIO_GROUP_LABELS[group][language];
}

/** Makes a ratio's machine reason readable: "missing: inventories" → "eksik: Stoklar". */
export function explainReason(reason: string, language: Language): string {
  const missing = /^missing: (.+)$/.exec(reason);
  if (missing?.[1]) {
    const names = missing[1].split(", ").map((key) => labelOf(key, language));
    return `${language === "tr" ? "eksik" : "missing"}: ${names.join(", ")}`;
  }
  const known: Record<string, Bilingual> = {
    "denominator is zero": { tr: "payda sıfır", en: "denominator is zero" },
    "denominator is negative: not meaningful": {
      tr: "payda negatif, oran anlamlı değil",
      en: "denominator is negative: not meaningful",
    },
  };
  return known[reason]?.[language] ?? reason;
}

/** How the checks' rules name what is not a key ("sum of its lines", "balance_sheet.x"). */
const RULE_PHRASES: Record<Language, Array<[RegExp, string]>> = {
  tr: [
    [/\bsum of its accounts\b/g, "hesaplarının toplamı"],
    [/\bsum of its lines\b/g, "kalemlerinin toplamı"],
    [/\blines between\b/g, "aradaki kalemler"],
    [/\bbalance_sheet\.([a-z_]+)/g, "Bilanço: $1"],
    [/\bincome_statement\.([a-z_]+)/g, "Gelir tablosu: $1"],
  ],
  en: [
    [/\bbalance_sheet\.([a-z_]+)/g, "Balance sheet: $1"],
    [/\bincome_statement\.([a-z_]+)/g, "Income statement: $1"],
  ],
};

/**
 * A check's rule ("gross_profit = revenue + lines between") in the reader's words: item names
 * for the canonical keys, the phrases in the reader's language. The review, the workbook, the
 * PDF and the e-mail all name checks through this one function.
 */
export function checkRuleName(rule: string, language: Language): string {
  let text = rule;
  for (const [pattern, replacement] of RULE_PHRASES[language]) text = text.replace(pattern, replacement);
  return text.replace(/\b[a-z][a-z_]+[a-z]\b/g, (token) => labelOf(token, language));
}
