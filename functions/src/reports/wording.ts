/** The report's own words (headings, column titles) in both languages. */
import type { StatementType } from "../pipeline/types";
import type { ReportLanguage } from "./options";

const words = {
  reportTitle: { tr: "Finansal Analiz Raporu", en: "Financial Analysis Report" },
  summary: { tr: "Özet", en: "Summary" },
  balanceSheet: { tr: "Bilanço", en: "Balance Sheet" },
  incomeStatement: { tr: "Gelir Tablosu", en: "Income Statement" },
  ratios: { tr: "Oranlar", en: "Ratios" },
  comparison: { tr: "Karşılaştırma", en: "Comparison" },
  alerts: { tr: "Uyarılar", en: "Alerts" },
  sources: { tr: "Kaynaklar", en: "Sources" },
  company: { tr: "Şirket", en: "Company" },
  taxId: { tr: "Vergi kimlik no.", en: "Tax ID" },
  sector: { tr: "Sektör", en: "Sector" },
  document: { tr: "Belge", en: "Document" },
  pages: { tr: "Sayfa sayısı", en: "Pages" },
  fingerprint: { tr: "SHA-256", en: "SHA-256" },
  generatedAt: { tr: "Oluşturulma", en: "Generated" },
  periods: { tr: "Dönemler", en: "Periods" },
  currency: { tr: "Para birimi", en: "Currency" },
  unitPrinted: { tr: "Belgedeki birim", en: "Printed unit" },
  amountsIn: { tr: "Tutarlar", en: "Amounts in" },
  checks: { tr: "Kontroller", en: "Checks" },
  checksPassed: { tr: "Tüm aritmetik kontroller tuttu", en: "All arithmetic checks passed" },
  checkFailed: { tr: "Tutmayan kontrol", en: "Failed check" },
  checkNotRun: { tr: "Kontrol edilemedi, toplam bulunamadı", en: "Not checked, no total found" },
  difference: { tr: "Fark", en: "Difference" },
  warnings: { tr: "Uyarı notları", en: "Warnings" },
  keyFigures: { tr: "Temel Göstergeler", en: "Key Figures" },
  keyRatios: { tr: "Temel Oranlar", en: "Key Ratios" },
  lowConfidence: { tr: "Düşük güvenle okunan değer", en: "Low-confidence value" },
  lowConfidenceCount: { tr: "Kontrol edilmesi gereken değerler", en: "Values to review" },
  item: { tr: "Kalem", en: "Item" },
  code: { tr: "Hesap kodu", en: "Account code" },
  key: { tr: "Standart anahtar", en: "Canonical key" },
  printedLines: { tr: "Belgede basıldığı gibi", en: "As printed" },
  canonicalValues: {
    tr: "Standart değerler (toplanabilir işaret düzeni; basılı satırların formülü, oranlar bunlara başvurur)",
    en: "Standardised values (additive sign convention; formulas over the printed lines, the ratios refer to them)",
  },
  nameInFormulas: { tr: "Formüllerdeki adı (+ _yıl)", en: "Name in formulas (+ _year)" },
  confidence: { tr: "Güven", en: "Confidence" },
  page: { tr: "Sayfa", en: "Page" },
  source: { tr: "Kaynak", en: "Source" },
  flags: { tr: "İşaretler", en: "Flags" },
  otherCandidates: { tr: "Diğer adaylar", en: "Other candidates" },
  statement: { tr: "Tablo", en: "Statement" },
  period: { tr: "Dönem", en: "Period" },
  value: { tr: "Değer", en: "Value" },
  group: { tr: "Grup", en: "Group" },
  ratio: { tr: "Oran", en: "Ratio" },
  formula: { tr: "Formül", en: "Formula" },
  reading: { tr: "Yorum", en: "Reading" },
  basis: { tr: "Ortalama esası", en: "Averaging basis" },
  basisAverage: { tr: "dönem başı ve sonu ortalaması", en: "average of opening and closing" },
  basisClosing: { tr: "dönem sonu değeri (önceki dönem yok)", en: "closing value (no prior period)" },
  basisAverageShort: { tr: "ortalama", en: "average" },
  basisClosingShort: { tr: "dönem sonu", en: "closing" },
  days: { tr: "gün", en: "days" },
  kind: { tr: "Tür", en: "Type" },
  basePeriod: { tr: "Baz dönem", en: "Base period" },
  baseValue: { tr: "Baz değer", en: "Base value" },
  change: { tr: "Değişim", en: "Change" },
  changePercent: { tr: "Değişim %", en: "Change %" },
  changePoints: { tr: "Değişim (puan)", en: "Change (pp)" },
  vertical: { tr: "Dikey pay", en: "Common size" },
  verticalBase: { tr: "Dikey pay (baz)", en: "Common size (base)" },
  severity: { tr: "Önem", en: "Severity" },
  rule: { tr: "Kural", en: "Rule" },
  threshold: { tr: "Eşik", en: "Threshold" },
  message: { tr: "Açıklama", en: "Message" },
  noAlerts: { tr: "Uyarı yok.", en: "No alerts." },
  otherAlerts: { tr: "Diğer uyarılar", en: "Other alerts" },
  pricesRestated: {
    tr: "Tablolar enflasyona göre düzeltilmiş (TMS 29): dönemler aynı satın alma gücüyle karşılaştırılıyor.",
    en: "The statements are restated for inflation (TMS 29 / IAS 29): the periods compare in the same purchasing power.",
  },
  basisChanged: {
    tr: "Bir dönem kapanış bakiyesiyle, diğeri ortalama bakiyeyle hesaplandı: değişim aynı ölçüyü karşılaştırmıyor.",
    en: "One period uses closing balances, the other averages: the change does not compare like with like.",
  },
  pricesNominal: {
    tr: "Tutarlar nominal; uyarılar TÜİK tüketici fiyat endeksiyle (Aralık–Aralık) hesaplanan reel değişime göre verildi.",
    en: "Amounts are nominal; the alerts follow the real change after consumer-price inflation (December to December).",
  },
  moreAlertsSheet: {
    tr: "{count} uyarı daha Uyarılar sayfasında.",
    en: "{count} more alerts on the Alerts sheet.",
  },
  moreAlerts: {
    tr: "{count} uyarı daha raporun sonunda.",
    en: "{count} more alerts at the end of the report.",
  },
  noComparison: { tr: "Karşılaştırılacak ikinci dönem yok.", en: "There is no second period to compare." },
  notComputed: { tr: "Hesaplanamadığı dönemler", en: "Periods not computed" },
  notAvailable: { tr: "hesaplanamadı", en: "not available" },
  ratioBars: { tr: "Oranlar dönem bazında", en: "Ratios by period" },
  trends: { tr: "Dönemler arası eğilim", en: "Trend across periods" },
  contents: { tr: "İçindekiler", en: "Contents" },
  preparedFor: { tr: "Hazırlanan", en: "Prepared for" },
  preparedBy: {
    tr: "Finstat tarafından otomatik olarak hazırlanmıştır",
    en: "Prepared automatically by Finstat",
  },
  disclaimer: {
    tr: "Bu rapor belgeden otomatik okunan değerlere dayanır; düşük güvenle okunan değerler işaretlenmiştir ve kontrol edilmelidir.",
    en: "This report is based on values read automatically from the document; low-confidence values are marked and should be reviewed.",
  },
  item_kind: { tr: "Kalem", en: "Item" },
  ratio_kind: { tr: "Oran", en: "Ratio" },
  constantValue: {
    tr: "Finstat değeri (formül bu çalışma kitabındaki hücrelerle kurulamadı)",
    en: "Finstat's value (the formula could not be built from this workbook's cells)",
  },
} satisfies Record<string, Record<ReportLanguage, string>>;

