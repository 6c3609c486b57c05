/**
 * A realistic extraction result for a Turkish company reporting in the uniform chart of accounts
 * (Tekdüzen Hesap Planı): a balance sheet and an income statement over 2024 and 2023, amounts
 * printed in "Bin TL" (unit 1000, values below already multiplied). Page 2 was scanned, so its
 * lines came from OCR; one of them was misread, which fails the current-assets subtotal check
 * for 2023 by 500 TL. Used by the report tests and the report bench.
 */
import type { Statement, StatementItem } from "../pipeline/types";

export const CURRENT = "2024-12-31";
export const PRIOR = "2023-12-31";

export const sampleCompany = {
  name: "Ege Yıldız Gıda Sanayi ve Ticaret A.Ş.",
  taxId: "3250012345",
  sector: "Gıda ürünleri imalatı (Çağrı: İzmir Şubesi)",
};

type Line = [label: string, code: string | undefined, key: StatementItem["key"], now: number, before: number];

function lines(page: number, source: "text" | "ocr", rows: Line[]): StatementItem[] {
  return rows.map(([label, code, key, now, before]) => ({
    label,
    ...(code ? { code } : {}),
    ...(key ? { key } : {}),
    values: { [CURRENT]: now, [PRIOR]: before },
    confidence: source === "text" ? 1 : 0.93,
    sources: [source],
    page,
    level: key?.startsWith("total_") ? 0 : 1,
    ...(key?.startsWith("total_") ? { isTotal: true } : {}),
  }));
}

function balanceSheetItems(): StatementItem[] {
  const page1 = lines(1, "text", [
    ["Dönen Varlıklar", "1", "total_current_assets", 28_840_200, 21_625_000],
    ["Hazır Değerler", "10", "cash_and_equivalents", 4_870_650, 3_912_400],
    ["Menkul Kıymetler", "11", "short_term_investments", 1_250_000, 800_000],
    ["Ticari Alacaklar", "12", "trade_receivables", 9_845_300, 7_420_150],
    ["Diğer Alacaklar", "13", "other_receivables", 412_800, 390_500],
    ["Stoklar", "15", "inventories", 11_236_900, 8_105_700],
    ["Gelecek Aylara Ait Giderler ve Gelir Tahakkukları", "18", "prepaid_expenses", 318_400, 275_900],
    ["Diğer Dönen Varlıklar", "19", "other_current_assets", 906_150, 720_850],
    ["Duran Varlıklar", "2", "total_non_current_assets", 19_635_200, 18_092_800],
    ["Maddi Duran Varlıklar", "25", "property_plant_equipment", 18_540_000, 16_980_500],
    ["Birikmiş Amortismanlar (-)", "257", undefined, -6_310_000, -5_045_000],
    ["Maddi Olmayan Duran Varlıklar", "26", "intangible_assets", 640_200, 702_300],
    ["Diğer Duran Varlıklar", "29", "other_non_current_assets", 455_000, 410_000],
    ["Aktif Toplamı", undefined, "total_assets", 48_475_400, 39_717_800],
  ]);
  const page2 = lines(2, "ocr", [
    ["Kısa Vadeli Yabancı Kaynaklar", "3", "total_current_liabilities", 17_020_000, 11_867_250],
    ["Mali Borçlar", "30", "short_term_borrowings", 6_200_000, 4_150_000],
    ["Ticari Borçlar", "32", "trade_payables", 8_935_400, 6_210_800],
    ["Diğer Kısa Vadeli Yabancı Kaynaklar", "33", "other_current_liabilities", 1_884_600, 1_506_450],
    ["Uzun Vadeli Yabancı Kaynaklar", "4", "total_non_current_liabilities", 8_620_000, 9_280_000],
    ["Uzun Vadeli Mali Borçlar", "40", "long_term_borrowings", 7_500_000, 8_300_000],
    ["Diğer Uzun Vadeli Yabancı Kaynaklar", "43", "other_non_current_liabilities", 1_120_000, 980_000],
    ["Özkaynaklar", "5", "total_equity", 22_835_400, 18_570_550],
    ["Ödenmiş Sermaye", "50", "share_capital", 10_000_000, 10_000_000],
    ["Geçmiş Yıllar Kârları", "57", "retained_earnings", 9_711_275, 6_540_000],
    ["Dönem Net Kârı", "590", "current_year_profit", 3_124_125, 2_030_550],
    ["Pasif Toplamı", undefined, "total_liabilities_and_equity", 48_475_400, 39_717_800],
  ]);
  const items = [...page1, ...page2];
  // The scanned page's weakest reads: what the reviewer has to look at.
  const otherCurrent = items.find((item) => item.key === "other_current_assets")!;
  otherCurrent.confidence = 0.58;
  otherCurrent.valueConfidence = { [CURRENT]: 0.97, [PRIOR]: 0.58 };
  otherCurrent.sources = ["text", "ocr"];
  otherCurrent.flags = ["check_failed", "ambiguous_amount"];
  otherCurrent.candidates = [{ period: PRIOR, value: 720_350, source: "arithmetic", confidence: 0.7 }];
  const tradePayables = items.find((item) => item.key === "trade_payables")!;
  tradePayables.confidence = 0.64;
  tradePayables.valueConfidence = { [CURRENT]: 0.64, [PRIOR]: 0.95 };
  tradePayables.flags = ["low_ocr_confidence"];
  return items;
}

