import type { Statement } from "../types";
import { uncheckedIdentities } from "./coverage";

/**
 * Below this confidence a canonical value needs a person's look: the statement is flagged, the
 * review screen marks the cell, the CLI counts it. One threshold, so all of them agree.
 */
export const REVIEW_BELOW = 0.5;

/**
 * "High confidence" starts here: a value at or above it is taken as read (no "?" in the CLI, no
 * shading in the reports), and the bench counts a wrong value at or above it as a broken promise.
 */
export const HIGH_CONFIDENCE = 0.9;

/** How many canonical values (key × period) of the statement are below the review threshold. */
export function doubtfulValueCount(statement: Pick<Statement, "canonicalConfidence">): number {
  let count = 0;
  for (const byPeriod of Object.values(statement.canonicalConfidence ?? {}))
    for (const confidence of Object.values(byPeriod ?? {})) if (confidence < REVIEW_BELOW) count += 1;
  return count;
}

/** What a person still has to look at in a document's statements, as its list entry says. */
export interface ReviewSummary {
  /** Printed values read below the review threshold or taking part in a failing check. */
  flaggedValues: number;
  failedChecks: number;
  /** Essential identities that could not be evaluated because a total was not found. */
  uncheckedChecks: number;
}

export function reviewSummary(
  statements: Array<Pick<Statement, "type" | "periods" | "items" | "canonical" | "checks">>,
): ReviewSummary {
  const summary: ReviewSummary = { flaggedValues: 0, failedChecks: 0, uncheckedChecks: 0 };
  for (const statement of statements) {
    summary.failedChecks += statement.checks.filter((check) => !check.ok).length;
    summary.uncheckedChecks += uncheckedIdentities(statement).length;
    for (const item of statement.items) {
      const inFailedCheck = item.flags?.includes("check_failed") ?? false;
      for (const [period, value] of Object.entries(item.values)) {
        if (value === null) continue;
        const confidence = item.valueConfidence?.[period] ?? item.confidence;
        if (inFailedCheck || confidence < REVIEW_BELOW) summary.flaggedValues += 1;
      }
    }
  }
  return summary;
}
