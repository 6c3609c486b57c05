import { describe, expect, it } from "vitest";
import { balanceSheet, incomeStatement } from "../../test/fixtures/example-company";
import type { Statement } from "../pipeline/types";
import { addYears, isIsoDate, yearsBetween } from "./calendar";
import {
  buildPeriodMap,
  findOpeningPeriod,
  findYearEarlier,
  mergePeriodMaps,
  resolvePeriodEnd,
} from "./periods";

describe("resolvePeriodEnd", () => {
  it("prefers the printed end, then an ISO id", () => {
    expect(resolvePeriodEnd({ id: "cari", label: "Cari Dönem", end: "2024-12-31" })).toBe("2024-12-31");
    expect(resolvePeriodEnd({ id: "2023-12-31", label: "31.12.2023" })).toBe("2023-12-31");
  });

  it("resolves a bare year to the balance-sheet date of that year, else 31 December", () => {
    expect(resolvePeriodEnd({ id: "2022", label: "2022" }, ["2022-06-30", "2021-06-30"])).toBe("2022-06-30");
    expect(resolvePeriodEnd({ id: "p1", label: "FY 2022" })).toBe("2022-12-31");
  });

  it("keeps the id of a period whose end cannot be determined", () => {
    expect(resolvePeriodEnd({ id: "Önceki Dönem", label: "Önceki Dönem" })).toBe("Önceki Dönem");
  });
});

describe("buildPeriodMap", () => {
  it("puts a full-year income statement and the balance sheet at its end date in one period", () => {
    const map = buildPeriodMap([
      balanceSheet({ "2024-12-31": { total_assets: 100 }, "2023-12-31": { total_assets: 80 } }),
      incomeStatement(
        { "2024-12-31": { revenue: 50 } },
        { ids: { "2024-12-31": "2024" }, starts: { "2024-12-31": "2024-01-01" } },
      ),
    ]);
    expect(map.map((p) => p.period)).toEqual(["2023-12-31", "2024-12-31"]);
    expect(map[1]).toMatchObject({
      dated: true,
      values: { total_assets: 100, revenue: 50 },
      statements: ["balance_sheet", "income_statement"],
      incomeStart: "2024-01-01",
      currency: "TRY",
    });
  });

  it("reads canonical periods the statement does not list, and skips non-numbers", () => {
    const statement: Statement = {
      type: "balance_sheet",
      currency: "GBP",
      unit: 1000,
      periods: [],
      items: [],
      canonical: { total_assets: { "2024-10-31": 5, "2023-10-31": Number.NaN } },
      checks: [],
    };
    const map = buildPeriodMap([statement]);
    expect(map).toHaveLength(1);
    expect(map[0]).toMatchObject({ period: "2024-10-31", unit: 1000, currency: "GBP" });
  });

  it("orders undated periods after dated ones", () => {
    const map = buildPeriodMap([
      balanceSheet({ "2024-12-31": { total_assets: 1 }, Cari: { total_assets: 2 } }),
    ]);
    expect(map.map((p) => [p.period, p.dated])).toEqual([
      ["2024-12-31", true],
      ["Cari", false],
    ]);
  });
});

describe("mergePeriodMaps and period lookup", () => {
  const history = buildPeriodMap([balanceSheet({ "2023-12-31": { total_assets: 80, inventories: 5 } })]);
  const own = buildPeriodMap([
    balanceSheet({ "2024-12-31": { total_assets: 100 }, "2023-12-31": { total_assets: 81 } }),
  ]);
  const merged = mergePeriodMaps(history, own);

  it("lets the newer layer win value by value and keeps what only the older has", () => {
    expect(merged.find((p) => p.period === "2023-12-31")?.values).toEqual({
      total_assets: 81,
      inventories: 5,
    });
  });

  it("finds the opening balance sheet one year back, tolerating a few days", () => {
    const current = merged.find((p) => p.period === "2024-12-31")!;
    expect(findOpeningPeriod(merged, current)?.period).toBe("2023-12-31");
    const weekYear = buildPeriodMap([
      balanceSheet({ "2024-12-28": { total_assets: 1 }, "2023-12-30": { total_assets: 1 } }),
    ]);
    expect(findOpeningPeriod(weekYear, weekYear[1]!)?.period).toBe("2023-12-30");
    const gap = buildPeriodMap([
      balanceSheet({ "2024-12-31": { total_assets: 1 }, "2022-12-31": { total_assets: 1 } }),
    ]);
    expect(findOpeningPeriod(gap, gap[1]!)).toBeUndefined();
    expect(findYearEarlier(gap, gap[1]!, "balance_sheet")).toBeUndefined();
  });
});

describe("calendar", () => {
  it("handles leap days and whole years", () => {
    expect(isIsoDate("2024-02-30")).toBe(false);
    expect(addYears("2024-02-29", -1)).toBe("2023-02-28");
    expect(yearsBetween("2022-12-31", "2024-12-31")).toBe(2);
    expect(yearsBetween("2023-06-30", "2024-12-31")).toBe(1.5);
  });
});
