import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { generateCorpus } from "../../../test/corpus/generateCorpus";
import { GENERATOR_VERSION } from "../../../test/corpus/generateStatementPdf";
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

/** Real statements with truth files (shared/realdata), summarised apart from generated ones. */
export async function realDocuments(repoRoot: string, log: (line: string) => void): Promise<BenchDocument[]> {
  const dir = join(repoRoot, "..", "shared", "realdata");
  if (!existsSync(dir)) {
    log(`realdata: ${dir} not found, skipped`);
    return [];
  }
  const documents: BenchDocument[] = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".truth.json")).sort()) {
    const pdfPath = join(dir, file.replace(/\.truth\.json$/, ".pdf"));
    if (!existsSync(pdfPath)) continue;
    const truth = JSON.parse(await readFile(join(dir, file), "utf8"));
    const variant = `real-${truth.variant ?? "unknown"}`;
    documents.push({
      id: truth.id,
      variant,
      style: "real",
      pdfPath,
      truth: { ...truth, variant, style: "real" },
    });
  }
  log(`realdata: ${documents.length} documents from ${dir}`);
  return documents;
}
