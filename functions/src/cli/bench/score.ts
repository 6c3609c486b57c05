import type { AnalysisOutput } from "../../analysis/types";
import { HIGH_CONFIDENCE, reviewSummary } from "../../pipeline/checks/review";
import type { Statement } from "../../pipeline/types";

/**
 * Scores one extraction against ground truth (the shape of shared/realdata/*.truth.json and
 * of the corpus generator's truth files). Pure: no I/O, no clock.
 */
export interface TruthDocument {
  id: string;
  variant: string;
  style: string;
  pages?: number;
  statements: Array<{
    type: string;
    unit: number;
    periods: Array<{ end: string }>;
    canonical: Record<string, Record<string, number> | undefined>;
  }>;
}

export type FieldStatus = "correct" | "wrong" | "missing";

export interface FieldResult {
  statement: string;
  key: string;
  period: string;
  expected: number;
  actual?: number;
  confidence?: number;
  status: FieldStatus;
}

export interface DocumentScore {
  id: string;
  variant: string;
  style: string;
  fields: number;
  correct: number;
  wrong: number;
  missing: number;
  highConfidenceErrors: number;
  /** Canonical values extracted that the truth does not list (reported, not errors). */
  extra: number;
  failingChecks: number;
  flagged: boolean;
  /** A failing check or a wrong value: the document must be flagged. */
  needsFlag: boolean;
  /** Printed values a reviewer is asked to look at (below the review threshold or in a failing check). */
  flaggedValues: number;
  unflaggedFailure: boolean;
  accuracy: number;
  pages: number;
  seconds: number;
  secondsPerPage: number;
  /** The pipeline threw: an error code or message instead of an output. */
  error?: string;
  /** Every field that is not correct. */
  misses: FieldResult[];
}

/** Within rounding: half of the printed unit, and never tighter than half a cent. */
export function tolerance(unit: number): number {
  return Math.max(0.5 * unit, 0.005);
}

interface Found {
  value: number;
  confidence?: number;
}

/** The output's canonical values by statement type, key and period end. */
function outputValues(output: AnalysisOutput): Map<string, Found> {
  const found = new Map<string, Found>();
  for (const statement of output.statements) {
    const endOf = periodEnds(statement);
    for (const [key, byPeriod] of Object.entries(statement.canonical)) {
      for (const [periodId, value] of Object.entries(byPeriod ?? {})) {
        if (typeof value !== "number" || !Number.isFinite(value)) continue;
        const id = fieldId(statement.type, key, endOf(periodId));
        // A statement split in two keeps its first reading of a field.
        if (!found.has(id)) found.set(id, { value, confidence: confidenceOf(statement, key, periodId) });
      }
    }
  }
  return found;
}

function periodEnds(statement: Statement): (periodId: string) => string {
  const ends = new Map(statement.periods.map((p) => [p.id, p.end ?? p.id]));
  return (periodId) => ends.get(periodId) ?? periodId;
}

/** canonicalConfidence when given, else the lowest confidence of the items mapped to the key. */
export function confidenceOf(statement: Statement, key: string, periodId: string): number | undefined {
  const direct = (statement.canonicalConfidence as Record<string, Record<string, number>> | undefined)?.[
    key
  ]?.[periodId];
  if (typeof direct === "number") return direct;
  const items = statement.items.filter((item) => item.key === key);
  if (items.length === 0) return undefined;
  return Math.min(...items.map((item) => item.valueConfidence?.[periodId] ?? item.confidence));
}

function fieldId(type: string, key: string, end: string): string {
  return `${type}|${key}|${end}`;
}

export interface RunFacts {
  seconds: number;
  /** Pages processed; defaults to the output's page count, then the truth's. */
  pages?: number;
  error?: string;
}

