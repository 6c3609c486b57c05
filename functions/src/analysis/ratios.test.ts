import { describe, expect, it } from "vitest";
import {
  BALANCE_2023,
  BALANCE_2024,
  balanceSheet,
  exampleStatements,
  INCOME_2024,
  incomeStatement,
} from "../../test/fixtures/example-company";
import { buildPeriodMap } from "./periods";
import { RATIO_KEYS } from "./ratio-definitions";
import { computeRatios } from "./ratios";
import type { RatioKey, RatioResult } from "./types";

function pick(results: RatioResult[], key: RatioKey, period = "2024-12-31"): RatioResult {
  const found = results.find((r) => r.key === key && r.period === period);
  if (!found) throw new Error(`no ${key} for ${period}`);
  return found;
}

describe("computeRatios: hand-worked example company, 2024 with 2023 as opening balance", () => {
  const results = computeRatios(exampleStatements());
  const value = (key: RatioKey) => pick(results, key).value;

  it("returns all 22 results for each of the two periods, in display order", () => {
    expect(results).toHaveLength(44);
    expect(results.filter((r) => r.period === "2024-12-31").map((r) => r.key)).toEqual(RATIO_KEYS);
    expect(results.every((r) => r.value === null || Number.isFinite(r.value))).toBe(true);
  });

  it("liquidity", () => {
    expect(value("current_ratio")).toBeCloseTo(800_000 / 500_000, 6); // 1.6
    expect(value("quick_ratio")).toBeCloseTo((800_000 - 250_000) / 500_000, 6); // 1.1
    expect(value("cash_ratio")).toBeCloseTo((150_000 + 50_000) / 500_000, 6); // 0.4
    expect(value("net_working_capital")).toBe(800_000 - 500_000); // 300,000
    expect(value("working_capital_to_assets")).toBeCloseTo(300_000 / 2_000_000, 6); // 0.15
    expect(pick(results, "current_ratio").unit).toBe("ratio");
    expect(pick(results, "net_working_capital").unit).toBe("amount");
  });

  it("profitability", () => {
    expect(value("gross_margin")).toBeCloseTo(1_200_000 / 3_000_000, 6); // 0.4
    expect(value("operating_margin")).toBeCloseTo(500_000 / 3_000_000, 6); // 0.1667
    expect(value("ebitda_margin")).toBeCloseTo((500_000 + Math.abs(-150_000)) / 3_000_000, 6); // 0.2167
    expect(value("net_margin")).toBeCloseTo(336_000 / 3_000_000, 6); // 0.112
    // avg(total_assets) = (2,000,000 + 1,600,000) / 2 = 1,800,000
    expect(value("return_on_assets")).toBeCloseTo(336_000 / 1_800_000, 6); // 0.1867
    // avg(total_equity) = (1,100,000 + 900,000) / 2 = 1,000,000
    expect(value("return_on_equity")).toBeCloseTo(336_000 / 1_000_000, 6); // 0.336
  });

  it("efficiency, with days and the cash conversion cycle", () => {
    expect(value("asset_turnover")).toBeCloseTo(3_000_000 / 1_800_000, 6); // 1.667
    // abs(-1,800,000) / avg(250,000; 150,000) = 1,800,000 / 200,000 = 9 → 365 / 9 = 40.56 days
    expect(value("inventory_turnover")).toBeCloseTo(9, 6);
    expect(pick(results, "inventory_turnover").days).toBeCloseTo(40.56, 2);
    // 3,000,000 / avg(300,000; 200,000) = 3,000,000 / 250,000 = 12 → 365 / 12 = 30.42 days
    expect(value("receivables_turnover")).toBeCloseTo(12, 6);
    expect(pick(results, "receivables_turnover").days).toBeCloseTo(30.42, 2);
    // 1,800,000 / avg(180,000; 140,000) = 1,800,000 / 160,000 = 11.25 → 365 / 11.25 = 32.44 days
    expect(value("payables_turnover")).toBeCloseTo(11.25, 6);
    expect(pick(results, "payables_turnover").days).toBeCloseTo(32.44, 2);
    // 365/9 + 365/12 − 365/11.25 = 40.5556 + 30.4167 − 32.4444 = 38.53 days
    const cycle = pick(results, "cash_conversion_cycle");
    expect(cycle.value).toBeCloseTo(38.53, 2);
    expect(cycle.group).toBe("efficiency");
    expect(cycle.unit).toBe("days");
    expect(cycle.basis).toBe("average");
  });

  it("solvency", () => {
    expect(value("debt_ratio")).toBeCloseTo(900_000 / 2_000_000, 6); // 0.45
    expect(value("debt_to_equity")).toBeCloseTo(900_000 / 1_100_000, 6); // 0.818
    expect(value("financial_debt_to_equity")).toBeCloseTo((200_000 + 300_000) / 1_100_000, 6); // 0.4545
    expect(value("equity_ratio")).toBeCloseTo(1_100_000 / 2_000_000, 6); // 0.55
    expect(value("long_term_debt_to_capitalization")).toBeCloseTo(300_000 / (300_000 + 1_100_000), 6); // 0.2143
    expect(value("interest_coverage")).toBeCloseTo(500_000 / Math.abs(-100_000), 6); // 5
  });

  it("reports formula, group, inputs and the averaging basis", () => {
    const roa = pick(results, "return_on_assets");
    expect(roa).toMatchObject({
      group: "profitability",
      formula: "net_income / avg(total_assets)",
      basis: "average",
      priorPeriod: "2023-12-31",
      inputs: {
        net_income: 336_000,
        total_assets: 2_000_000,
        "prior(total_assets)": 1_600_000,
        "avg(total_assets)": 1_800_000,
      },
    });
    expect(pick(results, "current_ratio").basis).toBeUndefined();
    expect(pick(results, "inventory_turnover").inputs?.cost_of_sales).toBe(-1_800_000);
  });

  it("uses closing balances for the earliest period, which has no opening balance sheet", () => {
    const roa = pick(results, "return_on_assets", "2023-12-31");
    expect(roa.basis).toBe("closing");
    expect(roa.priorPeriod).toBeUndefined();
    expect(roa.value).toBeCloseTo(250_000 / 1_600_000, 6); // 0.15625
    expect(pick(results, "inventory_turnover", "2023-12-31").value).toBeCloseTo(1_600_000 / 150_000, 6);
  });
});

