import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import sharp from "sharp";
import { isAppError } from "../../app-error";
import type { PageWords, Word } from "../types";
import { normaliseBackground } from "./background";
import { eraseLeadersAndRules } from "./leaders-and-rules";
import type { OcrEngine, OcrResult, PageSegmentation } from "./ocr-engine";
import { pixelBoxToPoints } from "./page-frame";
import { pdfErrors } from "./pdf-errors";
import {
  DEFAULT_RENDER_TIMEOUT_MS,
  type GreyImage,
  greyToPng,
  type RenderedPage,
  renderPage,
} from "./rasterise";
import { type CleanupOptions, cleanScan, greyRaw } from "./scan-cleanup";
import { extractScanImage } from "./scan-image";
import { withTimeBudget } from "./time-budget";

export const DEFAULT_OCR_DPI = 300;

export interface ScannedPageOptions {
  ocr: OcrEngine;
  /** Resolution pages are rendered at (default 300). */
  dpi?: number;
  /**
   * A page that is one scanned picture keeps the picture's own resolution (clamped to 200-400
   * DPI) unless this is set, in which case it is resampled to `dpi`.
   */
  resampleScans?: boolean;
  maxPixels?: number;
  renderTimeoutMs?: number;
  ocrTimeoutMs?: number;
  psm?: PageSegmentation;
  cleanup?: CleanupOptions;
  keepImage?: boolean;
  /** The image is kept for this process only: encode it fast rather than small. */
  transientImage?: boolean;
  signal?: AbortSignal;
}

/** Below this the upside-down test was a guess worth checking with a second OCR pass. */
const UNSURE_ORIENTATION = 0.08;
const POOR_CONFIDENCE = 0.6;

/**
 * A page without a usable text layer: rendered, cleaned (contrast, orientation, deskew) and
 * OCRed. Words are in the straightened frame (see pageFrame.ts), in PDF points.
 */
export async function readScannedPage(page: PDFPageProxy, options: ScannedPageOptions): Promise<PageWords> {
  const timings: Record<string, number> = {};
  let started = performance.now();
  const rendered = await rasterise(page, options);
  timings.rasterise = performance.now() - started;

  started = performance.now();
  const cleaned = await cleanScan(rendered, options.cleanup);
  timings.cleanup = performance.now() - started;

  started = performance.now();
  // OCR reads the page without rules and leaders; the kept image shows it as printed.
  const recognise = (image: GreyImage) =>
    options.ocr.recognize({
      image: eraseLeadersAndRules(image, rendered.dpi),
      dpi: rendered.dpi,
      psm: options.psm,
      timeoutMs: options.ocrTimeoutMs,
      signal: options.signal,
    });
  const { result, image, rotation } = await recogniseUpright(rendered, cleaned, options, recognise);
  timings.ocr = performance.now() - started;

  const words: Word[] = result.words.map((word) => ({
    text: word.text,
    bbox: pixelBoxToPoints(word.box, rendered.scale),
    confidence: Math.round(word.confidence * 1000) / 1000,
    page: page.pageNumber,
    source: "ocr",
  }));
  const pageWords: PageWords = {
    page: page.pageNumber,
    width: round2(image.width / rendered.scale),
    height: round2(image.height / rendered.scale),
    source: "ocr",
    words,
    meanConfidence: Math.round(result.confidence * 1000) / 1000,
    deskewAngle: Math.round(normaliseDegrees(rotation) * 1000) / 1000,
    timings,
  };
  if (options.keepImage) {
    pageWords.image = {
      png: new Uint8Array(await greyToPng(image, options.transientImage)),
      dpi: Math.round(rendered.dpi),
      width: image.width,
      height: image.height,
    };
  }
  return pageWords;
}

/**
 * OCR of the cleaned page, read again turned over or sideways when it read poorly: the
 * orientation test may have been unsure or have missed a sideways scan. The best reading wins.
 */
async function recogniseUpright(
  rendered: RenderedPage,
  cleaned: Awaited<ReturnType<typeof cleanScan>>,
  options: ScannedPageOptions,
  recognise: (image: GreyImage) => Promise<OcrResult>,
): Promise<{ result: OcrResult; image: GreyImage; rotation: number }> {
  let image = normaliseBackground(cleaned.image, rendered.dpi);
  let rotation = cleaned.rotation;
  let result = await recognise(image);
  if (
    cleaned.orientationMargin < UNSURE_ORIENTATION &&
    result.confidence < POOR_CONFIDENCE &&
    result.words.length > 0
  ) {
    // The cheap upside-down test was unsure and OCR struggled: read the page turned over too.
    const flipped = await greyRaw(
      sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 1 } }).rotate(180),
    );
    const second = await recognise(flipped);
    if (readingQuality(second) > readingQuality(result)) {
      result = second;
      image = flipped;
      rotation += 180;
    }
  }
  if (result.confidence < POOR_CONFIDENCE && result.words.length > 0) {
    // Still poor: the page may lie sideways and the orientation test have missed it.
    for (const turns of [1, 3] as const) {
      const quarterTurns = ((cleaned.quarterTurns + turns) % 4) as 0 | 1 | 2 | 3;
      const turned = await cleanScan(rendered, { ...options.cleanup, quarterTurns });
      const turnedImage = normaliseBackground(turned.image, rendered.dpi);
      const reading = await recognise(turnedImage);
      if (readingQuality(reading) > readingQuality(result)) {
        result = reading;
        image = turnedImage;
        rotation = turned.rotation;
      }
    }
  }
  return { result, image, rotation };
}

/** The scan's own pixels when the page is just a picture, else a pdfjs rendering. */
async function rasterise(page: PDFPageProxy, options: ScannedPageOptions): Promise<RenderedPage> {
  const timeoutMs = options.renderTimeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS;
  const picture = await withTimeBudget(
    extractScanImage(page, {
      dpi: options.resampleScans ? options.dpi : undefined,
      maxPixels: options.maxPixels,
    }),
    timeoutMs,
    () => pdfErrors.renderTimeout(page.pageNumber, timeoutMs),
  ).catch((error: unknown) => {
    throw isAppError(error) ? error : pdfErrors.corrupt(error);
  });
  if (picture) return picture;
  return renderPage(page, { dpi: options.dpi ?? DEFAULT_OCR_DPI, maxPixels: options.maxPixels, timeoutMs });
}

/** Confidence matters, but a pass that reads more text with the same confidence is better. */
function readingQuality(result: OcrResult): number {
  const characters = result.words.reduce((sum, word) => sum + word.text.length, 0);
  return result.confidence * Math.min(1, characters / 200);
}

/** Into (-180, 180]. */
function normaliseDegrees(degrees: number): number {
  let d = degrees % 360;
  if (d > 180) d -= 360;
  if (d <= -180) d += 360;
  return d;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
