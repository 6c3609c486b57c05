import { describe, expect, it } from "vitest";
import { benchmarkAgainstPeers, quantile } from "./peers";
import type { PeerCompany, RatioKey, RatioResult } from "./types";

const ratio = (key: RatioKey, value: number | null, period = "2024-12-31"): RatioResult => ({
  key,
  group: "liquidity",
  period,
  value,
  formula: "",
});

const company = (
  companyId: string,
  sector: string | null,
  current: number | null,
  period = "2024-12-31",
): PeerCompany => ({
  companyId,
  sector,
  ratios: [ratio("current_ratio", current, period), ratio("gross_margin", 0.3, period)],
});

describe("quantile", () => {
  it("interpolates between closest ranks like Excel QUARTILE.INC", () => {
    const sorted = [1.0, 1.2, 1.5, 2.0, 3.0];
    expect(quantile(sorted, 0.5)).toBe(1.5);
    expect(quantile(sorted, 0.25)).toBe(1.2);
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 10); // position 0.75 → 1 + 0.75 × (2 − 1)
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe("benchmarkAgainstPeers", () => {
  const others = [
    company("a", "Tekstil", 1.0),
    company("b", " tekstil ", 1.2),
    company("c", "TEKSTİL", 1.5, "2024-09-30"), // fiscal year ending September: comparable
    company("d", "Tekstil", 2.0),
    company("e", "Tekstil", 3.0),
    company("f", "Gıda", 9.0), // another sector
    company("g", "Tekstil", 5.0, "2022-12-31"), // too old
  ];
  const subject = company("me", "Tekstil", 1.3);

  it("puts the company against the median and quartiles of its sector, with the number of peers", () => {
    const report = benchmarkAgainstPeers(subject, [...others, subject]);
    expect(report).toMatchObject({ status: "ok", period: "2024-12-31", peerCompanies: 5, sector: "Tekstil" });
    const current = report.benchmarks.find((b) => b.key === "current_ratio");
    // peers 1.0, 1.2, 1.5, 2.0, 3.0 → p25 1.2, median 1.5, p75 2.0; 1.3 lies between p25 and the median
    expect(current).toMatchObject({
      peers: 5,
      p25: 1.2,
      median: 1.5,
      p75: 2,
      value: 1.3,
      position: "p25_to_median",
    });
    expect(report.benchmarks.find((b) => b.key === "gross_margin")).toMatchObject({
      median: 0.3,
      position: "median_to_p75",
    });
  });

  it("says when there are too few peers, without revealing their figures", () => {
    const report = benchmarkAgainstPeers(subject, others.slice(0, 2));
    expect(report).toMatchObject({
      status: "insufficient_peers",
      peerCompanies: 2,
      reason: "2 peers in the sector; 3 needed",
    });
    const current = report.benchmarks.find((b) => b.key === "current_ratio");
    expect(current).toMatchObject({
      status: "insufficient_peers",
      peers: 2,
      median: null,
      p25: null,
      p75: null,
    });
  });

  it("counts only peers with a value for each ratio, and handles a company without one", () => {
    const report = benchmarkAgainstPeers(company("me", "Tekstil", null), [
      ...others,
      company("h", "Tekstil", null),
    ]);
    const current = report.benchmarks.find((b) => b.key === "current_ratio");
    expect(current).toMatchObject({ peers: 5, status: "no_value", median: 1.5 });
    expect(report.peerCompanies).toBe(6);
    expect(report.benchmarks.find((b) => b.key === "debt_ratio")).toMatchObject({
      peers: 0,
      status: "insufficient_peers",
    });
  });

  it("needs a sector", () => {
    expect(benchmarkAgainstPeers(company("me", null, 1), others)).toMatchObject({
      status: "insufficient_peers",
      reason: "the company has no sector",
      benchmarks: [],
    });
  });
});
