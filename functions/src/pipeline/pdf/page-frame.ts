import type { BBox, PageWords } from "../types";

/**
 * OCR words are reported in the straightened frame: the page (after /Rotate) turned clockwise
 * by `deskewAngle` degrees about its centre, so text lines are horizontal for the layout. Its
 * size is the page's, swapped when the scan was sideways. This maps a box back onto the page
 * as pdfjs displays it (e.g. to highlight a number on the original scan).
 */
export function toViewportBox(box: BBox, page: Pick<PageWords, "width" | "height" | "deskewAngle">): BBox {
  const angle = page.deskewAngle ?? 0;
  if (angle === 0) return box;
  const sideways = Math.round(angle / 90) % 2 !== 0;
  const viewportWidth = sideways ? page.height : page.width;
  const viewportHeight = sideways ? page.width : page.height;
  const radians = (-angle * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const corners = [
    [box.x0, box.y0],
    [box.x1, box.y0],
    [box.x0, box.y1],
    [box.x1, box.y1],
  ].map(([x = 0, y = 0]) => {
    const dx = x - page.width / 2;
    const dy = y - page.height / 2;
    return [viewportWidth / 2 + dx * cos - dy * sin, viewportHeight / 2 + dx * sin + dy * cos] as const;
  });
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Pixel box of the straightened image to points, rounded to 1/100 pt. */
export function pixelBoxToPoints(box: BBox, pixelsPerPoint: number): BBox {
  const toPoints = (v: number) => Math.round((v / pixelsPerPoint) * 100) / 100;
  return { x0: toPoints(box.x0), y0: toPoints(box.y0), x1: toPoints(box.x1), y1: toPoints(box.y1) };
}
