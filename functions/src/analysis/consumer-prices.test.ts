import { describe, expect, it } from "vitest";
import { priceFactor } from "./consumer-prices";

describe("priceFactor", () => {
  it("compounds the December-to-December rates of the years between two calendar year ends", () => {
    expect(priceFactor("TRY", "2021-12-31", "2022-12-31")).toBeCloseTo(1.6427, 6);
    expect(priceFactor("TRY", "2020-12-31", "2022-12-31")).toBeCloseTo(1.3608 * 1.6427, 6);
  });

  it("gives none where a real change would be a guess", () => {
    // TMS 29 restatement is the rule from 31.12.2023: those statements are not deflated again.
    expect(priceFactor("TRY", "2022-12-31", "2023-12-31")).toBeUndefined();
    expect(priceFactor("TRY", "2021-06-30", "2022-06-30")).toBeUndefined(); // not calendar years
    expect(priceFactor("TRY", "2018-12-31", "2019-12-31")).toBeUndefined(); // rate not shipped
    expect(priceFactor("USD", "2021-12-31", "2022-12-31")).toBeUndefined();
  });
});
