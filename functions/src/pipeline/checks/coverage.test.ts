import { describe, expect, it } from "vitest";
import type { Statement, StatementItem } from "../types";
import { recordCoverage, uncheckedIdentities } from "./coverage";
import { BALANCE_SHEET_IDENTITIES, evaluateIdentities, INCOME_STATEMENT_IDENTITIES } from "./identities";
import { reviewSummary } from "./review";

const periods = [
  { id: "2024-12-31", label: "31.12.2024", end: "2024-12-31" },
  { id: "2023-12-31", label: "31.12.2023", end: "2023-12-31" },
];

function line(label: string, key: Statement["items"][number]["key"], a: number, b: number): StatementItem {
  return {
    label,
    key,
    values: { "2024-12-31": a, "2023-12-31": b },
    confidence: 0.95,
    sources: ["text"],
    page: 1,
  };
}

/** A statement checked the way the pipeline checks it: its identities evaluated on its canonical values. */
function checked(type: Statement["type"], items: StatementItem[]): Statement {
  const canonical: Statement["canonical"] = {};
  for (const item of items) {
    if (!item.key) continue;
    const printed = Object.entries(item.values).filter(([, value]) => value !== null);
    canonical[item.key] = Object.fromEntries(printed) as Record<string, number>;
  }
  const statement: Statement = { type, currency: "TRY", unit: 1, periods, items, canonical, checks: [] };
  const identities = type === "balance_sheet" ? BALANCE_SHEET_IDENTITIES : INCOME_STATEMENT_IDENTITIES;
  statement.checks = evaluateIdentities(statement, identities).map(({ keys, ...outcome }) => ({
    ...outcome,
    involves: keys,
  }));
  return statement;
}

describe("identities that could not be evaluated", () => {
  it("a balance sheet whose totals were not found is not checked, for each period, and needs review", () => {
    const statement = checked("balance_sheet", [
      line("Nakit ve nakit benzerleri", "cash_and_equivalents", 100, 90),
      line("TOPLAM", undefined, 297_466_784, 250_000_000),
      line("Ödenmiş sermaye", "share_capital", 50, 50),
    ]);
    expect(statement.checks.some((check) => check.rule.startsWith("total_assets ="))).toBe(false);
    expect(uncheckedIdentities(statement)).toEqual([
      {
        rule: "total_assets = total_liabilities_and_equity",
        period: "2024-12-31",
        missing: ["total_assets", "total_liabilities_and_equity"],
      },
      {
        rule: "total_assets = total_liabilities_and_equity",
        period: "2023-12-31",
        missing: ["total_assets", "total_liabilities_and_equity"],
      },
    ]);
    recordCoverage(statement);
    expect(statement.flagged).toBe(true);
    expect(statement.unchecked).toHaveLength(2);
  });

  it("a balance sheet that balances through liabilities plus equity is checked", () => {
    const statement = checked("balance_sheet", [
      line("Toplam varlıklar", "total_assets", 300, 280),
      line("Toplam yükümlülükler", "total_liabilities", 200, 190),
      line("Toplam özkaynaklar", "total_equity", 100, 90),
    ]);
    expect(statement.checks.filter((check) => check.ok)).not.toHaveLength(0);
    expect(uncheckedIdentities(statement)).toEqual([]);
    recordCoverage(statement);
    expect(statement.flagged).toBeUndefined();
    expect(statement.unchecked).toBeUndefined();
  });

  it("only the period without a total is unchecked; a failing balance is a failure, not unchecked", () => {
    const statement = checked("balance_sheet", [
      {
        ...line("Toplam varlıklar", "total_assets", 300, 280),
        values: { "2024-12-31": 300, "2023-12-31": null },
      },
      line("Toplam kaynaklar", "total_liabilities_and_equity", 301_000, 280),
    ]);
    expect(statement.checks.map((check) => [check.period, check.ok])).toContainEqual(["2024-12-31", false]);
    expect(uncheckedIdentities(statement)).toEqual([
      {
        rule: "total_assets = total_liabilities_and_equity",
        period: "2023-12-31",
        missing: ["total_assets"],
      },
    ]);
  });

  it("an income statement without a net profit is unchecked; with one it is not, even without a tax line", () => {
    const withoutNet = checked("income_statement", [
      line("Hasılat", "revenue", 1000, 900),
      line("Dönem vergi öncesi kârı", "profit_before_tax", 120, 100),
    ]);
    expect(uncheckedIdentities(withoutNet).map((u) => [u.period, u.missing])).toEqual([
      ["2024-12-31", ["net_income"]],
      ["2023-12-31", ["net_income"]],
    ]);
    const withNet = checked("income_statement", [
      line("Hasılat", "revenue", 1000, 900),
      line("Dönem net kârı", "net_income", 90, 80),
    ]);
    expect(uncheckedIdentities(withNet)).toEqual([]);
  });

  it("the review summary counts failed and unchecked identities and the values a person must look at", () => {
    const unbalanced = checked("balance_sheet", [
      line("Toplam varlıklar", "total_assets", 300, 280),
      line("Toplam kaynaklar", "total_liabilities_and_equity", 301, 280),
    ]);
    unbalanced.items[0]!.flags = ["check_failed"];
    unbalanced.items[1]!.flags = ["check_failed"];
    const noNet = checked("income_statement", [
      {
        ...line("Hasılat", "revenue", 1000, 900),
        confidence: 0.3,
        valueConfidence: { "2024-12-31": 0.3, "2023-12-31": 0.9 },
      },
    ]);
    expect(reviewSummary([unbalanced, noNet])).toEqual({
      failedChecks: 1,
      uncheckedChecks: 2,
      flaggedValues: 5,
    });
  });
});
