import { describe, expect, it } from "vitest";
import { pageFromText } from "../../../test/fixtures/monospace-page";
import type { PageWords, Statement } from "../types";
import { extractStatements } from "./extract";

/**
 * Layouts met on real statements nobody on the project wrote (KAP annual reports, Philippine,
 * South African and Indian filings), each reduced to the few lines that once lost values.
 */
function read(text: string): Statement[] {
  return extractStatements([pageFromText(text)]).statements;
}

/**
 * Typeset PDFs group thousands with a thin space ("30 982 592"), far narrower than the space
 * between columns: a monospace page spaces every group a full character apart.
 */
function thinSpaced(page: PageWords): PageWords {
  const words = [...page.words];
  let shift = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as PageWords["words"][number];
    const before = words[i - 1];
    const sameLine = before && before.bbox.y0 === word.bbox.y0;
    const grouped = sameLine && /\d$/.test(before.text) && /^\d{3}\)?$/.test(word.text);
    shift = grouped && before.bbox.x1 + 6 + shift >= word.bbox.x0 ? shift + 4 : 0;
    if (shift > 0)
      words[i] = { ...word, bbox: { ...word.bbox, x0: word.bbox.x0 - shift, x1: word.bbox.x1 - shift } };
  }
  return { ...page, words };
}

function ofType(statements: Statement[], type: Statement["type"]): Statement {
  const found = statements.find((s) => s.type === type);
  if (!found) throw new Error(`no ${type}`);
  return found;
}

