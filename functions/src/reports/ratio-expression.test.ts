import { describe, expect, it } from "vitest";
import { sampleAnalysisOutput } from "../../test/fixtures/sample-output";
import { parseRatioFormula } from "./ratio-expression";
import { formulaText } from "./ratio-text";

describe("parseRatioFormula", () => {
  it("reads every formula the analysis emits", () => {
    const formulas = new Set(sampleAnalysisOutput().ratios.map((ratio) => ratio.formula));
    expect(formulas.size).toBeGreaterThanOrEqual(20);
    for (const formula of formulas) expect(parseRatioFormula(formula), formula).toBeDefined();
  });

  it("keeps precedence and functions", () => {
    expect(parseRatioFormula("(a - b) / c")).toEqual({
      op: "/",
      left: { op: "-", left: { op: "name", name: "a" }, right: { op: "name", name: "b" } },
      right: { op: "name", name: "c" },
    });
    expect(parseRatioFormula("365 / x + abs(y) − avg(z)")).toEqual({
      op: "-",
      left: {
        op: "+",
        left: { op: "/", left: { op: "number", value: 365 }, right: { op: "name", name: "x" } },
        right: { op: "abs", of: { op: "name", name: "y" } },
      },
      right: { op: "avg", of: { op: "name", name: "z" } },
    });
  });

  it("refuses what is not plain arithmetic over names", () => {
    expect(parseRatioFormula("a / (b")).toBeUndefined();
    expect(parseRatioFormula("a ^ b")).toBeUndefined();
    expect(parseRatioFormula("")).toBeUndefined();
  });

  it("prints a formula with item names in the reader's language", () => {
    expect(formulaText("(total_current_assets - inventories) / total_current_liabilities", "tr")).toBe(
      "(Dönen varlıklar toplamı − Stoklar) / Kısa vadeli yabancı kaynaklar toplamı",
    );
    expect(formulaText("net_income / avg(total_equity)", "en")).toBe("Net income / avg.(Total equity)");
    expect(formulaText("365 / inventory_turnover", "en")).toBe("365 / Inventory turnover");
  });
});
