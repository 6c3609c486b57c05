import { describe, expect, it } from "vitest";
import type { RatioResult } from "../../analysis/types";
import type { CellValue, FormulaCells } from "./ratio-formula";
import { provenFormula, ratioFormula, roundHalfAway } from "./ratio-formula";

function cells(values: Record<string, number>, ratios: Record<string, number> = {}): FormulaCells {
  const at =
    (map: Record<string, number>, prefix: string) =>
    (key: string, period: string): CellValue | undefined => {
      const value = map[`${key}|${period}`];
      return value === undefined ? undefined : { ref: `${prefix}${key}@${period}`, value };
    };
  return { canonical: at(values, ""), ratio: at(ratios, "R:"), ratioFormula: () => undefined };
}

const ratio = (partial: Partial<RatioResult>): RatioResult => ({
  key: "current_ratio",
  group: "liquidity",
  period: "2024",
  value: null,
  formula: "",
  ...partial,
});

describe("ratioFormula", () => {
  it("carries Finstat's rounding so the formula gives exactly the stored value", () => {
    const values = cells({ "total_current_assets|2024": 300, "total_current_liabilities|2024": 7 });
    const result = ratio({
      value: roundHalfAway(300 / 7, 6),
      formula: "total_current_assets / total_current_liabilities",
    });
    expect(ratioFormula(result, undefined, values)).toBe(
      "ROUND(total_current_assets@2024/total_current_liabilities@2024,6)",
    );
    const exact = ratio({ value: 300 / 7, formula: result.formula });
    expect(ratioFormula(exact, undefined, values)).toBe(
      "total_current_assets@2024/total_current_liabilities@2024",
    );
  });

  it("derives total liabilities from its parts when the statement does not print it", () => {
    const values = cells({
      "total_current_liabilities|2024": 60,
      "total_non_current_liabilities|2024": 40,
      "total_assets|2024": 250,
    });
    const result = ratio({ key: "debt_ratio", value: 0.4, formula: "total_liabilities / total_assets" });
    expect(ratioFormula(result, undefined, values)).toBe(
      "(total_current_liabilities@2024+total_non_current_liabilities@2024)/total_assets@2024",
    );
  });

  it("averages with the prior period only when the analysis did", () => {
    const values = cells({ "net_income|2024": 10, "total_assets|2024": 120, "total_assets|2023": 80 });
    const formula = "net_income / avg(total_assets)";
    const average = ratio({
      key: "return_on_assets",
      value: 0.1,
      formula,
      basis: "average",
      priorPeriod: "2023",
    });
    expect(ratioFormula(average, "2023", values)).toBe(
      "net_income@2024/AVERAGE(total_assets@2024,total_assets@2023)",
    );
    const closing = ratio({ key: "return_on_assets", value: 10 / 120, formula, basis: "closing" });
    expect(ratioFormula(closing, "2023", values)).toBe("net_income@2024/total_assets@2024");
  });

  it("leaves out an optional input the document does not print, as the analysis does", () => {
    const values = cells({ "long_term_borrowings|2024": 50, "total_equity|2024": 200 });
    const result = ratio({
      key: "financial_debt_to_equity",
      value: 0.25,
      formula: "(short_term_borrowings + long_term_borrowings) / total_equity",
    });
    expect(ratioFormula(result, undefined, values)).toBe("long_term_borrowings@2024/total_equity@2024");
  });

  it("refers to another ratio's cell", () => {
    const values = cells({ "total_assets|2024": 400 }, { "net_working_capital|2024": 100 });
    const result = ratio({
      key: "working_capital_to_assets",
      value: 0.25,
      formula: "net_working_capital / total_assets",
    });
    expect(ratioFormula(result, undefined, values)).toBe("R:net_working_capital@2024/total_assets@2024");
  });

  it("gives no formula when the workbook cannot reproduce the value", () => {
    // The opening balance came from another document of the company.
    const values = cells({ "net_income|2024": 10, "total_assets|2024": 120 });
    const formula = "net_income / avg(total_assets)";
    const fromHistory = ratio({
      key: "return_on_assets",
      value: 0.1,
      formula,
      basis: "average",
      priorPeriod: "2023",
    });
    expect(ratioFormula(fromHistory, undefined, values)).toBeUndefined();
    expect(ratioFormula(ratio({ value: 2, formula: "a / b" }), undefined, values)).toBeUndefined();
    expect(
      ratioFormula(ratio({ value: 1.5, formula: "net_income / total_assets" }), undefined, values),
    ).toBeUndefined();
  });

  it("proves the days of a turnover from its cell", () => {
    const values = cells({}, { "inventory_turnover|2024": 4.624042 });
    expect(provenFormula("365 / inventory_turnover", 78.94, "2024", [undefined], values)).toBe(
      "ROUND(365/R:inventory_turnover@2024,2)",
    );
  });
});
