import { describe, expect, it } from "vitest";
import { ENGLISH_FORMAT, isAmountLike, joinAmountFragments, parseAmount, TURKISH_FORMAT } from "./amount";

describe("parseAmount: formats", () => {
  it.each([
    ["1.234.567,89", TURKISH_FORMAT, 1234567.89, 2],
    ["1,234,567.89", ENGLISH_FORMAT, 1234567.89, 2],
    ["1 234 567,89", TURKISH_FORMAT, 1234567.89, 2],
    ["1 234 567.89", ENGLISH_FORMAT, 1234567.89, 2],
    ["1'234'567.89", ENGLISH_FORMAT, 1234567.89, 2],
    ["1234567", TURKISH_FORMAT, 1234567, 0],
    ["1234567,5", TURKISH_FORMAT, 1234567.5, 1],
    ["0,05", TURKISH_FORMAT, 0.05, 2],
  ])("%s reads as %d", (token, format, value, decimals) => {
    const r = parseAmount(token, format);
    expect(r?.value).toBe(value);
    expect(r?.decimals).toBe(decimals);
    expect(r?.confidence).toBe(1);
    expect(r?.ambiguous).toBe(false);
  });

  it("reads both conventions without a known format when the token proves itself", () => {
    expect(parseAmount("1.234.567,89")?.value).toBe(1234567.89);
    expect(parseAmount("1,234,567.89")?.value).toBe(1234567.89);
    expect(parseAmount("1,234.5")?.value).toBe(1234.5);
    expect(parseAmount("1.234.567")?.value).toBe(1234567);
    expect(parseAmount("1,234,567")?.value).toBe(1234567);
    expect(parseAmount("1.234.567")?.ambiguous).toBe(false);
  });

  it("keeps cents exact for large amounts", () => {
    expect(parseAmount("48.215.733,12", TURKISH_FORMAT)?.value).toBe(48215733.12);
    expect(parseAmount("9.007.199.254.740,99", TURKISH_FORMAT)?.value).toBe(9007199254740.99);
    expect(parseAmount("0,10", TURKISH_FORMAT)?.value).toBe(0.1);
  });
});

describe("parseAmount: signs and zero", () => {
  it.each([
    ["(1.234)", -1234],
    ["-1.234", -1234],
    ["1.234-", -1234],
    ["−1.234", -1234],
    ["–1.234", -1234],
    ["(1.234,50)", -1234.5],
    ["₺1.234", 1234],
    ["1.234 TL", 1234],
    ["(1.234) TL", -1234],
    ["+1.234", 1234],
  ])("%s is %d", (token, value) => {
    const r = parseAmount(token, TURKISH_FORMAT);
    expect(r?.value).toBe(value);
    expect(r?.negative).toBe(value < 0);
  });

  it("reads English currency forms", () => {
    expect(parseAmount("$ 1,234", ENGLISH_FORMAT)?.value).toBe(1234);
    expect(parseAmount("$(1,346)", ENGLISH_FORMAT)?.value).toBe(-1346);
    expect(parseAmount("(£19,968)", ENGLISH_FORMAT)?.value).toBe(-19968);
    expect(parseAmount("£375,004", ENGLISH_FORMAT)?.value).toBe(375004);
    expect(parseAmount("€ 12.50", ENGLISH_FORMAT)?.value).toBe(12.5);
  });

  it.each(["-", "—", "–", "−", "(-)", "$ —", "--"])("%s alone is a dash for zero", (token) => {
    const r = parseAmount(token, TURKISH_FORMAT);
    expect(r).toMatchObject({ value: 0, isDash: true, negative: false });
  });

  it("never turns an empty cell, a word, a date or a percentage into a number", () => {
    for (const token of [
      "",
      "   ",
      "TL",
      "Kasa",
      "Sales",
      "31.12.2024",
      "2024-12-31",
      "31/12/2024",
      "%15",
      "15%",
      "()",
    ]) {
      expect(parseAmount(token, TURKISH_FORMAT), token).toBeNull();
    }
  });

  it('reads "1.234,-" as a whole positive amount, not a trailing minus', () => {
    expect(parseAmount("1.234,-", TURKISH_FORMAT)).toMatchObject({ value: 1234, negative: false });
    expect(parseAmount("1.234-", TURKISH_FORMAT)).toMatchObject({ value: -1234, negative: true });
  });

  it("a zero in parentheses is 0, not -0", () => {
    expect(Object.is(parseAmount("(0)")?.value, 0)).toBe(true);
  });

  it("lowers confidence for an unbalanced parenthesis but keeps the sign", () => {
    const r = parseAmount("(1.234", TURKISH_FORMAT);
    expect(r?.value).toBe(-1234);
    expect(r?.confidence).toBeLessThan(1);
  });
});

