import type { GreyImage } from "./rasterise";

/**
 * Skew and orientation estimation on a small binarised copy of a scan (pure functions over
 * pixels). Text lines are the strongest horizontal structure on a statement page: projecting
 * ink onto the vertical axis at the right angle gives sharp peaks (lines) and empty valleys
 * (leading), so the sum of squared bin counts peaks at the skew angle.
 */

/** Ink pixels whose lower neighbour is paper: roughly the baselines and bottoms of glyphs. */
export interface InkEdges {
  xs: Int32Array;
  ys: Int32Array;
  count: number;
  width: number;
  height: number;
}

export function otsuThreshold(pixels: Uint8Array): number {
  const histogram = new Float64Array(256);
  for (const value of pixels) histogram[value] = (histogram[value] ?? 0) + 1;
  const total = pixels.length;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) sumAll += v * (histogram[v] ?? 0);
  let sumBackground = 0;
  let weightBackground = 0;
  let best = 128;
  let bestVariance = -1;
  for (let t = 0; t < 256; t++) {
    weightBackground += histogram[t] ?? 0;
    if (weightBackground === 0) continue;
    const weightForeground = total - weightBackground;
    if (weightForeground === 0) break;
    sumBackground += t * (histogram[t] ?? 0);
    const meanBackground = sumBackground / weightBackground;
    const meanForeground = (sumAll - sumBackground) / weightForeground;
    const variance = weightBackground * weightForeground * (meanBackground - meanForeground) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = t;
    }
  }
  return best;
}

/**
 * `bottom`: ink pixels with paper below (glyph bottoms, which sit on the baseline in upright
 * Latin text); `top`: ink with paper above (spread over x-height and ascender height). Ruling
 * lines should be removed first (inkComponents.ts): their edges are one long straight run.
 */
export function inkEdges(
  image: GreyImage,
  threshold = otsuThreshold(image.pixels),
  side: "bottom" | "top" = "bottom",
): InkEdges {
  const { pixels, width, height } = image;
  const neighbour = side === "bottom" ? width : -width;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 1; y < height - 1; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const index = row + x;
      if ((pixels[index] ?? 255) <= threshold && (pixels[index + neighbour] ?? 255) > threshold) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  return { xs: Int32Array.from(xs), ys: Int32Array.from(ys), count: xs.length, width, height };
}

/**
 * Peakedness of the row profile after rotating the points by `degrees` (clockwise skew removed):
 * sum of squared bin counts over what a flat profile of the same points would give.
 */
export function profileSharpness(edges: InkEdges, degrees: number): number {
  if (edges.count === 0) return 0;
  const radians = (degrees * Math.PI) / 180;
  const sin = Math.sin(radians);
  const cos = Math.cos(radians);
  const offset = Math.ceil(edges.width * Math.abs(sin)) + 1;
  const bins = new Int32Array(edges.height + 2 * offset + 2);
  let minBin = bins.length;
  let maxBin = 0;
  for (let i = 0; i < edges.count; i++) {
    const x = edges.xs[i] ?? 0;
    const y = edges.ys[i] ?? 0;
    const bin = Math.round(y * cos - x * sin) + offset;
    bins[bin] = (bins[bin] ?? 0) + 1;
    if (bin < minBin) minBin = bin;
    if (bin > maxBin) maxBin = bin;
  }
  let squares = 0;
  for (let b = minBin; b <= maxBin; b++) squares += (bins[b] ?? 0) ** 2;
  const flat = (edges.count * edges.count) / (maxBin - minBin + 1);
  return squares / flat;
}

export interface SkewEstimate {
  /** Clockwise skew of the content in degrees (rotate by minus this to straighten). */
  angle: number;
  sharpness: number;
}

/** Coarse-to-fine search of the angle in [-maxAngle, maxAngle] that sharpens the profile most. */
export function estimateSkew(edges: InkEdges, maxAngle = 5): SkewEstimate {
  let best = { angle: 0, sharpness: profileSharpness(edges, 0) };
  const search = (from: number, to: number, step: number) => {
    for (let angle = from; angle <= to + 1e-9; angle += step) {
      const sharpness = profileSharpness(edges, angle);
      if (sharpness > best.sharpness) best = { angle, sharpness };
    }
  };
  search(-maxAngle, maxAngle, 0.25);
  const centre = best.angle;
  search(centre - 0.25, centre + 0.25, 0.025);
  return { angle: Math.round(best.angle * 1000) / 1000, sharpness: best.sharpness };
}
