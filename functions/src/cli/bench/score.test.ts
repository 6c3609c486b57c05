import { describe, expect, it } from "vitest";
import type { AnalysisOutput } from "../../analysis/types";
import { missedTargets, percentile, scoreDocument, summarise, type TruthDocument, tolerance } from "./score";
import { truthAsOutput } from "./truth-as-output";

const truth: TruthDocument = {
  id: "doc-1",
  variant: "digital",
  style: "thp",
  pages: 2,
  statements: [
    {
      type: "balance_sheet",
      unit: 1000,
      periods: [{ end: "2024-12-31" }, { end: "2023-12-31" }],
      canonical: {
        cash_and_equivalents: { "2024-12-31": 125_000, "2023-12-31": 98_000 },
        total_assets: { "2024-12-31": 900_000, "2023-12-31": 800_000 },
      },
    },
    {
      type: "income_statement",
      unit: 1000,
      periods: [{ end: "2024-12-31" }],
      canonical: { revenue: { "2024-12-31": 1_500_000 }, cost_of_sales: { "2024-12-31": -1_100_000 } },
    },
  ],
};

function damaged(edit: (output: AnalysisOutput) => void): AnalysisOutput {
  const output = truthAsOutput(truth);
  edit(output);
  return output;
}

describe("scoreDocument", () => {
  it("gives a perfect score to the truth itself", () => {
    const score = scoreDocument(truth, truthAsOutput(truth), { seconds: 1 });
    expect(score).toMatchObject({ fields: 6, correct: 6, wrong: 0, missing: 0, accuracy: 1, extra: 0 });
    expect(score.unflaggedFailure).toBe(false);
    expect(score.secondsPerPage).toBe(0.5);
  });

  it("accepts a difference within half the unit and rejects one beyond it", () => {
    expect(tolerance(1000)).toBe(500);
    expect(tolerance(1)).toBe(0.5);
    const near = damaged((o) => {
      o.statements[0]!.canonical.total_assets!["2024-12-31"] = 900_400;
    });
    expect(scoreDocument(truth, near, { seconds: 1 }).correct).toBe(6);
    const far = damaged((o) => {
      o.statements[0]!.canonical.total_assets!["2024-12-31"] = 900_600;
    });
    expect(scoreDocument(truth, far, { seconds: 1 }).wrong).toBe(1);
  });

  it("counts a confident wrong value as a high-confidence error and requires a flag", () => {
    const output = damaged((o) => {
      o.statements[1]!.canonical.revenue!["2024-12-31"] = 1_600_000;
      o.statements[1]!.canonicalConfidence = { revenue: { "2024-12-31": 0.95 } };
    });
    const score = scoreDocument(truth, output, { seconds: 1 });
    expect(score).toMatchObject({
      wrong: 1,
      highConfidenceErrors: 1,
      needsFlag: true,
      unflaggedFailure: true,
    });
    expect(score.misses[0]).toMatchObject({
      key: "revenue",
      status: "wrong",
      expected: 1_500_000,
      actual: 1_600_000,
    });
    output.statements[1]!.flagged = true;
    expect(scoreDocument(truth, output, { seconds: 1 }).unflaggedFailure).toBe(false);
  });

  it("takes the confidence from the items mapped to the key when canonicalConfidence is absent", () => {
    const output = damaged((o) => {
      o.statements[1]!.canonical.revenue!["2024-12-31"] = 1_600_000;
      const item = o.statements[1]!.items.find((i) => i.key === "revenue")!;
      item.confidence = 0.5;
    });
    expect(scoreDocument(truth, output, { seconds: 1 })).toMatchObject({ wrong: 1, highConfidenceErrors: 0 });
  });

  it("reports a missing key as missing, an unlisted key as extra, and a zero for a blank as wrong", () => {
    const output = damaged((o) => {
      delete o.statements[0]!.canonical.cash_and_equivalents;
      o.statements[0]!.canonical.inventories = { "2024-12-31": 50_000 };
      o.statements[1]!.canonical.cost_of_sales = { "2024-12-31": 0 };
    });
    const score = scoreDocument(truth, output, { seconds: 1 });
    expect(score).toMatchObject({ missing: 2, extra: 1, wrong: 1, correct: 3 });
  });

  it("matches periods by end date even when the output uses other period ids", () => {
    const output = damaged((o) => {
      const bs = o.statements[0]!;
      bs.periods = [
        { id: "cari", label: "Cari Dönem", end: "2024-12-31" },
        { id: "onceki", label: "Önceki Dönem", end: "2023-12-31" },
      ];
      for (const byPeriod of Object.values(bs.canonical)) {
        byPeriod!.cari = byPeriod!["2024-12-31"]!;
        byPeriod!.onceki = byPeriod!["2023-12-31"]!;
        delete byPeriod!["2024-12-31"];
        delete byPeriod!["2023-12-31"];
      }
    });
    expect(scoreDocument(truth, output, { seconds: 1 }).accuracy).toBe(1);
  });

  it("treats a failed run as all fields missing, not as an unflagged failure", () => {
    const score = scoreDocument(truth, undefined, { seconds: 0.2, error: "pdf_corrupt" });
    expect(score).toMatchObject({ missing: 6, correct: 0, error: "pdf_corrupt", unflaggedFailure: false });
  });

  it("requires a flag when a check fails even if every value is right", () => {
    const output = damaged((o) => {
      o.statements[0]!.checks.push({
        rule: "total_assets = total_liabilities_and_equity",
        period: "2024-12-31",
        ok: false,
        difference: 1,
      });
    });
    expect(scoreDocument(truth, output, { seconds: 1 })).toMatchObject({
      failingChecks: 1,
      unflaggedFailure: true,
    });
  });
});

describe("summarise and targets", () => {
  it("micro-averages accuracy per variant and reports missed targets", () => {
    const good = scoreDocument(truth, truthAsOutput(truth), { seconds: 2 });
    const bad = scoreDocument(
      { ...truth, id: "doc-2" },
      damaged((o) => delete o.statements[0]!.canonical.total_assets),
      { seconds: 4 },
    );
    const [digital] = summarise([good, bad]);
    expect(digital).toMatchObject({ group: "digital", documents: 2, fields: 12, correct: 10 });
    expect(digital!.accuracy).toBeCloseTo(10 / 12);
    expect(missedTargets([digital!])).toEqual([expect.stringContaining("digital: field accuracy 83.33%")]);
    expect(missedTargets(summarise([good]))).toEqual([]);
  });

  it("computes nearest-rank percentiles", () => {
    expect(percentile([], 0.5)).toBe(0);
    expect(percentile([3, 1, 2], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
  });
});
