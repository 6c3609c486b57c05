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
  const minLong = Math.max(15, Math.round(width * 0.04));
  const maxTextHeight = height * 0.12;
  const maxTextWidth = width * 0.4;
  forEachComponent(
    width,
    height,
    (index) => (pixels[index] ?? 255) <= threshold,
    (c) => {
      const w = c.x1 - c.x0 + 1;
      const h = c.y1 - c.y0 + 1;
      const long = Math.max(w, h);
      const ratio = long / Math.min(w, h);
      const density = c.members.length / (w * h);
      const rule = long >= minLong && (ratio >= 10 || (ratio >= 4 && density < 0.15));
      const blob = h > maxTextHeight || w > maxTextWidth;
      if (rule || blob) for (const member of c.members) out[member] = 255;
    },
  );
  return { pixels: out, width, height };
}

/** An 8-connected run of ink: its bounding box and its pixels (valid during the visit only). */
export interface InkComponent {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  members: Int32Array;
}

/**
 * Visits every 8-connected component of ink, by iterative flood fill (a thin rule at a small
 * angle is a staircase joined at the corners).
 */
export function forEachComponent(
  width: number,
  height: number,
  isInk: (index: number) => boolean,
  visit: (component: InkComponent) => void,
): void {
  const seen = new Uint8Array(width * height);
  const members = new Int32Array(width * height);
  for (let start = 0; start < width * height; start++) {
    if (seen[start] || !isInk(start)) continue;
    // `members` doubles as the queue.
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
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const next = ny * width + nx;
          if (seen[next] || !isInk(next)) continue;
          seen[next] = 1;
          members[top++] = next;
        }
      }
    }
    visit({ x0, y0, x1, y1, members: members.subarray(0, count) });
  }
}
