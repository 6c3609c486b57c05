import type { GreyImage } from "./rasterise";

/**
 * Contrast normalisation: stretch the grey levels so the darkest 1% become black and the
 * brightest 1% white (faint toner, grey recycled paper, yellowed copies). A nearly blank page
 * has no real ink to anchor the stretch and is left alone rather than turning noise into text.
 */
const LOW_PERCENTILE = 0.01;
const HIGH_PERCENTILE = 0.99;
const MIN_RANGE = 48;

export interface ContrastStretch {
  low: number;
  high: number;
}

export function contrastStretch(sample: GreyImage): ContrastStretch | undefined {
  const histogram = new Uint32Array(256);
  for (const value of sample.pixels) histogram[value] = (histogram[value] ?? 0) + 1;
  const total = sample.pixels.length;
  const low = percentile(histogram, total * LOW_PERCENTILE);
  const high = percentile(histogram, total * HIGH_PERCENTILE);
  if (high - low < MIN_RANGE || (low === 0 && high === 255)) return undefined;
  return { low, high };
}

/** Applies the stretch through a 256-entry table (one pass, in place on a copy). */
export function applyStretch(image: GreyImage, stretch: ContrastStretch): GreyImage {
  const table = new Uint8Array(256);
  const span = stretch.high - stretch.low;
  for (let v = 0; v < 256; v++)
    table[v] = Math.max(0, Math.min(255, Math.round(((v - stretch.low) * 255) / span)));
  const pixels = Buffer.allocUnsafe(image.pixels.length);
  for (let i = 0; i < pixels.length; i++) pixels[i] = table[image.pixels[i] ?? 255] ?? 255;
  return { pixels, width: image.width, height: image.height };
}

function percentile(histogram: Uint32Array, rank: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v] ?? 0;
    if (seen > rank) return v;
  }
  return 255;
}
