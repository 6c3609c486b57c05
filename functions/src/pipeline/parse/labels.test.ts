import { describe, expect, it } from "vitest";
import { type LabelContext, matchLabel, naturalSignOf } from "./labels";

const BS: LabelContext = { statement: "balance_sheet" };
const IS: LabelContext = { statement: "income_statement", section: "income" };
const at = (section: NonNullable<LabelContext["section"]>): LabelContext => ({
  statement: "balance_sheet",
  section,
});

describe("matchLabel: Turkish THP and TFRS wording", () => {
  it.each([
    ["Nakit ve Nakit Benzerleri", at("current_assets"), "cash_and_equivalents"],
    ["Hazır Değerler", at("current_assets"), "cash_and_equivalents"],
    ["Finansal Yatırımlar", at("current_assets"), "short_term_investments"],
    ["Ticari Alacaklar", at("current_assets"), "trade_receivables"],
    ["Diğer Alacaklar", at("current_assets"), "other_receivables"],
    ["Stoklar", at("current_assets"), "inventories"],
    ["Peşin Ödenmiş Giderler", at("current_assets"), "prepaid_expenses"],
    ["Gelecek Aylara Ait Giderler", at("current_assets"), "prepaid_expenses"],
    ["Maddi Duran Varlıklar", at("non_current_assets"), "property_plant_equipment"],
    ["Maddi Olmayan Duran Varlıklar", at("non_current_assets"), "intangible_assets"],
    ["Kullanım Hakkı Varlıkları", at("non_current_assets"), "other_non_current_assets"],
    ["Mali Borçlar", at("current_liabilities"), "short_term_borrowings"],
    ["Mali Borçlar", at("non_current_liabilities"), "long_term_borrowings"],
    ["Kısa Vadeli Borçlanmalar", at("current_liabilities"), "short_term_borrowings"],
    ["Uzun Vadeli Borçlanmaların Kısa Vadeli Kısımları", at("current_liabilities"), "short_term_borrowings"],
    ["Ticari Borçlar", at("current_liabilities"), "trade_payables"],
    ["Ödenmiş Sermaye", at("equity"), "share_capital"],
    ["Geçmiş Yıllar Kârları", at("equity"), "retained_earnings"],
    ["Geçmiş Yıllar Karları/Zararları", at("equity"), "retained_earnings"],
    ["Dönem Net Kârı (Zararı)", at("equity"), "current_year_profit"],
    ["Net Dönem Karı/Zararı", at("equity"), "current_year_profit"],
    ["TOPLAM VARLIKLAR", BS, "total_assets"],
    ["Aktif Toplamı", BS, "total_assets"],
    ["Pasif Toplamı", BS, "total_liabilities_and_equity"],
    ["TOPLAM KAYNAKLAR", BS, "total_liabilities_and_equity"],
    ["Toplam Özkaynaklar", at("equity"), "total_equity"],
  ])("%s → %s", (label, ctx, key) => {
    expect(matchLabel(label, ctx)?.key).toBe(key);
  });

  it.each([
    ["Hasılat", "revenue"],
    ["Brüt Satışlar", "gross_sales"],
    ["Satış İndirimleri (-)", "sales_deductions"],
    ["Net Satışlar", "revenue"],
    ["Satışların Maliyeti (-)", "cost_of_sales"],
    ["BRÜT KAR (ZARAR)", "gross_profit"],
    ["Brüt Satış Kârı veya Zararı", "gross_profit"],
    ["Faaliyet Giderleri (-)", "operating_expenses"],
    ["Genel Yönetim Giderleri (-)", "operating_expenses"],
    ["Pazarlama Giderleri (-)", "operating_expenses"],
    ["Araştırma ve Geliştirme Giderleri (-)", "operating_expenses"],
    ["Esas Faaliyetlerden Diğer Gelirler", "other_operating_income"],
    ["Esas Faaliyetlerden Diğer Giderler (-)", "other_operating_expense"],
    ["ESAS FAALİYET KARI (ZARARI)", "operating_profit"],
    ["Faaliyet Kârı veya Zararı", "operating_profit"],
    ["Finansman Gelirleri", "finance_income"],
    ["Finansman Giderleri (-)", "finance_expense"],
    ["SÜRDÜRÜLEN FAALİYETLER VERGİ ÖNCESİ KARI (ZARARI)", "profit_before_tax"],
    ["Dönem Kârı veya Zararı", "profit_before_tax"],
    ["Dönem Kârı Vergi ve Diğer Yasal Yükümlülük Karşılıkları (-)", "income_tax_expense"],
    ["Dönem Vergi Gideri", "income_tax_expense"],
    ["Ertelenmiş Vergi Geliri (Gideri)", "income_tax_expense"],
    ["DÖNEM KARI (ZARARI)", "net_income"],
    ["Dönem Net Kârı veya Zararı", "net_income"],
    ["Amortisman ve İtfa Payları", "depreciation_amortization"],
  ])("income statement: %s → %s", (label, key) => {
    expect(matchLabel(label, IS)?.key).toBe(key);
  });

  it("tells THP's pre-tax 'Dönem Kârı veya Zararı' from TFRS's 'DÖNEM KARI (ZARARI)' and says the latter is less sure", () => {
    const thp = matchLabel("DÖNEM KÂRI VEYA ZARARI", IS);
    const tfrs = matchLabel("DÖNEM KARI (ZARARI)", IS);
    expect(thp?.key).toBe("profit_before_tax");
    expect(tfrs?.key).toBe("net_income");
    expect(tfrs?.alternatives).toContain("profit_before_tax");
    expect(tfrs?.confidence).toBeLessThan(0.9);
  });

  it("applies Turkish case rules: dotted and dotless I in capitals", () => {
    expect(matchLabel("KISA VADELİ BORÇLANMALAR", at("current_liabilities"))?.key).toBe(
      "short_term_borrowings",
    );
    expect(matchLabel("kisa vadeli borclanmalar", at("current_liabilities"))?.key).toBe(
      "short_term_borrowings",
    );
    expect(matchLabel("DİĞER ALACAKLAR", at("current_assets"))?.key).toBe("other_receivables");
    expect(matchLabel("İLİŞKİLİ TARAFLARDAN TİCARİ ALACAKLAR", at("current_assets"))).toMatchObject({
      key: "trade_receivables",
      part: true,
    });
  });

  it("ignores codes, outline markers, note references, (-) and colons", () => {
    expect(matchLabel("100 Kasa", at("current_assets"))?.key).toBe("cash_and_equivalents");
    expect(matchLabel("A. Hazır Değerler", at("current_assets"))?.key).toBe("cash_and_equivalents");
    expect(matchLabel("I. DÖNEN VARLIKLAR", BS)).toMatchObject({
      kind: "heading",
      opensSection: "current_assets",
    });
    expect(matchLabel("Nakit ve Nakit Benzerleri (Not 5)", at("current_assets"))?.key).toBe(
      "cash_and_equivalents",
    );
    expect(matchLabel("Ticari Alacaklar:", at("current_assets"))?.key).toBe("trade_receivables");
    const losses = matchLabel("Geçmiş Yıllar Zararları (-)", at("equity"));
    expect(losses).toMatchObject({ key: "retained_earnings", contra: true, deduction: true, naturalSign: 1 });
  });
});