describe("KAP income statement with range headings and '( 384.952)' negatives", () => {
  const is = ofType(
    read(`
Konsolide Kar veya Zarar ve Diğer Kapsamlı Gelir Tablosu
(Tutarlar Milyon Türk Lirası (TL) olarak gösterilmiştir.)
                                        Dipnot       1 Ocak-          1 Ocak-
KAR VEYA ZARAR KISMI                               31 Aralık 2023   31 Aralık 2022
Hasılat                                   25         504.398          311.169
Satışların Maliyeti (-)                   26       ( 384.952)       ( 235.528)
BRÜT KAR                                             119.446           75.641
Genel Yönetim Giderleri (-)               27        ( 10.622)         ( 4.701)
ESAS FAALİYET KARI                                   108.824           70.940
Yatırım Faaliyetlerinden Gelirler         29          24.191            5.509
FİNANSMAN GELİRİ ÖNCESİ FAALİYET KARI                133.015           76.449
Finansman Giderleri (-)                   30        ( 41.733)        ( 25.046)
SÜRDÜRÜLEN FAALİYETLER VERGİ ÖNCESİ KARI              91.282           51.403
Sürdürülen Faaliyetler Vergi Gideri                   71.716          ( 3.971)
SÜRDÜRÜLEN FAALİYETLER DÖNEM KARI                    162.998           47.432
Pay Başına Kazanç (Kr)                                118,11            34,37
`),
    "income_statement",
  );

  it("reads both columns of '1 Ocak- 31 Aralık 2023' headings as years, not a date in 2031", () => {
    expect(is.periods.map((p) => p.end)).toEqual(["2023-12-31", "2022-12-31"]);
  });

  it("reads a parenthesis printed apart from its amount as a negative", () => {
    expect(is.canonical.cost_of_sales).toEqual({ "2023-12-31": -384_952e6, "2022-12-31": -235_528e6 });
  });

  it("takes an unnamed running total as a step of the chain and passes every check", () => {
    const running = is.items.find((i) => i.label.startsWith("FİNANSMAN GELİRİ"));
    expect(running?.flags).toContain("subtotal_by_arithmetic");
    expect(is.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it("names continuing operations' profit net income when it is profit before tax plus tax", () => {
    expect(is.canonical.net_income).toEqual({ "2023-12-31": 162_998e6, "2022-12-31": 47_432e6 });
  });

  it("keeps earnings per share in its own scale, not millions", () => {
    const eps = is.items.find((i) => i.label.startsWith("Pay Başına"));
    expect(eps?.values).toEqual({ "2023-12-31": 118.11, "2022-12-31": 34.37 });
    expect(eps?.key).toBeUndefined();
  });
});

describe("South African statement by nature: R'000, space-grouped amounts, 'Revenue' above 'Turnover'", () => {
  const is = ofType(
    extractStatements([
      thinSpaced(
        pageFromText(`
CONSOLIDATED STATEMENT OF COMPREHENSIVE INCOME
FOR THE YEAR ENDED 31 AUGUST
                                                        2018           2017
                                           Notes       R'000          R'000
Revenue                                       1   30 982 592     28 342 607
Turnover                                      1   29 239 688     26 809 101
Cost of merchandise sold                         (23 062 579)   (21 185 124)
Gross profit                                       6 177 109      5 623 977
Other income                                  1    1 717 147      1 523 005
Total income                                       7 894 256      7 146 982
Expenses                                          (5 852 575)    (5 333 405)
Operating profit                                   2 041 681      1 813 577
Profit before taxation                             2 041 681      1 813 577
Income tax expense                            7     (569 790)      (496 630)
Profit for the year                                1 471 891      1 316 947
Earnings per share (cents)
Basic                                         8        611.9          540.2
`),
      ),
    ]).statements,
    "income_statement",
  );

  it("reads the rand and its thousands", () => {
    expect(is.currency).toBe("ZAR");
    expect(is.unit).toBe(1000);
  });

  it("reads '(23 062 579)' whole", () => {
    expect(is.canonical.cost_of_sales?.["2018-08-31"]).toBe(-23_062_579_000);
  });

  it("lets the gross profit decide which of two revenue lines is revenue", () => {
    expect(is.canonical.revenue).toEqual({ "2018-08-31": 29_239_688_000, "2017-08-31": 26_809_101_000 });
    expect(is.items.find((i) => i.label === "Revenue")?.flags).toContain("key_left_by_arithmetic");
  });

  it("never multiplies per-share figures by the statement's unit", () => {
    expect(is.items.find((i) => i.label === "Basic")?.values["2018-08-31"]).toBe(611.9);
  });
});

describe("Philippine balance sheet: peso signs beside amounts, a notes column, bare totals", () => {
  const bs = ofType(
    read(`
BALANCE SHEET
As of December 31                                       2024                2023
(Amounts in Philippine Peso)                Notes
ASSETS
Current Assets: Cash                        (2,5)   P 17,663,451.20 P  17,085,261.00
Accounts Receivable                         (2,6)      8,760,781.80     5,093,828.00
                                                    P 26,424,233.00 P  22,179,089.00
Property & Equipment                        (2,9)          1,000.00         1,000.00
TOTAL                                               P 26,425,233.00 P  22,180,089.00
LIABILITIES AND EQUITY
Trade and Other Payables                    (2,11)        47,298.00             0.00
Share Capital                               (2,13)     5,000,000.00     5,000,000.00
Retained Earnings                           (2,14)    21,377,935.00    17,180,089.00
TOTAL                                               P 26,425,233.00 P  22,180,089.00
`),
    "balance_sheet",
  );

  it("reads the peso and drops its signs from the amounts", () => {
    expect(bs.currency).toBe("PHP");
    expect(bs.unit).toBe(1);
    expect(bs.canonical.trade_receivables?.["2024-12-31"]).toBe(8_760_781.8);
  });

  it("reads the item printed on its section heading's line as the item", () => {
    expect(bs.canonical.cash_and_equivalents).toEqual({
      "2024-12-31": 17_663_451.2,
      "2023-12-31": 17_085_261,
    });
    expect(bs.canonical.total_current_assets?.["2024-12-31"]).toBe(26_424_233);
  });

  it("never takes a note reference for an amount", () => {
    expect(bs.canonical.share_capital).toEqual({ "2024-12-31": 5_000_000, "2023-12-31": 5_000_000 });
  });

  it("names the two bare TOTAL lines total assets and total liabilities and equity", () => {
    expect(bs.canonical.total_assets?.["2024-12-31"]).toBe(26_425_233);
    expect(bs.canonical.total_liabilities_and_equity?.["2023-12-31"]).toBe(22_180_089);
  });
});

describe("Indian 'Sources / Application of funds' balance sheet in lakhs", () => {
  const bs = ofType(
    read(`
Consolidated Balance Sheet as at 31st March 2010
                                                                           As at
                                                                      31.03.2009
                                Schedule     Rupees       Rupees         Rupees
                                            in lakhs     in lakhs       in lakhs
SOURCES OF FUNDS :
1. SHAREHOLDERS' FUNDS :
   (a) Capital                      A       2,703.51                  1,953.29
   (b) Reserves and Surplus         B      56,631.08                 57,950.02
                                                        59,334.59    59,903.31
2. MINORITY INTEREST                                     1,952.25        80.08
3. CURRENT ASSETS, LOANS AND ADVANCES :
   (a) Inventories                  F      20,928.58                 17,512.09
   (b) Sundry Debtors               G       1,552.24                  1,333.07
   (c) Cash and Bank Balances       H       4,373.11                  1,938.85
                                           26,853.93                 20,784.01
`),
    "balance_sheet",
  );

  it("reads lakhs of rupees", () => {
    expect(bs.currency).toBe("INR");
    expect(bs.unit).toBe(100_000);
  });

  it("dates this year's unheaded columns by the title and keeps the headed comparative", () => {
    expect(bs.periods.map((p) => p.end)).toEqual(["2010-03-31", "2009-03-31"]);
    expect(bs.canonical.share_capital).toEqual({ "2010-03-31": 270_351_000, "2009-03-31": 195_329_000 });
  });

  it("keys the unlabelled subtotals of '(a) (b)' lists by their section", () => {
    expect(bs.canonical.total_equity?.["2010-03-31"]).toBe(5_933_459_000);
    expect(bs.canonical.trade_receivables?.["2009-03-31"]).toBe(133_307_000);
    expect(bs.canonical.total_current_assets?.["2010-03-31"]).toBe(2_685_393_000);
  });
});

describe("bank (BDDK) balance sheet: decimal outline, formula references, liabilities total with equity", () => {
  const bs = ofType(
    read(`
KONSOLİDE BİLANÇO (FİNANSAL DURUM TABLOSU)
(Tutarlar Bin TL olarak ifade edilmiştir.)
                                                        CARİ DÖNEM     ÖNCEKİ DÖNEM
                                                        31/12/2024       31/12/2023
I.     FİNANSAL VARLIKLAR (Net)                          1.000.000          800.000
1.1    Nakit ve Nakit Benzerleri                           600.000          500.000
1.1.1  Nakit Değerler ve Merkez Bankası     (I-a)          450.000          400.000
1.1.2  Bankalar                             (I-d)          150.000          100.000
1.2    Diğer Finansal Varlıklar                            400.000          300.000
       VARLIKLAR TOPLAMI                                 1.000.000          800.000
I.     MEVDUAT                              (II-a)         700.000          560.000
XVI.   ÖZKAYNAKLAR                          (II-k)         300.000          240.000
16.1   Ödenmiş Sermaye                                      50.000           50.000
16.2   Diğer Sermaye Yedekleri                             250.000          190.000
       YÜKÜMLÜLÜKLER TOPLAMI                             1.000.000          800.000
`),
    "balance_sheet",
  );

  it("counts a decimal outline's sub-lines once, through the line they break down", () => {
    expect(bs.canonical.cash_and_equivalents).toEqual({
      "2024-12-31": 600_000_000,
      "2023-12-31": 500_000_000,
    });
  });

  it("reads 'ÖZKAYNAKLAR (II-k)' as total equity and the liabilities total with equity as the sources total", () => {
    expect(bs.canonical.total_equity?.["2024-12-31"]).toBe(300_000_000);
    expect(bs.canonical.total_liabilities_and_equity?.["2023-12-31"]).toBe(800_000_000);
    expect(bs.canonical.total_liabilities).toBeUndefined();
  });
});

describe("a filing that prints last year's statements after this year's", () => {
  const page = (year: number, a: string, b: string) =>
    pageFromText(
      `
STATEMENT OF FINANCIAL POSITION
As of December 31, ${year}               ${year}          ${year - 1}
Current Assets                       ${a}     ${b}
TOTAL ASSETS                         ${a}     ${b}
Current Liabilities                  1,000,000     1,000,000
Equity                               ${a === "4,563,148" ? "3,563,148" : "3,777,801"}     ${b === "4,777,801" ? "3,777,801" : "769,455"}
TOTAL LIABILITIES AND EQUITY         ${a}     ${b}
`,
      { page: year === 2022 ? 1 : 3 },
    );
  const cashFlows = pageFromText(
    `
STATEMENT OF CASH FLOWS
For the year ended December 31, 2022         2022          2021
Net cash from operating activities          120,000       110,000
`,
    { page: 2 },
  );

  it("adds the earlier set's extra period to the statement, with its values and a warning", () => {
    const { statements, warnings } = extractStatements([
      page(2022, "4,563,148", "4,777,801"),
      cashFlows,
      page(2021, "4,777,801", "1,769,455"),
    ]);
    const bs = ofType(statements, "balance_sheet");
    expect(bs.periods.map((p) => p.end)).toEqual(["2022-12-31", "2021-12-31", "2020-12-31"]);
    expect(bs.canonical.total_assets).toEqual({
      "2022-12-31": 4_563_148,
      "2021-12-31": 4_777_801,
      "2020-12-31": 1_769_455,
    });
    expect(warnings).toContain("earlier_balance_sheet_periods_added");
  });
});

describe("a scan that lost this year's column heading", () => {
  const { statements, warnings } = extractStatements([
    pageFromText(
      `
STATEMENT OF COMPREHENSIVE INCOME
FOR THE YEAR ENDED 31 AUGUST
                                                          2017
Revenue                                 29,239,688     26,809,101
Cost of sales                          (23,062,579)   (21,185,124)
Gross profit                             6,177,109      5,623,977
Expenses                                (4,135,428)    (3,810,400)
Profit before taxation                   2,041,681      1,813,577
Income tax expense                        (569,790)      (496,630)
Profit for the year                      1,471,891      1,316,947
`,
      { source: "ocr", confidence: 0.97 },
    ),
  ]);
  const is = ofType(statements, "income_statement");

  it("dates the unheaded left column the year after its neighbour, below high confidence", () => {
    expect(is.periods.map((p) => p.end)).toEqual(["2018-08-31", "2017-08-31"]);
    expect(is.canonical.revenue?.["2018-08-31"]).toBe(29_239_688);
    expect(is.canonicalConfidence?.revenue?.["2018-08-31"]).toBeLessThan(0.9);
    expect(is.canonicalConfidence?.revenue?.["2017-08-31"]).toBeGreaterThanOrEqual(0.9);
    expect(is.flagged).toBe(true);
  });

  it("leaves the currency unknown instead of guessing dollars when nothing names it", () => {
    expect(is.currency).toBe("XXX");
    expect(warnings).toContain("currency_not_stated");
  });

  it("says so when no heading gave the unit and units of one were assumed", () => {
    expect(is.unit).toBe(1);
    expect(warnings).toContain("unit_not_stated");
    const kap = extractStatements([
      pageFromText(`
Kar veya Zarar Tablosu
(Tutarlar Milyon TL olarak gösterilmiştir.)
                                  31 Aralık 2023   31 Aralık 2022
Hasılat                                  504.398          311.169
Satışların Maliyeti (-)                 (384.952)        (235.528)
BRÜT KAR                                 119.446           75.641
`),
    ]);
    expect(kap.warnings).not.toContain("unit_not_stated");
  });
});

describe("Indian Schedule III balance sheet: equity and liabilities first, a bare TOTAL on each side", () => {
  const bs = ofType(
    read(`
Balance Sheet as at 31st March 2024
                                        Note     As at 31.03.2024   As at 31.03.2023
                                                      (₹ in Lakhs)       (₹ in Lakhs)
EQUITY AND LIABILITIES
Shareholders' funds
Share capital                              2            1,000.00           1,000.00
Reserves and surplus                       3            4,500.00           4,000.00
Current liabilities
Trade payables                             4            2,000.00           1,500.00
Short-term provisions                      5              500.00             300.00
TOTAL                                                   8,000.00           6,800.00
ASSETS
Non-current assets
Property, Plant and Equipment              6            3,000.00           2,800.00
Current assets
Inventories                                7            2,500.00           2,000.00
Cash and cash equivalents                  8            2,500.00           2,000.00
TOTAL                                                   8,000.00           6,800.00
`),
    "balance_sheet",
  );

  it("reads rupee lakhs", () => {
    expect(bs.currency).toBe("INR");
    expect(bs.unit).toBe(100_000);
  });

  it("names the TOTAL closing the asset lines total assets, the other the sources total", () => {
    const totals = bs.items.filter((i) => i.label === "TOTAL");
    expect(totals.map((i) => i.key)).toEqual(["total_liabilities_and_equity", "total_assets"]);
    expect(bs.canonical.total_assets?.["2024-03-31"]).toBe(800_000_000);
  });
});

describe("a Philippine filing titled 'Statements of Comprehensive Income'", () => {
  it("reads it as the income statement when it carries sales and their cost", () => {
    const is = ofType(
      read(`
GBS CONCEPT ADVERTISING INC.
STATEMENTS OF COMPREHENSIVE INCOME
For the years ended December 31                     2022            2021
REVENUES                                       9,843,009      20,406,722
COST OF SALES                                 (8,632,290)    (18,690,375)
GROSS PROFIT                                   1,210,719       1,716,347
GENERAL AND ADMINISTRATIVE EXPENSES             (836,091)       (790,961)
INCOME BEFORE TAX                                374,628         925,386
TAX EXPENSE                                      (93,657)       (231,347)
NET INCOME AFTER TAX                             280,971         694,039
`),
      "income_statement",
    );
    expect(is.canonical.revenue?.["2022-12-31"]).toBe(9_843_009);
    expect(is.canonical.net_income?.["2021-12-31"]).toBe(694_039);
  });
});

describe("a scan whose statement titles were lost", () => {
  const page = (n: number, text: string) => pageFromText(text, { page: n, source: "ocr", confidence: 0.9 });
  const { statements, warnings } = extractStatements([
    page(
      1,
      `
For the Years Ended December 31
                                 Notes          2021              2020
REVENUES                         (2,15)    23,781,435.00     11,588,136.00
COST OF SALES                    (2,17)   (15,571,287.00)    (7,821,619.00)
GROSS PROFIT                                8,210,148.00      3,766,517.00
ADMINISTRATIVE COSTS             (2,19)   (7,074,204.00)    (3,429,510.00)
INCOME BEFORE INCOME TAX                    1,135,944.00        337,007.00
PROVISION FOR INCOME TAX         (2,21)     (227,189.00)       (84,741.00)
NET INCOME                                    908,755.00        252,266.00
`,
    ),
    page(
      2,
      `
As of December 31
                                 Notes          2027              2020
Cash                             (2,5)     15,360,687.00     16,927,079.00
Accounts Receivable              (2,6)      5,082,064.00      2,290,494.00
TOTAL ASSETS                               20,442,751.00     19,217,573.00
Trade and Other Payables         (2,11)     1,217,198.00      1,401,466.00
Share Capital                    (2,13)     5,000,000.00      5,000,000.00
Retained Earnings                (2,14)    14,225,553.00     12,816,107.00
TOTAL LIABILITIES AND EQUITY               20,442,751.00     19,217,573.00
`,
    ),
  ]);

  it("starts a new statement where a page opens on its column headings after a closed one", () => {
    expect(statements.map((s) => s.type).sort()).toEqual(["balance_sheet", "income_statement"]);
    expect(ofType(statements, "income_statement").canonical.net_income?.["2021-12-31"]).toBe(908_755);
  });

  it("takes a misread column year ('2027' beside 2020) from the other statement's period", () => {
    const bs = ofType(statements, "balance_sheet");
    expect(bs.periods.map((p) => p.end)).toEqual(["2021-12-31", "2020-12-31"]);
    expect(bs.canonical.total_assets?.["2021-12-31"]).toBe(20_442_751);
    expect(bs.canonicalConfidence?.total_assets?.["2021-12-31"]).toBeLessThan(0.9);
    expect(warnings).toContain("balance_sheet_period_year_from_sibling");
  });
});

describe("a Ghanaian statement in cedis, the sign in its own column", () => {
  it("reads GH¢ and dates the columns from '31ST DECEMBER, 2023'", () => {
    const is = ofType(
      read(`
STATEMENT OF PROFIT OR LOSS AND OTHER COMPREHENSIVE INCOME
FOR THE YEAR ENDED 31ST DECEMBER, 2023
                                       Note         2023           2022
                                                    GH¢            GH¢
Revenue                                  5   GH¢ 1,250,400   GH¢ 980,200
Cost of sales                                  (750,100)      (600,050)
Gross profit                                    500,300        380,150
Operating expenses                             (300,000)      (230,000)
Profit before tax                               200,300        150,150
Income tax expense                        7     (50,075)       (37,537)
Profit for the year                             150,225        112,613
`),
      "income_statement",
    );
    expect(is.currency).toBe("GHS");
    expect(is.periods.map((p) => p.end)).toEqual(["2023-12-31", "2022-12-31"]);
    expect(is.canonical.revenue?.["2023-12-31"]).toBe(1_250_400);
    expect(is.checks.filter((c) => !c.ok)).toEqual([]);
  });
});

describe("a cash flow statement whose title was lost", () => {
  it("ends the balance sheet before it: its lines never read as balance-sheet lines", () => {
    const bs = ofType(
      read(`
BALANCE SHEET
As of December 31                                2021              2020
Cash                                       15,360,687        16,927,079
TOTAL ASSETS                               15,360,687        16,927,079
Share capital                               5,000,000         5,000,000
Retained earnings                          10,360,687        11,927,079
TOTAL LIABILITIES AND EQUITY               15,360,687        16,927,079
CASH FLOW FROM OPERATING ACTIVITIES
Net income after tax                          908,755           252,266
CASH AT BEGINNING OF YEAR                  16,927,079        16,758,975
CASH, END OF YEAR                          15,360,687        16,927,079
`),
      "balance_sheet",
    );
    expect(bs.canonical.cash_and_equivalents).toEqual({ "2021-12-31": 15_360_687, "2020-12-31": 16_927_079 });
    expect(bs.items.some((i) => /CASH AT BEGINNING/.test(i.label))).toBe(false);
  });
});
