import { describe, expect, it } from "vitest";
import { pageFromText } from "../../../test/fixtures/monospace-page";
import { extractStatements } from "./extract";

const ifrsBalanceSheet = `
Example Trading plc
STATEMENT OF FINANCIAL POSITION
As at 31 December 2024                        in thousands of euro
                                          Notes          2024          2023
ASSETS
Non-current assets
Property, plant and equipment                 5        12,400        11,900
Intangible assets                             6         1,600         1,700
Total non-current assets                               14,000        13,600
Current assets
Inventories                                   7         3,200         2,800
Trade and other receivables                   8         4,100         3,900
Cash and cash equivalents                               2,700         1,700
Total current assets                                   10,000         8,400
Total assets                                           24,000        22,000
EQUITY AND LIABILITIES
Equity
Share capital                                          5,000         5,000
Retained earnings                                       7,000         5,500
Total equity                                           12,000        10,500
Non-current liabilities
Borrowings                                    9         6,000         6,500
Total non-current liabilities                           6,000         6,500
Current liabilities
Trade and other payables                                4,500         3,800
Borrowings                                    9         1,500         1,200
Total current liabilities                               6,000         5,000
Total liabilities                                      12,000        11,500
Total equity and liabilities                           24,000        22,000
`;

describe("extractStatements on an IFRS balance sheet", () => {
  const { statements } = extractStatements([pageFromText(ifrsBalanceSheet)]);
  const bs = statements[0];

  it("finds one balance sheet with both periods dated from the header", () => {
    expect(statements).toHaveLength(1);
    expect(bs?.type).toBe("balance_sheet");
    expect(bs?.periods.map((p) => p.id)).toEqual(["2024-12-31", "2023-12-31"]);
    expect(bs?.unit).toBe(1000);
    expect(bs?.currency).toBe("EUR");
  });

  it("reads canonical values with the unit applied and never takes a note for an amount", () => {
    expect(bs?.canonical.property_plant_equipment).toEqual({
      "2024-12-31": 12_400_000,
      "2023-12-31": 11_900_000,
    });
    expect(bs?.canonical.total_assets?.["2024-12-31"]).toBe(24_000_000);
    const ppe = bs?.items.find((i) => i.key === "property_plant_equipment");
    expect(ppe?.note).toBe("5");
  });

  it("tells current from non-current borrowings by their section", () => {
    expect(bs?.canonical.long_term_borrowings?.["2024-12-31"]).toBe(6_000_000);
    expect(bs?.canonical.short_term_borrowings?.["2024-12-31"]).toBe(1_500_000);
  });

  it("passes the balance-sheet identities and gives confirmed values high confidence", () => {
    expect(bs?.checks.length).toBeGreaterThan(4);
    expect(bs?.checks.filter((c) => !c.ok)).toEqual([]);
    expect(bs?.flagged).toBe(false);
    expect(bs?.canonicalConfidence?.total_assets?.["2024-12-31"]).toBeGreaterThanOrEqual(0.9);
  });
});

