import { describe, expect, it } from "vitest";
import { isValidTaxId, isValidTckn, isValidVkn } from "./tax-id";

describe("tax identifiers", () => {
  it("accepts VKNs whose check digit matches and rejects a changed digit", () => {
    expect(isValidVkn("1234567890")).toBe(true);
    expect(isValidVkn("1234567891")).toBe(false);
    expect(isValidVkn("0010000009")).toBe(true);
    expect(isValidVkn("123456789")).toBe(false);
    // Every 9-digit prefix has exactly one valid tenth digit.
    const valid = Array.from({ length: 10 }, (_, d) => `987654321${d}`).filter(isValidVkn);
    expect(valid).toHaveLength(1);
  });

  it("checks both TCKN check digits and the leading zero rule", () => {
    expect(isValidTckn("10000000146")).toBe(true);
    expect(isValidTckn("10000000147")).toBe(false);
    expect(isValidTckn("00000000146")).toBe(false);
    expect(isValidTaxId("10000000146")).toBe(true);
    expect(isValidTaxId("123")).toBe(false);
  });
});
