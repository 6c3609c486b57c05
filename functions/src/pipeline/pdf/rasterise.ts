import { type Canvas, createCanvas } from "@napi-rs/canvas";
import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import sharp from "sharp";
import { isAppError } from "../../app-error";
import { pdfErrors } from "./pdf-errors";
import { withTimeBudget } from "./time-budget";

export const DEFAULT_MAX_PAGE_PIXELS = 24_000_000;
export const DEFAULT_RENDER_TIMEOUT_MS = 30_000;
/** Skia refuses surfaces wider or taller than this. */
const MAX_SIDE_PIXELS = 16_384;

export interface RenderOptions {
  dpi: number;
  /** Cap on width x height; larger pages are rendered at a lower effective DPI. */
  maxPixels?: number;
  timeoutMs?: number;
}

/** A page rendered to 8-bit greyscale, in the page's viewport frame (after /Rotate). */
export interface GreyImage {
  pixels: Buffer;
  width: number;
  height: number;
}

export interface RenderedPage extends GreyImage {
  /** Pixels per PDF point actually used (dpi / 72 unless the pixel cap lowered it). */
  scale: number;
  dpi: number;
}

/** Renders a page with pdfjs onto an @napi-rs/canvas surface and returns it as greyscale. */
export async function renderPage(page: PDFPageProxy, opts: RenderOptions): Promise<RenderedPage> {
  const base = page.getViewport({ scale: 1 });
  const scale = boundedScale(
    base.width,
    base.height,
    opts.dpi / 72,
    opts.maxPixels ?? DEFAULT_MAX_PAGE_PIXELS,
  );
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.floor(viewport.width));
  const height = Math.max(1, Math.floor(viewport.height));
  const canvas = createCanvas(width, height);
  smoothImageScaling(canvas);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS;
  try {
    const task = page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      viewport,
      background: "#ffffff",
    });
    await withTimeBudget(
      task.promise.catch((error: unknown) => {
        // Broken content streams or images: the page cannot be drawn as the PDF describes it.
        throw isAppError(error) ? error : pdfErrors.corrupt(error);
      }),
      timeoutMs,
      () => pdfErrors.renderTimeout(page.pageNumber, timeoutMs),
      () => task.cancel(),
    );
    const pixels = rgbaToGrey(canvas.data(), width * height);
    return { pixels, width, height, scale, dpi: scale * 72 };
  } finally {
    // Drop the RGBA surface now: at 300 DPI it is 35 MB a page.
    canvas.width = 0;
    canvas.height = 0;
    page.cleanup();
  }
}

/**
 * pdfjs enlarges a picture without /Interpolate pixel by pixel (nearest neighbour), as the PDF
 * specification allows. A 90-DPI scan drawn at 300 DPI then shows 3-pixel blocks and JPEG
 * edges that Tesseract misreads ("REVENIES", "COST OP SALCS"); smoothly enlarged it reads as
 * well as the same page rasterised by poppler. Pages here are rendered for reading, not for
 * pixel-exact display, so every picture is drawn smoothly, at the best quality.
 */
function smoothImageScaling(canvas: Canvas): void {
  const context = canvas.getContext("2d");
  context.imageSmoothingQuality = "high";
  Object.defineProperty(context, "imageSmoothingEnabled", { get: () => true, set: () => {} });
}

/**
 * Rec. 601 luma in integer arithmetic. Done here rather than with sharp: on a busy machine a
 * 9-megapixel raw greyscale pass through libvips measured 250-330 ms against 40-100 ms here.
 * The canvas is opaque (white background), so premultiplied alpha changes nothing.
 */
export function rgbaToGrey(rgba: Uint8Array, pixelCount: number): Buffer {
  const grey = Buffer.allocUnsafe(pixelCount);
  for (let i = 0, j = 0; i < pixelCount; i++, j += 4) {
    grey[i] = ((rgba[j] ?? 255) * 77 + (rgba[j + 1] ?? 255) * 150 + (rgba[j + 2] ?? 255) * 29) >> 8;
  }
  return grey;
}

/** The largest scale not above `wanted` that keeps the page within the pixel and side caps. */
export function boundedScale(widthPt: number, heightPt: number, wanted: number, maxPixels: number): number {
  const byArea = Math.sqrt(maxPixels / Math.max(1, widthPt * heightPt));
  const bySide = MAX_SIDE_PIXELS / Math.max(1, widthPt, heightPt);
  return Math.min(wanted, byArea, bySide);
}

/**
 * `fast`: light compression, for an image kept only for this process (the second look at a
 * scan): 0.08 s instead of 0.5 s for a 300-DPI page, at about twice the size.
 */
export function greyToPng(image: GreyImage, fast = false): Promise<Buffer> {
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 1 } })
    .png({ compressionLevel: fast ? 1 : 6 })
    .toBuffer();
}
