import { describe, expect, it } from "vitest";
import { pageFromText } from "../../../test/fixtures/monospace-page";
import { chooseStatementPages, type PageSurvey, surveyPage } from "./statement-pages";

const grouped = (n: number) => n.toLocaleString("en-US");
const figures = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `Line ${i}   ${grouped((i + 1) * 12_345)}   ${grouped((i + 1) * 9_876)}`,
  );
/** A page typed as monospace text, surveyed as the pipeline surveys a text layer. */
const page = (number: number, lines: string[]): PageSurvey =>
  surveyPage(number, pageFromText(lines.join("\n"), { page: number }).words);

describe("chooseStatementPages", () => {
  const report = [
    page(1, ["ANNUAL REPORT 2023", "Türk Hava Yolları A.O."]),
    page(2, ["İÇİNDEKİLER", "Konsolide Finansal Durum Tablosu 1-2", "Konsolide Kar veya Zarar Tablosu 3"]),
    page(3, ["BAĞIMSIZ DENETÇİ RAPORU", "Konsolide finansal durum tablosunu denetlemiş bulunuyoruz."]),
    page(4, ["31 Aralık 2023 Tarihi İtibarıyla Konsolide Finansal Durum Tablosu", ...figures(20)]),
    page(5, ["31 Aralık 2023 Tarihi İtibarıyla Konsolide Finansal Durum Tablosu", ...figures(20)]),
    page(6, ["Konsolide Kar veya Zarar Tablosu", ...figures(18)]),
    page(7, ["Konsolide Nakit Akış Tablosu", ...figures(25)]),
    page(8, ["Konsolide Finansal Tablolara İlişkin Dipnotlar", "NOT 5 - NAKİT", ...figures(12)]),
  ];

  it("keeps the statements' pages of a long report and leaves the cover, contents, audit report, cash flow and notes", () => {
    expect(chooseStatementPages(report).pages).toEqual([4, 5, 6]);
  });

  it("keeps a page that closes a statement with a few figures", () => {
    const choice = chooseStatementPages([
      page(1, ["STATEMENT OF FINANCIAL POSITION AT 31 December 2022", ...figures(14)]),
      page(2, ["SHAREHOLDERS' FUNDS   375,004   285,564", "Approved by the board on 7 February 2023"]),
      page(3, ["NOTES TO THE ACCOUNTS", ...figures(10)]),
    ]);
    expect(choice.pages).toEqual([1, 2]);
  });

  it("reads the consolidated statements and says so when separate ones are printed too", () => {
    const choice = chooseStatementPages([
      page(10, ["Konsolide Finansal Durum Tablosu", ...figures(20)]),
      page(11, ["Konsolide Olmayan Finansal Durum Tablosu", ...figures(20)]),
      page(12, ["Consolidated statement of profit or loss", ...figures(15)]),
      page(13, ["Separate statement of profit or loss", ...figures(15)]),
    ]);
    expect(choice.pages).toEqual([10, 12]);
    expect(choice.warnings).toContain("separate_statements_ignored");
  });

  it("keeps untitled pages with figures in a short document only", () => {
    const untitled = [page(1, ["Summary of accounts", ...figures(12)])];
    expect(chooseStatementPages(untitled).pages).toEqual([]);
    expect(chooseStatementPages(untitled, { lenient: true }).pages).toEqual([1]);
  });
});
