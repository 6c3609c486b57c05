import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { GENERATOR_VERSION, generateStatementPdf } from "./generate-statement-pdf";
import { seedFrom } from "./random";
import { scanVariant, type Variant } from "./scan-variant";
import { randomStatementSpec, STYLES, type StyleId } from "./statement-spec";
import type { Truth } from "./truth";

export interface CorpusEntry {
  id: string;
  variant: Variant;
  style: StyleId;
  pdfPath: string;
  truthPath: string;
}

export interface CorpusOptions {
  seed: number;
  /** Documents per style (each in every requested variant). */
  count: number;
  variants: readonly Variant[];
  outDir: string;
  styles?: readonly StyleId[];
  /** Keep files already written by this generator version (default true). */
  reuse?: boolean;
  onEntry?: (entry: CorpusEntry, reused: boolean) => void;
}

/**
 * Writes `count` documents per style in every variant, with `<id>.pdf` beside `<id>.truth.json`.
 * A document depends only on (seed, style, index), so a larger count extends a smaller corpus.
 */
export async function generateCorpus(options: CorpusOptions): Promise<CorpusEntry[]> {
  await mkdir(options.outDir, { recursive: true });
  const entries: CorpusEntry[] = [];
  for (const style of options.styles ?? STYLES) {
    for (let index = 0; index < options.count; index++) {
      const baseId = `${style}-s${options.seed}-${String(index).padStart(3, "0")}`;
      let digital: { pdf: Uint8Array; truth: Truth } | undefined;
      for (const variant of options.variants) {
        const id = `${baseId}-${variant}`;
        const entry: CorpusEntry = {
          id,
          variant,
          style,
          pdfPath: join(options.outDir, `${id}.pdf`),
          truthPath: join(options.outDir, `${id}.truth.json`),
        };
        const reused = options.reuse !== false && (await isCurrent(entry.truthPath));
        if (!reused) {
          digital ??= await generateStatementPdf(
            randomStatementSpec(seedFrom(options.seed, style, index), style, { id: `${baseId}-digital` }),
          );
          const document =
            variant === "digital" ? digital : await scanVariant(digital.pdf, digital.truth, variant);
          await writeFile(entry.pdfPath, document.pdf);
          await writeFile(entry.truthPath, `${JSON.stringify(document.truth, null, 2)}\n`);
        }
        options.onEntry?.(entry, reused);
        entries.push(entry);
      }
    }
  }
  return entries;
}

async function isCurrent(truthPath: string): Promise<boolean> {
  try {
    const truth = JSON.parse(await readFile(truthPath, "utf8")) as Truth;
    return truth.generator?.version === GENERATOR_VERSION;
  } catch {
    return false;
  }
}
