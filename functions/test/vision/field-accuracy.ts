import type { Truth } from "../../src/cli/bench/corpus/truth";
import type { CanonicalKey, Statement } from "../../src/pipeline/types";

export interface FieldScore {
  fields: number;
  correct: number;
  wrong: number;
  missing: number;
  /** Wrong values, and values the truth does not have, at confidence ≥ 0.9. */
  highConfidenceErrors: number;
  errors: string[];
}

/**
 * Canonical values against the ground truth, as the bench counts them: right within rounding
 * of the printed unit, wrong, or missing; a value the truth does not list at all (an invented
 * line) counts as an error when it claims high confidence.
 */
export function scoreFields(statements: Statement[], truth: Truth): FieldScore {
  const score: FieldScore = {
    fields: 0,
    correct: 0,
    wrong: 0,
    missing: 0,
    highConfidenceErrors: 0,
    errors: [],
  };
  for (const t of truth.statements) {
    const s = statements.find((x) => x.type === t.type);
    for (const [key, periods] of Object.entries(t.canonical) as Array<
      [CanonicalKey, Record<string, number>]
    >) {
      for (const [period, want] of Object.entries(periods)) {
        score.fields += 1;
        const got = s?.canonical[key]?.[period];
        const confidence = s?.canonicalConfidence?.[key]?.[period] ?? 0;
        if (got === undefined) {
          score.missing += 1;
          score.errors.push(`missing ${t.type}.${key}.${period}`);
        } else if (Math.abs(got - want) <= 0.5 * t.unit + 0.005) {
          score.correct += 1;
        } else {
          score.wrong += 1;
          if (confidence >= 0.9) score.highConfidenceErrors += 1;
          score.errors.push(
            `wrong ${t.type}.${key}.${period}: ${got} (truth ${want}, confidence ${confidence})`,
          );
        }
      }
    }
    for (const [key, periods] of Object.entries(s?.canonical ?? {}) as Array<
      [CanonicalKey, Record<string, number>]
    >) {
      for (const period of Object.keys(periods)) {
        if (t.canonical[key]?.[period] !== undefined) continue;
        const confidence = s?.canonicalConfidence?.[key]?.[period] ?? 0;
        if (confidence >= 0.9) {
          score.highConfidenceErrors += 1;
          score.errors.push(`extra ${t.type}.${key}.${period} at confidence ${confidence}`);
        }
      }
    }
  }
  return score;
}
