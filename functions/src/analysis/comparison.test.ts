import { describe, expect, it } from "vitest";
import { balanceSheet, exampleStatements, incomeStatement } from "../../test/fixtures/example-company";
import { comparePeriods, compareRatios, percentChange } from "./comparison";
import { buildPeriodMap } from "./periods";
import { computeRatios } from "./ratios";
import type { ComparisonRow, RatioResult } from "./types";

const row = (rows: ComparisonRow[], key: string) => rows.find((r) => r.key === key);

describe("percentChange", () => {
  it("is relative to the magnitude of the base, and null on a zero base", () => {
    expect(percentChange(200, 250)).toBe(25);
    expect(percentChange(-100, -50)).toBe(50); // a loss halved: (−50 − −100) / |−100| = +50%
    expect(percentChange(-100, 20)).toBe(120);
    expect(percentChange(-600, -900)).toBe(-50); // a cost grew by half: worse for profit
    expect(percentChange(0, 10)).toBeNull();
  });
});

describe("comparePeriods on the example company", () => {
  const statements = exampleStatements();
  const periods = buildPeriodMap(statements);
  const rows = comparePeriods(periods, computeRatios(statements));

  it("compares every canonical key present in both periods", () => {
    const receivables = row(rows, "trade_receivables");
    // 300,000 − 200,000 = 100,000; 100,000 / 200,000 = 50%
    expect(receivables).toMatchObject({
      kind: "item",
      statement: "balance_sheet",
      basePeriod: "2023-12-31",
      period: "2024-12-31",
      base: 200_000,
      value: 300_000,
      change: 100_000,
      changePercent: 50,
    });
    const items = rows.filter((r) => r.kind === "item");
    expect(items).toHaveLength(23 + 13); // every key of both fixtures is present in both years
  });

  it("computes common-size shares of total assets and of revenue for both periods", () => {
    // 300,000 / 2,000,000 = 15%; 200,000 / 1,600,000 = 12.5%
    expect(row(rows, "trade_receivables")).toMatchObject({ vertical: 0.15, verticalBase: 0.125 });
    // −1,800,000 / 3,000,000 = −60%; −1,600,000 / 2,500,000 = −64%
    expect(row(rows, "cost_of_sales")).toMatchObject({
      vertical: -0.6,
      verticalBase: -0.64,
      changePercent: -12.5,
    });
    expect(row(rows, "total_assets")?.vertical).toBe(1);
  });

  it("compares ratios, with percentage points for margins", () => {
    const margin = rows.find((r) => r.kind === "ratio" && r.key === "gross_margin");
    // 1,200,000/3,000,000 = 40% vs 900,000/2,500,000 = 36% → +4 points, +11.11%
    expect(margin?.changePoints).toBeCloseTo(4, 6);
    expect(margin?.changePercent).toBeCloseTo(11.1111, 3);
    const current = rows.find((r) => r.kind === "ratio" && r.key === "current_ratio");
    // 1.6 vs 1.75 (700,000 / 400,000): −0.15, no points for a plain ratio
    expect(current?.change).toBeCloseTo(-0.15, 6);
    expect(current?.changePoints).toBeUndefined();
  });

  it("marks a ratio compared across bases: closing balances in the first year, averages after", () => {
    const roe = rows.find((r) => r.kind === "ratio" && r.key === "return_on_equity");
    expect(roe?.basisChanged).toBe(true);
    expect(rows.find((r) => r.kind === "ratio" && r.key === "current_ratio")?.basisChanged).toBeUndefined();
  });

  it("keeps only the rows of the requested periods", () => {
    expect(comparePeriods(periods, [], { periods: ["2023-12-31"] })).toEqual([]);
  });
});

describe("comparison edge cases", () => {
  it("handles a negative base sign-aware and a missing common-size base", () => {
    const periods = buildPeriodMap([
      incomeStatement({ "2024-12-31": { net_income: 50_000 }, "2023-12-31": { net_income: -200_000 } }),
    ]);
    const [income] = comparePeriods(periods, []);
    // 50,000 − (−200,000) = 250,000; 250,000 / |−200,000| = +125%
    expect(income).toMatchObject({ change: 250_000, changePercent: 125, vertical: null, verticalBase: null });
  });

  it("compares income statements with the previous income statement, not an interim balance sheet", () => {
    const periods = buildPeriodMap([
      balanceSheet({ "2024-06-30": { total_assets: 10 }, "2023-12-31": { total_assets: 8 } }),
      incomeStatement({ "2024-06-30": { revenue: 6 }, "2023-06-30": { revenue: 4 } }),
    ]);
    const rows = comparePeriods(periods, []);
    expect(rows.map((r) => [r.key, r.basePeriod, r.period])).toEqual([
      ["total_assets", "2023-12-31", "2024-06-30"],
      ["revenue", "2023-06-30", "2024-06-30"],
    ]);
  });

  it("skips ratios that are null in either period and undated periods", () => {
    const ratio = (period: string, value: number | null): RatioResult => ({
      key: "current_ratio",
      group: "liquidity",
      period,
      value,
      formula: "",
    });
    expect(compareRatios([ratio("2022-12-31", 1), ratio("2023-12-31", null), ratio("Cari", 2)])).toEqual([]);
  });
});
