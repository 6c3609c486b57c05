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
  const lightest = downColumns(alongRows(pixels, width, height, radius, true), width, height, radius, true);
  const paper = downColumns(alongRows(lightest, width, height, radius, false), width, height, radius, false);
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

const pick = (largest: boolean, a: number, b: number) => (largest ? (a > b ? a : b) : a < b ? a : b);

/**
 * The largest (or smallest) value within `radius` along each row, in three comparisons a pixel
 * whatever the radius (van Herk / Gil-Werman: running extremes over blocks of the window).
 */
function alongRows(
  source: Uint8Array,
  width: number,
  height: number,
  radius: number,
  largest: boolean,
): Uint8Array {
  const out = new Uint8Array(source.length);
  const size = 2 * radius + 1;
  const padded = width + 2 * radius;
  const line = new Uint8Array(padded);
  const forward = new Uint8Array(padded);
  const backward = new Uint8Array(padded);
  for (let y = 0; y < height; y++) {
    const first = y * width;
    // Beyond the edges the line repeats its end pixels.
    for (let k = 0; k < padded; k++) {
      line[k] = source[first + Math.min(width - 1, Math.max(0, k - radius))] as number;
    }
    for (let k = 0; k < padded; k++) {
      forward[k] =
        k % size === 0 ? (line[k] as number) : pick(largest, forward[k - 1] as number, line[k] as number);
    }
    for (let k = padded - 1; k >= 0; k--) {
      backward[k] =
        k === padded - 1 || (k + 1) % size === 0
          ? (line[k] as number)
          : pick(largest, backward[k + 1] as number, line[k] as number);
    }
    // The window [k, k + size - 1] of the padded line is centred on pixel k.
    for (let k = 0; k < width; k++)
      out[first + k] = pick(largest, backward[k] as number, forward[k + size - 1] as number);
  }
  return out;
}

/** The same down the columns, a whole row at a time: walking a column pixel by pixel is slow. */
function downColumns(
  source: Uint8Array,
  width: number,
  height: number,
  radius: number,
  largest: boolean,
): Uint8Array {
  const size = 2 * radius + 1;
  const padded = height + 2 * radius;
  const rowOf = (k: number) => Math.min(height - 1, Math.max(0, k - radius)) * width;
  const forward = new Uint8Array(padded * width);
  const backward = new Uint8Array(padded * width);
  for (let k = 0; k < padded; k++) {
    const from = rowOf(k);
    const at = k * width;
    for (let x = 0; x < width; x++) {
      const value = source[from + x] as number;
      forward[at + x] = k % size === 0 ? value : pick(largest, forward[at - width + x] as number, value);
    }
  }
  for (let k = padded - 1; k >= 0; k--) {
    const from = rowOf(k);
    const at = k * width;
    const restart = k === padded - 1 || (k + 1) % size === 0;
    for (let x = 0; x < width; x++) {
      const value = source[from + x] as number;
      backward[at + x] = restart ? value : pick(largest, backward[at + width + x] as number, value);
    }
  }
  const out = new Uint8Array(source.length);
  for (let y = 0; y < height; y++) {
    const low = y * width;
    const high = (y + size - 1) * width;
    for (let x = 0; x < width; x++)
      out[low + x] = pick(largest, backward[low + x] as number, forward[high + x] as number);
  }
  return out;
}