describe("matchLabel: THP plan names without codes", () => {
  it.each([
    ["Alıcılar", at("current_assets"), "trade_receivables"],
    ["Alıcılar", at("non_current_assets"), "other_non_current_assets"],
    ["Menkul Kıymetler", at("current_assets"), "short_term_investments"],
    ["Mali Duran Varlıklar", at("non_current_assets"), "other_non_current_assets"],
    ["Satıcılar", at("current_liabilities"), "trade_payables"],
    ["Satıcılar", at("non_current_liabilities"), "other_non_current_liabilities"],
    ["Banka Kredileri", at("non_current_liabilities"), "long_term_borrowings"],
    ["Ödenmemiş Sermaye (-)", at("equity"), "share_capital"],
    ["Yurtiçi Satışlar", IS, "gross_sales"],
    ["Satılan Ticari Mallar Maliyeti (-)", IS, "cost_of_sales"],
    ["Kambiyo Zararları (-)", IS, "other_operating_expense"],
    ["Diğer Faaliyetlerden Olağan Gelir ve Kârlar", IS, "other_operating_income"],
    ["Olağandışı Gelir ve Kârlar", IS, "other_operating_income"],
    ["Kısa Vadeli Borçlanma Giderleri (-)", IS, "finance_expense"],
  ])("%s → %s", (label, ctx, key) => {
    expect(matchLabel(label, ctx)?.key).toBe(key);
  });

  it("account names are parts of their key, group names are not", () => {
    expect(matchLabel("Bankalar", at("current_assets"))).toMatchObject({
      key: "cash_and_equivalents",
      part: true,
    });
    expect(matchLabel("Hazır Değerler", at("current_assets"))).toMatchObject({
      key: "cash_and_equivalents",
      part: false,
    });
    expect(matchLabel("Ödenmemiş Sermaye (-)", at("equity"))).toMatchObject({ contra: true, naturalSign: 1 });
  });

  it("keeps THP's unkeyed results and reserves as known lines", () => {
    const ordinary = matchLabel("OLAĞAN KÂR VEYA ZARAR", IS);
    expect(ordinary).toMatchObject({ kind: "subtotal", isTotal: true });
    expect(ordinary?.key).toBeUndefined();
    const reserves = matchLabel("Kâr Yedekleri", at("equity"));
    expect(reserves).not.toBeNull();
    expect(reserves?.key).toBeUndefined();
  });
});

