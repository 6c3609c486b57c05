import type { RatioGroup, RatioKey, RatioResult, RatioUnit } from "../analysis/types";

export const RATIO_GROUPS: RatioGroup[] = ["liquidity", "profitability", "efficiency", "solvency"];

/** Ratio keys grouped as RATIOS.md lists them, in the order the analysis produced them. */
export function ratiosInOrder(ratios: RatioResult[]): RatioKey[] {
  const keys = [...new Set(ratios.map((ratio) => ratio.key))];
  const groupOf = new Map(ratios.map((ratio) => [ratio.key, ratio.group]));
  return RATIO_GROUPS.flatMap((group) => keys.filter((key) => groupOf.get(key) === group));
}

export function findRatio(ratios: RatioResult[], key: string, period: string): RatioResult | undefined {
  return ratios.find((ratio) => ratio.key === key && ratio.period === period);
}

/** How the ratio `key` is displayed; undefined when `key` is no ratio of this document. */
export function ratioUnitOf(ratios: RatioResult[], key: string): RatioUnit | undefined {
  const ratio = ratios.find((candidate) => candidate.key === key);
  return ratio ? (ratio.unit ?? "ratio") : undefined;
}
