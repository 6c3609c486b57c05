import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Statement, StatementType } from "../types";
import {
  checkResultOf,
  evaluateIdentities,
  identitiesFor,
  identityChecks,
  roundingTolerance,
} from "./identities";

const PERIOD = "2024-12-31";

function statement(type: StatementType, values: Record<string, number>, unit = 1): Statement {
  return {
    type,
    currency: "TRY",
    unit,
    periods: [{ id: PERIOD, label: "31.12.2024", end: PERIOD }],
    items: [],
    canonical: Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { [PERIOD]: value }])),
    checks: [],
  } as Statement;
}

describe("accounting identities", () => {
  it("checks a balance sheet's totals and names the keys each check involves", () => {
    const checks = identityChecks(
      statement("balance_sheet", {
        total_current_assets: 600,
        total_non_current_assets: 400,
        total_assets: 1000,
        total_current_liabilities: 300,
        total_non_current_liabilities: 200,
        total_liabilities: 500,
        total_equity: 500,
        total_liabilities_and_equity: 1000,
      }),
    );
    expect(checks.length).toBeGreaterThanOrEqual(3);
    expect(checks.every((check) => check.ok)).toBe(true);
    const assets = checks.find(
      (check) => check.rule === "total_assets = total_current_assets + total_non_current_assets",
    );
    expect(assets?.involves).toEqual(["total_assets", "total_current_assets", "total_non_current_assets"]);
  });

  it("fails a check by the difference, and skips one whose values are not all printed", () => {
    const checks = identityChecks(
      statement("income_statement", { revenue: 1000, cost_of_sales: -600, gross_profit: 450 }),
    );
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ ok: false, difference: 50, expected: 400, actual: 450 });
  });

  it("allows half a printed unit per added line, and a cent at least", () => {
    expect(roundingTolerance(1000, 3)).toBeCloseTo(1000, 6);
    expect(roundingTolerance(0.01, 2)).toBeCloseTo(0.01, 6);
    const thousands = statement(
      "income_statement",
      { revenue: 10_000, cost_of_sales: -6_000, gross_profit: 4_001 },
      1000,
    );
    expect(identityChecks(thousands)[0]?.ok).toBe(true);
  });

  it("gives each statement type its own identities, stored in one form", () => {
    expect(identitiesFor("balance_sheet").map((identity) => identity.left)).toContain("total_assets");
    expect(identitiesFor("income_statement").map((identity) => identity.left)).toContain("net_income");
    const [outcome] = evaluateIdentities(
      statement("income_statement", { revenue: 10, cost_of_sales: -4, gross_profit: 6 }),
      identitiesFor("income_statement"),
    );
    expect(checkResultOf(outcome!)).toEqual({
      rule: outcome!.rule,
      period: PERIOD,
      ok: true,
      difference: 0,
      expected: 6,
      actual: 6,
      involves: outcome!.keys,
    });
  });

  it("never fails a balance sheet that adds up, and always fails one that is off by more than rounding", () => {
    const amount = fc.integer({ min: 0, max: 10_000_000_000 }).map((cents) => cents / 100);
    fc.assert(
      fc.property(
        amount,
        amount,
        amount,
        amount,
        fc.integer({ min: 2, max: 1_000_000 }),
        (ca, nca, cl, ncl, off) => {
          const assets = Math.round((ca + nca) * 100) / 100;
          const liabilities = Math.round((cl + ncl) * 100) / 100;
          // Equity is what is left: the balance sheet balances by construction.
          const eq = Math.round((assets - liabilities) * 100) / 100;
          const values = {
            total_current_assets: ca,
            total_non_current_assets: nca,
            total_assets: assets,
            total_current_liabilities: cl,
            total_non_current_liabilities: ncl,
            total_liabilities: liabilities,
            total_equity: eq,
            total_liabilities_and_equity: assets,
          };
          expect(identityChecks(statement("balance_sheet", values, 0.01)).every((check) => check.ok)).toBe(
            true,
          );
          const broken = { ...values, total_assets: assets + off / 100 };
          const failed = identityChecks(statement("balance_sheet", broken, 0.01)).filter(
            (check) => !check.ok,
          );
          expect(failed.length).toBeGreaterThan(0);
          expect(failed.every((check) => check.involves?.includes("total_assets"))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
