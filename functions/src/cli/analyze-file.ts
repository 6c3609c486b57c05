import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { analyzeExtraction } from "../analysis/analyze-extraction";
import type { AnalysisOutput } from "../analysis/types";
import { AppError, isAppError } from "../app-error";
import type { ErrorCode } from "../error-codes";
import { extractDocument } from "../pipeline/extract-document";
import type { OcrEngine } from "../pipeline/pdf";
import type { AmountReader } from "../pipeline/second-reader";
import type { VisionReader } from "../pipeline/vision/reader";
import type { Config } from "../platform/config";

/** What one file of `npm run analyze` came to: its analysis, or the reason it has none. */
export type FileOutcome =
  | { file: string; ok: true; output: AnalysisOutput; seconds: number; reports?: string[] }
  | { file: string; ok: false; error: { code: ErrorCode; message: string }; seconds: number };

export interface FileJob {
  file: string;
  dpi?: number;
  pages?: { from: number; to: number };
  /** Write the Excel and PDF reports into this folder. */
  out?: string;
}

export interface FileTools {
  ocr: OcrEngine;
  vision?: VisionReader;
  secondReader?: AmountReader;
  config: Pick<Config, "OCR_DPI" | "MAX_PAGES" | "MAX_DOCUMENT_PAGES">;
  onProgress?: (event: { stage: string; page?: number; pages?: number }) => void;
}

/**
 * One file through the pipeline, then its analysis. Never throws: a file that cannot be read or analysed comes
 * back as a failed outcome with the code a user can act on, so a batch goes on past it.
 */
export async function analyzeFile(job: FileJob, tools: FileTools): Promise<FileOutcome> {
  const started = performance.now();
  const seconds = () => Math.round(performance.now() - started) / 1000;
  try {
    const bytes = await readFile(job.file).catch((error: NodeJS.ErrnoException) => {
      throw new AppError(error.code === "ENOENT" ? "file_not_found" : "file_unreadable", error.message);
    });
    const extraction = await extractDocument(
      { bytes: new Uint8Array(bytes), fileName: basename(job.file) },
      {
        ocr: tools.ocr,
        dpi: job.dpi ?? tools.config.OCR_DPI,
        pages: job.pages,
        maxPages: tools.config.MAX_PAGES,
        maxDocumentPages: tools.config.MAX_DOCUMENT_PAGES,
        vision: tools.vision,
        secondReader: tools.secondReader,
        onProgress: tools.onProgress,
      },
    );
    tools.onProgress?.({ stage: "analysing" });
    const output = analyzeExtraction(extraction);
    let reports: string[] | undefined;
    if (job.out) {
      // Report libraries load only when reports are asked for.
      const { writeReports } = await import("./write-reports");
      reports = await writeReports(output, job.out, { language: output.statements[0]?.language ?? "en" });
    }
    return { file: job.file, ok: true, output, seconds: seconds(), reports };
  } catch (error) {
    return { file: job.file, ok: false, error: describeError(error), seconds: seconds() };
  }
}

function describeError(error: unknown): { code: ErrorCode; message: string } {
  if (isAppError(error)) return { code: error.code, message: error.message };
  return { code: "internal_error", message: error instanceof Error ? error.message : String(error) };
}
