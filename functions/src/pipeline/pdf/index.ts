export {
  closeOcr,
  createOcrEngine,
  type OcrEngine,
  type OcrEngineOptions,
  sharedOcrEngine,
} from "./ocrEngine";
export { openPdf, type PdfHandle } from "./openPdf";
export { toViewportBox } from "./pageFrame";
export { type ReadPagesOptions, type ReadPagesResult, readPages } from "./readPages";
export { readTextLayer } from "./textLayer";
export { isTextLayerUsable } from "./textLayerQuality";
