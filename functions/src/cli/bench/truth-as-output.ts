import type { AnalysisOutput } from "../../analysis/types";
import type { CanonicalKey, Statement, StatementType } from "../../pipeline/types";
import type { TruthDocument } from "./score";

/**
 * A perfect extraction built from the truth itself: scores 100% by construction, so the
 * benchmark and its scoring can be checked end to end without the pipeline (`--truth-as-output`).
 */
export function truthAsOutput(truth: TruthDocument, confidence = 0.99): AnalysisOutput {
  const statements: Statement[] = truth.statements.map((s) => ({
    type: s.type as StatementType,
    currency: "",
    unit: s.unit,
    periods: s.periods.map((p) => ({ id: p.end, label: p.end, end: p.end })),
    items: Object.entries(s.canonical).map(([key, values]) => ({
      label: key,
      key: key as CanonicalKey,
      values: { ...values },
      confidence,
      sources: ["text"],
      page: 1,
    })),
    canonical: structuredClone(s.canonical) as Statement["canonical"],
    checks: [],
    flagged: false,
  }));
  return {
    document: { file: `${truth.id}.pdf`, pages: truth.pages ?? 1, sha256: "" },
    statements,
    ratios: [],
    comparison: [],
    alerts: [],
    timings: { totalMs: 0, stages: {} },
    flagged: false,
  };
}
