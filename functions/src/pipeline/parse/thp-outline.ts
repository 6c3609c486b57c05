import type { CanonicalKey, StatementType } from "../types";
import type { Section } from "./canonical-keys";

/**
 * The printed outline of THP financial statements (MSUGT model bilanço and gelir tablosu):
 * Roman numerals for classes, letters for groups, and the unnumbered result lines of the
 * income statement. `groups` lists the chart-of-accounts groups an outline line adds up.
 */
export interface OutlineLine {
  marker?: string;
  name: string;
  statement: StatementType;
  level: "class" | "group" | "result" | "grand_total";
  section?: Section;
  key?: CanonicalKey;
  groups: string[];
  naturalSign: 1 | -1;
}

type Row = [marker: string, name: string, groups: string, key?: CanonicalKey];

function outline(statement: StatementType, rows: Row[], sections: Record<string, Section>): OutlineLine[] {
  let section: Section | undefined = statement === "income_statement" ? "income" : undefined;
  return rows.map(([marker, name, groups, key]): OutlineLine => {
    // Classes are the Roman-numbered rows carrying a section total; "I." under class III is a group.
    const isClass = marker !== "" && key?.startsWith("total_") === true;
    if (isClass) section = sections[marker] ?? section;
    const unnumbered = statement === "balance_sheet" ? "grand_total" : "result";
    return {
      marker: marker || undefined,
      name,
      statement,
      level: marker === "" ? unnumbered : isClass ? "class" : "group",
      section: marker === "" && statement === "balance_sheet" ? undefined : section,
      key,
      groups: groups ? groups.split(",") : [],
      naturalSign: /\(-\)/.test(name) ? -1 : 1,
    };
  });
}

export const THP_BALANCE_SHEET_OUTLINE: readonly OutlineLine[] = outline(
  "balance_sheet",
  [
    ["I", "Dönen Varlıklar", "10,11,12,13,15,17,18,19", "total_current_assets"],
    ["A", "Hazır Değerler", "10", "cash_and_equivalents"],
    ["B", "Menkul Kıymetler", "11", "short_term_investments"],
    ["C", "Ticari Alacaklar", "12", "trade_receivables"],
    ["D", "Diğer Alacaklar", "13", "other_receivables"],
    ["E", "Stoklar", "15", "inventories"],
    ["F", "Yıllara Yaygın İnşaat ve Onarım Maliyetleri", "17", "other_current_assets"],
    ["G", "Gelecek Aylara Ait Giderler ve Gelir Tahakkukları", "18", "prepaid_expenses"],
    ["H", "Diğer Dönen Varlıklar", "19", "other_current_assets"],
    ["II", "Duran Varlıklar", "22,23,24,25,26,27,28,29", "total_non_current_assets"],
    ["A", "Ticari Alacaklar", "22", "other_non_current_assets"],
    ["B", "Diğer Alacaklar", "23", "other_non_current_assets"],
    ["C", "Mali Duran Varlıklar", "24", "other_non_current_assets"],
    ["D", "Maddi Duran Varlıklar", "25", "property_plant_equipment"],
    ["E", "Maddi Olmayan Duran Varlıklar", "26", "intangible_assets"],
    ["F", "Özel Tükenmeye Tabi Varlıklar", "27", "other_non_current_assets"],
    ["G", "Gelecek Yıllara Ait Giderler ve Gelir Tahakkukları", "28", "other_non_current_assets"],
    ["H", "Diğer Duran Varlıklar", "29", "other_non_current_assets"],
    ["", "Aktif (Varlıklar) Toplamı", "", "total_assets"],
    ["III", "Kısa Vadeli Yabancı Kaynaklar", "30,32,33,34,35,36,37,38,39", "total_current_liabilities"],
    ["A", "Mali Borçlar", "30", "short_term_borrowings"],
    ["B", "Ticari Borçlar", "32", "trade_payables"],
    ["C", "Diğer Borçlar", "33", "other_current_liabilities"],
    ["D", "Alınan Avanslar", "34", "other_current_liabilities"],
    ["E", "Yıllara Yaygın İnşaat ve Onarım Hakedişleri", "35", "other_current_liabilities"],
    ["F", "Ödenecek Vergi ve Diğer Yükümlülükler", "36", "other_current_liabilities"],
    ["G", "Borç ve Gider Karşılıkları", "37", "other_current_liabilities"],
    ["H", "Gelecek Aylara Ait Gelirler ve Gider Tahakkukları", "38", "other_current_liabilities"],
    ["I", "Diğer Kısa Vadeli Yabancı Kaynaklar", "39", "other_current_liabilities"],
    ["IV", "Uzun Vadeli Yabancı Kaynaklar", "40,42,43,44,47,48,49", "total_non_current_liabilities"],
    ["A", "Mali Borçlar", "40", "long_term_borrowings"],
    ["B", "Ticari Borçlar", "42", "other_non_current_liabilities"],
    ["C", "Diğer Borçlar", "43", "other_non_current_liabilities"],
    ["D", "Alınan Avanslar", "44", "other_non_current_liabilities"],
    ["E", "Borç ve Gider Karşılıkları", "47", "other_non_current_liabilities"],
    ["F", "Gelecek Yıllara Ait Gelirler ve Gider Tahakkukları", "48", "other_non_current_liabilities"],
    ["G", "Diğer Uzun Vadeli Yabancı Kaynaklar", "49", "other_non_current_liabilities"],
    ["V", "Özkaynaklar", "50,52,54,57,58,59", "total_equity"],
    ["A", "Ödenmiş Sermaye", "50", "share_capital"],
    ["B", "Sermaye Yedekleri", "52"],
    ["C", "Kâr Yedekleri", "54"],
    ["D", "Geçmiş Yıllar Kârları", "57", "retained_earnings"],
    ["E", "Geçmiş Yıllar Zararları (-)", "58", "retained_earnings"],
    ["F", "Dönem Net Kârı (Zararı)", "59", "current_year_profit"],
    ["", "Pasif (Kaynaklar) Toplamı", "", "total_liabilities_and_equity"],
  ],
  {
    I: "current_assets",
    II: "non_current_assets",
    III: "current_liabilities",
    IV: "non_current_liabilities",
    V: "equity",
  },
);

