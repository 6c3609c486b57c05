import type { BBox } from "@finstat/functions/pipeline/types";

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

/** Paper sizes in points (portrait); statements are printed on these. */
const PAPER_SIZES: ReadonlyArray<readonly [number, number]> = [
  [595.28, 841.89], // A4
  [612, 792], // US Letter
  [612, 1008], // US Legal
  [841.89, 1190.55], // A3
  [419.53, 595.28], // A5
];
const ASPECT_TOLERANCE = 0.006;

/**
 * The page size in points of a rendered page whose resolution nobody told us: a page whose
 * proportions are those of a standard paper size is that size (whatever resolution it was
 * rendered at); anything else is taken at the default resolution.
 */
export function inferPageSize(pixelWidth: number, pixelHeight: number, dpi?: number): PageSize {
  if (dpi && dpi > 0) return pageSizeOf(pixelWidth, pixelHeight, dpi);
  for (const [short, long] of PAPER_SIZES) {
    for (const [width, height] of [
      [short, long],
      [long, short],
    ] as const) {
      const byWidth = pixelWidth / width;
      const byHeight = pixelHeight / height;
      if (Math.abs(byWidth - byHeight) / byWidth < ASPECT_TOLERANCE) return { width, height };
    }
  }
  return pageSizeOf(pixelWidth, pixelHeight, DEFAULT_PAGE_DPI);
}
