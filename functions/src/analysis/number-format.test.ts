import { describe, expect, it } from "vitest";
import { formatAmount, formatDate, formatMoney, formatNumber, formatPercent, roundTo } from "./number-format";

describe("numberFormat", () => {
  it("groups thousands and uses the decimal mark of each language", () => {
    expect(formatAmount(1234567.891, "tr")).toBe("1.234.567,89");
    expect(formatAmount(1234567.891, "en")).toBe("1,234,567.89");
    expect(formatAmount(-1500, "tr")).toBe("-1.500,00");
    expect(formatNumber(999.995, "en", 2)).toBe("1,000.00");
    expect(formatNumber(12, "en", 0)).toBe("12");
  });

  it("writes the percent sign before the number in Turkish and after it in English", () => {
    expect(formatPercent(12.5, "tr")).toBe("%12,5");
    expect(formatPercent(12.5, "en")).toBe("12.5%");
    expect(formatPercent(-42.86, "tr")).toBe("-%42,9");
    expect(formatPercent(-0.01, "en")).toBe("0.0%");
  });

  it("rounds half away from zero without binary artefacts", () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(Object.is(roundTo(-0.0001, 2), 0)).toBe(true);
  });

  it("formats money and dates", () => {
    expect(formatMoney(2500, "tr", "TRY")).toBe("2.500,00 TL");
    expect(formatMoney(2500, "en", "TRY")).toBe("2,500.00 TRY");
    expect(formatMoney(2500, "en")).toBe("2,500.00");
    expect(formatDate("2024-12-31", "tr")).toBe("31.12.2024");
    expect(formatDate("2024-06-30", "en")).toBe("30 Jun 2024");
    expect(formatDate("Cari Dönem", "en")).toBe("Cari Dönem");
  });
});
