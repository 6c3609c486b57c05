/**
 * The sample company's full analysis output: statements by hand (sample-statements.fixture);
 * ratios, comparison and alerts computed by the analysis module, as the pipeline does.
 */
import { analyzeStatements } from "../analysis/analyze";
import type { AnalysisOutput } from "../pipeline/types";
import { sampleStatements } from "./sample-statements.fixture";

export { CURRENT, PRIOR, sampleCompany, sampleStatements } from "./sample-statements.fixture";

export function sampleAnalysisOutput(): AnalysisOutput {
  const statements = sampleStatements();
  const { ratios, comparison, alerts } = analyzeStatements(statements);
  return {
    document: {
      file: "ege-yildiz-2024-bilanco-gelir-tablosu.pdf",
      pages: 3,
      sha256: "9f2c4e1a7b3d5f60812a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d",
    },
    statements,
    ratios,
    comparison,
    alerts,
    timings: { totalMs: 2140, stages: { rasterise: 180, text: 40, ocr: 1650, parse: 35, reconcile: 12 } },
    warnings: ["Sayfa 2 taranmış; değerler OCR ile okundu."],
    flagged: true,
  };
}
