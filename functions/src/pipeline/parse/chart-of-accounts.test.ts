import { describe, expect, it } from "vitest";
import {
  lookupAccountCode,
  parseAccountCodePrefix,
  THP_ACCOUNTS,
  THP_BALANCE_SHEET_OUTLINE,
  THP_INCOME_STATEMENT_OUTLINE,
} from "./chart-of-accounts";

describe("lookupAccountCode: the plan", () => {
  it("knows every class, the groups and the accounts of classes 1-6", () => {
    const levels = { class: 0, group: 0, account: 0 };
    for (const a of THP_ACCOUNTS) levels[a.level] += 1;
    expect(levels.class).toBe(6);
    expect(levels.group).toBe(48);
    expect(levels.account).toBeGreaterThan(190);
    expect(new Set(THP_ACCOUNTS.map((a) => a.code)).size).toBe(THP_ACCOUNTS.length);
  });

  it.each([
    ["100", "Kasa", "cash_and_equivalents"],
    ["102", "Bankalar", "cash_and_equivalents"],
    ["108", "Diğer Hazır Değerler", "cash_and_equivalents"],
    ["111", "Özel Kesim Tahvil, Senet ve Bonoları", "short_term_investments"],
    ["120", "Alıcılar", "trade_receivables"],
    ["126", "Verilen Depozito ve Teminatlar", "trade_receivables"],
    ["136", "Diğer Çeşitli Alacaklar", "other_receivables"],
    ["153", "Ticari Mallar", "inventories"],
    ["170", "Yıllara Yaygın İnşaat ve Onarım Maliyetleri", "other_current_assets"],
    ["180", "Gelecek Aylara Ait Giderler", "prepaid_expenses"],
    ["191", "İndirilecek KDV", "other_current_assets"],
    ["220", "Alıcılar", "other_non_current_assets"],
    ["242", "İştirakler", "other_non_current_assets"],
    ["252", "Binalar", "property_plant_equipment"],
    ["261", "Şerefiye", "intangible_assets"],
    ["280", "Gelecek Yıllara Ait Giderler", "other_non_current_assets"],
    ["300", "Banka Kredileri", "short_term_borrowings"],
    ["303", "Uzun Vadeli Kredilerin Anapara Taksitleri ve Faizleri", "short_term_borrowings"],
    ["320", "Satıcılar", "trade_payables"],
    ["335", "Personele Borçlar", "other_current_liabilities"],
    ["360", "Ödenecek Vergi ve Fonlar", "other_current_liabilities"],
    ["400", "Banka Kredileri", "long_term_borrowings"],
    ["420", "Satıcılar", "other_non_current_liabilities"],
    ["472", "Kıdem Tazminatı Karşılığı", "other_non_current_liabilities"],
    ["500", "Sermaye", "share_capital"],
    ["502", "Sermaye Düzeltmesi Olumlu Farkları", "share_capital"],
    ["570", "Geçmiş Yıllar Kârları", "retained_earnings"],
    ["590", "Dönem Net Kârı", "current_year_profit"],
    ["600", "Yurtiçi Satışlar", "gross_sales"],
    ["611", "Satış İskontoları (-)", "sales_deductions"],
    ["621", "Satılan Ticari Mallar Maliyeti (-)", "cost_of_sales"],
    ["632", "Genel Yönetim Giderleri (-)", "operating_expenses"],
    ["642", "Faiz Gelirleri", "other_operating_income"],
    ["646", "Kambiyo Kârları", "other_operating_income"],
    ["656", "Kambiyo Zararları (-)", "other_operating_expense"],
    ["660", "Kısa Vadeli Borçlanma Giderleri (-)", "finance_expense"],
    ["690", "Dönem Kârı veya Zararı", "profit_before_tax"],
    ["691", "Dönem Kârı Vergi ve Diğer Yasal Yükümlülük Karşılıkları (-)", "income_tax_expense"],
    ["692", "Dönem Net Kârı veya Zararı", "net_income"],
  ])("%s %s → %s", (code, name, key) => {
    const a = lookupAccountCode(code);
    expect(a?.name).toBe(name);
    expect(a?.key).toBe(key);
    expect(a?.level).toBe("account");
    expect(a?.standard).toBe(true);
  });

  it("marks contra accounts negative against a positive key", () => {
    for (const code of ["103", "122", "129", "257", "268", "501", "503", "580", "591", "302", "371"]) {
      const a = lookupAccountCode(code);
      expect(a?.contra, code).toBe(true);
      expect(a?.naturalSign, code).toBe(-1);
    }
    expect(lookupAccountCode("257")?.key).toBe("property_plant_equipment");
    expect(lookupAccountCode("268")?.key).toBe("intangible_assets");
    expect(lookupAccountCode("580")?.key).toBe("retained_earnings");
    expect(lookupAccountCode("591")?.key).toBe("current_year_profit");
  });

  it("expenses and deductions are negative but not contra", () => {
    for (const code of ["610", "620", "630", "653", "661", "689", "691", "61", "62"]) {
      const a = lookupAccountCode(code);
      expect(a?.naturalSign, code).toBe(-1);
      expect(a?.contra, code).toBe(false);
    }
    expect(lookupAccountCode("100")).toMatchObject({ naturalSign: 1, contra: false });
    expect(lookupAccountCode("600")).toMatchObject({ naturalSign: 1, contra: false });
  });

  it("leaves reserves unmapped and folds extraordinary items into other operating", () => {
    expect(lookupAccountCode("520")?.key).toBeUndefined();
    expect(lookupAccountCode("540")).toMatchObject({ name: "Yasal Yedekler", section: "equity" });
    expect(lookupAccountCode("540")?.key).toBeUndefined();
    expect(lookupAccountCode("671")).toMatchObject({ key: "other_operating_income", extraordinary: true });
    expect(lookupAccountCode("689")).toMatchObject({ key: "other_operating_expense", extraordinary: true });
  });

  it("describes groups and classes", () => {
    expect(lookupAccountCode("10")).toMatchObject({
      name: "Hazır Değerler",
      level: "group",
      key: "cash_and_equivalents",
      parent: "1",
    });
    expect(lookupAccountCode("30")).toMatchObject({
      name: "Mali Borçlar",
      key: "short_term_borrowings",
      section: "current_liabilities",
    });
    expect(lookupAccountCode("40")).toMatchObject({ name: "Mali Borçlar", key: "long_term_borrowings" });
    expect(lookupAccountCode("59")).toMatchObject({
      name: "Dönem Net Kârı (Zararı)",
      key: "current_year_profit",
    });
    expect(lookupAccountCode("66")).toMatchObject({
      name: "Finansman Giderleri (-)",
      key: "finance_expense",
      statement: "income_statement",
    });
    expect(lookupAccountCode("1")).toMatchObject({
      name: "Dönen Varlıklar",
      level: "class",
      key: "total_current_assets",
    });
    expect(lookupAccountCode("5")).toMatchObject({
      name: "Özkaynaklar",
      key: "total_equity",
      statement: "balance_sheet",
    });
    expect(lookupAccountCode("6")).toMatchObject({ name: "Gelir Tablosu", statement: "income_statement" });
    expect(lookupAccountCode("6")?.key).toBeUndefined();
  });

  it("resolves sub-accounts and unlisted codes through their group", () => {
    expect(lookupAccountCode("120.01")).toMatchObject({
      code: "120",
      key: "trade_receivables",
      printed: "120.01",
    });
    expect(lookupAccountCode("102-003")).toMatchObject({ code: "102", key: "cash_and_equivalents" });
    expect(lookupAccountCode("104")).toMatchObject({ key: "cash_and_equivalents", standard: false });
    expect(lookupAccountCode("100.")).toMatchObject({ code: "100" });
  });

  it("rejects what is not a class 1-6 code", () => {
    for (const code of ["", "0", "7", "700", "1000", "abc", "14", "12.01", "999"]) {
      expect(lookupAccountCode(code), code).toBeUndefined();
    }
  });
});

