/**
 * The workbook's formulas recalculated by a real spreadsheet engine (LibreOffice headless) give
 * Finstat's own numbers, cached results are really recomputed, and a corrected printed line
 * flows through the canonical value to the ratios, the comparison and the common-size shares.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeStatements } from "../../src/analysis/analyze";
import { labelOf } from "../../src/analysis/labels";
import type { AnalysisOutput } from "../../src/analysis/types";
import { extractStatements } from "../../src/pipeline/statement/extract";
import { buildExcelReport } from "../../src/reports/excel";
import { kapPage } from "../fixtures/kap-page";
import { pageFromText } from "../fixtures/monospace-page";
import { CURRENT, sampleAnalysisOutput, sampleCompany } from "../fixtures/sample-output";
import { recalculateWithLibreOffice } from "./libreoffice";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

function formulaCells(
  workbook: ExcelJS.Workbook,
): Array<{ sheet: string; address: string; cell: ExcelJS.Cell }> {
  const found: Array<{ sheet: string; address: string; cell: ExcelJS.Cell }> = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) found.push({ sheet: sheet.name, address: cell.address, cell });
      }),
    );
  }
  return found;
}

function rowOf(sheet: ExcelJS.Worksheet, label: string): number {
  let number = 0;
  sheet.eachRow((row, index) => {
    if (!number && row.getCell(2).value === label) number = index;
  });
  return number;
}

function relativelyEqual(actual: unknown, expected: number): boolean {
  return typeof actual === "number" && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

/** What the pipeline reads from a KAP page: canonical values added up from real printed lines. */
function kapOutput(): AnalysisOutput {
  const { statements } = extractStatements([pageFromText(kapPage)]);
  return {
    ...sampleAnalysisOutput(statements),
    ...analyzeStatements(statements),
    document: { file: "kap.pdf", pages: 1, sha256: "0".repeat(64) },
  };
}

/** The cell a workbook name points at. */
function named(workbook: ExcelJS.Workbook, name: string): ExcelJS.Cell {
  const [range] = workbook.definedNames.getRanges(name).ranges;
  const [, sheet, column, row] = /^'?(.+?)'?!\$([A-Z]+)\$(\d+)$/.exec(range ?? "") ?? [];
  if (!sheet) throw new Error(`no name ${name}`);
  return workbook.getWorksheet(sheet.replaceAll("''", "'"))!.getCell(`${column}${row}`);
}

const output = sampleAnalysisOutput();
const kap = kapOutput();
let original: Uint8Array;
let kapWorkbook: Uint8Array;
let recalculated: ExcelJS.Workbook;
let garbled: ExcelJS.Workbook;
let edited: ExcelJS.Workbook;
let kapRecalculated: ExcelJS.Workbook;
const EDITED_LIABILITIES = 20_000_000;

beforeAll(async () => {
  original = await buildExcelReport(output, { language: "en", company: sampleCompany });
  kapWorkbook = await buildExcelReport(kap, { language: "tr" });

  // Same workbook with every cached result replaced by nonsense: LibreOffice must recompute them.
  const garbage = await load(original);
  for (const { cell } of formulaCells(garbage))
    cell.value = { formula: cell.formula, result: 999_999 } as ExcelJS.CellFormulaValue;

  // And one with a printed line corrected, as an analyst would: the 2024 current liabilities.
  const edit = await load(original);
  const balance = edit.getWorksheet("Balance Sheet")!;
  balance.eachRow((row) => {
    if (row.getCell(1).value === "Kısa Vadeli Yabancı Kaynaklar") row.getCell(3).value = EDITED_LIABILITIES;
  });

  const [first, second, third, fourth] = await recalculateWithLibreOffice([
    original,
    new Uint8Array(await garbage.xlsx.writeBuffer()),
    new Uint8Array(await edit.xlsx.writeBuffer()),
    kapWorkbook,
  ]);
  recalculated = await load(first!);
  garbled = await load(second!);
  edited = await load(third!);
  kapRecalculated = await load(fourth!);
}, 180_000);

