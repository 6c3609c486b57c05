import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  CURRENT,
  latestBalanceSheetOnly,
  PRIOR,
  sampleAnalysisOutput,
  sampleCompany,
} from "../../../test/fixtures/sample-output";
import { labelOf } from "../../analysis/labels";
import type { AnalysisOutput } from "../../analysis/types";
import { buildExcelReport } from "./index";

async function workbookOf(output: AnalysisOutput, language: "tr" | "en") {
  const bytes = await buildExcelReport(output, {
    language,
    company: sampleCompany,
    generatedAt: new Date("2025-03-14T10:00:00Z"),
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

function findRow(sheet: ExcelJS.Worksheet, column: number, text: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && row.getCell(column).value === text) found = row;
  });
  if (!found) throw new Error(`no row with "${text}" in ${sheet.name}`);
  return found;
}

describe("buildExcelReport", () => {
  it("has the seven sheets, named in the report's language, and the document properties", async () => {
    const tr = await workbookOf(sampleAnalysisOutput(), "tr");
    expect(tr.worksheets.map((sheet) => sheet.name)).toEqual([
      "Özet",
      "Bilanço",
      "Gelir Tablosu",
      "Oranlar",
      "Karşılaştırma",
      "Uyarılar",
      "Kaynaklar",
    ]);
    const en = await workbookOf(sampleAnalysisOutput(), "en");
    expect(en.worksheets.map((sheet) => sheet.name)).toEqual([
      "Summary",
      "Balance Sheet",
      "Income Statement",
      "Ratios",
      "Comparison",
      "Alerts",
      "Sources",
    ]);
    expect(en.creator).toBe("Finstat");
    expect(en.title).toBe("Financial Analysis Report — Ege Yıldız Gıda Sanayi ve Ticaret A.Ş.");
    expect(en.created.toISOString()).toBe("2025-03-14T10:00:00.000Z");
  });

  it("writes every computed ratio as a formula over the statement cells, with Finstat's value cached", async () => {
    const output = sampleAnalysisOutput();
    const workbook = await workbookOf(output, "en");
    const sheet = workbook.getWorksheet("Ratios")!;
    const header = sheet.getRow(4);
    const columnOf = (period: string) => (period === CURRENT ? 4 : 5);
    expect(header.getCell(4).value).toBe("31 Dec 2024");
    let formulas = 0;
    for (const ratio of output.ratios) {
      if (ratio.value === null) continue;
      const cell = findRow(sheet, 2, labelOf(ratio.key, "en")).getCell(columnOf(ratio.period));
      expect(cell.formula, `${ratio.key} ${ratio.period}`).toBeTruthy();
      expect(cell.result).toBe(ratio.value);
      formulas++;
    }
    expect(formulas).toBeGreaterThanOrEqual(40);
    const current = findRow(sheet, 2, "Current ratio").getCell(4);
    expect(current.formula).toBe("ROUND(total_current_assets_2024/total_current_liabilities_2024,6)");
    expect(current.numFmt).toBe("0.00");
    expect(findRow(sheet, 2, "Net margin").getCell(4).numFmt).toBe("0.00%");
  });

  it("averages both period cells for avg() ratios that have an opening balance", async () => {
    const workbook = await workbookOf(sampleAnalysisOutput(), "en");
    const sheet = workbook.getWorksheet("Ratios")!;
    const roa = findRow(sheet, 2, "Return on assets");
    expect(roa.getCell(4).formula).toContain("AVERAGE(total_assets_2024,total_assets_2023)");
    const [assetsCurrent, assetsPrior] = ["total_assets_2024", "total_assets_2023"].map(
      (name) => /^'Balance Sheet'!\$([A-Z]+)\$(\d+)$/.exec(workbook.definedNames.getRanges(name).ranges[0]!)!,
    );
    expect(assetsCurrent?.[2]).toBe(assetsPrior?.[2]);
    const balance = workbook.getWorksheet("Balance Sheet")!;
    const total = balance.getCell(`${assetsCurrent![1]}${assetsCurrent![2]}`);
    // The canonical total is the printed total line, not a typed-in number.
    expect(total.formula).toMatch(/^C\d+$/);
    expect(total.result).toBe(48_475_400);
    expect(balance.getCell(`${assetsPrior![1]}${assetsPrior![2]}`).result).toBe(39_717_800);
    // 2023 has no opening balance in the document: the closing value is used.
    expect(roa.getCell(5).formula).not.toContain("AVERAGE");
    expect(roa.getCell(6).value).toBe("31 Dec 2024: average; 31 Dec 2023: closing");
  });

  it("writes a canonical value no printed line carries as a formula over the values it derives from", async () => {
    const output = sampleAnalysisOutput();
    const balance = output.statements[0]!;
    balance.canonical.total_liabilities = { [CURRENT]: 17_020_000 + 8_620_000 };
    const workbook = await workbookOf(output, "en");
    const [range] = workbook.definedNames.getRanges("total_liabilities_2024").ranges;
    const address = range!.split("!")[1]!.replaceAll("$", "");
    const cell = workbook.getWorksheet("Balance Sheet")!.getCell(address);
    expect(cell.formula).toBe("total_current_liabilities_2024+total_non_current_liabilities_2024");
    expect(cell.result).toBe(25_640_000);
    // A value that neither its lines nor a derivation give stays a number, with a note saying so.
    balance.canonical.total_liabilities = { [CURRENT]: 1 };
    const constant = (await workbookOf(output, "en")).getWorksheet("Balance Sheet")!.getCell(address);
    expect(constant.value).toBe(1);
    expect(String(constant.note)).toContain("could not be built");
  });

  it("shows why a ratio could not be computed instead of a number", async () => {
    const output = sampleAnalysisOutput();
    const income = output.statements.find((statement) => statement.type === "income_statement")!;
    delete income.canonical.finance_expense;
    const { analyzeStatements } = await import("../../analysis/analyze");
    Object.assign(output, analyzeStatements(output.statements));
    const workbook = await workbookOf(output, "tr");
    const row = findRow(workbook.getWorksheet("Oranlar")!, 2, "Faiz karşılama oranı");
    expect(row.getCell(4).value).toBeNull();
    expect(row.getCell(7).value).toBe(
      "31.12.2024: eksik: Finansman giderleri; 31.12.2023: eksik: Finansman giderleri",
    );
    expect(workbook.getWorksheet("Oranlar")!.getRow(4).getCell(7).value).toBe("Hesaplanamadığı dönemler");
  });

  it("shades low-confidence and failed-check values with a note saying why", async () => {
    const workbook = await workbookOf(sampleAnalysisOutput(), "en");
    const sheet = workbook.getWorksheet("Balance Sheet")!;
    const printed = findRow(sheet, 1, "Diğer Dönen Varlıklar");
    const prior = printed.getCell(4);
    expect(prior.value).toBe(720_850);
    expect((prior.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFF8CBAD");
    const note = typeof prior.note === "string" ? prior.note : prior.note?.texts?.map((t) => t.text).join("");
    expect(note).toContain("Confidence: 58%");
    expect(note).toContain("Sources: text layer, OCR");
    expect(note).toContain("Failed check: Total current assets = sum of its lines (difference 500.00)");
    expect(note).toContain("Other candidate: 720,350.00 (arithmetic, 70%)");
    const payables = findRow(sheet, 1, "Ticari Borçlar").getCell(3);
    expect((payables.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFCE4D6");
    // A well-read value is left alone.
    expect(findRow(sheet, 1, "Stoklar").getCell(3).note).toBeUndefined();
  });

  it("formats, freezes and sets up every sheet for printing", async () => {
    const workbook = await workbookOf(sampleAnalysisOutput(), "tr");
    const sheet = workbook.getWorksheet("Bilanço")!;
    expect(findRow(sheet, 1, "Stoklar").getCell(3).numFmt).toBe("#,##0.00;-#,##0.00");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 4 });
    expect(sheet.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(sheet.getColumn(1).width).toBeGreaterThan(40);
    for (const name of ["Oranlar", "Karşılaştırma", "Uyarılar", "Kaynaklar"]) {
      expect(workbook.getWorksheet(name)!.views[0]?.state, name).toBe("frozen");
    }
  });

  it("links the summary's key figures to their cells and lists the failed check", async () => {
    const workbook = await workbookOf(sampleAnalysisOutput(), "en");
    const summary = workbook.getWorksheet("Summary")!;
    expect(findRow(summary, 1, "Company").getCell(2).value).toBe(sampleCompany.name);
    const assets = findRow(summary, 1, "Total assets").getCell(2);
    expect(assets.formula).toBe("total_assets_2024");
    expect(assets.result).toBe(48_475_400);
    expect(findRow(summary, 1, "Current ratio").getCell(2).formula).toMatch(/^'Ratios'!D\d+$/);
    const failed = findRow(summary, 1, "Failed check (31 Dec 2023)");
    expect(failed.getCell(2).value).toBe("Total current assets = sum of its lines");
    expect(failed.getCell(4).value).toBe(500);
  });

  it("lists a balance it could not check as not checked, never as passed, with warnings in words", async () => {
    const output = sampleAnalysisOutput();
    for (const statement of output.statements)
      statement.checks = statement.checks.filter((check) => check.ok);
    output.statements[0]!.unchecked = [
      { rule: "total_assets = total_liabilities_and_equity", period: CURRENT, missing: ["total_assets"] },
    ];
    output.warnings = ["unit_not_stated"];
    const summary = (await workbookOf(output, "tr")).getWorksheet("Özet")!;
    const notChecked = findRow(summary, 1, "Kontrol edilemedi, toplam bulunamadı (31.12.2024)");
    expect(notChecked.getCell(2).value).toBe("Toplam varlıklar = Toplam kaynaklar");
    expect(() => findRow(summary, 1, "Tüm aritmetik kontroller tuttu")).toThrow();
    expect(findRow(summary, 1, "Uyarı notları").getCell(2).value).toContain("belgede yazmıyor");
  });

  it("keeps the five most important alerts on the summary and points to the Alerts sheet for the rest", async () => {
    const output = sampleAnalysisOutput();
    expect(output.alerts.length).toBeGreaterThan(5);
    const workbook = await workbookOf(output, "tr");
    const summary = workbook.getWorksheet("Özet")!;
    const shown = new Set(output.alerts.map((alert) => alert.message.tr));
    let count = 0;
    summary.eachRow((row) => {
      if (shown.has(String(row.getCell(2).value))) count++;
    });
    expect(count).toBe(5);
    findRow(summary, 1, `${output.alerts.length - 5} uyarı daha Uyarılar sayfasında.`);
  });

  it("fills comparison, alerts and sources from the analysis", async () => {
    const output = sampleAnalysisOutput();
    const workbook = await workbookOf(output, "en");
    const comparison = workbook.getWorksheet("Comparison")!;
    expect(comparison.rowCount - 3).toBe(output.comparison.length);
    const inventories = findRow(comparison, 3, "Inventories");
    const row = output.comparison.find((r) => r.key === "inventories" && r.period === CURRENT)!;
    expect(inventories.getCell(6).formula).toBe("inventories_2023");
    expect(inventories.getCell(6).result).toBe(8_105_700);
    expect(inventories.getCell(8).formula).toMatch(/^ROUND\(G\d+-F\d+,2\)$|^G\d+-F\d+$/);
    expect(inventories.getCell(9).result).toBeCloseTo(row.changePercent! / 100, 12);
    expect(inventories.getCell(11).formula).toBe("ROUND(inventories_2024/total_assets_2024,6)");
    expect(inventories.getCell(11).result).toBe(row.vertical);
    const alerts = workbook.getWorksheet("Alerts")!;
    expect(alerts.rowCount - 3).toBe(output.alerts.length);
    // Rules by name, not by their identifiers.
    expect(output.alerts.some((alert) => alert.rule === "material_change")).toBe(true);
    expect(alerts.getColumn(7).values).toContain("Material change");
    expect(alerts.getColumn(7).values).not.toContain("material_change");
    const sources = workbook.getWorksheet("Sources")!;
    const printedValues = output.statements.flatMap((s) =>
      s.items.flatMap((i) => Object.values(i.values)),
    ).length;
    expect(sources.rowCount - 3).toBe(printedValues);
    const ocrRow = findRow(sources, 4, "Ticari Borçlar");
    expect(ocrRow.getCell(2).value).toBe(2);
    expect(ocrRow.getCell(8).value).toBe("OCR");
    expect([PRIOR, CURRENT]).toContain(output.alerts[0]?.period);
  });

  it("copes with a single balance sheet of one period", async () => {
    const output = sampleAnalysisOutput(latestBalanceSheetOnly());
    expect(output.comparison).toEqual([]);
    const workbook = await workbookOf(output, "en");
    expect(workbook.getWorksheet("Income Statement")).toBeUndefined();
    const ratios = workbook.getWorksheet("Ratios")!;
    expect(findRow(ratios, 2, "Current ratio").getCell(4).formula).toBeTruthy();
    expect(findRow(ratios, 2, "Net margin").getCell(6).value).toBe(
      "31 Dec 2024: missing: Net income, Revenue",
    );
    expect(workbook.getWorksheet("Comparison")!.getCell("A4").value).toBe(
      "There is no second period to compare.",
    );
  });

  it("refuses damaged input with a message for the user", async () => {
    const output = sampleAnalysisOutput();
    (output.statements[0] as { periods: unknown }).periods = undefined;
    await expect(buildExcelReport(output, { language: "en" })).rejects.toMatchObject({
      code: "report_input_invalid",
    });
    await expect(buildExcelReport(sampleAnalysisOutput(), { language: "de" as "en" })).rejects.toMatchObject({
      code: "report_language_unsupported",
    });
  });
});
