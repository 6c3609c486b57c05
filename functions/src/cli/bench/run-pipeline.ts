import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { AnalysisOutput } from "../../analysis/types";
import { isAppError } from "../../app-error";
import type { VisionReader } from "../../pipeline/vision/reader";
import type { VisionPageResult } from "../../pipeline/vision/types";
import type { BenchDocument } from "./bench-corpus";
import { UsageError } from "./options";
import { type DocumentScore, scoreDocument } from "./score";
import { truthAsOutput } from "./truth-as-output";
import { pageCost, type VisionPageCost } from "./vision-cost";

export interface PipelineRun {
  scores: DocumentScore[];
  /** Highest resident set size sampled while each group's documents ran, in MB. */
  peakRssMb: Record<string, number>;
  /** What the vision model was asked, page by page, when vision ran. */
  vision?: { model: string; source: string; pages: VisionPageCost[] };
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
 * Runs every document through extractDocument and its analysis, one at a time (the OCR pool parallelises pages).
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
    visionRecord?: string;
    visionMode: "fallback" | "always";
    secondReader?: "off" | "local" | "compare";
  },
  log: (line: string) => void,
): Promise<PipelineRun> {
  if (options.truthAsOutput) return runDocuments(documents, async () => undefined, log);
  const outputs = join(options.outDir, "outputs");
  await mkdir(outputs, { recursive: true });
  const { extractDocument } = await import("../../pipeline/extract-document");
  const { analyzeExtraction } = await import("../../analysis/analyze-extraction");
  const { createOcrEngine } = await import("../../pipeline/pdf");
  const visionPages: VisionPageCost[] = [];
  const onPageRead = (result: VisionPageResult, document?: string) => {
    if (result.status !== "skipped") visionPages.push(pageCost(document ?? "?", result));
  };
  const bench = await benchVision(options, onPageRead, log);
  const vision = bench?.reader;
  const ocr = createOcrEngine({ workers: options.ocrWorkers });
  const { createSecondReader } = await import("../../pipeline/second-reader");
  const secondReader = await createSecondReader(options.secondReader === "off" ? "off" : "local");
  if (options.secondReader !== "off" && !secondReader)
    log("second reader: its packages are not installed, not run");
  const mode = options.secondReader === "local" ? "local" : "compare";
  const runs = secondReader ? withSecondReading(documents, mode) : documents;
  try {
    const run = await runDocuments(
      runs,
      async (bytes, fileName, document) => {
        const local = document.variant.endsWith(LOCAL_SUFFIX);
        if (local) fileName = fileName.replace(/\.pdf$/, "+local.pdf");
        const output = analyzeExtraction(
          await extractDocument(
            { bytes, fileName },
            { ocr, dpi: options.dpi, vision, secondReader: local ? secondReader : undefined },
          ),
        );
        // Kept for whoever debugs a miss: the extraction exactly as scored (words left out).
        await writeFile(join(outputs, fileName.replace(/\.pdf$/, ".json")), JSON.stringify(output, null, 1));
        return output;
      },
      log,
    );
    return bench ? { ...run, vision: { model: bench.model, source: bench.source, pages: visionPages } } : run;
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

/**
 * The bench's vision reader: recorded answers replayed (no model is called), or the model the
 * environment configures (OPENAI_API_KEY / OPENAI_BASE_URL, VISION_MODEL) with every answer
 * written to the record folder in the replay's format, or none.
 */
async function benchVision(
  options: { visionReplay?: string; visionRecord?: string; visionMode: "fallback" | "always" },
  onPageRead: (result: VisionPageResult, document?: string) => void,
  log: (line: string) => void,
): Promise<{ reader: VisionReader; model: string; source: string } | undefined> {
  const { createVisionReader } = await import("../../pipeline/vision/reader");
  const mode = options.visionMode;
  if (options.visionReplay) {
    const { loadRecordings } = await import("../../platform/llm");
    const { createReplayLlm } = await import("../../pipeline/vision/replay");
    const recordings = await loadRecordings(options.visionReplay);
    const synthetic = recordings.filter((r) => r.synthetic).length;
    log(
      `vision: replaying ${recordings.length} recorded answers from ${options.visionReplay} (mode ${mode})`,
    );
    const model = "gpt-4.1";
    const source =
      synthetic > 0
        ? `replay of ${recordings.length} answers, ${synthetic} SYNTHETIC (their token counts are invented; see image tok)`
        : `replay of ${recordings.length} recorded answers`;
    const reader = createVisionReader({ llm: createReplayLlm(recordings), mode, model, onPageRead });
    return { reader, model, source };
  }
  if (options.visionRecord) {
    const { loadConfig } = await import("../../platform/config");
    const { visionSettingsFromConfig } = await import("../../platform/llm/from-config");
    const { saveRecording } = await import("../../platform/llm");
    const { createRecordingLlm } = await import("../../pipeline/vision/replay");
    const settings = visionSettingsFromConfig({ ...loadConfig(), VISION_MODE: mode });
    if (!settings.llm)
      throw new UsageError(
        "--vision-record needs OPENAI_API_KEY or OPENAI_BASE_URL (an OpenAI-compatible endpoint)",
      );
    const dir = options.visionRecord;
    await mkdir(dir, { recursive: true });
    const llm = createRecordingLlm(settings.llm, async (recording) => {
      await saveRecording(dir, recording);
    });
    log(`vision: ${settings.model} live (mode ${mode}), every answer recorded in ${dir}`);
    const reader = createVisionReader({ llm, mode, model: settings.model, onPageRead });
    return { reader, model: settings.model, source: `live, recorded in ${dir}` };
  }
  return undefined;
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
