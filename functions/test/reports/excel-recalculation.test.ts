/**
 * The workbook's formulas recalculated by a real spreadsheet engine (LibreOffice headless) give
 * Finstat's own numbers, cached results are really recomputed, and an edited input flows through.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { labelOf } from "../../src/analysis/labels";
import { buildExcelReport } from "../../src/reports/excel";
import { CURRENT, sampleAnalysisOutput, sampleCompany } from "../../src/reports/sample-output.fixture";
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

const output = sampleAnalysisOutput();
let original: Uint8Array;
let recalculated: ExcelJS.Workbook;
let garbled: ExcelJS.Workbook;
let edited: ExcelJS.Workbook;
let editedLiabilities = 0;

beforeAll(async () => {
  original = await buildExcelReport(output, { language: "en", company: sampleCompany });

  // Same workbook with every cached result replaced by nonsense: LibreOffice must recompute them.
  const garbage = await load(original);
  for (const { cell } of formulaCells(garbage))
    cell.value = { formula: cell.formula, result: 999_999 } as ExcelJS.CellFormulaValue;

  // And one with an input changed, as an analyst would.
  const edit = await load(original);
  const balance = edit.getWorksheet("Balance Sheet")!;
  balance.eachRow((row) => {
    if (row.getCell(2).value === "total_current_liabilities") {
      editedLiabilities = 20_000_000;
      row.getCell(3).value = editedLiabilities;
    }
  });

  const [first, second, third] = await recalculateWithLibreOffice([
    original,
    new Uint8Array(await garbage.xlsx.writeBuffer()),
    new Uint8Array(await edit.xlsx.writeBuffer()),
  ]);
  recalculated = await load(first!);
  garbled = await load(second!);
  edited = await load(third!);
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

  it("follows an edited input through to the ratios", () => {
    const ratios = edited.getWorksheet("Ratios")!;
    const current = ratios.getCell(rowOf(ratios, "Current ratio"), 4).result;
    expect(editedLiabilities).toBe(20_000_000);
    expect(relativelyEqual(current, Math.round((28_840_200 / editedLiabilities) * 1e6) / 1e6)).toBe(true);
    const unchanged = ratios.getCell(rowOf(ratios, "Current ratio"), 5).result;
    expect(unchanged).toBe(
      output.ratios.find((r) => r.key === "current_ratio" && r.period !== CURRENT)?.value,
    );
  });
});
