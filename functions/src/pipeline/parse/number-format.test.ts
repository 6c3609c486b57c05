import { describe, expect, it } from "vitest";
import { detectNumberFormat } from "./number-format";

describe("detectNumberFormat", () => {
  it("one Turkish amount with both marks proves the format", () => {
    const r = detectNumberFormat(["1.234.567,89", "Kasa", "12"]);
    expect(r.format).toEqual({ decimal: ",", thousands: "." });
    expect(r.confidence).toBeGreaterThan(0.7);
  });

  it("one English amount with both marks proves the format", () => {
    const r = detectNumberFormat(["1,234.5", "7"]);
    expect(r.format).toEqual({ decimal: ".", thousands: "," });
  });

  it("a document of integers with dot-grouped thousands is Turkish", () => {
    const r = detectNumberFormat(["125.430", "1.970.651", "48.215", "312.004"]);
    expect(r.format).toEqual({ decimal: ",", thousands: "." });
    expect(r.confidence).toBeGreaterThan(0.5);
  });

  it("a US statement in millions with comma thousands is English", () => {
    const r = detectNumberFormat(["7,107", "4,562", "2,545", "954", "(72)", "—", "3.75", "123,113"]);
    expect(r.format).toEqual({ decimal: ".", thousands: "," });
  });

  it("note references alone do not outvote grouped amounts", () => {
    const r = detectNumberFormat(["5.1", "5.2", "7.3", "1.234.567", "2.345.678", "125.000"]);
    expect(r.format.decimal).toBe(",");
  });

  it("recognises space-grouped thousands", () => {
    const r = detectNumberFormat(["1 234 567,89", "12 345,00", "987 654,32"]);
    expect(r.format).toEqual({ decimal: ",", thousands: " " });
  });

  it("recognises ungrouped amounts with a decimal comma", () => {
    const r = detectNumberFormat(["1234567,89", "45678,12", "123456,00"]);
    expect(r.format).toEqual({ decimal: ",", thousands: "" });
  });

  it("with no evidence returns the fallback with zero confidence", () => {
    const r = detectNumberFormat(["12", "Kasa", "-"], { decimal: ".", thousands: "," });
    expect(r).toEqual({ format: { decimal: ".", thousands: "," }, confidence: 0, evidence: 0 });
  });

  it("mixed evidence gives a lower confidence than clean evidence", () => {
    const clean = detectNumberFormat(["1.234.567,89", "2.345,10"]);
    const mixed = detectNumberFormat(["1.234.567,89", "2.345,10", "1,234.56"]);
    expect(mixed.format.decimal).toBe(",");
    expect(mixed.confidence).toBeLessThan(clean.confidence);
  });
});
