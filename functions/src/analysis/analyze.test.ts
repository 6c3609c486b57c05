import { describe, expect, it } from "vitest";
import {
  BALANCE_2023,
  BALANCE_2024,
  balanceSheet,
  exampleStatements,
  INCOME_2023,
  INCOME_2024,
  incomeStatement,
} from "../../test/fixtures/example-company";
import { AppError } from "../app-error";
import type { Statement } from "../pipeline/types";
import { analyzeCompany, analyzeStatements } from "./analyze";
import { buildCompanyTimeline } from "./timeline";

const report2024: Statement[] = [
  balanceSheet({ "2024-12-31": BALANCE_2024 }),
  incomeStatement({ "2024-12-31": INCOME_2024 }),
];
const report2023: Statement[] = [
  balanceSheet({ "2023-12-31": BALANCE_2023 }),
  incomeStatement({ "2023-12-31": INCOME_2023 }),
];

describe("analyzeStatements", () => {
  it("returns ratios, comparison and alerts for the document's periods", () => {
    const { ratios, comparison, alerts } = analyzeStatements(exampleStatements());
    expect(new Set(ratios.map((r) => r.period))).toEqual(new Set(["2024-12-31", "2023-12-31"]));
    expect(comparison.some((r) => r.kind === "ratio" && r.key === "current_ratio")).toBe(true);
    expect(alerts.some((a) => a.rule === "material_change" && a.key === "trade_receivables")).toBe(true);
  });

  it("uses the company history for averages and comparisons, reporting only its own periods", () => {
    const history = buildCompanyTimeline([{ documentId: "2023", statements: report2023 }]);
    const alone = analyzeStatements(report2024);
    const withHistory = analyzeStatements(report2024, { history });
    const roa = (r: typeof alone) => r.ratios.find((x) => x.key === "return_on_assets");
    expect(roa(alone)).toMatchObject({ basis: "closing", value: 0.168 }); // 336,000 / 2,000,000
    expect(roa(withHistory)).toMatchObject({ basis: "average", priorPeriod: "2023-12-31" });
    expect(roa(withHistory)?.value).toBeCloseTo(336_000 / 1_800_000, 6);
    expect(alone.comparison).toEqual([]);
    expect(withHistory.comparison.every((r) => r.period === "2024-12-31")).toBe(true);
    expect(withHistory.comparison.find((r) => r.key === "gross_margin")?.changePoints).toBeCloseTo(4, 6);
    expect(withHistory.ratios.every((r) => r.period === "2024-12-31")).toBe(true);
  });

  it("applies configured thresholds", () => {
    const strict = analyzeStatements(exampleStatements(), { thresholds: { currentRatio: 2 } });
    // 1.6 < 2 in 2024 and 1.75 < 2 in 2023: one condition, alerted at its latest period.
    expect(strict.alerts.filter((a) => a.rule === "current_ratio_low").map((a) => a.period)).toEqual([
      "2024-12-31",
    ]);
  });

  it("rejects malformed input with an AppError, and analyses nothing to nothing", () => {
    expect(() => analyzeStatements([{ type: "cash_flow" } as unknown as Statement])).toThrow(AppError);
    expect(() => analyzeStatements(null as unknown as Statement[])).toThrow(/malformed/);
    expect(analyzeStatements([])).toEqual({ ratios: [], comparison: [], alerts: [] });
  });
});

describe("analyzeCompany", () => {
  const report2022: Statement[] = [
    balanceSheet({ "2022-12-31": { ...BALANCE_2023, total_assets: 1_400_000 } }),
    incomeStatement({ "2022-12-31": { revenue: 2_000_000, net_income: 200_000 } }),
  ];
  const peerRatios = (id: string, current: number) => ({
    companyId: id,
    sector: "Tekstil",
    ratios: [
      {
        key: "current_ratio" as const,
        group: "liquidity" as const,
        period: "2024-12-31",
        value: current,
        formula: "",
      },
    ],
  });

  it("gives the timeline, ratios per period, comparison, trends, alerts and peers", () => {
    const analysis = analyzeCompany({
      companyId: "me",
      sector: "Tekstil",
      documents: [
        { documentId: "d24", statements: report2024 },
        { documentId: "d22", statements: report2022 },
        { documentId: "d23", statements: report2023 },
      ],
      peers: [peerRatios("a", 1.2), peerRatios("b", 1.8), peerRatios("c", 2.4)],
    });
    expect(analysis.timeline.periods.map((p) => p.period)).toEqual([
      "2022-12-31",
      "2023-12-31",
      "2024-12-31",
    ]);
    expect(analysis.ratios.filter((r) => r.key === "current_ratio").map((r) => r.value)).toEqual([
      1.75, 1.75, 1.6,
    ]);
    expect(analysis.trends.sufficient).toBe(true);
    // revenue 2,000,000 → 3,000,000 over two years: 1.5^0.5 − 1 = 22.47%
    expect(analysis.trends.cagr[0]?.cagrPercent).toBeCloseTo(22.4745, 3);
    expect(analysis.comparison.some((r) => r.basePeriod === "2022-12-31" && r.key === "total_assets")).toBe(
      true,
    );
    expect(analysis.alerts.some((a) => a.period === "2023-12-31")).toBe(true);
    const current = analysis.peers?.benchmarks.find((b) => b.key === "current_ratio");
    // peers 1.2, 1.8, 2.4: median 1.8, p25 1.5, p75 2.1; the company's 1.6 is between p25 and the median
    expect(current).toMatchObject({ peers: 3, median: 1.8, p25: 1.5, p75: 2.1, position: "p25_to_median" });
  });

  it("skips the benchmark when no peers are given", () => {
    expect(analyzeCompany({ companyId: "x", documents: [] }).peers).toBeNull();
  });
});
