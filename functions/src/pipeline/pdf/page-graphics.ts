import { OPS, type PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

type Matrix = [number, number, number, number, number, number];

const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
]);

const SHOW_TEXT_OPS = new Set<number>([
  OPS.showText,
  OPS.showSpacedText,
  OPS.nextLineShowText,
  OPS.nextLineSetSpacingShowText,
]);

/** Text rendering mode 3 (Tr 3): neither filled nor stroked, the mode of OCR layers. */
const INVISIBLE = 3;

export interface PageGraphics {
  /**
   * Share of the page (0..1) covered by raster images: each image fills the unit square under
   * the current transformation matrix, so its area is |det(CTM)|. Overlaps are not subtracted
   * (the sum is capped at 1); precise enough to tell "a scan" from "a logo".
   */
  imageCoverage: number;
  /** Share (0..1) of text-showing operations drawn invisibly; 0 when the page has no text. */
  invisibleText: number;
}

/** Walks the page's operator list (the same one rendering uses, so pdfjs caches it). */
export async function pageGraphics(page: PDFPageProxy): Promise<PageGraphics> {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
  const pageArea = Math.abs((x1 - x0) * (y1 - y0));
  const operators = await page.getOperatorList();
  const stack: Array<{ ctm: Matrix; textMode: number }> = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let textMode = 0;
  let covered = 0;
  let shown = 0;
  let hidden = 0;
  operators.fnArray.forEach((fn, index) => {
    const args = operators.argsArray[index] as unknown[] | null;
    if (fn === OPS.save) stack.push({ ctm, textMode });
    else if (fn === OPS.restore) ({ ctm, textMode } = stack.pop() ?? { ctm, textMode });
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ctm, textMode });
      const matrix = args?.[0] as Matrix | null | undefined;
      if (matrix) ctm = multiply(ctm, matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ({ ctm, textMode } = stack.pop() ?? { ctm, textMode });
    else if (fn === OPS.setTextRenderingMode) textMode = Number(args?.[0] ?? 0);
    else if (SHOW_TEXT_OPS.has(fn)) {
      shown += 1;
      if (textMode === INVISIBLE) hidden += 1;
    } else if (IMAGE_OPS.has(fn)) covered += Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]);
  });
  return {
    imageCoverage: pageArea > 0 ? Math.min(1, covered / pageArea) : 0,
    invisibleText: shown > 0 ? hidden / shown : 0,
  };
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}
