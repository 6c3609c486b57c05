import type { BBox } from "../../../functions/src/pipeline/types";

/** Pages are rasterised at OCR_DPI (300 unless configured) when nothing says otherwise. */
export const DEFAULT_PAGE_DPI = 300;
const POINTS_PER_INCH = 72;

export interface PageSize {
  /** In PDF points, the frame the statement boxes are given in. */
  width: number;
  height: number;
}

/** The page size in points from the rendered image and the resolution it was rendered at. */
export function pageSizeOf(pixelWidth: number, pixelHeight: number, dpi: number): PageSize {
  const scale = POINTS_PER_INCH / dpi;
  return { width: pixelWidth * scale, height: pixelHeight * scale };
}

/**
 * A PDF-point box as CSS percentages of the page, so the highlight follows the image at any
 * zoom without measuring it.
 */
export function boxStyle(
  box: BBox,
  page: PageSize,
  padding = 2,
): { left: string; top: string; width: string; height: string } {
  const x0 = Math.max(0, box.x0 - padding);
  const y0 = Math.max(0, box.y0 - padding);
  const x1 = Math.min(page.width, box.x1 + padding);
  const y1 = Math.min(page.height, box.y1 + padding);
  const percent = (value: number, whole: number) => `${((100 * value) / whole).toFixed(3)}%`;
  return {
    left: percent(x0, page.width),
    top: percent(y0, page.height),
    width: percent(Math.max(0, x1 - x0), page.width),
    height: percent(Math.max(0, y1 - y0), page.height),
  };
}

/**
 * The resolution a PNG declares in its pHYs chunk (pixels per metre), if it has one before
 * the image data. Returns null for images without it.
 */
export function dpiFromPng(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8; // signature
  while (offset + 8 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (type === "pHYs" && length >= 9 && offset + 17 <= bytes.length) {
      const perMetreX = view.getUint32(offset + 8);
      const unit = bytes[offset + 16];
      return unit === 1 && perMetreX > 0 ? Math.round(perMetreX * 0.0254) : null;
    }
    if (type === "IDAT" || type === "IEND") return null;
    offset += 12 + length;
  }
  return null;
}
