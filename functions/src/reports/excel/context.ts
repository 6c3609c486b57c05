import type ExcelJS from "exceljs";
import type { AnalysisOutput, RatioResult } from "../../analysis/types";
import type { ReportLanguage, ReportOptions } from "../options";
import type { ReportPeriod } from "../periods";
import type { CellValue, FormulaCells } from "./ratio-formula";

/** What the sheets share while the workbook is built: the document and where its values landed. */
export interface WorkbookContext {
  workbook: ExcelJS.Workbook;
  output: AnalysisOutput;
  options: ReportOptions;
  language: ReportLanguage;
  periods: ReportPeriod[];
  lowConfidenceBelow: number;
  cells: CellRegistry;
}

export function quoteSheet(name: string): string {
  return `'${name.replaceAll("'", "''")}'`;
}

/** Canonical values and ratios by `${key}|${period}`, registered as the sheets place them. */
export class CellRegistry implements FormulaCells {
  private readonly canonicalCells = new Map<string, CellValue>();
  private readonly ratioCells = new Map<string, CellValue>();

  constructor(private readonly ratios: RatioResult[]) {}

  registerCanonical(key: string, period: string, ref: string, value: number): void {
    const id = `${key}|${period}`;
    if (!this.canonicalCells.has(id)) this.canonicalCells.set(id, { ref, value });
  }

  registerRatio(key: string, period: string, ref: string, value: number): void {
    this.ratioCells.set(`${key}|${period}`, { ref, value });
  }

  canonical(key: string, period: string): CellValue | undefined {
    return this.canonicalCells.get(`${key}|${period}`);
  }

  ratio(key: string, period: string): CellValue | undefined {
    return this.ratioCells.get(`${key}|${period}`);
  }

  ratioFormula(key: string, period: string): string | undefined {
    return this.ratios.find((ratio) => ratio.key === key && ratio.period === period)?.formula;
  }
}
