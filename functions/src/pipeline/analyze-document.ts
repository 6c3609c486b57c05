import { createHash } from "node:crypto";
import type { AlertThresholds } from "../analysis/alerts";
import { analyzeStatements } from "../analysis/analyze";
import { recordCoverage } from "./checks/coverage";
import { documentEntity } from "./parse/entity-name";
import { applyRestatementStance, restatementStance } from "./parse/inflation-restatement";
import { type OcrEngine, readPages } from "./pdf";
import { extractWithVision } from "./reconcile/extract-with-vision";
import { secondLook } from "./second-look";
import { type AmountReader, readScansAgain } from "./second-reader";
import type { AnalysisOutput, PageWords } from "./types";
import type { VisionReader } from "./vision/reader";

export interface AnalyzeInput {
  bytes: Uint8Array;
  fileName: string;
}

export interface AnalyzeOptions {
  ocr: OcrEngine;
  dpi?: number;
  pages?: { from: number; to: number };
  maxPages?: number;
  /** Longest document accepted; past `maxPages` only its statement pages are read. */
  maxDocumentPages?: number;
  maxBytes?: number;
  /** Keep page images (the review screen shows them beside the numbers). */
  keepImages?: boolean;
  thresholds?: AlertThresholds;
  /** The vision model reader; without one (or mode off) pages are read by text layer and OCR only. */
  vision?: VisionReader;
  /** A second, local OCR engine for scanned amount cells, used when the vision model read nothing. */
  secondReader?: AmountReader;
  signal?: AbortSignal;
  onProgress?: (event: { stage: string; page?: number; pages?: number }) => void;
}

export interface AnalyzeResult extends AnalysisOutput {
  /** The words and images of every page, for callers that store or show them. */
  pageWords: PageWords[];
}

const DEFAULT_MAX_PAGES = 50;
const DEFAULT_MAX_DOCUMENT_PAGES = 400;

/**
 * The whole pipeline on one PDF: pages → words → statements → checks → ratios. Pure but for
 * the OCR engine it is given; every user-caused failure is an AppError with a readable message.
 */
export async function analyzeDocument(input: AnalyzeInput, options: AnalyzeOptions): Promise<AnalyzeResult> {
  const started = performance.now();
  const stages: Record<string, number> = {};
  const timed = async <T>(stage: string, work: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      stages[stage] = Math.round((stages[stage] ?? 0) + performance.now() - t0);
    }
  };

  options.onProgress?.({ stage: "reading" });
  // The vision model reads page images: keep them whenever it may be asked.
  const keepImages = options.keepImages || (options.vision?.mode ?? "off") !== "off";
  const read = await timed("read", () =>
    readPages(input.bytes, {
      ocr: options.ocr,
      dpi: options.dpi,
      pages: options.pages,
      maxPages: options.maxPages ?? DEFAULT_MAX_PAGES,
      maxDocumentPages: options.maxDocumentPages ?? DEFAULT_MAX_DOCUMENT_PAGES,
      maxBytes: options.maxBytes,
      keepImages,
      // Scans keep theirs for a second look at the cells a check doubts.
      keepScanImages: true,
      signal: options.signal,
      onProgress: (done, total) => options.onProgress?.({ stage: "reading", page: done, pages: total }),
    }),
  );
  for (const page of read.pages) {
    for (const [stage, ms] of Object.entries(page.timings ?? {}))
      stages[stage] = Math.round((stages[stage] ?? 0) + ms);
  }
  options.onProgress?.({ stage: "parsing" });
  const look = await timed("secondLook", () => secondLook(read.pages, options.ocr, options.signal));
  const pages = keepImages ? look.pages : look.pages.map(({ image: _image, ...page }) => page);
  const extraction = await extractWithVision(pages, options.vision, {
    document: input.fileName.replace(/\.pdf$/i, ""),
    signal: options.signal,
  });
  if (options.secondReader && !extraction.pages.some((p) => p.status === "ok")) {
    const reader = options.secondReader;
    const again = await timed("secondReader", () =>
      readScansAgain(extraction.statements, look.pages, reader, options.signal),
    );
    extraction.statements = again.statements;
    extraction.warnings = [...new Set([...extraction.warnings, ...again.warnings])];
  }
  const { statements } = extraction;
  for (const statement of statements) recordCoverage(statement);
  applyRestatementStance(
    statements,
    read.restatement ?? restatementStance(pages.map((page) => page.words.map((word) => word.text).join(" "))),
  );
  const warnings = [...read.warnings, ...extraction.warnings];
  const entity = documentEntity(statements);
  for (const [stage, ms] of Object.entries(extraction.timings)) {
    if (ms !== undefined) stages[stage] = Math.round((stages[stage] ?? 0) + ms);
  }
  options.onProgress?.({ stage: "analysing" });
  const analysis = await timed("analysis", () =>
    analyzeStatements(statements, { thresholds: options.thresholds }),
  );

  const ocrPages = pages.filter((p) => p.source === "ocr");
  // A page OCR could hardly read may hold figures that are missing: the document needs a look.
  const illegible = ocrPages.some((p) => p.meanConfidence < 0.6);
  if (illegible) warnings.push("low_ocr_confidence");
  const flagged = illegible || statements.some((s) => s.flagged);
  return {
    document: {
      file: input.fileName,
      pages: read.pageCount,
      ...(read.statementPages ? { statementPages: read.statementPages } : {}),
      sha256: createHash("sha256").update(input.bytes).digest("hex"),
      ...(entity ? { entity } : {}),
    },
    statements,
    ratios: analysis.ratios,
    comparison: analysis.comparison,
    alerts: analysis.alerts,
    timings: { totalMs: Math.round(performance.now() - started), stages },
    warnings,
    flagged,
    vision: extraction.vision,
    pageWords: pages,
  };
}
