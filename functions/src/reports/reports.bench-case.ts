/**
 * Bench case for `npm run bench`: both reports (Excel and PDF) of a two-statement, two-period
 * document. Returns the wall time in milliseconds; target under 1 s.
 */
import { buildReports } from "./index";
import { sampleAnalysisOutput, sampleCompany } from "./sample-output.fixture";

export async function benchReports(options: { language?: "tr" | "en" } = {}): Promise<number> {
  const output = sampleAnalysisOutput();
  const started = performance.now();
  const { xlsx, pdf } = await buildReports(output, {
    language: options.language ?? "tr",
    company: sampleCompany,
  });
  const elapsed = performance.now() - started;
  if (xlsx.byteLength === 0 || pdf.byteLength === 0) throw new Error("a report came out empty");
  return elapsed;
}