export const THP_INCOME_STATEMENT_OUTLINE: readonly OutlineLine[] = outline(
  "income_statement",
  [
    ["A", "Brüt Satışlar", "60", "gross_sales"],
    ["B", "Satış İndirimleri (-)", "61", "sales_deductions"],
    ["C", "Net Satışlar", "60,61", "revenue"],
    ["D", "Satışların Maliyeti (-)", "62", "cost_of_sales"],
    ["", "Brüt Satış Kârı veya Zararı", "60,61,62", "gross_profit"],
    ["E", "Faaliyet Giderleri (-)", "63", "operating_expenses"],
    ["", "Faaliyet Kârı veya Zararı", "60,61,62,63", "operating_profit"],
    ["F", "Diğer Faaliyetlerden Olağan Gelir ve Kârlar", "64", "other_operating_income"],
    ["G", "Diğer Faaliyetlerden Olağan Gider ve Zararlar (-)", "65", "other_operating_expense"],
    ["H", "Finansman Giderleri (-)", "66", "finance_expense"],
    ["", "Olağan Kâr veya Zarar", "60,61,62,63,64,65,66"],
    ["I", "Olağandışı Gelir ve Kârlar", "67", "other_operating_income"],
    ["J", "Olağandışı Gider ve Zararlar (-)", "68", "other_operating_expense"],
    ["", "Dönem Kârı veya Zararı", "60,61,62,63,64,65,66,67,68", "profit_before_tax"],
    ["K", "Dönem Kârı Vergi ve Diğer Yasal Yükümlülük Karşılıkları (-)", "691", "income_tax_expense"],
    ["", "Dönem Net Kârı veya Zararı", "69", "net_income"],
  ],
  {},
);
