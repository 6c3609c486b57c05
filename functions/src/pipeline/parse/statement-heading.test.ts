import { describe, expect, it } from "vitest";
import { detectCurrency, detectOtherStatement, detectStatementType, detectUnit } from "./statement-heading";

describe("detectStatementType", () => {
  it.each([
    ["BİLANÇO", "balance_sheet"],
    ["XYZ A.Ş. 31 Aralık 2024 Tarihli Bilançosu", "balance_sheet"],
    ["Konsolide Finansal Durum Tablosu", "balance_sheet"],
    ["Balance Sheet", "balance_sheet"],
    ["CONSOLIDATED BALANCE SHEETS", "balance_sheet"],
    ["STATEMENT OF FINANCIAL POSITION AT 31 December 2022", "balance_sheet"],
    ["Gelir Tablosu", "income_statement"],
    ["1 Ocak - 31 Aralık 2024 Dönemine Ait Gelir Tablosu", "income_statement"],
    ["Kâr veya Zarar Tablosu", "income_statement"],
    ["KAR VEYA ZARAR VE DİĞER KAPSAMLI GELİR TABLOSU", "income_statement"],
    ["Income Statement", "income_statement"],
    ["Statement of Profit or Loss", "income_statement"],
    ["Statement of profit or loss and other comprehensive income", "income_statement"],
    ["CONSOLIDATED STATEMENTS OF EARNINGS", "income_statement"],
    ["Consolidated Statements of Operations", "income_statement"],
    ["Profit and loss account", "income_statement"],
    ["STATEMENTS OF INCOME", "income_statement"],
    ["Statement of Profit and Loss for the year ended 31st March 2024", "income_statement"],
    ["Statement of Financial Performance", "income_statement"],
    ["Standalone Balance Sheet as at March 31, 2024", "balance_sheet"],
    ["Statement of Assets and Liabilities", "balance_sheet"],
  ])("%s is a %s", (text, type) => {
    const r = detectStatementType(text);
    expect(r?.type).toBe(type);
    expect(r?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(r?.comprehensiveOnly).toBe(false);
    expect(r?.title).toBe(text);
  });

  it("tells a comprehensive-income-only statement from a full one", () => {
    expect(detectStatementType("Diğer Kapsamlı Gelir Tablosu")?.comprehensiveOnly).toBe(true);
    expect(detectStatementType("CONSOLIDATED STATEMENTS OF COMPREHENSIVE INCOME")?.comprehensiveOnly).toBe(
      true,
    );
    expect(detectStatementType("Kar veya Zarar ve Diğer Kapsamlı Gelir Tablosu")?.comprehensiveOnly).toBe(
      false,
    );
    // An IFRS single statement may carry this title: read as an income statement, less sure.
    const single = detectStatementType("Statement of comprehensive income");
    expect(single).toMatchObject({ type: "income_statement", comprehensiveOnly: false });
    expect(single?.confidence).toBeLessThan(0.9);
  });

  it("gives prose that mentions a statement a low confidence", () => {
    const r = detectStatementType(
      "The profit and loss account has not been delivered to the Registrar of Companies.",
    );
    expect(r?.confidence).toBeLessThan(0.6);
  });

  it("does not take uses of the words for titles", () => {
    expect(detectStatementType("Bilanço tarihinden sonraki olaylar")).toBeNull();
    expect(detectStatementType("Notes to the balance sheet")).toBeNull();
    expect(detectStatementType("Off-balance sheet arrangements")).toBeNull();
    expect(detectStatementType("Nakit ve Nakit Benzerleri")).toBeNull();
  });

  it("keeps a title whose period headers share its line", () => {
    expect(detectStatementType("Bilanço  Not  Cari Dönem  Önceki Dönem")?.confidence).toBeGreaterThanOrEqual(
      0.9,
    );
  });
});

describe("detectOtherStatement", () => {
  it("finds the statements and notes that end an extracted statement", () => {
    expect(detectOtherStatement("Consolidated Statements of Cash Flows")).toBe("cash_flow");
    expect(detectOtherStatement("Nakit Akış Tablosu")).toBe("cash_flow");
    expect(detectOtherStatement("Özkaynak Değişim Tablosu")).toBe("changes_in_equity");
    expect(detectOtherStatement("Consolidated Statements of Stockholders' Equity")).toBe("changes_in_equity");
    expect(detectOtherStatement("Notes to the Accounts")).toBe("notes");
    expect(detectOtherStatement("Bilanço")).toBeNull();
  });
});

describe("detectUnit", () => {
  it.each([
    ["(Bin TL)", 1000],
    ["TL (000)", 1000],
    ["(000) TL", 1000],
    ["Bin ₺", 1000],
    ["milyon TL", 1e6],
    ["Milyon", 1e6],
    ["(in thousands)", 1000],
    ["in millions", 1e6],
    ["Dollars in millions, except per share data", 1e6],
    ["£'000", 1000],
    ["€000", 1000],
    ["$m", 1e6],
    ["Tutarlar aksi belirtilmedikçe Türk Lirası (TL) olarak ifade edilmiştir.", 1],
    ['Tutarlar aksi belirtilmedikçe Bin Türk Lirası ("Bin TL") olarak ifade edilmiştir.', 1000],
    // Thousands as OCR misreads the zeros on a noisy scan.
    ["USD 'eee", 1000],
    ["TL (OOO)", 1000],
  ])("%s → %d", (text, unit) => {
    expect(detectUnit(text)?.unit).toBe(unit);
  });

  it("prefers the currency-bound unit to a share count's '(in thousands)'", () => {
    const r = detectUnit(
      "Dollars in millions, except per share data ... Weighted average shares outstanding (in thousands)",
    );
    expect(r).toMatchObject({ unit: 1e6, matched: "Dollars in millions" });
  });

  it("is null without a unit statement", () => {
    expect(detectUnit("Kasa 1.234")).toBeNull();
    expect(detectUnit("2024 2023 £ £")).toBeNull();
  });
});

describe("detectCurrency", () => {
  it.each([
    ["Bin TL", "TRY"],
    ["(TRY)", "TRY"],
    ["₺", "TRY"],
    ["Türk Lirası", "TRY"],
    ["USD", "USD"],
    ["$ 7,107", "USD"],
    ["US dollars", "USD"],
    ["Dollars in millions", "USD"],
    ["EUR", "EUR"],
    ["€000", "EUR"],
    ["GBP", "GBP"],
    ["2024 £", "GBP"],
  ])("%s → %s", (text, currency) => {
    expect(detectCurrency(text)?.currency).toBe(currency);
  });

  it("weighs the evidence: one stray $ does not outvote TL", () => {
    const r = detectCurrency("Bin TL ... TL cinsinden ... kur 1 $ = 32 TL");
    expect(r?.currency).toBe("TRY");
    expect(r?.confidence).toBeLessThan(0.95);
  });

  it("does not read currency codes inside words", () => {
    expect(detectCurrency("Satışlar ve Stoklar")).toBeNull();
    expect(detectCurrency("Gelir tablosu")).toBeNull();
  });
});
