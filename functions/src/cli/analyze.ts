import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { isAppError } from "../app-error";
import { type AnalyzeResult, analyzeDocument } from "../pipeline/analyze-document";
import { createOcrEngine } from "../pipeline/pdf";
import { createVisionReader } from "../pipeline/vision/reader";
import { loadConfig } from "../platform/config";
import { visionSettingsFromConfig } from "../platform/llm";
import { formatSummary } from "./analyze-summary";

const USAGE = "usage: npm run analyze -- FILE.pdf [--json] [--dpi N] [--pages 1-3] [--out DIR]";

function parsePageRange(text: string | undefined): { from: number; to: number } | undefined {
  if (!text) return undefined;
  const match = text.match(/^(\d+)(?:-(\d+))?$/);
  if (!match) throw new Error(`--pages takes a page or a range like 1-3, not "${text}"`);
  const from = Number(match[1]);
  const to = Number(match[2] ?? match[1]);
  if (from < 1 || to < from) throw new Error(`--pages range ${text} is empty`);
  return { from, to };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      dpi: { type: "string" },
      pages: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const file = positionals[0];
  if (values.help || !file) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  const dpi = values.dpi ? Number(values.dpi) : config.OCR_DPI;
  if (!Number.isFinite(dpi) || dpi < 72 || dpi > 600) throw new Error("--dpi must be between 72 and 600");
  const bytes = new Uint8Array(await readFile(file));
  const ocr = createOcrEngine({ workers: config.OCR_WORKERS });
  let result: AnalyzeResult;
  try {
    result = await analyzeDocument(
      { bytes, fileName: basename(file) },
      {
        ocr,
        dpi,
        pages: parsePageRange(values.pages),
        maxPages: config.MAX_PAGES,
        maxDocumentPages: config.MAX_DOCUMENT_PAGES,
        vision: createVisionReader(visionSettingsFromConfig(config)),
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
  const { pageWords: _pages, ...output } = result;
  if (values.out) {
    const { writeReports } = await import("./write-reports");
    const written = await writeReports(output, values.out, {
      language: output.statements[0]?.language ?? "en",
    });
    process.stderr.write(`reports written: ${written.join(", ")}\n`);
  }
  await writeAll(values.json ? `${JSON.stringify(output, null, 2)}\n` : formatSummary(output));
  return 0;
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
    if (isAppError(error)) {
      process.stderr.write(`error ${error.code}: ${error.message}\n`);
      process.exit(3);
    }
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
