import { describe, expect, it } from "vitest";
import { cellAmount } from "./cell-amount";

describe("cellAmount", () => {
  it("reads grouped amounts whichever mark groups the thousands", () => {
    expect(cellAmount("45,667,200")).toBe(45_667_200);
    expect(cellAmount("45.667.200")).toBe(45_667_200);
    expect(cellAmount("17,663,451.20")).toBe(17_663_451.2);
    expect(cellAmount("17.663.451,20")).toBe(17_663_451.2);
  });

  it("drops a currency sign fused into the figure and the brackets of a negative", () => {
    expect(cellAmount("P297,466,784.00")).toBe(297_466_784);
    expect(cellAmount("(1,234)")).toBe(1234);
    expect(cellAmount("(P1,234.50)")).toBe(1234.5);
    expect(cellAmount("907")).toBe(907);
  });

  it("gives no reading for text that is not cleanly one amount", () => {
    expect(cellAmount("2L,502.034.00")).toBeUndefined();
    expect(cellAmount("1,23,456")).toBeUndefined();
    expect(cellAmount("1,234.5")).toBeUndefined();
    expect(cellAmount("Total")).toBeUndefined();
    expect(cellAmount("")).toBeUndefined();
  });
});