describe("parseAccountCodePrefix", () => {
  it.each([
    ["100 Kasa", { code: "100", rest: "Kasa" }],
    ["100. Kasa", { code: "100", rest: "Kasa" }],
    ["100.Kasa", { code: "100", rest: "Kasa" }],
    ["120.01 Yurt İçi Alıcılar", { code: "120.01", rest: "Yurt İçi Alıcılar" }],
    ["257 Birikmiş Amortismanlar (-)", { code: "257", rest: "Birikmiş Amortismanlar (-)" }],
    ["1 DÖNEN VARLIKLAR", { code: "1", rest: "DÖNEN VARLIKLAR" }],
    ["10 HAZIR DEĞERLER", { code: "10", rest: "HAZIR DEĞERLER" }],
    ["30 Mali Borçlar", { code: "30", rest: "Mali Borçlar" }],
  ])("%s has a THP code", (label, expected) => {
    expect(parseAccountCodePrefix(label)).toEqual(expected);
  });

  it.each([
    ["I. DÖNEN VARLIKLAR", "I", "roman", "DÖNEN VARLIKLAR"],
    ["III. KISA VADELİ YABANCI KAYNAKLAR", "III", "roman", "KISA VADELİ YABANCI KAYNAKLAR"],
    ["IV- Uzun Vadeli Yabancı Kaynaklar", "IV", "roman", "Uzun Vadeli Yabancı Kaynaklar"],
    ["A. Hazır Değerler", "A", "letter", "Hazır Değerler"],
    ["B) Menkul Kıymetler", "B", "letter", "Menkul Kıymetler"],
    ["I. Diğer Kısa Vadeli Yabancı Kaynaklar", "I", "letter", "Diğer Kısa Vadeli Yabancı Kaynaklar"],
    ["1.Dönen Varlıklar", "1", "number", "Dönen Varlıklar"],
    ["1. Yurtiçi Satışlar", "1", "number", "Yurtiçi Satışlar"],
    ["2) Yurtdışı Satışlar", "2", "number", "Yurtdışı Satışlar"],
    ["1.1 Kasa", "1.1", "number", "Kasa"],
    // A lower-case letter lists items ("(a) Capital", "(b) Reserves"); THP groups are capitals.
    ["(a) Trade debtors", "a", "number", "Trade debtors"],
    ["(ii) Other", "ii", "roman", "Other"],
    ["12 Aylık Kira Gelirleri", "12", "number", "Aylık Kira Gelirleri"],
    ["“A. Ödenmiş Sermaye", "A", "letter", "Ödenmiş Sermaye"],
    // Roman class numerals as OCR misreads them: the class's own name tells.
    ["111. KISA VADELİ YABANCI KAYNAKLAR", "III", "roman", "KISA VADELİ YABANCI KAYNAKLAR"],
    ["11. DURAN VARLIKLAR", "II", "roman", "DURAN VARLIKLAR"],
  ])("%s has outline marker %s", (label, value, kind, rest) => {
    const r = parseAccountCodePrefix(label);
    expect(r.code).toBeUndefined();
    expect(r.marker).toBe(value);
    expect(r.markerKind).toBe(kind);
    expect(r.rest).toBe(rest);
  });

  it("keeps account 111 when the words are an account's, not the class's", () => {
    expect(parseAccountCodePrefix("111. Özel Kesim Tahvil Senet ve Bonoları")).toMatchObject({ code: "111" });
  });

  it("leaves plain labels, years and abbreviations alone", () => {
    expect(parseAccountCodePrefix("Kasa")).toEqual({ rest: "Kasa" });
    expect(parseAccountCodePrefix("  Cash and cash equivalents ")).toEqual({
      rest: "Cash and cash equivalents",
    });
    expect(parseAccountCodePrefix("2024 yılı kârı")).toEqual({ rest: "2024 yılı kârı" });
    expect(parseAccountCodePrefix("A.Ş. ortaklarına borçlar")).toEqual({ rest: "A.Ş. ortaklarına borçlar" });
    expect(parseAccountCodePrefix("- Kasa")).toEqual({ rest: "Kasa" });
  });
});

