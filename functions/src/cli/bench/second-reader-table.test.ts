import { describe, expect, it } from "vitest";
import { secondReaderTable } from "./bench-report";
import type { GroupSummary } from "./score";

const group = (name: string, over: Partial<GroupSummary>): GroupSummary => ({
  group: name,
  documents: 4,
  fields: 100,
  correct: 90,
  accuracy: 0.9,
  wrong: 10,
  missing: 0,
  highConfidenceErrors: 0,
  extra: 0,
  flaggedDocuments: 2,
  flaggedValues: 20,
  seconds: 100,
  unflaggedFailures: 0,
  errors: 0,
  medianSecondsPerPage: 5,
  p95SecondsPerPage: 8,
  ...over,
});

describe("secondReaderTable", () => {
  it("keeps the reader on when it halves the flagged values within 1.5 times the time", () => {
    const text = secondReaderTable(
      [group("real-scan", {}), group("real-scan +local", { flaggedValues: 10, seconds: 140 })],
      " +local",
    );
    expect(text).toContain("20 → 10");
    expect(text).toContain("1.40x");
    expect(text.trim().split("\n").at(-1)?.trim().endsWith("on")).toBe(true);
  });

  it("turns it off when the lift is under 3 points, or the time over 1.5 times", () => {
    const small = secondReaderTable(
      [group("real-scan", {}), group("real-scan +local", { accuracy: 0.92, flaggedValues: 15 })],
      " +local",
    );
    expect(small.trim().split("\n").at(-1)?.trim().endsWith("off")).toBe(true);
    const slow = secondReaderTable(
      [group("real-scan", {}), group("real-scan +local", { accuracy: 0.95, seconds: 160 })],
      " +local",
    );
    expect(slow.trim().split("\n").at(-1)?.trim().endsWith("off")).toBe(true);
    expect(secondReaderTable([group("real-scan", {})], " +local")).toBe("");
  });
});
