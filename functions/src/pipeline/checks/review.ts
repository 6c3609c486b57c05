import type { Statement } from "../types";

/**
 * Below this confidence a canonical value needs a person's look: the statement is flagged, the
 * review screen marks the cell, the CLI counts it. One threshold, so all of them agree.
 */
export const REVIEW_BELOW = 0.5;

/** How many canonical values (key × period) of the statement are below the review threshold. */
export function doubtfulValueCount(statement: Pick<Statement, "canonicalConfidence">): number {
  let count = 0;
  for (const byPeriod of Object.values(statement.canonicalConfidence ?? {}))
    for (const confidence of Object.values(byPeriod ?? {})) if (confidence < REVIEW_BELOW) count += 1;
  return count;
}