describe("parseAmount: ambiguity", () => {
  it("marks 1.234 without a format ambiguous instead of guessing", () => {
    const r = parseAmount("1.234");
    expect(r?.ambiguous).toBe(true);
    expect(r?.confidence).toBeLessThanOrEqual(0.5);
    expect(new Set([r?.value, r?.alternative])).toEqual(new Set([1234, 1.234]));
  });

  it("resolves 1.234 with a known format", () => {
    expect(parseAmount("1.234", TURKISH_FORMAT)).toMatchObject({ value: 1234, ambiguous: false });
    expect(parseAmount("1.234", ENGLISH_FORMAT)).toMatchObject({ value: 1.234, ambiguous: false });
    expect(parseAmount("1,234", TURKISH_FORMAT)).toMatchObject({ value: 1.234, ambiguous: false });
    expect(parseAmount("1,234", ENGLISH_FORMAT)).toMatchObject({ value: 1234, ambiguous: false });
  });

  it("is not ambiguous when the pattern cannot be thousands", () => {
    expect(parseAmount("0,123")).toMatchObject({ value: 0.123, ambiguous: false });
    expect(parseAmount("1234,567")).toMatchObject({ value: 1234.567, ambiguous: false });
    expect(parseAmount("12,34")).toMatchObject({ value: 12.34, ambiguous: false });
    expect(parseAmount("5.1")).toMatchObject({ value: 5.1, ambiguous: false });
  });

  it("repairs a decimal mark read as a thousands separator, flagged and less sure", () => {
    const r = parseAmount("1.234.56", TURKISH_FORMAT);
    expect(r).toMatchObject({ value: 1234.56, corrected: true });
    expect(r?.confidence).toBeLessThanOrEqual(0.6);
  });

  it("accepts a token in the other convention only when it reads one way, with less confidence", () => {
    const r = parseAmount("1,234.56", TURKISH_FORMAT);
    expect(r?.value).toBe(1234.56);
    expect(r?.confidence).toBeLessThanOrEqual(0.7);
    expect(parseAmount("12.34.567", TURKISH_FORMAT)).toBeNull();
  });
});

describe("parseAmount: OCR damage", () => {
  it("drops a quote mark OCR glued to an amount, less surely", () => {
    const read = parseAmount("“939", ENGLISH_FORMAT);
    expect(read?.value).toBe(939);
    expect(read?.confidence).toBeLessThan(1);
    expect(parseAmount("(1,234)”", ENGLISH_FORMAT)?.value).toBe(-1234);
    expect(parseAmount("_578.691,94", TURKISH_FORMAT)?.value).toBe(578691.94);
  });

  it("joins stray spaces around separators", () => {
    const r = parseAmount("48. 215.733, 12", TURKISH_FORMAT);
    expect(r?.value).toBe(48215733.12);
    expect(r?.confidence).toBeLessThan(1);
    expect(r?.reason).toMatch(/spaces/);
  });

  it.each([
    ["1.2O4.567", 1204567],
    ["l.234.567", 1234567],
    ["1.234.5S7", 1234557],
    ["1.B34", 1834],
    ["2Z4.567", 224567],
    ["1.23g", 1239],
    ["1O0.000", 100000],
  ])("%s is corrected to %d", (token, value) => {
    const r = parseAmount(token, TURKISH_FORMAT);
    expect(r?.value).toBe(value);
    expect(r?.corrected).toBe(true);
    expect(r?.confidence).toBeLessThan(0.8);
  });

  it("does not turn words into numbers", () => {
    for (const token of ["lOl", "SOS", "B2B", "Bilanço", "l0", "OIl"])
      expect(parseAmount(token), token).toBeNull();
  });

  it("drops a table rule at the edge instead of reading it as 1", () => {
    expect(parseAmount("|1.234", TURKISH_FORMAT)?.value).toBe(1234);
    expect(parseAmount("1.234|", TURKISH_FORMAT)?.value).toBe(1234);
  });

  it("reads a lone S before a space as a dollar sign", () => {
    const r = parseAmount("S 1,234", ENGLISH_FORMAT);
    expect(r?.value).toBe(1234);
    expect(r?.corrected).toBe(true);
  });

  it("marks a glued leading S ambiguous between $ and 5", () => {
    const r = parseAmount("S1,234", ENGLISH_FORMAT);
    expect(r?.ambiguous).toBe(true);
    expect(new Set([r?.value, r?.alternative])).toEqual(new Set([1234, 51234]));
    expect(r?.confidence).toBeLessThanOrEqual(0.4);
  });
});