const thpBalanceSheet = `
ABC TEKSTİL A.Ş.
31.12.2024 TARİHLİ BİLANÇO (Bin TL)
                                                  31.12.2024      31.12.2023
I. DÖNEN VARLIKLAR                                 1.500.000       1.200.000
A. Hazır Değerler                                    400.000         300.000
100 Kasa                                             100.000          50.000
102 Bankalar                                         300.000         250.000
C. Ticari Alacaklar                                  600.000         500.000
120 Alıcılar                                         600.000         500.000
E. Stoklar                                           500.000         400.000
153 Ticari Mallar                                    500.000         400.000
II. DURAN VARLIKLAR                                  900.000         800.000
D. Maddi Duran Varlıklar                             900.000         800.000
254 Taşıtlar                                       1.100.000         950.000
257 Birikmiş Amortismanlar (-)                       200.000         150.000
AKTİF TOPLAMI                                      2.400.000       2.000.000
III. KISA VADELİ YABANCI KAYNAKLAR                   700.000         600.000
A. Mali Borçlar                                      300.000         250.000
300 Banka Kredileri                                  300.000         250.000
B. Ticari Borçlar                                    400.000         350.000
320 Satıcılar                                        400.000         350.000
IV. UZUN VADELİ YABANCI KAYNAKLAR                    500.000         450.000
A. Mali Borçlar                                      500.000         450.000
400 Banka Kredileri                                  500.000         450.000
V. ÖZKAYNAKLAR                                     1.200.000         950.000
A. Ödenmiş Sermaye                                 1.000.000       1.000.000
500 Sermaye                                        1.000.000       1.000.000
D. Geçmiş Yıllar Kârları                                   -         -50.000
580 Geçmiş Yıllar Zararları (-)                            -          50.000
F. Dönem Net Kârı (Zararı)                           200.000               -
590 Dönem Net Kârı                                   200.000               -
PASİF TOPLAMI                                      2.400.000       2.000.000
`;

describe("extractStatements on a THP-coded Turkish balance sheet", () => {
  const { statements } = extractStatements([pageFromText(thpBalanceSheet)]);
  const bs = statements[0];

  it("reads Turkish amounts in thousands of lira", () => {
    expect(bs?.type).toBe("balance_sheet");
    expect(bs?.currency).toBe("TRY");
    expect(bs?.unit).toBe(1000);
    expect(bs?.canonical.cash_and_equivalents?.["2024-12-31"]).toBe(400_000_000);
    expect(bs?.canonical.total_assets?.["2023-12-31"]).toBe(2_000_000_000);
  });

  it("keeps account codes on the printed lines and nets the contra account", () => {
    const kasa = bs?.items.find((i) => i.code === "100");
    expect(kasa?.key).toBe("cash_and_equivalents");
    expect(bs?.canonical.property_plant_equipment?.["2024-12-31"]).toBe(900_000_000);
  });

  it("maps equity lines and keeps a dash as zero", () => {
    expect(bs?.canonical.share_capital?.["2024-12-31"]).toBe(1_000_000_000);
    expect(bs?.canonical.current_year_profit?.["2024-12-31"]).toBe(200_000_000);
    expect(bs?.canonical.total_equity?.["2024-12-31"]).toBe(1_200_000_000);
  });

  it("balances", () => {
    expect(bs?.checks.find((c) => c.rule === "total_assets = total_liabilities_and_equity")?.ok).toBe(true);
  });
});

const usIncomeStatement = `
CONSOLIDATED STATEMENTS OF EARNINGS
Years ended June 30
Dollars in millions, except per share data             2022         2021
Net sales                                      $      7,107   $    7,341
Cost of products sold                                 4,562        4,142
Gross profit                                          2,545        3,199
Selling and administrative expenses                     954        1,004
Advertising costs                                       709          790
Research and development costs                          132          149
Interest expense                                        106           99
Other (income) expense, net                              37          (72)
Earnings before income taxes                            607        1,229
Income taxes                                            136          181
Net earnings                                            471        1,048
`;

describe("extractStatements on a US income statement with expenses printed positive", () => {
  const { statements } = extractStatements([pageFromText(usIncomeStatement)]);
  const is = statements[0];

  it("dates bare years with the fiscal year end and applies millions", () => {
    expect(is?.type).toBe("income_statement");
    expect(is?.periods.map((p) => p.id)).toEqual(["2022-06-30", "2021-06-30"]);
    expect(is?.canonical.revenue?.["2022-06-30"]).toBe(7_107_000_000);
  });

  it("turns printed-positive costs into negative canonical values", () => {
    expect(is?.canonical.cost_of_sales?.["2022-06-30"]).toBe(-4_562_000_000);
    expect(is?.canonical.income_tax_expense?.["2021-06-30"]).toBe(-181_000_000);
    expect(is?.canonical.finance_expense?.["2022-06-30"]).toBe(-106_000_000);
    expect(is?.canonical.net_income?.["2022-06-30"]).toBe(471_000_000);
  });

  it("checks the profit chain through the unmapped lines", () => {
    const chain = is?.checks.filter((c) => c.rule.startsWith("profit_before_tax ="));
    expect(chain?.map((c) => c.ok)).toEqual([true, true]);
    expect(is?.flagged).toBe(false);
  });
});

