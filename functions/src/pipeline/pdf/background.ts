import type { GreyImage } from "./rasterise";

/** Half the window the paper is estimated in: wider than any stroke of body text. */
const WINDOW_RADIUS_PT = 2.5;
/** Where the paper is this light all around, the page is left as it is. */
const WHITE_PAPER = 250;

/**
 * Statements shade every other row or a total's row, and scanners light a page unevenly.
 * Tesseract binarises with one global threshold, which then falls between the grey paper and
 * the white: shaded rows turn black and their words become noise. Each pixel is divided by
 * the paper around it (the lightest value within a few points, which no stroke of text
 * covers), so shaded and unshaded paper both become white and the ink stays ink.
 * Measured: the real Clorox scan (rows shaded at grey 185) went from 9% to 81% of its fields,
 * and noisy shaded rows read as words instead of noise.
 */
export function normaliseBackground(image: GreyImage, dpi: number): GreyImage {
  const { pixels, width, height } = image;
  const radius = Math.max(2, Math.round((WINDOW_RADIUS_PT * dpi) / 72));
  // A closing: the maximum removes the strokes, the minimum that follows brings the edges of
  // shaded rows back where they are (the maximum alone spreads white paper into them).
  const lightest = runningExtreme(
    runningExtreme(pixels, width, height, radius, true, Math.max),
    width,
    height,
    radius,
    false,
    Math.max,
  );
  const paper = runningExtreme(
    runningExtreme(lightest, width, height, radius, true, Math.min),
    width,
    height,
    radius,
    false,
    Math.min,
  );
  let changed = false;
  const out = Buffer.allocUnsafe(pixels.length);
  for (let i = 0; i < pixels.length; i++) {
    const value = pixels[i] as number;
    const level = paper[i] as number;
    if (level >= WHITE_PAPER || level === 0) {
      out[i] = value;
      continue;
    }
    changed = true;
    out[i] = Math.min(255, Math.round((value * 255) / level));
  }
  return changed ? { pixels: out, width, height } : image;
}

/**
 * The largest (or smallest) value within `radius` along rows or columns, in three comparisons
 * a pixel whatever the radius (van Herk / Gil-Werman: running extremes over blocks).
 */
function runningExtreme(
  source: Uint8Array,
  width: number,
  height: number,
  radius: number,
  alongRows: boolean,
  pick: (a: number, b: number) => number,
): Uint8Array {
  const out = new Uint8Array(source.length);
  const lines = alongRows ? height : width;
  const span = alongRows ? width : height;
  const step = alongRows ? 1 : width;
  const size = 2 * radius + 1;
  const padded = span + 2 * radius;
  const line = new Uint8Array(padded);
  const forward = new Uint8Array(padded);
  const backward = new Uint8Array(padded);
  for (let l = 0; l < lines; l++) {
    const first = alongRows ? l * width : l;
    // Beyond the edges the line repeats its end pixels.
    for (let k = 0; k < padded; k++) {
      const at = Math.min(span - 1, Math.max(0, k - radius));
      line[k] = source[first + at * step] as number;
    }
    for (let k = 0; k < padded; k++) {
      const value = line[k] as number;
      forward[k] = k % size === 0 ? value : pick(forward[k - 1] as number, value);
    }
    for (let k = padded - 1; k >= 0; k--) {
      const value = line[k] as number;
      backward[k] = k === padded - 1 || (k + 1) % size === 0 ? value : pick(backward[k + 1] as number, value);
    }
    for (let k = 0; k < span; k++) {
      // The window [k, k + size - 1] of the padded line is centred on pixel k.
      out[first + k * step] = pick(backward[k] as number, forward[k + size - 1] as number);
    }
  }
  return out;
}
