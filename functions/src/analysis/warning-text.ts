import type { Language } from "./types";

/**
 * The reading notes (warnings) of the pipeline in the reader's words, for the review screen and
 * both reports. Codes may carry the statement they concern and a page
 * (`vision_missed_income_statement`, `vision_empty_balance_sheet_page_3`): the family picks the
 * sentence, the statement and page fill it in. An unknown code still reads as a sentence.
 */
type Bilingual = { tr: string; en: string };

const STATEMENT_NAMES: Record<"balance_sheet" | "income_statement", Bilingual> = {
  balance_sheet: { tr: "Bilanço", en: "Balance sheet" },
  income_statement: { tr: "Gelir tablosu", en: "Income statement" },
};

export const WARNING_TEXTS = {
  low_ocr_confidence: {
    tr: "Taranmış sayfalar güçlükle okundu; değerleri sayfayla karşılaştırın.",
    en: "The scanned pages were hard to read; compare the values with the page.",
  },
  vision_price_unknown: {
    tr: "Görüntü modelinin maliyeti hesaplanamadı (fiyatı bilinmiyor).",
    en: "The vision model's cost could not be computed (its price is unknown).",
  },
  currency_not_stated: {
    tr: "Para birimi belgede bulunamadı; tablonun para birimini kontrol edin.",
    en: "The document does not state its currency; check the statement's currency.",
  },
  unit_not_stated: {
    tr: "Tutarların birimi (TL, bin TL…) belgede yazmıyor; tutarlar yazıldığı gibi alındı.",
    en: "The document does not state the unit of its amounts (units, thousands…); amounts were taken as printed.",
  },
  period_inferred: {
    tr: "Dönem başlığı okunamadı; dönemler sütun sırasından çıkarıldı.",
    en: "The period heading could not be read; periods were inferred from the column order.",
  },
  period_header_not_found: {
    tr: "Dönem başlıkları bulunamadı; sütunların dönemlerini kontrol edin.",
    en: "No period headings were found; check the periods of the columns.",
  },
  separate_statements_ignored: {
    tr: "Belgede hem konsolide hem solo tablolar var; yalnızca biri okundu.",
    en: "The document holds both consolidated and separate statements; only one was read.",
  },
  key_from_vision: {
    tr: "Bazı kalemlerin anlamı görüntü modelinden alındı.",
    en: "The meaning of some lines was taken from the vision model.",
  },
  sources_disagree: {
    tr: "Metin ve görüntü okuması bazı değerlerde ayrıştı; kontrollerle karar verildi.",
    en: "Text and image readings disagreed on some values; the checks decided.",
  },
  sources_disagree_unsettled: {
    tr: "Metin ve görüntü okuması bazı değerlerde ayrıştı ve kontrollerle karar verilemedi.",
    en: "Text and image readings disagreed on some values and the checks could not decide.",
  },
  vision_only_lines: {
    tr: "Bazı satırları yalnızca görüntü modeli okudu.",
    en: "Some lines were read only by the vision model.",
  },
  not_in_page_text: {
    tr: "Görüntü modelinin okuduğu bazı değerler sayfanın metninde yok.",
    en: "Some values read by the vision model are not in the page's text.",
  },
  vision_empty: {
    tr: "{statement}: {page}. sayfada görüntü modeli değer bulamadı.",
    en: "{statement}: the vision model found no values on page {page}.",
  },
  earlier_periods_added: {
    tr: "{statement}: önceki dönemler ayrı bir tablodan eklendi.",
    en: "{statement}: earlier periods were added from a separate table.",
  },
  second_ignored: {
    tr: "{statement}: belgedeki ikinci tablo okunmadı.",
    en: "{statement}: a second table of this kind in the document was not read.",
  },
  periods_from_other_statement: {
    tr: "{statement}: dönemler belgedeki diğer tablodan alındı.",
    en: "{statement}: the periods were taken from the other statement.",
  },
  period_year_from_title: {
    tr: "{statement}: dönem yılı tablonun başlığından alındı.",
    en: "{statement}: the period year was taken from the title.",
  },
  period_year_from_sibling: {
    tr: "{statement}: dönem yılı diğer tablodan düzeltildi.",
    en: "{statement}: the period year was corrected from the other statement.",
  },
  vision_only_period: {
    tr: "{statement}: bir dönemi yalnızca görüntü modeli okudu.",
    en: "{statement}: a period was read only by the vision model.",
  },
  vision_unit_differs: {
    tr: "{statement}: görüntü modeli farklı bir birim okudu; metindeki birim kullanıldı.",
    en: "{statement}: the vision model read a different unit; the text's unit was used.",
  },
  vision_unit_differs_between_pages: {
    tr: "{statement}: sayfalar arasında birim farklı okundu.",
    en: "{statement}: the unit read differently between pages.",
  },
  period_from_vision: {
    tr: "{statement}: dönemler görüntü modelinden alındı.",
    en: "{statement}: the periods were taken from the vision model.",
  },
  vision_only: {
    tr: "{statement}: tabloyu yalnızca görüntü modeli okudu.",
    en: "{statement}: the statement was read only by the vision model.",
  },
  vision_missed: {
    tr: "{statement}: görüntü modeli bu tabloyu bulamadı; metin okuması kullanıldı.",
    en: "{statement}: the vision model did not find this statement; the text reading was used.",
  },
  other: {
    tr: "Okuma sırasında bir uyarı oluştu; değerleri sayfayla karşılaştırın.",
    en: "A warning was raised while reading; compare the values with the page.",
  },
} satisfies Record<string, Bilingual>;

export type WarningFamily = Exclude<keyof typeof WARNING_TEXTS, "other">;

export interface ParsedWarning {
  family: WarningFamily | "other";
  statement?: keyof typeof STATEMENT_NAMES;
  page?: number;
}

export function parseWarning(code: string): ParsedWarning {
  const statement = /(?:^|_)(balance_sheet|income_statement)(?:_|$)/.exec(code)?.[1] as
    | ParsedWarning["statement"]
    | undefined;
  const page = /_page_(\d+)$/.exec(code)?.[1];
  const family = code
    .replace(/_page_\d+$/, "")
    .replace(/(^|_)(balance_sheet|income_statement)(?=_|$)/, "")
    .replace(/^_/, "");
  return {
    family: family in WARNING_TEXTS && family !== "other" ? (family as WarningFamily) : "other",
    ...(statement ? { statement } : {}),
    ...(page ? { page: Number(page) } : {}),
  };
}

export function warningText(code: string, language: Language): string {
  const { family, statement, page } = parseWarning(code);
  return WARNING_TEXTS[family][language]
    .replace("{statement}", statement ? STATEMENT_NAMES[statement][language] : "")
    .replace("{page}", page === undefined ? "" : String(page));
}