describe("computeRatios: averages across documents", () => {
  const only2024 = [
    balanceSheet({ "2024-12-31": BALANCE_2024 }),
    incomeStatement(
      { "2024-12-31": INCOME_2024 },
      { starts: { "2024-12-31": "2024-01-01" }, ids: { "2024-12-31": "2024" } },
    ),
  ];

  it("falls back to closing balances when the prior period is missing", () => {
    const results = computeRatios(only2024);
    const roa = pick(results, "return_on_assets");
    expect(roa.basis).toBe("closing");
    expect(roa.value).toBeCloseTo(336_000 / 2_000_000, 6); // 0.168
    expect(results.every((r) => r.period === "2024-12-31")).toBe(true);
  });

  it("averages with the prior period end taken from another document of the company", () => {
    const history = buildPeriodMap([balanceSheet({ "2023-12-31": BALANCE_2023 })]);
    const results = computeRatios(only2024, { priorValues: history });
    const roa = pick(results, "return_on_assets");
    expect(roa.basis).toBe("average");
    expect(roa.priorPeriod).toBe("2023-12-31");
    expect(roa.value).toBeCloseTo(336_000 / 1_800_000, 6);
    // only the document's own period is reported
    expect(new Set(results.map((r) => r.period))).toEqual(new Set(["2024-12-31"]));
  });

  it("matches an income statement to the balance sheet by period end date", () => {
    const results = computeRatios(only2024);
    expect(pick(results, "asset_turnover").value).toBeCloseTo(3_000_000 / 2_000_000, 6);
  });

  it("uses the balance sheet before an interim income statement's start as the opening balance", () => {
    const interim = [
      balanceSheet({ "2024-06-30": BALANCE_2024, "2023-12-31": BALANCE_2023 }),
      incomeStatement({ "2024-06-30": INCOME_2024 }, { starts: { "2024-06-30": "2024-01-01" } }),
    ];
    const roa = pick(computeRatios(interim), "return_on_assets", "2024-06-30");
    expect(roa.priorPeriod).toBe("2023-12-31");
    expect(roa.value).toBeCloseTo(336_000 / 1_800_000, 6);
  });
});

