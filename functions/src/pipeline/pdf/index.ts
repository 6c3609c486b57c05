/**
 * Pages: PDF bytes -> words per page, from the text layer where it is usable and from OCR
 * (Tesseract via tesseract.js) where it is not. Everything the statement parser needs.
 */
export {
  closeOcr,
  createOcrEngine,
  DEFAULT_PAGE_SEGMENTATION,
  type OcrEngine,
  type OcrEngineOptions,
  type OcrRequest,
  type OcrResult,
  type PageSegmentation,
  sharedOcrEngine,
} from "./ocr-engine";
export type { OcrWord } from "./ocr-words";
export { type OpenPdfOptions, openPdf, type PdfHandle } from "./open-pdf";
export { toViewportBox } from "./page-frame";
export { pdfErrors } from "./pdf-errors";
export { type ReadPagesOptions, type ReadPagesResult, readPages } from "./read-pages";
export { readTextLayer, readUprightTextLayer, type UprightTextLayer } from "./text-layer";
export { isTextLayerUsable, type TextLayerContext, type TextLayerVerdict } from "./text-layer-quality";
