import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus } from "../../src/cli/bench/corpus/generate-corpus";
import { GENERATOR_VERSION } from "../../src/cli/bench/corpus/generate-statement-pdf";
import { VARIANTS, type Variant } from "../../src/cli/bench/corpus/scan-variant";
import { STYLES, type StyleId } from "../../src/cli/bench/corpus/statement-spec";
import type { Truth } from "../../src/cli/bench/corpus/truth";
import { saveRecording } from "../../src/platform/llm/recording-files";
import { syntheticAnswers } from "./synthetic-answers";

/**
 * Writes SYNTHETIC recorded vision answers for generated corpus documents: one file per page,
 * derived from each document's ground truth with one dropped digit and one invented line.
 * They let `npm run bench` replay "vision" without a model; they are not live model output.
 *
 *   npx tsx functions/test/vision/record-synthetic-answers.ts [--seed 1] [--count 2]
 *     [--variants scan300,scan200noisy] [--corpus .data/bench-corpus] [--out functions/test/vision/recorded]
 */
const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "1" },
    count: { type: "string", default: "2" },
    variants: { type: "string", default: "scan300,scan200noisy" },
    styles: { type: "string", default: STYLES.join(",") },
    corpus: { type: "string", default: ".data/bench-corpus" },
    out: { type: "string", default: "functions/test/vision/recorded" },
  },
});
const seed = Number(values.seed);
const variants = values.variants
  .split(",")
  .filter((v): v is Variant => (VARIANTS as readonly string[]).includes(v));
const styles = values.styles
  .split(",")
  .filter((s): s is StyleId => (STYLES as readonly string[]).includes(s));
const corpusDir = join(values.corpus, `v${GENERATOR_VERSION}-seed${seed}`);
const entries = await generateCorpus({
  seed,
  count: Number(values.count),
  variants,
  styles,
  outDir: corpusDir,
});
await rm(values.out, { recursive: true, force: true });
let files = 0;
for (const entry of entries) {
  const truth = JSON.parse(await readFile(entry.truthPath, "utf8")) as Truth;
  for (const recording of syntheticAnswers(truth, entry.id)) {
    await saveRecording(values.out, recording);
    files += 1;
  }
}
console.log(
  `${files} synthetic answers for ${entries.length} documents (generator v${GENERATOR_VERSION}, seed ${seed}) in ${values.out}`,
);