describe("extractStatements with a misread total", () => {
  const broken = ifrsBalanceSheet.replace(
    "Total current assets                                   10,000",
    "Total current assets                                   19,000",
  );
  const { statements } = extractStatements([pageFromText(broken)]);
  const bs = statements[0];

  it("flags the statement and never gives the broken value high confidence", () => {
    expect(bs?.flagged).toBe(true);
    expect(bs?.canonical.total_current_assets?.["2024-12-31"]).toBe(19_000_000);
    expect(bs?.canonicalConfidence?.total_current_assets?.["2024-12-31"]).toBeLessThan(0.9);
  });

  it("proposes the arithmetic value for review without overwriting the printed one", () => {
    const line = bs?.items.find((i) => i.key === "total_current_assets");
    expect(line?.flags).toContain("check_failed");
    expect(line?.candidates?.some((c) => c.source === "arithmetic" && c.value === 10_000_000)).toBe(true);
  });
});

const ukNetAssets = `
Balance Sheet
as at 31 October 2024
                             Notes                    2024                       2023
                                                          £                          £
Fixed assets
Tangible assets                  3                 578,307                    577,694
Current assets
Stocks                                   3,300                       2,699
Debtors                          4       1,252                            -
Cash at bank and in hand                53,901                     74,864
                                        58,453                     77,563
Creditors: amounts falling
due within one year              5     (19,968)                   (29,493)
Net current assets                                  38,485                      48,070
Total assets less current
liabilities                                        616,792                    625,764
Net assets                                         616,792                    625,764
Capital and reserves
Called up share capital                            518,700                    518,700
Profit and loss account                             98,092                     107,064
Shareholders' funds                                616,792                    625,764
`;

describe("extractStatements on a UK net-assets balance sheet", () => {
  const { statements } = extractStatements([pageFromText(ukNetAssets)]);
  const bs = statements[0];

  it("places inner and outer columns under the same year", () => {
    expect(bs?.periods.map((p) => p.id)).toEqual(["2024-10-31", "2023-10-31"]);
    expect(bs?.currency).toBe("GBP");
    expect(bs?.canonical.inventories).toEqual({ "2024-10-31": 3300, "2023-10-31": 2699 });
  });

  it("keys the unlabelled current-asset subtotal and reads bracketed creditors as positive liabilities", () => {
    expect(bs?.canonical.total_current_assets).toEqual({ "2024-10-31": 58453, "2023-10-31": 77563 });
    expect(bs?.canonical.total_current_liabilities).toEqual({ "2024-10-31": 19968, "2023-10-31": 29493 });
  });

  it("keeps a dash as zero and joins a label wrapped over two lines", () => {
    const debtors = bs?.items.find((i) => i.label.startsWith("Debtors"));
    expect(debtors?.values["2023-10-31"]).toBe(0);
    expect(bs?.items.some((i) => i.label === "Creditors: amounts falling due within one year")).toBe(true);
    expect(bs?.canonical.total_equity?.["2024-10-31"]).toBe(616792);
  });
});

describe("extractStatements without any statement", () => {
  it("raises no_statement_found", () => {
    expect(() => extractStatements([pageFromText("Dear shareholder,\nThe year was good.\n")])).toThrow(
      expect.objectContaining({ code: "no_statement_found" }),
    );
  });
});

