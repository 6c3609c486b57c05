import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { AnalysisOutput } from "../../src/analysis/types";
import { GENERATOR_VERSION } from "../../src/cli/bench/corpus/generate-statement-pdf";
import { scoreDocument } from "../../src/cli/bench/score";
import { createOcrEngine, readPages } from "../../src/pipeline/pdf";
import { extractWithVision } from "../../src/pipeline/reconcile/extract-with-vision";
import type { PageWords, Statement } from "../../src/pipeline/types";
import { createVisionReader } from "../../src/pipeline/vision/reader";
import { createReplayLlm } from "../../src/pipeline/vision/replay";
import { loadRecordings } from "../../src/platform/llm/recording-files";

/**
 * Measures what the (synthetic) recorded vision answers do to the bench's numbers: each
 * recorded corpus document is read once (text layer / OCR), then scored three ways with the
 * bench's own scoring: parser alone, + vision in fallback mode, + vision in always mode.
 *
 *   npx tsx functions/test/vision/measure-replay.ts [--recorded functions/test/vision/recorded] [--seed 1]
 */
const { values } = parseArgs({
  options: {
    recorded: { type: "string", default: "functions/test/vision/recorded" },
    corpus: { type: "string", default: ".data/bench-corpus" },
    seed: { type: "string", default: "1" },
    workers: { type: "string", default: "2" },
    cache: { type: "string", default: ".data/vision-measure-cache" },
  },
});
await mkdir(values.cache, { recursive: true });

/** OCR once per document: a shared machine is slow, and the comparison needs the same reading. */
async function readOnce(id: string): Promise<PageWords[]> {
  const cached = join(values.cache, `${id}.pages.json`);
  try {
    const pages = JSON.parse(await readFile(cached, "utf8")) as Array<
      PageWords & { image?: { png: string } }
    >;
    return pages.map((p) =>
      p.image ? { ...p, image: { ...p.image, png: new Uint8Array(Buffer.from(p.image.png, "base64")) } } : p,
    ) as PageWords[];
  } catch {
    const bytes = new Uint8Array(await readFile(join(corpusDir, `${id}.pdf`)));
    const { pages } = await readPages(bytes, {
      ocr,
      maxPages: 10,
      keepImages: true,
      ocrTimeoutMs: 600_000,
      renderTimeoutMs: 120_000,
    });
    const stored = pages.map((p) =>
      p.image ? { ...p, image: { ...p.image, png: Buffer.from(p.image.png).toString("base64") } } : p,
    );
    await writeFile(cached, JSON.stringify(stored));
    return pages;
  }
}
const recordings = await loadRecordings(values.recorded);
const documents = [
  ...new Set(recordings.map((r) => r.document).filter((d): d is string => Boolean(d))),
].sort();
const corpusDir = join(values.corpus, `v${GENERATOR_VERSION}-seed${values.seed}`);
const ocr = createOcrEngine({ workers: Number(values.workers) });
const rows: Array<Record<string, string | number>> = [];
const asOutput = (statements: Statement[], vision?: AnalysisOutput["vision"]): AnalysisOutput => ({
  document: { file: "", pages: 0, sha256: "" },
  statements,
  ratios: [],
  comparison: [],
  alerts: [],
  timings: { totalMs: 0, stages: {} },
  flagged: statements.some((s) => s.flagged),
  vision,
});
try {
  for (const id of documents) {
    const truth = JSON.parse(await readFile(join(corpusDir, `${id}.truth.json`), "utf8"));
    const pages = await readOnce(id);
    const variant = id.replace(/^.*-(scan\w+|digital)$/, "$1");
    const run = async (mode: "off" | "fallback" | "always") => {
      const reader =
        mode === "off"
          ? undefined
          : createVisionReader({ llm: createReplayLlm(recordings), mode, model: "gpt-4.1" });
      try {
        const result = await extractWithVision(pages, reader, { document: id });
        return {
          score: scoreDocument(truth, asOutput(result.statements, result.vision), { seconds: 0 }),
          vision: result.vision,
        };
      } catch (error) {
        return {
          score: scoreDocument(truth, undefined, { seconds: 0, error: String(error) }),
          vision: undefined,
        };
      }
    };
    for (const mode of ["off", "fallback", "always"] as const) {
      const { score, vision } = await run(mode);
      rows.push({
        id,
        variant,
        mode,
        fields: score.fields,
        correct: score.correct,
        wrong: score.wrong,
        missing: score.missing,
        highConfidenceErrors: score.highConfidenceErrors,
        flaggedWhenNeeded: score.needsFlag ? (score.flagged ? "yes" : "NO") : "-",
        visionPages: vision?.pages ?? 0,
        costUsd: vision?.costUsd ?? 0,
      });
      process.stderr.write(
        `${id} ${mode}: ${score.correct}/${score.fields}, ${score.wrong} wrong (${score.highConfidenceErrors} confident), ${score.missing} missing\n`,
      );
    }
  }
} finally {
  await ocr.close();
}
const groups = new Map<string, typeof rows>();
for (const row of rows)
  groups.set(`${row.variant} ${row.mode}`, [...(groups.get(`${row.variant} ${row.mode}`) ?? []), row]);
console.log(
  "variant       mode      docs  accuracy   wrong  confident-wrong  missing  vision-pages  cost-usd",
);
for (const [group, list] of [...groups].sort()) {
  const sum = (k: string) => list.reduce((s, r) => s + Number(r[k]), 0);
  const [variant, mode] = group.split(" ");
  console.log(
    `${variant?.padEnd(13)} ${mode?.padEnd(9)} ${String(list.length).padStart(4)}  ${((100 * sum("correct")) / sum("fields")).toFixed(2).padStart(7)}%  ${String(sum("wrong")).padStart(6)}  ${String(sum("highConfidenceErrors")).padStart(15)}  ${String(sum("missing")).padStart(7)}  ${String(sum("visionPages")).padStart(12)}  ${sum("costUsd").toFixed(4).padStart(8)}`,
  );
}