export type WordKey = keyof typeof words;

export function word(key: WordKey, language: ReportLanguage): string {
  return words[key][language];
}

export function statementName(type: StatementType, language: ReportLanguage): string {
  return word(type === "balance_sheet" ? "balanceSheet" : "incomeStatement", language);
}

const severities = {
  critical: { tr: "Kritik", en: "Critical" },
  warning: { tr: "Uyarı", en: "Warning" },
  info: { tr: "Bilgi", en: "Info" },
} as const;

export function severityName(severity: keyof typeof severities, language: ReportLanguage): string {
  return severities[severity][language];
}

const sources = {
  text: { tr: "metin katmanı", en: "text layer" },
  ocr: { tr: "OCR", en: "OCR" },
  vision: { tr: "görsel model", en: "vision model" },
  local_ocr: { tr: "yerel ikinci okuyucu", en: "local second reader" },
  arithmetic: { tr: "aritmetik", en: "arithmetic" },
} as const;

export function sourceName(source: string, language: ReportLanguage): string {
  return (sources as Record<string, Record<ReportLanguage, string>>)[source]?.[language] ?? source;
}

const alertRules = {
  current_ratio_low: { tr: "Cari oran eşiğin altında", en: "Current ratio below threshold" },
  debt_ratio_high: { tr: "Kaldıraç oranı eşiğin üstünde", en: "Debt ratio above threshold" },
  interest_coverage_low: { tr: "Faiz karşılama eşiğin altında", en: "Interest coverage below threshold" },
  liquidity_fall: { tr: "Likidite düşüşü", en: "Fall in liquidity" },
  material_change: { tr: "Önemli tutarda değişim", en: "Material change" },
  negative_equity: { tr: "Negatif özkaynak", en: "Negative equity" },
  net_loss: { tr: "Net zarar", en: "Net loss" },
} as const;

/** An alert rule's name for a reader; an unknown rule (a newer analysis) shows its id. */
export function alertRuleName(rule: string, language: ReportLanguage): string {
  return (alertRules as Record<string, Record<ReportLanguage, string>>)[rule]?.[language] ?? rule;
}