describe("extractStatements when a scan lost one statement's period header", () => {
  const headerless = usIncomeStatement.replace(
    /Dollars in millions, except per share data\s+2022\s+2021/,
    "Dollars in millions",
  );
  const balance = `
CONSOLIDATED BALANCE SHEETS
As of June 30
Dollars in millions                                    2022         2021
Cash and cash equivalents                               183          319
Total current assets                                  1,725        1,829
Total assets                                          6,158        6,334
Total liabilities                                     5,429        5,742
Total stockholders' equity                              729          592
Total liabilities and stockholders' equity            6,158        6,334
`;
  const { statements, warnings } = extractStatements([
    pageFromText(headerless, { page: 1 }),
    pageFromText(balance, { page: 2 }),
  ]);
  const is = statements.find((s) => s.type === "income_statement");

  it("dates the undated columns from the other statement, flagged and below high confidence", () => {
    expect(is?.periods.map((p) => p.id)).toEqual(["2022-06-30", "2021-06-30"]);
    expect(is?.canonical.net_income?.["2021-06-30"]).toBe(1_048_000_000);
    expect(is?.canonicalConfidence?.net_income?.["2021-06-30"]).toBeLessThan(0.9);
    expect(is?.flagged).toBe(true);
    expect(warnings).toContain("income_statement_periods_from_other_statement");
  });
});

describe("extractStatements when a label is broken by a page break", () => {
  const first = pageFromText(
    `
ABC TEKSTİL A.Ş.
GELİR TABLOSU
(TL)                                                    31.12.2024
A. Brüt Satışlar                                         1.000.000
C. Net Satışlar                                          1.000.000
D. Satışların Maliyeti (-)                                (600.000)
BRÜT SATIŞ KÂRI VEYA ZARARI                                400.000
DÖNEM KÂRI VEYA ZARARI                                     400.000
K. Dönem Kârı Vergi ve Diğer Yasal Yükümlülük
`,
    { page: 1 },
  );
  const second = pageFromText(
    `
ABC TEKSTİL A.Ş.
GELİR TABLOSU (devamı)
(TL)                                                    31.12.2024
Karşılıkları (-)                                           (88.000)
DÖNEM NET KÂRI VEYA ZARARI                                 312.000
`,
    { page: 2 },
  );
  const [is] = extractStatements([first, second]).statements;

  it("joins the words at the foot of one page to the line at the top of the next", () => {
    expect(is?.canonical.income_tax_expense?.["2024-12-31"]).toBe(-88_000);
    expect(is?.checks.every((c) => c.ok)).toBe(true);
  });

  it("does not run a page's headings into a marked label wrapped under them", () => {
    const wrapped = pageFromText(
      `
ABC TEKSTİL A.Ş.
GELİR TABLOSU (devamı)
(TL)                                                    31.12.2024
K. Dönem Kârı Vergi ve
Diğer Yasal Yükümlülük
Karşılıkları (-)                                           (88.000)
DÖNEM NET KÂRI VEYA ZARARI                                 312.000
`,
      { page: 2 },
    );
    // Page 1 without its last line: the whole label is on page 2.
    const [statement] = extractStatements([
      { ...first, words: first.words.filter((w) => w.bbox.y0 < 36 + 8 * 12) },
      wrapped,
    ]).statements;
    expect(statement?.canonical.income_tax_expense?.["2024-12-31"]).toBe(-88_000);
  });
});

