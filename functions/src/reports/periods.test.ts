import { describe, expect, it } from "vitest";
import { sampleStatements } from "../../test/fixtures/sample-statements";
import { priorPeriod, reportPeriods } from "./periods";

describe("reportPeriods", () => {
  it("lists the document's periods latest first, keyed by period end", () => {
    const [balanceSheet, incomeStatement] = sampleStatements();
    balanceSheet!.periods.reverse();
    const periods = reportPeriods([incomeStatement!, balanceSheet!]);
    expect(periods.map((period) => [period.id, period.label])).toEqual([
      ["2024-12-31", "31.12.2024"],
      ["2023-12-31", "31.12.2023"],
    ]);
    expect(priorPeriod(periods, "2024-12-31")?.id).toBe("2023-12-31");
    expect(priorPeriod(periods, "2023-12-31")).toBeUndefined();
  });

  it("keeps undated periods in printed order", () => {
    const [balanceSheet] = sampleStatements();
    balanceSheet!.periods = [
      { id: "cari", label: "Cari Dönem" },
      { id: "onceki", label: "Önceki Dönem" },
    ];
    expect(reportPeriods([balanceSheet!]).map((period) => period.id)).toEqual(["cari", "onceki"]);
  });
});