function incomeStatementItems(): StatementItem[] {
  return lines(3, "text", [
    ["Brüt Satışlar", "60", "gross_sales", 62_450_000, 45_800_000],
    ["Yurt İçi Satışlar", "600", undefined, 48_300_000, 35_950_000],
    ["Yurt Dışı Satışlar", "601", undefined, 14_150_000, 9_850_000],
    ["Satış İndirimleri (-)", "61", "sales_deductions", -1_870_000, -1_310_000],
    ["Net Satışlar", undefined, "revenue", 60_580_000, 44_490_000],
    ["Satışların Maliyeti (-)", "62", "cost_of_sales", -44_720_500, -32_980_400],
    ["Brüt Satış Kârı", undefined, "gross_profit", 15_859_500, 11_509_600],
    ["Faaliyet Giderleri (-)", "63", "operating_expenses", -8_946_300, -6_870_200],
    ["Faaliyet Kârı", undefined, "operating_profit", 6_913_200, 4_639_400],
    ["Diğer Faaliyetlerden Olağan Gelir ve Kârlar", "64", "other_operating_income", 845_600, 512_300],
    [
      "Diğer Faaliyetlerden Olağan Gider ve Zararlar (-)",
      "65",
      "other_operating_expense",
      -412_900,
      -298_700,
    ],
    ["Finansman Giderleri (-)", "66", "finance_expense", -3_180_400, -2_145_600],
    ["Olağan Kâr", undefined, undefined, 4_165_500, 2_707_400],
    ["Dönem Kârı", undefined, "profit_before_tax", 4_165_500, 2_707_400],
    [
      "Dönem Kârı Vergi ve Diğer Yasal Yükümlülük Karşılıkları (-)",
      "69",
      "income_tax_expense",
      -1_041_375,
      -676_850,
    ],
    ["Dönem Net Kârı", "690", "net_income", 3_124_125, 2_030_550],
    ["Amortisman ve Tükenme Payları", undefined, "depreciation_amortization", -1_420_000, -1_265_000],
  ]).map((item) =>
    item.key?.endsWith("profit") || item.key === "net_income" ? { ...item, isTotal: true } : item,
  );
}

function canonicalOf(items: StatementItem[]): Statement["canonical"] {
  const canonical: Statement["canonical"] = {};
  for (const item of items) {
    if (!item.key) continue;
    const values: Record<string, number> = {};
    for (const [period, value] of Object.entries(item.values)) if (value !== null) values[period] = value;
    canonical[item.key] = values;
  }
  return canonical;
}

function confidenceOf(items: StatementItem[]): Statement["canonicalConfidence"] {
  const confidence: Statement["canonicalConfidence"] = {};
  for (const item of items) {
    if (!item.key) continue;
    confidence[item.key] = {
      [CURRENT]: item.valueConfidence?.[CURRENT] ?? item.confidence,
      [PRIOR]: item.valueConfidence?.[PRIOR] ?? item.confidence,
    };
  }
  return confidence;
}

const periods = [
  { id: CURRENT, label: "31.12.2024", end: CURRENT },
  { id: PRIOR, label: "31.12.2023", end: PRIOR },
];

/** Fresh copies every call, so a test may mutate what it gets. */
export function sampleStatements(): Statement[] {
  const bsItems = balanceSheetItems();
  const isItems = incomeStatementItems();
  const balanceSheet: Statement = {
    type: "balance_sheet",
    currency: "TRY",
    unit: 1000,
    periods: periods.map((period) => ({ ...period })),
    items: bsItems,
    canonical: canonicalOf(bsItems),
    canonicalConfidence: confidenceOf(bsItems),
    checks: [
      { rule: "total_assets = total_liabilities_and_equity", period: CURRENT, ok: true, difference: 0 },
      { rule: "total_assets = total_liabilities_and_equity", period: PRIOR, ok: true, difference: 0 },
      { rule: "total_current_assets = sum of its lines", period: CURRENT, ok: true, difference: 0 },
      {
        rule: "total_current_assets = sum of its lines",
        period: PRIOR,
        ok: false,
        difference: 500,
        expected: 21_625_500,
        actual: 21_625_000,
        involves: [
          "total_current_assets",
          "cash_and_equivalents",
          "short_term_investments",
          "trade_receivables",
          "other_receivables",
          "inventories",
          "prepaid_expenses",
          "other_current_assets",
        ],
      },
    ],
    pages: [1, 2],
    flagged: true,
    language: "tr",
    title: "Bilanço",
  };
  const incomeStatement: Statement = {
    type: "income_statement",
    currency: "TRY",
    unit: 1000,
    periods: [
      { id: CURRENT, label: "01.01.2024 - 31.12.2024", start: "2024-01-01", end: CURRENT },
      { id: PRIOR, label: "01.01.2023 - 31.12.2023", start: "2023-01-01", end: PRIOR },
    ],
    items: isItems,
    canonical: canonicalOf(isItems),
    canonicalConfidence: confidenceOf(isItems),
    checks: [
      { rule: "gross_profit = revenue + cost_of_sales", period: CURRENT, ok: true, difference: 0 },
      { rule: "gross_profit = revenue + cost_of_sales", period: PRIOR, ok: true, difference: 0 },
    ],
    pages: [3],
    flagged: false,
    language: "tr",
    title: "Gelir Tablosu",
  };
  return [balanceSheet, incomeStatement];
}
