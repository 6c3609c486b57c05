import { describe, expect, it } from "vitest";
import { greedyDecode } from "./amount-reader";

describe("greedyDecode", () => {
  it("merges repeated classes and drops blanks, as CTC decoding does", () => {
    const dictionary = ["1", "2", ","];
    // Time steps: 1 1 blank 1 , 2 → "11,2"; class 0 is the blank.
    const best = [1, 1, 0, 1, 3, 2];
    const scores = new Float32Array(best.length * 4);
    best.forEach((c, t) => {
      scores[t * 4 + c] = 0.9;
    });
    const reading = greedyDecode(scores, [1, best.length, 4], dictionary);
    expect(reading.text).toBe("11,2");
    expect(reading.confidence).toBeCloseTo(0.9, 5);
  });
});
