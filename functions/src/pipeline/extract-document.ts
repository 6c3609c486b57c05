import { createHash } from "node:crypto";
import { recordCoverage } from "./checks/coverage";
import { documentEntity } from "./parse/entity-name";
import { applyRestatementStance, restatementStance } from "./parse/inflation-restatement";
import { type OcrEngine, type ReadPagesResult, readPages } from "./pdf";
import { extractWithVision } from "./reconcile/extract-with-vision";
import { secondLook } from "./second-look";
import { type AmountReader, readScansAgain } from "./second-reader";
import type { DocumentInfo, ExtractionOutput, PageWords, Statement } from "./types";
import type { VisionReader } from "./vision/reader";

export interface ExtractInput {
  bytes: Uint8Array;
  fileName: string;
}

export interface ExtractOptions {
  ocr: OcrEngine;
  dpi?: number;
  pages?: { from: number; to: number };
  maxPages?: number;
  /** Longest document accepted; past `maxPages` only its statement pages are read. */
  maxDocumentPages?: number;
  maxBytes?: number;
  /** Keep page images (the review screen shows them beside the numbers). */
  keepImages?: boolean;
  /** The vision model reader; without one (or mode off) pages are read by text layer and OCR only. */
  vision?: VisionReader;
  /** A second, local OCR engine for scanned amount cells, used when the vision model read nothing. */
  secondReader?: AmountReader;
  signal?: AbortSignal;
  onProgress?: (event: { stage: string; page?: number; pages?: number }) => void;
}

export interface DocumentExtraction extends ExtractionOutput {
  /** The words and images of every page, for callers that store or show them. */
  pageWords: PageWords[];
}

const DEFAULT_MAX_PAGES = 50;
const DEFAULT_MAX_DOCUMENT_PAGES = 400;

/** Milliseconds per stage, summed when a stage runs more than once. */
function stageClock() {
  const stages: Record<string, number> = {};
  const add = (stage: string, ms: number | undefined) => {
    if (ms !== undefined) stages[stage] = Math.round((stages[stage] ?? 0) + ms);
  };
  const timed = async <T>(stage: string, work: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      add(stage, performance.now() - t0);
    }
  };
  return { stages, add, timed };
}

/**
 * The whole pipeline on one PDF: pages → words → statements → checks. It ends at statements:
 * ratios, comparison and alerts are composed after it (analysis/analyze-extraction). Pure but
 * for the OCR engine it is given; every user-caused failure is an AppError with a readable message.
 */
export async function extractDocument(
  input: ExtractInput,
  options: ExtractOptions,
): Promise<DocumentExtraction> {
  const started = performance.now();
  const clock = stageClock();
  options.onProgress?.({ stage: "reading" });
  // The vision model reads page images: keep them whenever it may be asked.
  const keepImages = options.keepImages || (options.vision?.mode ?? "off") !== "off";
  const read = await clock.timed("read", () => readDocumentPages(input.bytes, options, keepImages));
  for (const page of read.pages) {
    for (const [stage, ms] of Object.entries(page.timings ?? {})) clock.add(stage, ms);
  }
  options.onProgress?.({ stage: "parsing" });
  const look = await clock.timed("secondLook", () => secondLook(read.pages, options.ocr, options.signal));
  const pages = keepImages ? look.pages : look.pages.map(({ image: _image, ...page }) => page);
  const extraction = await extractWithVision(pages, options.vision, {
    document: input.fileName.replace(/\.pdf$/i, ""),
    signal: options.signal,
  });
  if (options.secondReader && !extraction.pages.some((p) => p.status === "ok")) {
    const reader = options.secondReader;
    const again = await clock.timed("secondReader", () =>
      readScansAgain(extraction.statements, look.pages, reader, options.signal),
    );
    extraction.statements = again.statements;
    extraction.warnings = [...new Set([...extraction.warnings, ...again.warnings])];
  }
  const { statements } = extraction;
  settleStatements(statements, pages, read);
  const warnings = [...read.warnings, ...extraction.warnings];
  for (const [stage, ms] of Object.entries(extraction.timings)) clock.add(stage, ms);

  const ocrPages = pages.filter((p) => p.source === "ocr");
  // A page OCR could hardly read may hold figures that are missing: the document needs a look.
  const illegible = ocrPages.some((p) => p.meanConfidence < 0.6);
  if (illegible) warnings.push("low_ocr_confidence");
  const flagged = illegible || statements.some((s) => s.flagged);
  return {
    document: documentInfo(input, read, statements),
    statements,
    timings: { totalMs: Math.round(performance.now() - started), stages: clock.stages },
    warnings,
    flagged,
    vision: extraction.vision,
    pageWords: pages,
  };
}

function readDocumentPages(
  bytes: Uint8Array,
  options: ExtractOptions,
  keepImages: boolean,
): Promise<ReadPagesResult> {
  return readPages(bytes, {
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
  });
}

/** What the document as a whole says about its statements: coverage, and whether they are restated. */
function settleStatements(statements: Statement[], pages: PageWords[], read: ReadPagesResult): void {
  for (const statement of statements) recordCoverage(statement);
  applyRestatementStance(
    statements,
    read.restatement ?? restatementStance(pages.map((page) => page.words.map((word) => word.text).join(" "))),
  );
}

function documentInfo(input: ExtractInput, read: ReadPagesResult, statements: Statement[]): DocumentInfo {
  const entity = documentEntity(statements);
  return {
    file: input.fileName,
    pages: read.pageCount,
    ...(read.statementPages ? { statementPages: read.statementPages } : {}),
    sha256: createHash("sha256").update(input.bytes).digest("hex"),
    ...(entity ? { entity } : {}),
  };
}
