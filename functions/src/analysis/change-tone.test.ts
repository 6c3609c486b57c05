import { describe, expect, it } from "vitest";
import { changeTone, rowAsRead } from "./change-tone";
import type { ComparisonRow } from "./types";

describe("changeTone", () => {
  const row = (key: string, base: number | null, value: number | null) => ({ key, base, value });
  it("greens falling debt and a shrinking expense, whichever sign the expense is printed with", () => {
    expect(changeTone(row("total_liabilities", 1_000, 800))).toBe("positive");
    expect(changeTone(row("short_term_borrowings", 500, 650))).toBe("negative");
    expect(changeTone(row("cost_of_sales", -4_200, -3_900))).toBe("positive");
    expect(changeTone(row("cost_of_sales", 4_200, 4_500))).toBe("negative");
    expect(changeTone(row("debt_to_equity", 1.2, 0.9))).toBe("positive");
    expect(changeTone(row("cash_conversion_cycle", 40, 55))).toBe("negative");
  });
  it("greens rising revenue, profit and liquidity, and leaves an unchanged or unknown change plain", () => {
    expect(changeTone(row("revenue", 5_200, 6_000))).toBe("positive");
    expect(changeTone(row("net_income", 350, -20))).toBe("negative");
    expect(changeTone(row("current_ratio", 1.6, 1.67))).toBe("positive");
    expect(changeTone(row("total_equity", 2_450, 2_450))).toBe("");
    expect(changeTone(row("inventories", null, 500))).toBe("");
  });
});

describe("rowAsRead", () => {
  const row = (key: string, base: number | null, value: number | null): ComparisonRow => ({
    kind: "item",
    statement: "income_statement",
    key,
    basePeriod: "2023-12-31",
    period: "2024-12-31",
    base,
    value,
    change: base === null || value === null ? null : value - base,
    changePercent:
      base === null || value === null || base === 0 ? null : ((value - base) / Math.abs(base)) * 100,
    vertical: value === null ? null : value / 6_000,
  });

  it("reads a cost that grew as a rise, in magnitude, with a positive share", () => {
    const read = rowAsRead(row("cost_of_sales", -3_700, -4_200));
    expect(read).toMatchObject({ base: 3_700, value: 4_200, change: 500, vertical: 0.7 });
    expect(read.changePercent).toBeCloseTo(13.51, 2);
    expect(changeTone(read)).toBe("negative");
  });

  it("leaves revenue, ratios and a cost printed positive as they are", () => {
    const revenue = row("revenue", 5_200, 6_000);
    expect(rowAsRead(revenue)).toBe(revenue);
    const reversal = row("income_tax_expense", -130, 40);
    expect(rowAsRead(reversal)).toBe(reversal);
    const ratio = { ...row("debt_ratio", 0.5, 0.45), kind: "ratio" as const };
    expect(rowAsRead(ratio)).toBe(ratio);
  });
});