describe("parseAmount: decimal marks among whole amounts", () => {
  const whole = { ...ENGLISH_FORMAT, wholeAmounts: true };

  it("reads a lone decimal mark before three digits as a misread thousands separator", () => {
    const read = parseAmount("$ 7.107", whole);
    expect(read?.value).toBe(7107);
    expect(read?.corrected).toBe(true);
    expect(read?.confidence).toBeLessThan(0.9);
    expect(parseAmount("1,234", { ...TURKISH_FORMAT, wholeAmounts: true })?.value).toBe(1234);
  });

  it("keeps real decimals, and reads 7.107 as printed in a statement with decimals", () => {
    expect(parseAmount("3.75", whole)?.value).toBe(3.75);
    expect(parseAmount("1,234.567", whole)?.value).toBe(1234.567);
    expect(parseAmount("7.107", ENGLISH_FORMAT)?.value).toBe(7.107);
  });
});

describe("OCR fragments", () => {
  it("reads a number with a dangling separator, less surely", () => {
    const r = parseAmount("215.733,", TURKISH_FORMAT);
    expect(r?.value).toBe(215733);
    expect(r?.confidence).toBeLessThan(1);
    expect(r?.reason).toMatch(/dangling/);
  });

  it("lets the layout recognise the pieces it must join", () => {
    for (const t of ["48.", "215.733,", ",12", ".5"]) expect(isAmountLike(t), t).toBe(true);
    expect(parseAmount(",12", TURKISH_FORMAT)).toBeNull();
  });

  it("reads a separator doubled by a speck as one, less surely, only where the groups fit", () => {
    const r = parseAmount("2.,838,034.00", ENGLISH_FORMAT);
    expect(r?.value).toBe(2838034);
    expect(r?.confidence).toBeLessThanOrEqual(0.8);
    expect(r?.reason).toMatch(/doubled separator/);
    expect(parseAmount("28.,38,034.00", ENGLISH_FORMAT)).toBeNull();
  });

  it("joins an amount OCR broke at a lost thousands separator, and only then", () => {
    const joined = joinAmountFragments("1.447", "808.00", ENGLISH_FORMAT);
    expect(joined?.value).toBe(1447808);
    expect(joined?.corrected).toBe(true);
    expect(joined?.confidence).toBeLessThan(0.9);
    expect(joinAmountFragments("1.447.808", "12.00", ENGLISH_FORMAT)).toBeNull();
    expect(joinAmountFragments("1,447", "80.00", ENGLISH_FORMAT)).toBeNull();
    expect(joinAmountFragments("(1,447)", "808", ENGLISH_FORMAT)).toBeNull();
  });
});

describe("isAmountLike", () => {
  it("accepts amounts and dashes, rejects words and dates", () => {
    for (const t of ["1.234", "(1,234)", "—", "-", "48.215.733,12", "2024", "5"])
      expect(isAmountLike(t), t).toBe(true);
    for (const t of ["Kasa", "Not", "31.12.2024", "", "%12", "Notes"]) expect(isAmountLike(t), t).toBe(false);
  });
});

describe("parseAmount on real filings", () => {
  it("reads peso, rupee, cedi and rand signs beside amounts", () => {
    expect(parseAmount("₱40,506,296", ENGLISH_FORMAT)?.value).toBe(40506296);
    expect(parseAmount("P17,663,451.20", ENGLISH_FORMAT)?.value).toBe(17663451.2);
    expect(parseAmount("Rs.1,234", ENGLISH_FORMAT)?.value).toBe(1234);
    expect(parseAmount("GH¢1,234", ENGLISH_FORMAT)?.value).toBe(1234);
    expect(parseAmount("(₱1,234)", ENGLISH_FORMAT)?.value).toBe(-1234);
  });

  it("reads '1237,709' as a thousands separator lost, below high confidence, not 1,237.709", () => {
    const reading = parseAmount("1237,709", ENGLISH_FORMAT);
    expect(reading?.value).toBe(1237709);
    expect(reading?.confidence).toBeLessThan(0.9);
  });
});

describe("parseAmount on a poor scan", () => {
  it("reads a thousands mark OCR swapped for the other ('11.588,136.00'), below high confidence", () => {
    for (const format of [ENGLISH_FORMAT, undefined]) {
      const reading = parseAmount("11.588,136.00", format);
      expect(reading?.value).toBe(11588136);
      expect(reading?.confidence).toBeLessThan(0.9);
    }
    expect(isAmountLike("21.502,034.00")).toBe(true);
  });
});