describe("THP outline", () => {
  it("numbers the balance sheet with Roman classes and lettered groups", () => {
    const classes = THP_BALANCE_SHEET_OUTLINE.filter((l) => l.level === "class").map((l) => l.marker);
    expect(classes).toEqual(["I", "II", "III", "IV", "V"]);
    const ninth = THP_BALANCE_SHEET_OUTLINE.find((l) => l.name === "Diğer Kısa Vadeli Yabancı Kaynaklar");
    expect(ninth).toMatchObject({
      marker: "I",
      level: "group",
      section: "current_liabilities",
      key: "other_current_liabilities",
    });
    const nonCurrentTrade = THP_BALANCE_SHEET_OUTLINE.find(
      (l) => l.name === "Ticari Alacaklar" && l.section === "non_current_assets",
    );
    expect(nonCurrentTrade?.key).toBe("other_non_current_assets");
  });

  it("lists the income statement results between the lettered groups", () => {
    const results = THP_INCOME_STATEMENT_OUTLINE.filter((l) => l.level === "result").map(
      (l) => l.key ?? null,
    );
    expect(results).toEqual(["gross_profit", "operating_profit", null, "profit_before_tax", "net_income"]);
    expect(THP_INCOME_STATEMENT_OUTLINE.find((l) => l.marker === "D")).toMatchObject({
      key: "cost_of_sales",
      naturalSign: -1,
    });
  });
});