describe("Excel report recalculated by LibreOffice", () => {
  it("gives every ratio's value to within 1e-9 relative", () => {
    const ratios = recalculated.getWorksheet("Ratios")!;
    let checked = 0;
    for (const ratio of output.ratios) {
      if (ratio.value === null) continue;
      const cell = ratios.getCell(rowOf(ratios, labelOf(ratio.key, "en")), ratio.period === CURRENT ? 4 : 5);
      expect(cell.formula, ratio.key).toBeTruthy();
      expect(
        relativelyEqual(cell.result, ratio.value),
        `${ratio.key} ${ratio.period}: ${cell.result} vs ${ratio.value}`,
      ).toBe(true);
      checked++;
    }
    expect(checked).toBe(output.ratios.filter((ratio) => ratio.value !== null).length);
  });

  it("recomputes every formula of every sheet to the cached value", async () => {
    const before = formulaCells(await load(original));
    expect(before.length).toBeGreaterThan(50);
    for (const { sheet, address, cell } of before) {
      const after = recalculated.getWorksheet(sheet)!.getCell(address);
      expect(relativelyEqual(after.result, cell.result as number), `${sheet}!${address}`).toBe(true);
    }
  });

  it("replaces garbage cached results with the real ones", async () => {
    const before = formulaCells(await load(original));
    for (const { sheet, address, cell } of before) {
      const after = garbled.getWorksheet(sheet)!.getCell(address);
      expect(after.result, `${sheet}!${address}`).not.toBe(999_999);
      expect(relativelyEqual(after.result, cell.result as number), `${sheet}!${address}`).toBe(true);
    }
  });

  it("follows a corrected printed line to the canonical value, ratios, comparison and shares", () => {
    const liabilities = named(edited, "total_current_liabilities_2024");
    expect(liabilities.formula).toMatch(/^C\d+$/);
    expect(liabilities.result).toBe(EDITED_LIABILITIES);
    const ratios = edited.getWorksheet("Ratios")!;
    const current = ratios.getCell(rowOf(ratios, "Current ratio"), 4).result;
    expect(relativelyEqual(current, Math.round((28_840_200 / EDITED_LIABILITIES) * 1e6) / 1e6)).toBe(true);
    const unchanged = ratios.getCell(rowOf(ratios, "Current ratio"), 5).result;
    expect(unchanged).toBe(
      output.ratios.find((r) => r.key === "current_ratio" && r.period !== CURRENT)?.value,
    );
    const comparison = edited.getWorksheet("Comparison")!;
    let row: ExcelJS.Row | undefined;
    comparison.eachRow((candidate) => {
      if (candidate.getCell(3).value === "Total current liabilities" && candidate.getCell(1).value === "Item")
        row = candidate;
    });
    expect(row!.getCell(7).result).toBe(EDITED_LIABILITIES);
    expect(row!.getCell(8).result).toBe(EDITED_LIABILITIES - 11_867_250);
    const percent = row!.getCell(9).result as number;
    expect(percent).toBeCloseTo((EDITED_LIABILITIES - 11_867_250) / 11_867_250, 6);
    expect(row!.getCell(11).result).toBeCloseTo(EDITED_LIABILITIES / 48_475_400, 6);
  });

  it("builds a pipeline reading's canonical values from its printed lines and recalculates them to the JSON", () => {
    const lineFormulas = new Set<string>();
    let checked = 0;
    for (const statement of kap.statements) {
      for (const [key, values] of Object.entries(statement.canonical)) {
        for (const [period, value] of Object.entries(values ?? {})) {
          const cell = named(kapRecalculated, `${key}_${period.slice(0, 4)}`);
          expect(cell.formula, `${key} ${period}`).toBeTruthy();
          expect(relativelyEqual(cell.result, value), `${key} ${period}: ${cell.result} vs ${value}`).toBe(
            true,
          );
          lineFormulas.add(cell.formula.replace(/\d+/g, "#"));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
    // Two expense lines add up to operating expenses; costs printed in parentheses enter as printed.
    expect(lineFormulas).toContain("C#+C#");
    for (const ratio of kap.ratios) {
      if (ratio.value === null) continue;
      const sheet = kapRecalculated.getWorksheet("Oranlar")!;
      const cell = sheet.getCell(
        rowOf(sheet, labelOf(ratio.key, "tr")),
        ratio.period === "2024-12-31" ? 4 : 5,
      );
      expect(cell.formula, ratio.key).toBeTruthy();
      expect(relativelyEqual(cell.result, ratio.value), `${ratio.key} ${ratio.period}`).toBe(true);
    }
  });

  it("recomputes every formula of the pipeline reading's workbook to the cached value", async () => {
    const before = formulaCells(await load(kapWorkbook));
    expect(before.length).toBeGreaterThan(100);
    for (const { sheet, address, cell } of before) {
      const after = kapRecalculated.getWorksheet(sheet)!.getCell(address);
      expect(relativelyEqual(after.result, cell.result as number), `${sheet}!${address}`).toBe(true);
    }
  });
});
