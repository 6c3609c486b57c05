import { describe, expect, it } from "vitest";
import { exampleStatements } from "../../test/fixtures/example-company";
import { BALANCE_SHEET_KEYS, INCOME_STATEMENT_KEYS } from "../pipeline/types";
import { CANONICAL_LABELS, explainReason, labelOf, RATIO_LABELS } from "./labels";
import { RATIO_KEYS } from "./ratio-definitions";
import { formatRatioValue, ratioReading } from "./ratio-readings";
import { computeRatios } from "./ratios";
import type { RatioResult } from "./types";

describe("labels", () => {
  it("names every canonical key and every ratio in both languages", () => {
    for (const key of [...BALANCE_SHEET_KEYS, ...INCOME_STATEMENT_KEYS]) {
      expect(CANONICAL_LABELS[key].tr.length).toBeGreaterThan(2);
      expect(CANONICAL_LABELS[key].en).not.toBe(key);
    }
    expect(Object.keys(RATIO_LABELS).sort()).toEqual([...RATIO_KEYS].sort());
    expect(labelOf("inventories", "tr")).toBe("Stoklar");
    expect(labelOf("interest_coverage", "en")).toBe("Interest coverage");
    expect(labelOf("something_else", "en")).toBe("something_else");
  });

  it("explains reasons in the reader's language", () => {
    expect(explainReason("missing: inventories, revenue", "tr")).toBe("eksik: Stoklar, Net satışlar");
    expect(explainReason("denominator is zero", "tr")).toBe("payda sıfır");
    expect(explainReason("missing: payables_turnover", "en")).toBe("missing: Payables turnover");
  });
});

describe("ratio readings", () => {
  const results = computeRatios(exampleStatements()).filter((r) => r.period === "2024-12-31");
  const reading = (key: string, language: "tr" | "en") =>
    ratioReading(results.find((r) => r.key === key)!, language);

  it("reads the current ratio with the numbers in each language's format", () => {
    const current: RatioResult = {
      key: "current_ratio",
      group: "liquidity",
      period: "x",
      value: 1.83,
      formula: "",
    };
    expect(ratioReading(current, "en")).toBe(
      "Current ratio 1.83: current assets cover short-term liabilities 1.8 times",
    );
    expect(ratioReading(current, "tr")).toBe(
      "Cari oran 1,83: dönen varlıklar kısa vadeli yabancı kaynakları 1,8 kez karşılıyor",
    );
  });

  it("reads percent ratios, amounts and days", () => {
    expect(reading("gross_margin", "en")).toBe(
      "Gross margin 40.0%: every 100 of revenue leaves a gross profit of 40.0 after cost of sales",
    );
    expect(reading("debt_ratio", "tr")).toBe(
      "Kaldıraç oranı %45,0: varlıkların %45,0 kadarı yabancı kaynaklarla finanse ediliyor",
    );
    expect(reading("net_working_capital", "tr")).toBe(
      "Net işletme sermayesi 300.000,00: dönen varlıklar kısa vadeli yabancı kaynakları 300.000,00 tutarında aşıyor",
    );
    expect(reading("inventory_turnover", "en")).toContain("9.0 times a year, every 40.6 days");
    expect(reading("cash_conversion_cycle", "tr")).toBe(
      "Nakit dönüşüm süresi 38,5 gün: tedarikçiye ödemeden müşteriden tahsilata kadar nakit 38,5 gün bağlı kalıyor",
    );
  });

  it("reads coverage below one as a share instead of rounding it up to one time", () => {
    const weak: RatioResult = {
      key: "current_ratio",
      group: "liquidity",
      period: "x",
      value: 0.967,
      formula: "",
    };
    expect(ratioReading(weak, "en")).toBe(
      "Current ratio 0.97: current assets cover only 96.7% of short-term liabilities",
    );
    expect(ratioReading(weak, "tr")).toBe(
      "Cari oran 0,97: dönen varlıklar kısa vadeli yabancı kaynakların yalnızca %96,7 kadarını karşılıyor",
    );
    const loss: RatioResult = {
      key: "interest_coverage",
      group: "solvency",
      period: "x",
      value: -0.5,
      formula: "",
    };
    expect(ratioReading(loss, "en")).toBe(
      "Interest coverage -0.50: with an operating loss, finance expenses are not covered by operations",
    );
  });

  it("says a loss is a loss and a missing ratio is missing", () => {
    const loss: RatioResult = {
      key: "net_margin",
      group: "profitability",
      period: "x",
      value: -0.05,
      formula: "",
    };
    expect(ratioReading(loss, "en")).toBe("Net margin -5.0%: every 100 of revenue ends as a net loss of 5.0");
    const missing: RatioResult = {
      key: "quick_ratio",
      group: "liquidity",
      period: "x",
      value: null,
      formula: "",
      reason: "missing: inventories",
    };
    expect(ratioReading(missing, "tr")).toBe("Asit-test oranı: hesaplanamadı (eksik: Stoklar)");
  });

  it("formats values by unit", () => {
    expect(formatRatioValue(0.125, "percent", "tr")).toBe("%12,5");
    expect(formatRatioValue(3.456, "times", "en")).toBe("3.46");
    expect(formatRatioValue(45.25, "days", "en")).toBe("45.3 days");
  });
});
