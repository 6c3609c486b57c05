import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import sharp from "sharp";
import { isAppError } from "../../app-error";
import type { RestatementStance } from "../parse/inflation-restatement";
import type { PageWords } from "../types";
import type { OcrEngine, PageSegmentation } from "./ocr-engine";
import { openPdf } from "./open-pdf";
import { pageGraphics } from "./page-graphics";
import { pdfErrors } from "./pdf-errors";
import { greyToPng, renderPage } from "./rasterise";
import { type CleanupOptions, greyRaw } from "./scan-cleanup";
import { DEFAULT_OCR_DPI, readScannedPage } from "./scanned-page";
import { selectPages } from "./survey-pages";
import { readUprightTextLayer, type UprightTextLayer } from "./text-layer";
import { isTextLayerUsable } from "./text-layer-quality";

export interface ReadPagesOptions {
  /**
   * Resolution pages are drawn at for OCR (and kept images of text pages). Default 300. A page
   * that is one scanned picture keeps the picture's own resolution (clamped to 200-400 DPI)
   * unless `resampleScans` is set: measured, resampling a 200-DPI scan to 300 DPI made
   * Tesseract swap '.' and ',' inside amounts (84.6% of amounts exact instead of 99.2%).
   */
  dpi?: number;
  /** Apply `dpi` to picture-only scans too, resampling them. */
  resampleScans?: boolean;
  /** 1-based inclusive range; `to` beyond the last page is clamped. */
  pages?: { from: number; to: number };
  /** Limit on the pages read in full (the statement pages of a long report, or the range given). */
  maxPages: number;
  /** Longest document accepted at all; a long report is surveyed for its statement pages. */
  maxDocumentPages?: number;
  maxBytes?: number;
  ocr: OcrEngine;
  /** Keep each page's PNG (the straightened image for OCR pages, matching the word boxes). */
  keepImages?: boolean;
  /** Keep the PNG of OCR pages only (they are drawn anyway): for a second look at cells. */
  keepScanImages?: boolean;
  /** OCR every page even when it has a usable text layer. */
  forceOcr?: boolean;
  /**
   * Accept an invisible text layer over a page image (a "searchable" scan OCRed by another
   * program) as exact text. Default false: such pages are OCRed again to get confidences.
   */
  trustInvisibleText?: boolean;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  psm?: PageSegmentation;
  maxPixels?: number;
  renderTimeoutMs?: number;
  ocrTimeoutMs?: number;
  cleanup?: CleanupOptions;
}

export interface ReadPagesResult {
  pageCount: number;
  pages: PageWords[];
  /** The pages a survey of a longer document found the statements on. */
  statementPages?: number[];
  /** What a surveyed report's text says of TMS 29 / IAS 29, pages not read in full included. */
  restatement?: RestatementStance;
  warnings: string[];
}

/**
 * Reads every requested page into words: the text layer where it is usable, OCR otherwise.
 * Pages run concurrently up to the OCR pool's size plus one (the next page renders while the
 * previous is OCRed), so memory stays bounded by a few pages whatever the document's length.
 */
export async function readPages(bytes: Uint8Array, opts: ReadPagesOptions): Promise<ReadPagesResult> {
  opts.signal?.throwIfAborted();
  const pdf = await openPdf(bytes, {
    maxPages: opts.pages ? Number.MAX_SAFE_INTEGER : Math.max(opts.maxPages, opts.maxDocumentPages ?? 0),
    maxBytes: opts.maxBytes,
  });
  try {
    const selection = opts.pages
      ? { pages: pageNumbers(pdf.pageCount, opts), warnings: [] }
      : await selectPages(pdf, opts);
    const numbers = selection.pages;
    const pages: PageWords[] = new Array(numbers.length);
    let next = 0;
    let done = 0;
    let failed = false;
    const lanes = Math.max(1, Math.min(numbers.length, opts.ocr.size + 1));
    const lane = async () => {
      while (next < numbers.length && !failed) {
        const index = next++;
        const pageNumber = numbers[index] as number;
        opts.signal?.throwIfAborted();
        try {
          const page = await pdf.getPage(pageNumber);
          try {
            pages[index] = await readOnePage(page, opts, selection.textLayers?.get(pageNumber));
          } finally {
            page.cleanup();
          }
        } catch (error) {
          failed = true;
          throw error;
        }
        done += 1;
        opts.onProgress?.(done, numbers.length);
      }
    };
    // Wait for every lane to stop before the document is destroyed under a running render.
    const outcomes = await Promise.allSettled(Array.from({ length: lanes }, lane));
    const failure = outcomes.find((outcome) => outcome.status === "rejected");
    if (failure) throw failure.reason;
    return {
      pageCount: pdf.pageCount,
      pages,
      ...(selection.statementPages ? { statementPages: selection.statementPages } : {}),
      ...(selection.restatement ? { restatement: selection.restatement } : {}),
      warnings: selection.warnings,
    };
  } finally {
    await pdf.close();
  }
}

