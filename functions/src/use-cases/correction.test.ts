import { describe, expect, it } from "vitest";
import type { Statement } from "../pipeline/types";
import { correctStatementValue } from "./correction";
import { recheckAcrossStatements } from "./recheck";

/** A small income statement printed with expenses as positive numbers (the common layout). */
function incomeStatement(): Statement {
  const periods = [{ id: "2024-12-31", label: "2024", end: "2024-12-31" }];
  const line = (label: string, key: Statement["items"][number]["key"], value: number) => ({
    label,
    key,
    values: { "2024-12-31": value },
    confidence: 0.9,
    sources: ["text" as const],
    page: 1,
  });
  return {
    type: "income_statement",
    currency: "TRY",
    unit: 1,
    periods,
    items: [
      line("Revenue", "revenue", 1000),
      line("Cost of sales", "cost_of_sales", 600),
      line("Gross profit", "gross_profit", 400),
      line("Profit before tax", "profit_before_tax", 300),
      line("Tax", "income_tax_expense", 60),
      line("Net profit", "net_income", 240),
    ],
    canonical: {
      revenue: { "2024-12-31": 1000 },
      cost_of_sales: { "2024-12-31": -600 },
      gross_profit: { "2024-12-31": 400 },
      profit_before_tax: { "2024-12-31": 300 },
      income_tax_expense: { "2024-12-31": -60 },
      net_income: { "2024-12-31": 240 },
    },
    canonicalConfidence: { cost_of_sales: { "2024-12-31": 0.4 } },
    checks: [
      {
        rule: "gross_profit = revenue + lines between",
        period: "2024-12-31",
        ok: true,
        difference: 0,
        expected: 400,
        actual: 400,
        involves: ["gross_profit", "revenue", "cost_of_sales"],
      },
    ],
    flagged: true,
  };
}

describe("correctStatementValue", () => {
  it("carries a printed correction into the canonical value with the line's own sign", () => {
    const original = incomeStatement();
    const outcome = correctStatementValue(original, { itemIndex: 1, period: "2024-12-31", value: 650 });
    expect(outcome).toMatchObject({
      printedBefore: 600,
      printedAfter: 650,
      canonicalBefore: -600,
      canonicalAfter: -650,
    });
    expect(outcome.statement.canonical.cost_of_sales?.["2024-12-31"]).toBe(-650);
    expect(original.canonical.cost_of_sales?.["2024-12-31"]).toBe(-600);
    const item = outcome.statement.items[1]!;
    expect(item.flags).toContain("corrected");
    expect(item.valueConfidence?.["2024-12-31"]).toBe(1);
    expect(outcome.statement.canonicalConfidence?.cost_of_sales?.["2024-12-31"]).toBe(1);
  });

  it("re-evaluates the identities and carries the change into the printed-line checks", () => {
    const outcome = correctStatementValue(incomeStatement(), {
      itemIndex: 1,
      period: "2024-12-31",
      value: 650,
    });
    const checks = Object.fromEntries(outcome.statement.checks.map((c) => [c.rule, c]));
    expect(checks["gross_profit = revenue + cost_of_sales"]).toMatchObject({
      ok: false,
      expected: 350,
      actual: 400,
      difference: 50,
    });
    expect(checks["gross_profit = revenue + lines between"]).toMatchObject({
      ok: false,
      expected: 350,
      difference: 50,
    });
    expect(checks["profit_before_tax + income_tax_expense = net_income"]).toMatchObject({ ok: true });
    expect(outcome.statement.flagged).toBe(true);
    expect(outcome.statement.items[2]!.flags).toContain("check_failed");
  });

  it("clears the review flag once every check passes and no value is doubtful", () => {
    const broken = correctStatementValue(incomeStatement(), {
      itemIndex: 1,
      period: "2024-12-31",
      value: 650,
    }).statement;
    const fixed = correctStatementValue(broken, { key: "gross_profit", period: "2024-12-31", value: 350 });
    expect(fixed.statement.items[2]!.values["2024-12-31"]).toBe(350);
    expect(fixed.statement.checks.every((c) => c.ok)).toBe(true);
    expect(fixed.statement.flagged).toBe(false);
    expect(fixed.statement.items.some((i) => i.flags?.includes("check_failed"))).toBe(false);
  });

  it("adds a canonical value the extraction missed without touching printed lines", () => {
    const outcome = correctStatementValue(incomeStatement(), {
      key: "finance_expense",
      period: "2024-12-31",
      value: -20,
    });
    expect(outcome.statement.canonical.finance_expense).toEqual({ "2024-12-31": -20 });
    expect(outcome.itemIndex).toBeUndefined();
    expect(outcome.statement.items).toHaveLength(6);
  });

  it("rechecks the balance sheet's profit against the corrected net income", () => {
    const income = incomeStatement();
    const balance: Statement = {
      type: "balance_sheet",
      currency: "TRY",
      unit: 1,
      periods: income.periods,
      items: [],
      canonical: { current_year_profit: { "2024-12-31": 240 } },
      checks: [],
    };
    recheckAcrossStatements([balance, income]);
    expect(balance.checks).toEqual([expect.objectContaining({ ok: true })]);
    const corrected = correctStatementValue(income, {
      itemIndex: 5,
      period: "2024-12-31",
      value: 250,
    }).statement;
    recheckAcrossStatements([balance, corrected]);
    expect(balance.checks).toHaveLength(1);
    expect(balance.checks[0]).toMatchObject({ ok: false, difference: -10 });
    expect(balance.flagged).toBe(true);
  });
});
