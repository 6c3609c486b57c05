import { describe, expect, it } from "vitest";
import { pageFromText } from "../../../test/fixtures/monospace-page";
import { extractStatements } from "./extract";

// Statements as OCR reads them: garbled dates, noise, misread words.

describe("extractStatements when OCR garbled the year in the title", () => {
  const page = pageFromText(`
Meridian Components AG
Statement of profit or loss
for the year ended 31 December 20623
EUR million
                                          Notes          2022          2023
Revenue                                      29        14,397        37,731
Cost of sales                                30       (10,883)      (27,626)
Gross profit                                            3,514        10,105
Operating profit                                        3,514        10,105
Income tax expense                                       (219)         (677)
Profit for the year                                     3,295         9,428
`);
  const [is] = extractStatements([page]).statements;

  it("still reads the row of years below it as the column headings", () => {
    expect(is?.periods.map((p) => p.id)).toEqual(["2022-12-31", "2023-12-31"]);
    expect(is?.canonical.revenue).toEqual({ "2022-12-31": 14_397_000_000, "2023-12-31": 37_731_000_000 });
    expect(is?.items.find((i) => i.key === "revenue")?.note).toBe("29");
  });
});

describe("extractStatements on OCR lines below net earnings", () => {
  const page = pageFromText(
    `
CONSOLIDATED STATEMENTS OF EARNINGS
Dollars in millions                                    2022         2021
Net sales                                             7,107        7,341
Cost of products sold                                 4,562        4,142
Gross profit                                          2,545        3,199
Earnings before income taxes                            607          900
Income taxes                                            136          181
Net earnings                                            471          719
Less: Net earnings attributable to noncontrolling interests   9      9
Net earnings attributable to Clorox                     462          710
`,
    { source: "ocr", confidence: 0.95 },
  );
  const [is] = extractStatements([page]).statements;

  it("does not shorten a known attribution line into net earnings", () => {
    expect(is?.canonical.net_income).toEqual({ "2022-12-31": 471_000_000, "2021-12-31": 719_000_000 });
    const nci = is?.items.find((i) => i.label.startsWith("Less: Net earnings"));
    expect(nci?.key).toBeUndefined();
  });
});

describe("extractStatements when OCR misread the year of a column header", () => {
  const balance = `
ABC TEKSTİL A.Ş.
31 ARALIK 2024 TARİHİ İTİBARIYLA
FİNANSAL DURUM TABLOSU
                                          Dipnot      31.12.2026
Nakit ve Nakit Benzerleri                      3       400.000
Ticari Alacaklar                               4       600.000
Toplam Dönen Varlıklar                               1.000.000
Toplam Varlıklar                                     1.000.000
Toplam Yükümlülükler                                   400.000
Toplam Özkaynaklar                                     600.000
Toplam Kaynaklar                                     1.000.000
`;
  const income = `
ABC TEKSTİL A.Ş.
KAR VEYA ZARAR TABLOSU
                                          Dipnot   01.01.2024-
                                                   31.12.2024
Hasılat                                       12     900.000
Satışların Maliyeti (-)                             (600.000)
BRÜT KAR (ZARAR)                                     300.000
DÖNEM KARI (ZARARI)                                  300.000
`;
  const { statements, warnings } = extractStatements([
    pageFromText(balance, { page: 1, source: "ocr", confidence: 0.95 }),
    pageFromText(income, { page: 2, source: "ocr", confidence: 0.95 }),
  ]);
  const bs = statements.find((s) => s.type === "balance_sheet");

  it("dates the column from the title when the other statement prints that date too", () => {
    expect(bs?.periods.map((p) => p.id)).toEqual(["2024-12-31"]);
    expect(bs?.canonical.total_assets?.["2024-12-31"]).toBe(1_000_000);
    expect(bs?.canonicalConfidence?.total_assets?.["2024-12-31"]).toBeLessThan(0.9);
    expect(bs?.flagged).toBe(true);
    expect(warnings).toContain("balance_sheet_period_year_from_title");
  });

  it("leaves a header alone when nothing else in the document prints the title's date", () => {
    const alone = extractStatements([pageFromText(balance, { source: "ocr", confidence: 0.95 })]);
    expect(alone.statements[0]?.periods.map((p) => p.id)).toEqual(["2026-12-31"]);
  });
});

describe("extractStatements beside a page OCR could not read", () => {
  const garbage = pageFromText(
    `
£5 N a m ASK x o 82 28
mn
KİPA 1838 888 HT 88 32 O
`,
    { page: 1, source: "ocr", confidence: 0.3 },
  );
  const income = pageFromText(
    `
KAR VEYA ZARAR TABLOSU
(TL)                                                 31.12.2024
Hasılat                                                 900.000
Satışların Maliyeti (-)                                (600.000)
BRÜT KAR (ZARAR)                                        300.000
DÖNEM KARI (ZARARI)                                     300.000
`,
    { page: 2, source: "ocr", confidence: 0.95 },
  );

  it('takes no unit from the garbage: "mn" read off noise does not make it millions', () => {
    const [is] = extractStatements([garbage, income]).statements;
    expect(is?.unit).toBe(1);
    expect(is?.canonical.revenue?.["2024-12-31"]).toBe(900_000);
  });
});

describe("extractStatements when OCR read the comma of a fiscal year end as a full stop", () => {
  const [bs] = extractStatements([
    pageFromText(
      `
CONSOLIDATED BALANCE SHEETS
(Dollars in millions)
                                                      September 30.
                                                    2019         2020
Cash and cash equivalents                            127          164
Total current assets                                 127          164
Total assets                                         127          164
Total liabilities                                     27           64
Total stockholders' equity                           100          100
Total liabilities and stockholders' equity           127          164
`,
      { source: "ocr", confidence: 0.95 },
    ),
  ]).statements;

  it("still ends the years on September 30", () => {
    expect(bs?.periods.map((p) => p.id)).toEqual(["2019-09-30", "2020-09-30"]);
  });
});

describe("extractStatements when OCR garbled the day over one year column", () => {
  const [is] = extractStatements([
    pageFromText(
      `
CONSOLIDATED STATEMENTS OF EARNINGS
(Dollars in thousands)
                                        ended September          360,
                                                    2023         2022
Net sales                                        353,273      365,570
Cost of products sold                           (261,848)    (208,976)
Gross profit                                      91,425      156,594
Net earnings                                      91,425      156,594
`,
      { source: "ocr", confidence: 0.95 },
    ),
  ]).statements;

  it("ends both years on the day printed over the other", () => {
    expect(is?.periods.map((p) => p.id)).toEqual(["2023-09-30", "2022-09-30"]);
  });
});
