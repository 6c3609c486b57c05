import { mkdir, writeFile } from "node:fs/promises";
import { availableParallelism, cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchCorpus, realDocuments } from "./bench/bench-corpus";
import { documentTable, nativeTable, secondReaderTable, summaryTable } from "./bench/bench-report";
import { cliSpeedLine, measureCli } from "./bench/cli-speed";
import { GENERATOR_VERSION } from "./bench/corpus/generate-statement-pdf";
import { derivedScans } from "./bench/derived-scans";
import { nativeTesseractVersion, runNativeTesseract } from "./bench/native-tesseract";
import { parseBenchOptions, UsageError } from "./bench/options";
import { LOCAL_SUFFIX, runPipeline } from "./bench/run-pipeline";
import { type DocumentScore, missedTargets, percentile, summarise } from "./bench/score";
import { summariseVisionCost, visionCostTable } from "./bench/vision-cost";

/**
 * `npm run bench`: generates (or reuses) the fixture corpus, runs every document through
 * extractDocument and analyzeExtraction, scores canonical values against the truth and prints per-variant accuracy,
 * high-confidence errors, flags, time per page and peak RSS; bench-out/bench.json keeps it all.
 */
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url)).replace(/\/$/, "");
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  const options = parseBenchOptions(process.argv.slice(2), repoRoot);
  const started = performance.now();
  const documents = options.realOnly ? [] : await benchCorpus(options, log);
  if (options.realdata) {
    const real = (await realDocuments(repoRoot, log)).filter(
      (d) => options.only.length === 0 || options.only.some((id) => d.id.includes(id)),
    );
    documents.push(...real, ...(await derivedScans(real, options.corpusDir, log)));
  }
  // One variant after another, so that each variant's peak RSS is its own.
  const order = [...new Set(documents.map((d) => d.variant))];
  documents.sort((a, b) => order.indexOf(a.variant) - order.indexOf(b.variant));

  const pipeline = await runPipeline(documents, options, log);
  const byVariant = summarise(pipeline.scores);
  const byStyle = summarise(pipeline.scores, (s) => `${s.variant}/${s.style}`);

  const nativeVersion = options.native > 0 ? await nativeTesseractVersion() : undefined;
  const scanned = documents.filter((d) => d.variant.includes("scan"));
  const nativeSample = scanned.filter(
    (d) => scanned.filter((o) => o.variant === d.variant && o.style === d.style).indexOf(d) < options.native,
  );
  const native = nativeVersion ? await runNativeTesseract(nativeSample, log) : [];
  const missed = missedTargets(byVariant);
  const digital = pipeline.scores.flatMap((s) => {
    const document = documents.find((d) => d.id === s.id && d.variant === "digital");
    return document && !s.error ? [{ pdfPath: document.pdfPath, pages: s.pages }] : [];
  });
  const cli = options.truthAsOutput ? undefined : await measureCli(repoRoot, digital, options.cli, log);

  console.log(
    `\nFinstat bench — seed ${options.seed}, generator v${GENERATOR_VERSION}, ${documents.length} documents` +
      `${options.truthAsOutput ? " (truth as output: scoring dry run, pipeline NOT run)" : ""}\n`,
  );
  console.log(summaryTable(byVariant, pipeline.peakRssMb));
  console.log(`\nper style\n${summaryTable(byStyle)}`);
  const real = pipeline.scores.filter((s) => s.variant.startsWith("real-"));
  if (real.length > 0) console.log(`\nreal documents\n${documentTable(real)}`);
  const secondReading = secondReaderTable(byVariant, LOCAL_SUFFIX);
  if (secondReading)
    console.log(`\nsecond reader (each scan read both ways, back to back)\n${secondReading}`);
  if (native.length > 0)
    console.log(`\n${nativeVersion}\n${nativeTable(native, byVariant, pipeline.scores)}`);
  else console.log(options.native > 0 ? "\nnative tesseract: not on PATH, comparison skipped" : "");
  if (pipeline.vision)
    console.log(`\n${visionCostTable(pipeline.vision.pages, pipeline.vision.model, pipeline.vision.source)}`);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(speedLine(pipeline.scores, options.ocrWorkers, peakRssMb));
  if (cli) console.log(cliSpeedLine(cli));
  console.log(
    `\npeak RSS (process) ${peakRssMb.toFixed(0)} MB, total ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(missed.length === 0 ? "targets: all met" : `targets missed:\n  ${missed.join("\n  ")}`);

  await mkdir(options.outDir, { recursive: true });
  const report = {
    createdAt: new Date().toISOString(),
    generatorVersion: GENERATOR_VERSION,
    options,
    machine: { cpus: availableParallelism(), cpuModel: cpus()[0]?.model, node: process.version },
    byVariant,
    byStyle,
    peakRssMbByVariant: pipeline.peakRssMb,
    peakRssMb,
    native: native.map(({ scores, ...rest }) => ({ ...rest, scores: scores.map(({ misses, ...s }) => s) })),
    nativeVersion,
    cli,
    missedTargets: missed,
    vision: pipeline.vision && {
      model: pipeline.vision.model,
      source: pipeline.vision.source,
      summary: summariseVisionCost(pipeline.vision.pages),
      pages: pipeline.vision.pages,
    },
    documents: pipeline.scores,
  };
  const jsonPath = join(options.outDir, "bench.json");
  await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${jsonPath}`);
  return options.check && missed.length > 0 ? 1 : 0;
}

/** The speed targets, informational: a shared machine's load makes them no gate. */
function speedLine(scores: DocumentScore[], ocrWorkers: number, peakRssMb: number): string {
  const digital = scores.filter((s) => s.variant === "digital" && !s.error).map((s) => s.seconds);
  const scanned = scores.filter((s) => s.variant.startsWith("scan") && !s.error).map((s) => s.secondsPerPage);
  return (
    `\nspeed: digital ${percentile(digital, 0.5).toFixed(2)} s per document median (target ≤ 1 s for 2 pages); ` +
    `scans ${percentile(scanned, 0.5).toFixed(2)} s per page median with ${ocrWorkers} OCR worker(s) ` +
    `(target ≤ 2.5 s on one core: --ocr-workers 1); peak RSS ${peakRssMb.toFixed(0)} MB (target ≤ 1536 MB for a 20-page scan)`
  );
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
