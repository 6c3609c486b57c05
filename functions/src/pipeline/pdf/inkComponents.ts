import type { GreyImage } from "./rasterise";

/**
 * Whitens the ink that is not text before orientation and skew are measured: ruling lines
 * (long and thin, or long with a nearly empty bounding box when tilted), table grids and
 * frames, photos, logos and dark scan borders (large components). Their straight edges would
 * otherwise outvote the text lines: turned a quarter, a table's column rules look like very
 * sharp text lines.
 */
export function whitenNonText(image: GreyImage, threshold: number): GreyImage {
  const { pixels, width, height } = image;
  const out = Buffer.from(pixels);
  const seen = new Uint8Array(width * height);
  const members = new Int32Array(width * height);
  const minLong = Math.max(15, Math.round(width * 0.04));
  const maxTextHeight = height * 0.12;
  const maxTextWidth = width * 0.4;
  const isInk = (index: number) => (pixels[index] ?? 255) <= threshold;

  for (let start = 0; start < pixels.length; start++) {
    if (seen[start] || !isInk(start)) continue;
    // Iterative flood fill; `members` doubles as the stack.
    let count = 0;
    let top = 0;
    members[top++] = start;
    seen[start] = 1;
    let x0 = width;
    let y0 = height;
    let x1 = 0;
    let y1 = 0;
    while (top > count) {
      const index = members[count++] as number;
      const x = index % width;
      const y = (index - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      // 8-connected: a thin rule at a small angle is a staircase joined at the corners.
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || nx >= width || ny < 0 || ny >= height) continue;
          const next = ny * width + nx;
          if (seen[next] || !isInk(next)) continue;
          seen[next] = 1;
          members[top++] = next;
        }
      }
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    const long = Math.max(w, h);
    const ratio = long / Math.min(w, h);
    const density = count / (w * h);
    const rule = long >= minLong && (ratio >= 10 || (ratio >= 4 && density < 0.15));
    const blob = h > maxTextHeight || w > maxTextWidth;
    if (rule || blob) for (let i = 0; i < count; i++) out[members[i] as number] = 255;
  }
  return { pixels: out, width, height };
}
