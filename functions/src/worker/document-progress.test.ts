import { describe, expect, it } from "vitest";
import { progressOf } from "./document-progress";

describe("progressOf", () => {
  it("spreads page reading over 5-75 and places the later stages after it", () => {
    expect(progressOf({ stage: "reading" })).toBe(5);
    expect(progressOf({ stage: "reading", page: 1, pages: 2 })).toBe(40);
    expect(progressOf({ stage: "reading", page: 2, pages: 2 })).toBe(75);
    const order = ["starting", "parsing", "analysing", "saving"].map((stage) => progressOf({ stage }));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(progressOf({ stage: "saving" })).toBeLessThan(100);
  });
});
