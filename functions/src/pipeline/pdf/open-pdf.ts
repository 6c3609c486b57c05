import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  getDocument,
  type PDFDocumentProxy,
  type PDFPageProxy,
  VerbosityLevel,
} from "pdfjs-dist/legacy/build/pdf.mjs";
import { isAppError } from "../../app-error";
import { NapiCanvasFactory } from "./canvas-factory";
import { pdfErrors } from "./pdf-errors";
import { withTimeBudget } from "./time-budget";

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
export const DEFAULT_OPEN_TIMEOUT_MS = 20_000;
/** Embedded images above this many pixels are skipped by pdfjs instead of decoded. */
const MAX_IMAGE_PIXELS = 80_000_000;

export interface OpenPdfOptions {
  maxPages: number;
  maxBytes?: number;
  /** Budget for parsing the document structure (xref, page tree). */
  timeoutMs?: number;
}

/** An open document. `close()` must be called (readPages does) to free pdfjs's memory. */
export interface PdfHandle {
  readonly pageCount: number;
  readonly document: PDFDocumentProxy;
  /** 1-based; rejects with pdf_corrupt when the page object cannot be read. */
  getPage(pageNumber: number): Promise<PDFPageProxy>;
  close(): Promise<void>;
}

/**
 * Opens PDF bytes with pdfjs (legacy build, Node). Fonts, CMaps, ICC profiles and the image
 * decoders' wasm come from the pdfjs-dist package on disk so nothing is fetched. (pdfjs 6 has
 * no eval code path left, so the old `isEvalSupported: false` option no longer exists.) Every
 * failure a user can cause becomes an AppError (422).
 */
export async function openPdf(bytes: Uint8Array, opts: OpenPdfOptions): Promise<PdfHandle> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) throw pdfErrors.tooLarge(bytes.byteLength, maxBytes);
  if (!hasPdfHeader(bytes)) throw pdfErrors.notAPdf();

  const timeoutMs = opts.timeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS;
  const assets = pdfjsAssetUrls();
  // pdfjs may detach the buffer it is given; the caller keeps its own bytes intact.
  const task = getDocument({
    data: bytes.slice(),
    ...assets,
    disableFontFace: true,
    useSystemFonts: false,
    maxImageSize: MAX_IMAGE_PIXELS,
    CanvasFactory: NapiCanvasFactory,
    verbosity: VerbosityLevel.ERRORS,
  });

  let document: PDFDocumentProxy;
  try {
    document = await withTimeBudget(
      task.promise,
      timeoutMs,
      () => pdfErrors.timeout("opening the document", timeoutMs),
      () => void task.destroy(),
    );
  } catch (error) {
    await task.destroy().catch(() => {});
    throw toPdfError(error);
  }

  const pageCount = document.numPages;
  if (pageCount < 1) {
    await task.destroy();
    throw pdfErrors.empty();
  }
  if (pageCount > opts.maxPages) {
    await task.destroy();
    throw pdfErrors.tooManyPages(pageCount, opts.maxPages);
  }

  return {
    pageCount,
    document,
    async getPage(pageNumber: number) {
      try {
        return await withTimeBudget(document.getPage(pageNumber), timeoutMs, () =>
          pdfErrors.timeout(`reading page ${pageNumber}`, timeoutMs),
        );
      } catch (error) {
        throw toPdfError(error);
      }
    },
    close: () => task.destroy(),
  };
}

/** The spec lets producers put junk before the header; readers accept it within 1 KB. */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  return head.indexOf("%PDF-") >= 0;
}

/** Maps pdfjs's exception classes (matched by name: they cross the fake-worker boundary). */
export function toPdfError(error: unknown): Error {
  if (isAppError(error)) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === "PasswordException") return pdfErrors.encrypted();
  const message = String((error as { message?: string } | null)?.message ?? "");
  if (/no pages|page count/i.test(message) && !/invalid/i.test(message)) return pdfErrors.empty();
  return pdfErrors.corrupt(error);
}

let cachedAssets:
  | { standardFontDataUrl: string; cMapUrl: string; iccUrl: string; wasmUrl: string }
  | undefined;

function pdfjsAssetUrls() {
  if (!cachedAssets) {
    const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
    // pdfjs joins file names onto these, so the trailing separator matters.
    cachedAssets = {
      standardFontDataUrl: `${join(root, "standard_fonts")}/`,
      cMapUrl: `${join(root, "cmaps")}/`,
      iccUrl: `${join(root, "iccs")}/`,
      wasmUrl: `${join(root, "wasm")}/`,
    };
  }
  return cachedAssets;
}
