import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { generateCorpus } from "./corpus/generate-corpus";
import { GENERATOR_VERSION } from "./corpus/generate-statement-pdf";
import type { BenchOptions } from "./options";
import type { TruthDocument } from "./score";

export interface BenchDocument {
  id: string;
  /** The group the document is summarised under: a corpus variant, or "real-<variant>". */
  variant: string;
  style: string;
  pdfPath: string;
  truth: TruthDocument & { language?: string; scan?: { dpi: number } };
}

/** The generated corpus for these options, reused when this generator version already wrote it. */
export async function benchCorpus(
  options: BenchOptions,
  log: (line: string) => void,
): Promise<BenchDocument[]> {
  const dir = join(options.corpusDir, `v${GENERATOR_VERSION}-seed${options.seed}`);
  const started = performance.now();
  log(
    `corpus: ${dir} (${options.count} per style × ${options.styles.length} styles × ${options.variants.length} variants; scans take a few seconds each the first time)`,
  );
  let written = 0;
  const entries = await generateCorpus({
    seed: options.seed,
    count: options.count,
    variants: options.variants,
    styles: options.styles,
    outDir: dir,
    onEntry: (_entry, reused) => {
      if (!reused) written += 1;
    },
  });
  log(
    `corpus: ${entries.length} documents in ${dir} (${written} generated in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  return Promise.all(
    entries.map(async (entry) => ({
      id: entry.id,
      variant: entry.variant,
      style: entry.style,
      pdfPath: entry.pdfPath,
      truth: JSON.parse(await readFile(entry.truthPath, "utf8")),
    })),
  );
}

/**
 * Real statements, summarised apart from generated ones: shared/realdata (PDF and truth side by
 * side) and the development set, whose truth files are committed here (functions/test/realdata)
 * and name their PDF under ../shared, which the project may not copy. A truth file marked
 * `holdout` is a document set aside before tuning: its group says so.
 */
export async function realDocuments(repoRoot: string, log: (line: string) => void): Promise<BenchDocument[]> {
  const shared = join(repoRoot, "..", "shared");
  const documents = [
    ...(await truthFiles(join(shared, "realdata"), (file) =>
      join(shared, "realdata", file.replace(/\.truth\.json$/, ".pdf")),
    )),
    ...(await truthFiles(join(repoRoot, "functions", "test", "realdata"), (_file, truth) =>
      truth.source ? join(shared, truth.source) : undefined,
    )),
  ];
  const found: BenchDocument[] = [];
  for (const { truth, pdfPath } of documents) {
    if (!existsSync(pdfPath)) {
      log(`realdata: ${pdfPath} not found, ${truth.id} skipped`);
      continue;
    }
    const variant = `real-${truth.variant ?? "unknown"}`;
    const style = truth.holdout ? "held-out" : "real";
    found.push({ id: truth.id, variant, style, pdfPath, truth: { ...truth, variant, style } });
  }
  log(`realdata: ${found.length} documents`);
  return found;
}

interface RealTruth extends TruthDocument {
  /** The PDF, relative to the shared folder. */
  source?: string;
  holdout?: boolean;
}

async function truthFiles(
  dir: string,
  pdfOf: (file: string, truth: RealTruth) => string | undefined,
): Promise<Array<{ truth: RealTruth; pdfPath: string }>> {
  if (!existsSync(dir)) return [];
  const out: Array<{ truth: RealTruth; pdfPath: string }> = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".truth.json")).sort()) {
    const truth = JSON.parse(await readFile(join(dir, file), "utf8")) as RealTruth;
    const pdfPath = pdfOf(file, truth);
    if (pdfPath) out.push({ truth, pdfPath });
  }
  return out;
}