describe("extractStatements on totals printed in two ways", () => {
  it("takes the first of two different profits under one key, never their sum", () => {
    const [is] = extractStatements([
      pageFromText(`
KAR VEYA ZARAR TABLOSU
                                                31.12.2023
Hasılat                                          1.000.000
Satışların Maliyeti (-)                           (600.000)
BRÜT KAR (ZARAR)                                   400.000
Genel Yönetim Giderleri (-)                       (100.000)
ESAS FAALİYET KARI (ZARARI)                        300.000
Yatırım Faaliyetlerinden Gelirler                   20.000
FAALİYET KARI (ZARARI)                             320.000
DÖNEM KARI (ZARARI)                                320.000
`),
    ]).statements;
    expect(is?.canonical.operating_profit?.["2023-12-31"]).toBe(300_000);
  });

  it("joins 'TOPLAM KISA VADELİ' to the 'YÜKÜMLÜLÜKLER' line under it", () => {
    const [bs] = extractStatements([
      pageFromText(`
FİNANSAL DURUM TABLOSU
                                                31.12.2023
Ticari Alacaklar                                   500.000
TOPLAM VARLIKLAR                                   500.000
Kısa Vadeli Borçlanmalar                           200.000
Ticari Borçlar                                     100.000
TOPLAM KISA VADELİ
YÜKÜMLÜLÜKLER                                      300.000
TOPLAM YÜKÜMLÜLÜKLER                               300.000
Ödenmiş Sermaye                                    200.000
TOPLAM ÖZKAYNAKLAR                                 200.000
TOPLAM KAYNAKLAR                                   500.000
`),
    ]).statements;
    expect(bs?.canonical.total_current_liabilities?.["2023-12-31"]).toBe(300_000);
    expect(bs?.canonical.total_liabilities?.["2023-12-31"]).toBe(300_000);
  });

  it("checks total assets against current assets and the lines printed between them", () => {
    const balance = (totalAssets: string) =>
      extractStatements([
        pageFromText(`
CONSOLIDATED BALANCE SHEETS
(Dollars in millions)                                  2022
Cash and cash equivalents                               400
Inventories                                             600
Total current assets                                  1,000
Property, plant and equipment, net                      300
Other assets                                            100
Total assets                                   ${totalAssets.padStart(12)}
Accounts payable                                        500
Total liabilities                                       500
Total stockholders' equity                              900
Total liabilities and stockholders' equity     ${totalAssets.padStart(12)}
`),
      ]).statements[0];
    const rule = "total_assets = total_current_assets + lines between";
    expect(balance("1,400")?.checks.find((c) => c.rule === rule)?.ok).toBe(true);
    // Total assets misread like its twin: the equality of the two no longer vouches for it.
    const misread = balance("1,300");
    expect(misread?.checks.find((c) => c.rule === rule)?.ok).toBe(false);
    expect(misread?.canonicalConfidence?.total_assets?.["2022-12-31"]).toBeLessThan(0.9);
  });
});

describe("extractStatements on a THP balance sheet printed to the kuruş", () => {
  const balance = (group: string) =>
    extractStatements([
      pageFromText(`
BİLANÇO (TL)
                                                               31.12.2021
I. DÖNEN VARLIKLAR                                           1.000.000,00
A. Hazır Değerler                                            1.000.000,00
100 Kasa                                                       400.000,00
102 Bankalar                                                   600.000,00
II. DURAN VARLIKLAR                                          2.747.728,78
D. Maddi Duran Varlıklar                     ${group.padStart(28)}
252 Binalar                                                  2.000.000,00
254 Taşıtlar                                                   847.728,78
257 Birikmiş Amortismanlar (-)                                (100.000,00)
AKTİF TOPLAMI                                                3.747.728,78
III. KISA VADELİ YABANCI KAYNAKLAR                           1.747.728,78
320 Satıcılar                                                1.747.728,78
V. ÖZKAYNAKLAR                                               2.000.000,00
500 Sermaye                                                  2.000.000,00
PASİF TOPLAMI                                                3.747.728,78
`),
    ]).statements[0];

  it("checks a group against its accounts to the kuruş", () => {
    const right = balance("2.747.728,78");
    expect(right?.checks.filter((c) => !c.ok)).toEqual([]);
    // Sixty kuruş off: within half a lira per line, but a misread all the same.
    const misread = balance("2.747.728,18");
    expect(misread?.checks.find((c) => c.rule === "Maddi Duran Varlıklar = sum of its accounts")?.ok).toBe(
      false,
    );
    expect(misread?.canonicalConfidence?.property_plant_equipment?.["2021-12-31"]).toBeLessThan(0.9);
    expect(misread?.flagged).toBe(true);
  });
});
