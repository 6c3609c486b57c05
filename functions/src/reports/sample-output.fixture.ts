/**
 * The sample company's full analysis output: statements by hand (sample-statements.fixture);
 * ratios, comparison and alerts computed by the analysis module, as the pipeline does.
 */
import { analyzeStatements } from "../analysis/analyze";
import type { AnalysisOutput } from "../analysis/types";
import type { Statement } from "../pipeline/types";
import { sampleStatements } from "./sample-statements.fixture";

export { CURRENT, PRIOR, sampleCompany, sampleStatements } from "./sample-statements.fixture";

export function sampleAnalysisOutput(statements: Statement[] = sampleStatements()): AnalysisOutput {
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

/** The balance sheet alone, of the latest period only: the thinnest document a report must cope with. */
export function latestBalanceSheetOnly(): Statement[] {
  const [balanceSheet] = sampleStatements();
  const statement = balanceSheet!;
  const latest = statement.periods[0]!.id;
  statement.periods = statement.periods.slice(0, 1);
  for (const item of statement.items) item.values = { [latest]: item.values[latest] ?? null };
  for (const values of Object.values(statement.canonical)) {
    for (const period of Object.keys(values ?? {})) if (period !== latest) delete values?.[period];
  }
  statement.checks = statement.checks.filter((check) => check.period === latest);
  return [statement];
}