describe("computeRatios: derived inputs", () => {
  it("derives total liabilities from current + non-current liabilities", () => {
    const { total_liabilities: _omit, ...rest } = BALANCE_2024;
    const debt = pick(computeRatios([balanceSheet({ "2024-12-31": rest })]), "debt_ratio");
    expect(debt.value).toBeCloseTo((500_000 + 400_000) / 2_000_000, 6);
    expect(debt.derived).toEqual({
      total_liabilities: "total_current_liabilities + total_non_current_liabilities",
    });
    expect(debt.inputs?.total_liabilities).toBe(900_000);
  });

  it("derives total liabilities from total liabilities and equity − total equity", () => {
    const sheet = {
      total_assets: 2_000_000,
      total_liabilities_and_equity: 2_000_000,
      total_equity: 1_100_000,
    };
    const debt = pick(computeRatios([balanceSheet({ "2024-12-31": sheet })]), "debt_to_equity");
    // (2,000,000 − 1,100,000) / 1,100,000 = 0.818
    expect(debt.value).toBeCloseTo(900_000 / 1_100_000, 6);
    expect(debt.derived?.total_liabilities).toBe("total_liabilities_and_equity - total_equity");
  });

  it("derives revenue from gross sales + sales deductions (deductions are negative)", () => {
    const { revenue: _omit, ...rest } = INCOME_2024;
    const margin = pick(computeRatios([incomeStatement({ "2024-12-31": rest })]), "gross_margin");
    // 3,300,000 + (−300,000) = 3,000,000; 1,200,000 / 3,000,000 = 0.4
    expect(margin.value).toBeCloseTo(0.4, 6);
    expect(margin.derived).toEqual({ revenue: "gross_sales + sales_deductions" });
  });

  it("reports net working capital as derived for working capital to assets", () => {
    const ratio = pick(computeRatios(exampleStatements()), "working_capital_to_assets");
    expect(ratio.derived).toEqual({
      net_working_capital: "total_current_assets - total_current_liabilities",
    });
  });

  it("takes unreported short-term investments and one missing borrowing line as 0, and says so", () => {
    const { short_term_investments: _a, long_term_borrowings: _b, ...rest } = BALANCE_2024;
    const results = computeRatios([balanceSheet({ "2024-12-31": rest })]);
    expect(pick(results, "cash_ratio").value).toBeCloseTo(150_000 / 500_000, 6); // 0.3
    expect(pick(results, "cash_ratio").derived?.short_term_investments).toBe("not reported; taken as 0");
    expect(pick(results, "financial_debt_to_equity").value).toBeCloseTo(200_000 / 1_100_000, 6);
    expect(pick(results, "long_term_debt_to_capitalization")).toMatchObject({
      value: null,
      reason: "missing: long_term_borrowings",
    });
  });
});

describe("computeRatios: what cannot be computed", () => {
  it("is null with the missing inputs named, never 0 or NaN", () => {
    const { inventories: _omit, ...rest } = BALANCE_2024;
    const results = computeRatios([balanceSheet({ "2024-12-31": rest })]);
    expect(pick(results, "quick_ratio")).toMatchObject({ value: null, reason: "missing: inventories" });
    expect(pick(results, "gross_margin")).toMatchObject({
      value: null,
      reason: "missing: gross_profit, revenue",
    });
    expect(pick(results, "inventory_turnover")).toMatchObject({ value: null, days: null });
    expect(pick(results, "cash_conversion_cycle").reason).toBe(
      "missing: inventory_turnover, receivables_turnover, payables_turnover",
    );
  });

  it("is null when the denominator is zero", () => {
    const sheet = { total_current_assets: 100_000, total_current_liabilities: 0, cash_and_equivalents: 10 };
    const results = computeRatios([balanceSheet({ "2024-12-31": sheet })]);
    expect(pick(results, "current_ratio")).toMatchObject({ value: null, reason: "denominator is zero" });
    expect(pick(results, "net_working_capital").value).toBe(100_000);
    const noInterest = computeRatios([
      incomeStatement({ "2024-12-31": { operating_profit: 5, finance_expense: 0 } }),
    ]);
    expect(pick(noInterest, "interest_coverage")).toMatchObject({
      value: null,
      reason: "denominator is zero",
    });
  });

  it("is null for ratios over negative equity, while debt ratio above 1 is still reported", () => {
    const sheet = { total_assets: 1_000_000, total_liabilities: 1_200_000, total_equity: -200_000 };
    const results = computeRatios([
      balanceSheet({ "2024-12-31": sheet }),
      incomeStatement({ "2024-12-31": { revenue: 800_000, net_income: -150_000 } }),
    ]);
    expect(pick(results, "debt_to_equity")).toMatchObject({
      value: null,
      reason: "denominator is negative: not meaningful",
    });
    expect(pick(results, "return_on_equity").value).toBeNull();
    expect(pick(results, "debt_ratio").value).toBeCloseTo(1.2, 6); // 1,200,000 / 1,000,000
    expect(pick(results, "equity_ratio").value).toBeCloseTo(-0.2, 6); // −200,000 / 1,000,000
  });

  it("reports losses as negative margins and returns", () => {
    const results = computeRatios([
      balanceSheet({ "2024-12-31": { total_assets: 500_000 } }),
      incomeStatement({
        "2024-12-31": {
          revenue: 400_000,
          gross_profit: -20_000,
          operating_profit: -60_000,
          net_income: -80_000,
        },
      }),
    ]);
    expect(pick(results, "net_margin").value).toBeCloseTo(-80_000 / 400_000, 6); // −0.2
    expect(pick(results, "operating_margin").value).toBeCloseTo(-0.15, 6);
    expect(pick(results, "return_on_assets").value).toBeCloseTo(-80_000 / 500_000, 6); // −0.16
  });
});
