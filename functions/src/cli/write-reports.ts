/** `npm run analyze -- FILE.pdf --out DIR`: writes the Excel and PDF reports of the analysis into DIR. */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { AnalysisOutput } from "../analysis/types";
import { buildReports, type ReportOptions, reportFileName } from "../reports";

/** The paths written, Excel first. */
export async function writeReports(
  output: AnalysisOutput,
  outDir: string,
  options: ReportOptions,
): Promise<string[]> {
  const { xlsx, pdf } = await buildReports(output, options);
  const dir = resolve(outDir);
  await mkdir(dir, { recursive: true });
  const files: Array<[string, Uint8Array]> = [
    [join(dir, reportFileName(output, options.company, "xlsx")), xlsx],
    [join(dir, reportFileName(output, options.company, "pdf")), pdf],
  ];
  for (const [path, bytes] of files) await writeFile(path, bytes);
  return files.map(([path]) => path);
}
