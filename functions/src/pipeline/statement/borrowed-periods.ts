import type { Statement } from "../types";

const UNDATED = /^period_\d+$/;
/** Periods taken from the other statement are a reading, not a print: below high confidence. */
const BORROWED_PERIOD_CONFIDENCE = 0.85;

function renameValues<T>(byPeriod: Record<string, T>, rename: Map<string, string>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(byPeriod).map(([period, value]) => [rename.get(period) ?? period, value]),
  );
}

/**
 * A scan can lose one statement's period header while the other statement of the same document
 * kept its own (same company, same year ends, same number of columns). The undated columns then
 * take those periods, in order, with their values capped below high confidence and flagged.
 */
export function borrowPeriods(statements: Statement[]): string[] {
  const warnings: string[] = [];
  for (const statement of statements) {
    if (!statement.periods.every((p) => UNDATED.test(p.id))) continue;
    const donor = statements.find(
      (s) =>
        s !== statement && s.periods.length === statement.periods.length && s.periods.every((p) => p.end),
    );
    if (!donor) continue;
    const rename = new Map(statement.periods.map((p, i) => [p.id, donor.periods[i]?.id ?? p.id]));
    statement.periods = donor.periods.map((p) => ({ ...p }));
    for (const item of statement.items) {
      item.values = renameValues(item.values, rename);
      if (item.valueBoxes) item.valueBoxes = renameValues(item.valueBoxes, rename);
      if (item.valueConfidence) {
        item.valueConfidence = renameValues(item.valueConfidence, rename);
        for (const period of Object.keys(item.valueConfidence)) {
          item.valueConfidence[period] = Math.min(
            item.valueConfidence[period] ?? 0,
            BORROWED_PERIOD_CONFIDENCE,
          );
        }
        item.confidence = Math.min(item.confidence, BORROWED_PERIOD_CONFIDENCE);
      }
      item.flags = [...new Set([...(item.flags ?? []), "period_from_other_statement"])];
    }
    for (const key of Object.keys(statement.canonical) as Array<keyof Statement["canonical"]>) {
      statement.canonical[key] = renameValues(statement.canonical[key] ?? {}, rename);
      const confidence = renameValues(statement.canonicalConfidence?.[key] ?? {}, rename);
      for (const period of Object.keys(confidence)) {
        confidence[period] = Math.min(confidence[period] ?? 0, BORROWED_PERIOD_CONFIDENCE);
      }
      if (statement.canonicalConfidence) statement.canonicalConfidence[key] = confidence;
    }
    statement.checks = statement.checks.map((c) => ({ ...c, period: rename.get(c.period) ?? c.period }));
    statement.flagged = true;
    warnings.push(`${statement.type}_periods_from_other_statement`);
  }
  return warnings;
}
