/**
 * One document's extraction composed with its analysis: the public shape `npm run analyze
 * --json` prints. The pipeline ends at statements; this is where ratios join them.
 */
import type { ExtractionOutput } from "../pipeline/types";
import { type AnalyzeStatementsOptions, analyzeStatements } from "./analyze";
import type { AnalysisOutput, StatementAnalysis } from "./types";

/** Analyses the extraction's statements and returns both, timed as the "analysis" stage. */
export function analyzeExtraction(
  extraction: ExtractionOutput,
  options: AnalyzeStatementsOptions = {},
): AnalysisOutput {
  const started = performance.now();
  const analysis = analyzeStatements(extraction.statements, options);
  return documentAnalysis(extraction, analysis, performance.now() - started);
}

/**
 * The extraction and an analysis of its statements in the contract's field order (the JSON is
 * compared byte for byte); anything else the extraction carries, such as page words, is left out.
 */
export function documentAnalysis(
  extraction: ExtractionOutput,
  analysis: StatementAnalysis,
  analysisMs: number,
): AnalysisOutput {
  const { document, statements, timings, warnings, flagged, vision } = extraction;
  return {
    document,
    statements,
    ratios: analysis.ratios,
    comparison: analysis.comparison,
    alerts: analysis.alerts,
    timings: timingsWithAnalysis(timings, analysisMs),
    warnings,
    flagged,
    vision,
  };
}

/** The analysis counts in the document's total like any stage of the reading. */
export function timingsWithAnalysis(
  timings: ExtractionOutput["timings"],
  analysisMs: number,
): ExtractionOutput["timings"] {
  const stages = { ...timings.stages, analysis: Math.round((timings.stages.analysis ?? 0) + analysisMs) };
  return { totalMs: Math.round(timings.totalMs + analysisMs), stages };
}