export function scoreDocument(
  truth: TruthDocument,
  output: AnalysisOutput | undefined,
  run: RunFacts,
): DocumentScore {
  const found = output ? outputValues(output) : new Map<string, Found>();
  const expectedIds = new Set<string>();
  const misses: FieldResult[] = [];
  let fields = 0;
  let correct = 0;
  let wrong = 0;
  let highConfidenceErrors = 0;
  for (const statement of truth.statements) {
    for (const [key, byPeriod] of Object.entries(statement.canonical)) {
      for (const [end, expected] of Object.entries(byPeriod ?? {})) {
        const id = fieldId(statement.type, key, end);
        expectedIds.add(id);
        fields += 1;
        const got = found.get(id);
        const field: FieldResult = {
          statement: statement.type,
          key,
          period: end,
          expected,
          status: "missing",
        };
        if (!got) {
          misses.push(field);
          continue;
        }
        field.actual = got.value;
        field.confidence = got.confidence;
        if (Math.abs(got.value - expected) <= tolerance(statement.unit)) {
          correct += 1;
          continue;
        }
        field.status = "wrong";
        wrong += 1;
        // A number given without any confidence is a number asserted without doubt.
        if ((got.confidence ?? 1) >= HIGH_CONFIDENCE) highConfidenceErrors += 1;
        misses.push(field);
      }
    }
  }
  const extra = [...found.keys()].filter((id) => !expectedIds.has(id)).length;
  const failingChecks = output?.statements.reduce((n, s) => n + s.checks.filter((c) => !c.ok).length, 0) ?? 0;
  const flagged = Boolean(output?.flagged || output?.statements.some((s) => s.flagged));
  const needsFlag = output !== undefined && (failingChecks > 0 || wrong > 0);
  const pages = run.pages ?? output?.document.pages ?? truth.pages ?? 1;
  return {
    id: truth.id,
    variant: truth.variant,
    style: truth.style,
    fields,
    correct,
    wrong,
    missing: fields - correct - wrong,
    highConfidenceErrors,
    extra,
    failingChecks,
    flagged,
    needsFlag,
    flaggedValues: output ? reviewSummary(output.statements).flaggedValues : 0,
    unflaggedFailure: needsFlag && !flagged,
    accuracy: fields === 0 ? 1 : correct / fields,
    pages,
    seconds: run.seconds,
    secondsPerPage: run.seconds / Math.max(1, pages),
    ...(run.error ? { error: run.error } : {}),
    misses,
  };
}

export interface GroupSummary {
  group: string;
  documents: number;
  fields: number;
  correct: number;
  /** Micro-average: correct fields over all fields of the group. */
  accuracy: number;
  wrong: number;
  missing: number;
  highConfidenceErrors: number;
  extra: number;
  flaggedDocuments: number;
  flaggedValues: number;
  /** Seconds of all the group's documents together. */
  seconds: number;
  unflaggedFailures: number;
  errors: number;
  medianSecondsPerPage: number;
  p95SecondsPerPage: number;
}

export function summarise(
  scores: DocumentScore[],
  groupOf: (s: DocumentScore) => string = (s) => s.variant,
): GroupSummary[] {
  const groups = new Map<string, DocumentScore[]>();
  for (const score of scores) groups.set(groupOf(score), [...(groups.get(groupOf(score)) ?? []), score]);
  return [...groups.entries()].map(([group, docs]) => {
    const sum = (pick: (s: DocumentScore) => number) => docs.reduce((n, s) => n + pick(s), 0);
    const fields = sum((s) => s.fields);
    const correct = sum((s) => s.correct);
    const perPage = docs.map((s) => s.secondsPerPage);
    return {
      group,
      documents: docs.length,
      fields,
      correct,
      accuracy: fields === 0 ? 1 : correct / fields,
      wrong: sum((s) => s.wrong),
      missing: sum((s) => s.missing),
      highConfidenceErrors: sum((s) => s.highConfidenceErrors),
      extra: sum((s) => s.extra),
      flaggedDocuments: docs.filter((s) => s.flagged).length,
      flaggedValues: sum((s) => s.flaggedValues ?? 0),
      seconds: sum((s) => s.seconds),
      unflaggedFailures: docs.filter((s) => s.unflaggedFailure).length,
      errors: docs.filter((s) => s.error).length,
      medianSecondsPerPage: percentile(perPage, 0.5),
      p95SecondsPerPage: percentile(perPage, 0.95),
    };
  });
}

/** Nearest-rank percentile; 0 for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

/** Field-accuracy targets of the extraction issue, per variant. */
export const ACCURACY_TARGETS: Record<string, number> = { digital: 0.995, scan300: 0.98, scan200noisy: 0.95 };

/** Every missed target, in words; empty when all are met. */
export function missedTargets(summaries: GroupSummary[]): string[] {
  const missed: string[] = [];
  for (const s of summaries) {
    const target = ACCURACY_TARGETS[s.group];
    if (target !== undefined && s.accuracy < target) {
      missed.push(
        `${s.group}: field accuracy ${(s.accuracy * 100).toFixed(2)}% < ${(target * 100).toFixed(1)}%`,
      );
    }
    if (s.highConfidenceErrors > 0)
      missed.push(`${s.group}: ${s.highConfidenceErrors} high-confidence errors (target 0)`);
    if (s.unflaggedFailures > 0)
      missed.push(`${s.group}: ${s.unflaggedFailures} documents with failures not flagged`);
  }
  return missed;
}
