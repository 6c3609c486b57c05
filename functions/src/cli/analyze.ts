/**
 * `npm run analyze -- FILE.pdf|DIR ...`: the pipeline from the command line. One file runs in
 * this process and prints its summary or one JSON document; several run on a pool of worker
 * threads that keep their OCR warm, stream JSON Lines or end with a table. A file that fails
 * is reported with its error code and never stops the others; the exit code says whether any
 * failed (0 none, 1 some; one file keeps 3 for a user error, 1 for an internal one).
 */
import { availableParallelism } from "node:os";
import { basename } from "node:path";
import type { FileOutcome } from "./analyze-file";
import {
  type AnalyzeOptions,
  expandInputs,
  parseAnalyzeOptions,
  reportFolder,
  USAGE,
  UsageError,
} from "./analyze-options";
import { formatBatchTable, formatSummary, pagesRead } from "./analyze-summary";
import type { AnalyzeWorkerData, FileProgress } from "./batch/analyze-worker";
import { runPool } from "./batch/pool";
import { progressLine } from "./batch/progress";

async function main(): Promise<number> {
  const options = parseAnalyzeOptions(process.argv.slice(2));
  if (options.help || options.inputs.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return options.help ? 0 : 2;
  }
  const files = await expandInputs(options.inputs);
  if (files.length === 0) throw new UsageError(`no PDF files in ${options.inputs.join(", ")}`);
  if (files.length === 1 && !options.jsonl) return analyzeOne(files[0] as string, options);
  if (options.json)
    throw new UsageError(`--json prints one document; for ${files.length} files use --jsonl (one per line)`);
  return analyzeMany(files, options);
}

async function analyzeOne(file: string, options: AnalyzeOptions): Promise<number> {
  // Loaded here, not at the top: a batch's main thread needs none of the pipeline.
  const [
    { loadConfig },
    { createOcrEngine },
    { createVisionReader },
    { visionSettingsFromConfig },
    { analyzeFile },
    { createSecondReader },
  ] = await Promise.all([
    import("../platform/config"),
    import("../pipeline/pdf"),
    import("../pipeline/vision/reader"),
    import("../platform/llm"),
    import("./analyze-file"),
    import("../pipeline/second-reader"),
  ]);
  const config = loadConfig();
  const ocr = createOcrEngine({ workers: config.OCR_WORKERS });
  let outcome: FileOutcome;
  try {
    outcome = await analyzeFile(
      { file, dpi: options.dpi, pages: options.pages, out: options.out },
      {
        ocr,
        vision: createVisionReader(visionSettingsFromConfig(config)),
        secondReader: await createSecondReader(config.SECOND_READER),
        config,
        onProgress: (e) => {
          if (e.page && e.pages && e.pages > 1)
            process.stderr.write(`\r${e.stage} page ${e.page}/${e.pages}`);
          else process.stderr.write(`${e.stage}…\n`);
        },
      },
    );
  } finally {
    process.stderr.write("\n");
    await ocr.close();
  }
  if (!outcome.ok) {
    process.stderr.write(`error ${outcome.error.code}: ${outcome.error.message}\n`);
    return outcome.error.code === "internal_error" ? 1 : 3;
  }
  if (outcome.reports) process.stderr.write(`reports written: ${outcome.reports.join(", ")}\n`);
  await writeAll(
    options.json ? `${JSON.stringify(outcome.output, null, 2)}\n` : formatSummary(outcome.output),
  );
  return 0;
}

async function analyzeMany(files: string[], options: AnalyzeOptions): Promise<number> {
  const { loadConfig } = await import("../platform/config");
  const config = loadConfig();
  const size = Math.min(options.jobs, files.length);
  // The cores are shared: jobs × OCR workers per job stays about the configured OCR workers.
  const workerData: AnalyzeWorkerData = {
    ocrWorkers: Math.max(1, Math.floor(Math.max(config.OCR_WORKERS, availableParallelism()) / size)),
  };
  const progress = progressLine(process.stderr, files.length);
  const outcomes: FileOutcome[] = [];
  let lines = Promise.resolve();
  await runPool<ReturnType<typeof jobOf>, FileOutcome, FileProgress>({
    worker: workerModule(),
    workerData,
    size,
    jobs: files.map((file) => jobOf(file, options, files.length > 1)),
    crashed: (job, error) => ({
      file: job.file,
      ok: false,
      error: { code: "pipeline_thread_died", message: `the analysis stopped unexpectedly: ${error.message}` },
      seconds: 0,
    }),
    onResult: (_job, outcome) => {
      outcomes.push(outcome);
      progress.fileDone(outcome.ok ? pagesRead(outcome.output) : 0, outcome.ok);
      if (!outcome.ok)
        progress.note(`${outcome.file}: error ${outcome.error.code}: ${outcome.error.message}`);
      if (options.jsonl) lines = lines.then(() => writeAll(`${JSON.stringify(jsonLine(outcome))}\n`));
    },
  });
  progress.end();
  await lines;
  const table = formatBatchTable(outcomes.sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file)));
  // JSON Lines own stdout; the table then goes where the logs go.
  if (options.jsonl) process.stderr.write(table);
  else await writeAll(table);
  return outcomes.every((o) => o.ok) ? 0 : 1;
}

function jobOf(file: string, options: AnalyzeOptions, several: boolean) {
  return { file, dpi: options.dpi, pages: options.pages, out: reportFolder(options.out, file, several) };
}

/** One line of --jsonl: the analysis with the path it came from, or the file's error. */
function jsonLine(outcome: FileOutcome): unknown {
  if (outcome.ok) return { ...outcome.output, document: { ...outcome.output.document, path: outcome.file } };
  return { document: { file: basename(outcome.file), path: outcome.file }, error: outcome.error };
}

/** The compiled worker beside the compiled CLI (dist/cli), or the source when run from it. */
function workerModule(): URL {
  const fromSource = import.meta.url.endsWith(".ts");
  return new URL(fromSource ? "./batch/analyze-worker.ts" : "./analyze-worker.mjs", import.meta.url);
}

/**
 * Resolves once the text has left the process: on a pipe, stdout is asynchronous, and exiting
 * right after write() cut a KAP statement's JSON at 64 KiB (`analyze --json | jq .`).
 */
function writeAll(text: string): Promise<void> {
  return new Promise((resolve, reject) =>
    process.stdout.write(text, (error) => (error ? reject(error) : resolve())),
  );
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