describe("matchLabel: section context", () => {
  it("Ticari Alacaklar under non-current assets is another non-current asset", () => {
    expect(matchLabel("Ticari Alacaklar", at("non_current_assets"))?.key).toBe("other_non_current_assets");
    expect(matchLabel("Diğer Alacaklar", at("non_current_assets"))?.key).toBe("other_non_current_assets");
    expect(matchLabel("Peşin Ödenmiş Giderler", at("non_current_assets"))?.key).toBe(
      "other_non_current_assets",
    );
  });

  it("Borrowings take their side from the section and stay unmapped without one", () => {
    expect(matchLabel("Borrowings", at("current_liabilities"))?.key).toBe("short_term_borrowings");
    expect(matchLabel("Borrowings", at("non_current_liabilities"))?.key).toBe("long_term_borrowings");
    const unknown = matchLabel("Borrowings", BS);
    expect(unknown?.key).toBeUndefined();
    expect(unknown?.alternatives).toEqual(["short_term_borrowings", "long_term_borrowings"]);
    expect(unknown?.confidence).toBeLessThan(0.7);
  });

  it("without a section the usual reading is taken at a lower confidence", () => {
    const r = matchLabel("Ticari Alacaklar", BS);
    expect(r?.key).toBe("trade_receivables");
    expect(r?.confidence).toBeLessThan(0.9);
  });

  it("statement context separates wording shared by both statements", () => {
    expect(matchLabel("Araştırma ve Geliştirme Giderleri", at("non_current_assets"))?.key).toBe(
      "intangible_assets",
    );
    expect(matchLabel("Araştırma ve Geliştirme Giderleri", IS)?.key).toBe("operating_expenses");
    expect(matchLabel("Dönem Net Kârı (Zararı)", IS)?.key).toBe("net_income");
    expect(matchLabel("Profit and loss account", at("equity"))?.key).toBe("retained_earnings");
    expect(matchLabel("Profit and loss account", IS)).toBeNull();
  });

  it("accumulated depreciation is contra but its asset is not named by the words alone", () => {
    const r = matchLabel("Birikmiş Amortismanlar (-)", at("non_current_assets"));
    expect(r).toMatchObject({ contra: true, deduction: true });
    expect(r?.key).toBeUndefined();
  });
});

