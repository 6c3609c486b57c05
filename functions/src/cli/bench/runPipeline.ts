import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isAppError } from "../../app-error";
import type { AnalysisOutput } from "../../pipeline/types";
import type { BenchDocument } from "./benchCorpus";
import { type DocumentScore, scoreDocument } from "./score";
import { truthAsOutput } from "./truthAsOutput";

export interface PipelineRun {
  scores: DocumentScore[];
  /** Highest resident set size sampled while each group's documents ran, in MB. */
  peakRssMb: Record<string, number>;
}

/** Samples RSS every 50 ms: worker threads (tesseract.js) count, as they share the process. */
export class RssSampler {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.sample(), 50);
    this.timer.unref();
  }

  sample(): number {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
    return this.peak;
  }

  /** Peak since the last call, in MB, and start over. */
  takePeakMb(): number {
    const peak = this.sample();
    this.peak = 0;
    return peak / 1024 / 1024;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/**
 * Runs every document through analyzeDocument, one at a time (the OCR pool parallelises pages).
 * The pipeline is imported here, lazily, so that `--truth-as-output` works while it is broken.
 */
export async function runPipeline(
  documents: BenchDocument[],
  options: {
    ocrWorkers: number;
    dpi?: number;
    truthAsOutput: boolean;
    outDir: string;
    visionReplay?: string;
    visionMode: "fallback" | "always";
    secondReader?: "off" | "local" | "compare";
  },
  log: (line: string) => void,
): Promise<PipelineRun> {
  if (options.truthAsOutput) return runDocuments(documents, async () => undefined, log);
  const outputs = join(options.outDir, "outputs");
  await mkdir(outputs, { recursive: true });
  const { analyzeDocument } = await import("../../pipeline/analyze-document");
  const { createOcrEngine } = await import("../../pipeline/pdf");
  const ocr = createOcrEngine({ workers: options.ocrWorkers });
  const vision = options.visionReplay
    ? await replayedVision(options.visionReplay, options.visionMode, log)
    : undefined;
  const { createSecondReader } = await import("../../pipeline/second-reader");
  const secondReader = await createSecondReader(options.secondReader === "off" ? "off" : "local");
  if (options.secondReader !== "off" && !secondReader)
    log("second reader: its packages are not installed, not run");
  const mode = options.secondReader === "local" ? "local" : "compare";
  const runs = secondReader ? withSecondReading(documents, mode) : documents;
  try {
    return await runDocuments(
      runs,
      async (bytes, fileName, document) => {
        const local = document.variant.endsWith(LOCAL_SUFFIX);
        if (local) fileName = fileName.replace(/\.pdf$/, "+local.pdf");
        const { pageWords, ...output } = await analyzeDocument(
          { bytes, fileName },
          { ocr, dpi: options.dpi, vision, secondReader: local ? secondReader : undefined },
        );
        // Kept for whoever debugs a miss: the extraction exactly as scored (words left out).
        await writeFile(join(outputs, fileName.replace(/\.pdf$/, ".json")), JSON.stringify(output, null, 1));
        return output;
      },
      log,
    );
  } finally {
    await ocr.close();
    await secondReader?.close();
  }
}

/** Marks a run with the local second reader: its scores are summarised as their own group. */
export const LOCAL_SUFFIX = " +local";

/**
 * Scanned documents with the local second reader: in `compare`, each right after its run by
 * Tesseract alone, so the two runs of a document see the same load on a shared machine.
 */
function withSecondReading(documents: BenchDocument[], mode: "local" | "compare"): BenchDocument[] {
  return documents.flatMap((document) => {
    if (!document.variant.includes("scan")) return [document];
    const local = { ...document, variant: `${document.variant}${LOCAL_SUFFIX}` };
    return mode === "local" ? [local] : [document, local];
  });
}

/** A vision reader answering from recorded answers: the bench never calls a live model. */
async function replayedVision(dir: string, mode: "fallback" | "always", log: (line: string) => void) {
  const { loadRecordings } = await import("../../platform/llm");
  const { createReplayLlm } = await import("../../pipeline/vision/replay");
  const { createVisionReader } = await import("../../pipeline/vision/reader");
  const recordings = await loadRecordings(dir);
  log(`vision: replaying ${recordings.length} recorded answers from ${dir} (mode ${mode})`);
  return createVisionReader({ llm: createReplayLlm(recordings), mode, model: "gpt-4.1" });
}

/** `analyze` returning undefined means "score the truth itself". */
async function runDocuments(
  documents: BenchDocument[],
  analyze: (
    bytes: Uint8Array,
    fileName: string,
    document: BenchDocument,
  ) => Promise<AnalysisOutput | undefined>,
  log: (line: string) => void,
): Promise<PipelineRun> {
  const scores: DocumentScore[] = [];
  const peakRssMb: Record<string, number> = {};
  const sampler = new RssSampler();
  try {
    let previousGroup = documents[0]?.variant;
    sampler.takePeakMb();
    for (const [index, document] of documents.entries()) {
      if (document.variant !== previousGroup && previousGroup !== undefined) {
        peakRssMb[previousGroup] = Math.max(peakRssMb[previousGroup] ?? 0, sampler.takePeakMb());
      }
      previousGroup = document.variant;
      const bytes = new Uint8Array(await readFile(document.pdfPath));
      let output: AnalysisOutput | undefined;
      let error: string | undefined;
      const started = performance.now();
      try {
        output = (await analyze(bytes, `${document.id}.pdf`, document)) ?? truthAsOutput(document.truth);
      } catch (caught) {
        error = isAppError(caught)
          ? `${caught.code}: ${caught.message}`
          : String((caught as Error)?.message ?? caught);
      }
      const seconds = (performance.now() - started) / 1000;
      const score = scoreDocument(document.truth, output, { seconds, error });
      scores.push({ ...score, variant: document.variant, style: document.style });
      log(
        `[${index + 1}/${documents.length}] ${document.id}: ${score.correct}/${score.fields} fields` +
          `${score.wrong ? `, ${score.wrong} wrong` : ""}${score.highConfidenceErrors ? ` (${score.highConfidenceErrors} confident)` : ""}` +
          `${score.missing ? `, ${score.missing} missing` : ""}${score.unflaggedFailure ? ", NOT FLAGGED" : ""}` +
          `${error ? `, error ${error}` : ""} — ${seconds.toFixed(2)} s`,
      );
    }
    if (previousGroup !== undefined) {
      peakRssMb[previousGroup] = Math.max(peakRssMb[previousGroup] ?? 0, sampler.takePeakMb());
    }
  } finally {
    sampler.stop();
  }
  return { scores, peakRssMb };
}
