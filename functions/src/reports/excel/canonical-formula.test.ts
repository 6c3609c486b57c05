import { describe, expect, it } from "vitest";
import { canonicalName, lineSumFormula } from "./canonical-formula";

describe("lineSumFormula", () => {
  it("takes the one line that gives the value, a total printed twice counting once", () => {
    expect(
      lineSumFormula(
        [
          { ref: "C5", value: 900 },
          { ref: "C9", value: 900 },
        ],
        900,
      ),
    ).toBe("C5");
  });

  it("adds the lines of one key and negates costs printed positive", () => {
    const lines = [
      { ref: "C5", value: 100.25 },
      { ref: "C6", value: 250.5 },
    ];
    expect(lineSumFormula(lines, 350.75)).toBe("C5+C6");
    expect(lineSumFormula(lines, -350.75)).toBe("-C5-C6");
    expect(lineSumFormula([{ ref: "C7", value: 80 }], -80)).toBe("-C7");
  });

  it("gives no formula when no set of lines adds up to the value", () => {
    expect(
      lineSumFormula(
        [
          { ref: "C5", value: 100 },
          { ref: "C6", value: 250 },
        ],
        120,
      ),
    ).toBeUndefined();
    expect(lineSumFormula([], 120)).toBeUndefined();
    const many = Array.from({ length: 7 }, (_, index) => ({ ref: `C${index + 1}`, value: 1 }));
    expect(lineSumFormula(many, 7)).toBeUndefined();
  });

  it("ignores zero lines unless the value is zero", () => {
    expect(
      lineSumFormula(
        [
          { ref: "C5", value: 0 },
          { ref: "C6", value: 40 },
        ],
        40,
      ),
    ).toBe("C6");
    expect(lineSumFormula([{ ref: "C5", value: 0 }], 0)).toBe("C5");
  });
});

describe("canonicalName", () => {
  it("names a value by key and year, with the full date when a year has two periods", () => {
    expect(canonicalName("cash_and_equivalents", "2024-12-31", ["2024-12-31", "2023-12-31"])).toBe(
      "cash_and_equivalents_2024",
    );
    expect(canonicalName("cash_and_equivalents", "2024-06-30", ["2024-06-30", "2024-12-31"])).toBe(
      "cash_and_equivalents_2024_06_30",
    );
    expect(canonicalName("cash_and_equivalents", "Cari Dönem", ["Cari Dönem"])).toBeUndefined();
  });
});