async function readOnePage(
  page: PDFPageProxy,
  opts: ReadPagesOptions,
  surveyed?: UprightTextLayer,
): Promise<PageWords> {
  const timings: Record<string, number> = {};
  if (!opts.forceOcr) {
    let started = performance.now();
    const upright = surveyed ?? (await fromPdfjs(readUprightTextLayer(page)));
    timings.textLayer = performance.now() - started;
    const area = upright.width * upright.height;
    let verdict = isTextLayerUsable(upright.words, area);
    if (verdict.usable) {
      // A thin or invisible text layer may sit over a scanned page: look at what is painted.
      started = performance.now();
      const graphics = await fromPdfjs(pageGraphics(page));
      verdict = isTextLayerUsable(upright.words, area, {
        ...graphics,
        trustInvisibleText: opts.trustInvisibleText,
      });
      timings.imageCheck = performance.now() - started;
    }
    if (verdict.usable) {
      const pageWords: PageWords = {
        page: page.pageNumber,
        width: round2(upright.width),
        height: round2(upright.height),
        source: "text",
        words: upright.words,
        meanConfidence: 1,
        ...(upright.rotation === 0 ? {} : { deskewAngle: upright.rotation }),
        timings,
      };
      if (opts.keepImages) {
        started = performance.now();
        pageWords.image = await pageImage(page, opts, upright.rotation);
        timings.rasterise = performance.now() - started;
      }
      return pageWords;
    }
  }
  const scanned = await readScannedPage(page, {
    ocr: opts.ocr,
    dpi: opts.dpi,
    resampleScans: opts.resampleScans,
    maxPixels: opts.maxPixels,
    renderTimeoutMs: opts.renderTimeoutMs,
    ocrTimeoutMs: opts.ocrTimeoutMs,
    psm: opts.psm,
    cleanup: opts.cleanup,
    keepImage: opts.keepImages || opts.keepScanImages,
    transientImage: !opts.keepImages,
    signal: opts.signal,
  });
  scanned.timings = { ...timings, ...scanned.timings };
  return scanned;
}

/** The page picture in the same (upright) frame as its words. */
async function pageImage(
  page: PDFPageProxy,
  opts: ReadPagesOptions,
  rotation: number,
): Promise<PageWords["image"]> {
  const rendered = await renderPage(page, {
    dpi: opts.dpi ?? DEFAULT_OCR_DPI,
    maxPixels: opts.maxPixels,
    timeoutMs: opts.renderTimeoutMs,
  });
  const image =
    rotation === 0
      ? rendered
      : await greyRaw(
          sharp(rendered.pixels, {
            raw: { width: rendered.width, height: rendered.height, channels: 1 },
          }).rotate(rotation),
        );
  return {
    png: new Uint8Array(await greyToPng(image)),
    dpi: Math.round(rendered.dpi),
    width: image.width,
    height: image.height,
  };
}

/** pdfjs fails on broken content streams and fonts with plain Errors: that is a corrupt PDF. */
async function fromPdfjs<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw isAppError(error) ? error : pdfErrors.corrupt(error);
  }
}

function pageNumbers(pageCount: number, opts: ReadPagesOptions): number[] {
  const from = opts.pages?.from ?? 1;
  const to = Math.min(opts.pages?.to ?? pageCount, pageCount);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || from > to) {
    throw pdfErrors.pageOutOfRange(from, opts.pages?.to ?? to, pageCount);
  }
  const count = to - from + 1;
  if (count > opts.maxPages) throw pdfErrors.tooManyPages(count, opts.maxPages);
  return Array.from({ length: count }, (_, i) => from + i);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