describe("matchLabel: totals and headings", () => {
  it("distinguishes the heading, the total and an unknown subtotal", () => {
    expect(matchLabel("Current assets", BS)).toMatchObject({
      kind: "heading",
      opensSection: "current_assets",
      isTotal: false,
    });
    expect(matchLabel("Total current assets", BS)).toMatchObject({
      kind: "total",
      key: "total_current_assets",
      isTotal: true,
    });
    expect(matchLabel("Toplam Dönen Varlıklar", BS)).toMatchObject({
      kind: "total",
      key: "total_current_assets",
    });
    expect(matchLabel("Dönen Varlıklar Toplamı", BS)).toMatchObject({
      kind: "total",
      key: "total_current_assets",
    });
    expect(matchLabel("Total", BS)).toMatchObject({ kind: "subtotal", isTotal: true });
    expect(matchLabel("Ara Toplam", IS)).toMatchObject({ kind: "subtotal" });
    expect(matchLabel("Total", BS)?.key).toBeUndefined();
  });

  it("promotes 'Total <line>' to a subtotal of that line's key", () => {
    expect(matchLabel("Total trade receivables", at("current_assets"))).toMatchObject({
      key: "trade_receivables",
      kind: "subtotal",
    });
    expect(matchLabel("Ticari Alacaklar Toplamı", at("current_assets"))).toMatchObject({
      key: "trade_receivables",
      isTotal: true,
    });
  });

  it("does not give a company's own subtotal the grand total's key", () => {
    const r = matchLabel("Total Clorox stockholders’ equity", at("equity"));
    expect(r?.kind).toBe("subtotal");
    expect(r?.key).toBeUndefined();
    expect(matchLabel("Total stockholders’ equity", at("equity"))?.key).toBe("total_equity");
  });

  it("marks headings that open blocks whose lines must not be mapped", () => {
    expect(matchLabel("Other comprehensive (loss) income:", IS)?.opensBlock).toBe(
      "other_comprehensive_income",
    );
    expect(matchLabel("DİĞER KAPSAMLI GELİRLER", IS)?.opensBlock).toBe("other_comprehensive_income");
    expect(matchLabel("Pay Başına Kazanç", IS)?.opensBlock).toBe("per_share");
    expect(matchLabel("Net earnings attributable to Clorox", IS)).toMatchObject({ block: "attribution" });
    expect(matchLabel("Net earnings attributable to Clorox", IS)?.key).toBeUndefined();
    expect(matchLabel("Basic net earnings per share", IS)).toMatchObject({ block: "per_share" });
  });
});

describe("matchLabel: OCR noise", () => {
  it("accepts small misreadings at a lower confidence", () => {
    const r = matchLabel("Nakit ve Nakit Benzerlerl", at("current_assets"));
    expect(r?.key).toBe("cash_and_equivalents");
    expect(r?.distance).toBe(1);
    expect(r?.confidence).toBeLessThan(0.85);
    expect(matchLabel("Tİcari A1acaklar", at("current_assets"))?.key).toBe("trade_receivables");
    expect(matchLabel("Total curent assets", BS)?.key).toBe("total_current_assets");
    expect(matchLabel("TotalCurrentAssets", BS)?.key).toBe("total_current_assets");
  });

  it("the more damage, the less confidence", () => {
    const one = matchLabel("Retained earnngs", at("equity"));
    const two = matchLabel("Retaned earnngs", at("equity"));
    expect(one?.key).toBe("retained_earnings");
    expect(two?.key).toBe("retained_earnings");
    expect(two?.confidence ?? 1).toBeLessThan(one?.confidence ?? 0);
  });

  it("reads OCR's rn for m and m for rn as the same letters", () => {
    expect(matchLabel("Net eamings", IS)?.key).toBe("net_income");
    expect(matchLabel("Retained eamings", at("equity"))?.confidence).toBe(
      matchLabel("Retained earnings", at("equity"))?.confidence,
    );
  });

  it("refuses a reading that sits between two different lines", () => {
    expect(matchLabel("Finansman Gelrleri", IS)?.key).toBe("finance_income");
    expect(matchLabel("Finansman Gederleri", IS)).toBeNull();
  });

  it("never repairs a word into its opposite", () => {
    expect(matchLabel("Faaliyet Gelirleri", IS)).toBeNull();
    expect(matchLabel("Kısa Vadeli Borçlanmalar", at("non_current_liabilities"))?.key).toBe(
      "short_term_borrowings",
    );
  });

  it("does not fuzz short words and returns null for unknown text", () => {
    expect(matchLabel("Kasb", at("current_assets"))).toBeNull();
    expect(matchLabel("Lorem ipsum dolor", BS)).toBeNull();
    expect(matchLabel("", BS)).toBeNull();
    expect(matchLabel("(-)", BS)).toBeNull();
  });
});

describe("naturalSignOf", () => {
  it("makes costs, expenses, deductions and tax negative", () => {
    for (const key of [
      "cost_of_sales",
      "operating_expenses",
      "other_operating_expense",
      "finance_expense",
      "income_tax_expense",
      "sales_deductions",
      "depreciation_amortization",
    ] as const) {
      expect(naturalSignOf(key), key).toBe(-1);
    }
    for (const key of [
      "revenue",
      "gross_profit",
      "net_income",
      "total_assets",
      "trade_payables",
      "retained_earnings",
    ] as const) {
      expect(naturalSignOf(key), key).toBe(1);
    }
  });

  it("is reported on every keyed match", () => {
    expect(matchLabel("Satışların Maliyeti (-)", IS)?.naturalSign).toBe(-1);
    expect(matchLabel("Hasılat", IS)?.naturalSign).toBe(1);
  });
});
