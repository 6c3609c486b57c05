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
} from "./ocrEngine";
export type { OcrWord } from "./ocrWords";
export { type OpenPdfOptions, openPdf, type PdfHandle } from "./openPdf";
export { toViewportBox } from "./pageFrame";
export { pdfErrors } from "./pdfErrors";
export { type ReadPagesOptions, type ReadPagesResult, readPages } from "./readPages";
export { readTextLayer, readUprightTextLayer, type UprightTextLayer } from "./textLayer";
export { isTextLayerUsable, type TextLayerContext, type TextLayerVerdict } from "./textLayerQuality";
