import { describe, expect, it } from "vitest";
import { balanceSheet, incomeStatement } from "../../test/fixtures/example-company";
import { buildPeriodMap } from "./periods";
import { computeTrends } from "./trends";

const threeYears = (netIncome: [number, number, number]) =>
  buildPeriodMap([
    incomeStatement({
      "2022-12-31": { revenue: 2_000_000, net_income: netIncome[0] },
      "2023-12-31": { revenue: 2_500_000, net_income: netIncome[1] },
      "2024-12-31": { revenue: 3_000_000, net_income: netIncome[2] },
    }),
    balanceSheet({ "2023-12-31": { total_assets: 1_600_000 }, "2024-12-31": { total_assets: 2_000_000 } }),
  ]);

describe("computeTrends", () => {
  it("computes year-on-year growth of every key", () => {
    const trends = computeTrends(threeYears([100_000, 250_000, 336_000]));
    expect(trends.sufficient).toBe(true);
    expect(trends.periods).toEqual(["2022-12-31", "2023-12-31", "2024-12-31"]);
    const revenue = trends.growth.filter((g) => g.key === "revenue").map((g) => [g.period, g.growthPercent]);
    // 2,500,000 / 2,000,000 − 1 = 25%; 3,000,000 / 2,500,000 − 1 = 20%
    expect(revenue).toEqual([
      ["2023-12-31", 25],
      ["2024-12-31", 20],
    ]);
    expect(trends.growth.find((g) => g.key === "total_assets")).toMatchObject({
      basePeriod: "2023-12-31",
      growthPercent: 25,
    });
  });

  it("computes the CAGR of revenue and net income over the whole span", () => {
    const [revenue, netIncome] = computeTrends(threeYears([100_000, 250_000, 336_000])).cagr;
    // (3,000,000 / 2,000,000)^(1/2) − 1 = 1.5^0.5 − 1 = 22.4745%
    expect(revenue).toMatchObject({
      key: "revenue",
      fromPeriod: "2022-12-31",
      toPeriod: "2024-12-31",
      years: 2,
    });
    expect(revenue?.cagrPercent).toBeCloseTo((Math.sqrt(1.5) - 1) * 100, 3);
    // (336,000 / 100,000)^(1/2) − 1 = 3.36^0.5 − 1 = 83.303%
    expect(netIncome?.cagrPercent).toBeCloseTo(83.303, 2);
  });

  it("gives no CAGR, with a reason, when the base or the end is a loss or zero", () => {
    const fromLoss = computeTrends(threeYears([-50_000, 20_000, 80_000])).cagr[1];
    expect(fromLoss).toMatchObject({
      cagrPercent: null,
      reason: "start value is not positive",
      from: -50_000,
    });
    const toLoss = computeTrends(threeYears([60_000, 20_000, -10_000])).cagr[1];
    expect(toLoss).toMatchObject({ cagrPercent: null, reason: "end value is not positive" });
    const fromZero = computeTrends(threeYears([0, 20_000, 30_000]));
    expect(fromZero.cagr[1]?.reason).toBe("start value is not positive");
    expect(fromZero.growth.find((g) => g.key === "net_income" && g.period === "2023-12-31")).toMatchObject({
      growthPercent: null,
      reason: "base is zero",
    });
  });

  it("needs three dated periods", () => {
    const two = buildPeriodMap([
      incomeStatement({ "2023-12-31": { revenue: 1 }, "2024-12-31": { revenue: 2 } }),
    ]);
    const trends = computeTrends(two);
    expect(trends).toMatchObject({
      sufficient: false,
      growth: [],
      reason: "needs at least 3 dated periods; 2 available",
    });
    expect(trends.cagr.every((c) => c.cagrPercent === null)).toBe(true);
  });

  it("compares an interim period with the same interim of the previous year", () => {
    const periods = buildPeriodMap([
      incomeStatement({
        "2023-06-30": { revenue: 900 },
        "2023-12-31": { revenue: 2_000 },
        "2024-06-30": { revenue: 1_080 },
      }),
    ]);
    const growth = computeTrends(periods).growth;
    // 1,080 / 900 − 1 = 20%; the full year 2023 is not the base of a half year
    expect(growth).toEqual([
      expect.objectContaining({ basePeriod: "2023-06-30", period: "2024-06-30", growthPercent: 20 }),
    ]);
    expect(computeTrends(periods).cagr[0]).toMatchObject({
      fromPeriod: "2023-06-30",
      toPeriod: "2024-06-30",
      years: 1,
    });
  });
});
