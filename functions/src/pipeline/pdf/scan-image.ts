import { ImageKind, OPS, type PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import sharp from "sharp";
import { boundedScale, DEFAULT_MAX_PAGE_PIXELS, type GreyImage, type RenderedPage } from "./rasterise";
import { greyRaw } from "./scan-cleanup";

type Matrix = [number, number, number, number, number, number];

/** Resolution range the scan's own pixels are kept in (measured: resampling a 200-DPI scan to
 * 300 made Tesseract swap '.' and ',' in amounts; far above 400 only slows OCR). */
export const MIN_NATIVE_DPI = 200;
export const MAX_NATIVE_DPI = 400;

/** Operators that neither paint nor change what an image paint does to the page. */
const HARMLESS = new Set<number>([
  OPS.dependency,
  OPS.save,
  OPS.restore,
  OPS.setGState,
  OPS.beginMarkedContent,
  OPS.beginMarkedContentProps,
  OPS.endMarkedContent,
  OPS.setFillGray,
  OPS.setFillRGBColor,
  OPS.setFillCMYKColor,
  OPS.setFillColorSpace,
  OPS.setFillColor,
  OPS.setFillColorN,
  OPS.setStrokeGray,
  OPS.setStrokeRGBColor,
  OPS.setStrokeCMYKColor,
  OPS.setStrokeColorSpace,
  OPS.setStrokeColor,
  OPS.setStrokeColorN,
  OPS.beginText,
  OPS.endText,
  OPS.setFont,
  OPS.setTextMatrix,
  OPS.moveText,
  OPS.setLeadingMoveText,
  OPS.nextLine,
  OPS.setCharSpacing,
  OPS.setWordSpacing,
  OPS.setHScale,
  OPS.setLeading,
  OPS.setTextRise,
  OPS.setTextRenderingMode,
  // Clipping without painting (scanners often clip to the page box).
  OPS.constructPath,
  OPS.clip,
  OPS.eoClip,
  OPS.endPath,
]);
const SHOW_TEXT = new Set<number>([
  OPS.showText,
  OPS.showSpacedText,
  OPS.nextLineShowText,
  OPS.nextLineSetSpacingShowText,
]);

interface DecodedImage {
  width: number;
  height: number;
  kind: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/**
 * The fast path for a page that is one scanned picture: take pdfjs's decoded image and place it
 * in the page frame at (close to) its own resolution, instead of drawing it onto a canvas at an
 * arbitrary DPI. Returns undefined when the page paints anything else (vector text, several
 * images, a rotated placement): the caller then renders the page normally.
 */
export async function extractScanImage(
  page: PDFPageProxy,
  opts: { dpi?: number; maxPixels?: number } = {},
): Promise<RenderedPage | undefined> {
  const placement = await singleFullPageImage(page);
  if (!placement) return undefined;
  const decoded = await new Promise<DecodedImage>((resolve) => page.objs.get(placement.id, resolve));
  const grey = decodedToGrey(decoded);
  if (!grey) return undefined;

  const viewport = page.getViewport({ scale: 1 });
  const m = multiply(viewport.transform as Matrix, placement.ctm);
  const [a, b, c, d] = m;
  const alongX = Math.abs(b) < 1e-6 * Math.abs(a) && Math.abs(c) < 1e-6 * Math.abs(d);
  const swapped = Math.abs(a) < 1e-6 * Math.abs(b) && Math.abs(d) < 1e-6 * Math.abs(c);
  if (!alongX && !swapped) return undefined;

  // Unit square (x right, y up) -> viewport. Image column u runs along (a, b); image row v
  // (top row first) runs along (-c, -d).
  const widthPt = alongX ? Math.abs(a) : Math.abs(c);
  const heightPt = alongX ? Math.abs(d) : Math.abs(b);
  const columnsAlongX = alongX ? grey.width : grey.height;
  const nativeDpi = (columnsAlongX / widthPt) * 72;
  const wanted = (opts.dpi ?? Math.min(MAX_NATIVE_DPI, Math.max(MIN_NATIVE_DPI, nativeDpi))) / 72;
  const scale = boundedScale(
    viewport.width,
    viewport.height,
    wanted,
    opts.maxPixels ?? DEFAULT_MAX_PAGE_PIXELS,
  );

  // Make image columns run to +x and rows to +y in the page frame. A transpose is a quarter
  // turn plus a mirror; sharp mirrors after rotating and its flip/flop are switches, not toggles.
  const mirrorX = (alongX ? a : -c) < 0;
  const mirrorY = (alongX ? -d : b) < 0;
  let pipeline = sharp(grey.pixels, { raw: { width: grey.width, height: grey.height, channels: 1 } });
  if (swapped) pipeline = pipeline.rotate(90);
  if (swapped !== mirrorX) pipeline = pipeline.flop();
  if (mirrorY) pipeline = pipeline.flip();
  const targetWidth = Math.max(1, Math.round(widthPt * scale));
  const targetHeight = Math.max(1, Math.round(heightPt * scale));
  const oriented = await greyRaw(pipeline);
  const sized =
    oriented.width === targetWidth && oriented.height === targetHeight
      ? oriented
      : await greyRaw(
          sharp(oriented.pixels, {
            raw: { width: oriented.width, height: oriented.height, channels: 1 },
          }).resize(targetWidth, targetHeight, { fit: "fill" }),
        );

  // Top-left corner of the picture on the page: the unit square's (0, 1) corner moved along
  // whichever edges point left/up.
  const cornerX = m[2] + m[4] + Math.min(0, alongX ? a : -c);
  const cornerY = m[3] + m[5] + Math.min(0, alongX ? -d : b);
  const pageWidth = Math.max(1, Math.floor(viewport.width * scale));
  const pageHeight = Math.max(1, Math.floor(viewport.height * scale));
  const image = placeOnPage(
    sized,
    Math.round(cornerX * scale),
    Math.round(cornerY * scale),
    pageWidth,
    pageHeight,
  );
  return { ...image, scale, dpi: scale * 72 };
}

interface Placement {
  id: string;
  ctm: Matrix;
}

async function singleFullPageImage(page: PDFPageProxy): Promise<Placement | undefined> {
  const operators = await page.getOperatorList();
  const stack: Array<{ ctm: Matrix; textMode: number }> = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let textMode = 0;
  let found: Placement | undefined;
  for (let i = 0; i < operators.fnArray.length; i++) {
    const fn = operators.fnArray[i] as number;
    const args = operators.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push({ ctm, textMode });
    else if (fn === OPS.restore) ({ ctm, textMode } = stack.pop() ?? { ctm, textMode });
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ctm, textMode });
      const matrix = args?.[0] as Matrix | null | undefined;
      if (matrix) ctm = multiply(ctm, matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ({ ctm, textMode } = stack.pop() ?? { ctm, textMode });
    else if (fn === OPS.setTextRenderingMode) textMode = Number(args?.[0] ?? 0);
    else if (SHOW_TEXT.has(fn)) {
      if (textMode !== 3) return undefined; // visible text on top of the picture
    } else if (fn === OPS.paintImageXObject) {
      if (found) return undefined;
      found = { id: String(args?.[0]), ctm };
    } else if (!HARMLESS.has(fn)) return undefined;
  }
  if (!found) return undefined;
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
  const pageArea = Math.abs((x1 - x0) * (y1 - y0));
  const imageArea = Math.abs(found.ctm[0] * found.ctm[3] - found.ctm[1] * found.ctm[2]);
  return imageArea >= 0.9 * pageArea ? found : undefined;
}

/** pdfjs image kinds to 8-bit grey over white paper; undefined for forms it does not hand over. */
function decodedToGrey(image: DecodedImage): GreyImage | undefined {
  const { width, height, kind, data } = image;
  if (!data || width < 1 || height < 1) return undefined;
  const pixels = Buffer.allocUnsafe(width * height);
  if (kind === ImageKind.GRAYSCALE_1BPP) {
    // Rows padded to whole bytes; bit 1 is white, 0 black.
    const rowBytes = (width + 7) >> 3;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const byte = data[y * rowBytes + (x >> 3)] ?? 255;
        pixels[y * width + x] = (byte >> (7 - (x & 7))) & 1 ? 255 : 0;
      }
    }
  } else if (kind === ImageKind.RGB_24BPP) {
    for (let i = 0, j = 0; i < pixels.length; i++, j += 3) {
      pixels[i] = ((data[j] ?? 255) * 77 + (data[j + 1] ?? 255) * 150 + (data[j + 2] ?? 255) * 29) >> 8;
    }
  } else if (kind === ImageKind.RGBA_32BPP) {
    for (let i = 0, j = 0; i < pixels.length; i++, j += 4) {
      const luma = ((data[j] ?? 255) * 77 + (data[j + 1] ?? 255) * 150 + (data[j + 2] ?? 255) * 29) >> 8;
      const alpha = data[j + 3] ?? 255;
      pixels[i] = (luma * alpha + 255 * (255 - alpha)) / 255;
    }
  } else return undefined;
  return { pixels, width, height };
}

/** Copies the picture onto a white page of the given size at (left, top), clipping overhangs. */
function placeOnPage(
  picture: GreyImage,
  left: number,
  top: number,
  width: number,
  height: number,
): GreyImage {
  if (left === 0 && top === 0 && picture.width === width && picture.height === height) return picture;
  const pixels = Buffer.alloc(width * height, 255);
  for (let y = Math.max(0, top); y < Math.min(height, top + picture.height); y++) {
    const from = (y - top) * picture.width + Math.max(0, -left);
    const to = y * width + Math.max(0, left);
    const count = Math.min(width - Math.max(0, left), picture.width - Math.max(0, -left));
    if (count > 0) picture.pixels.copy(pixels, to, from, from + count);
  }
  return { pixels, width, height };
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
