import type { GreyImage } from "./rasterise";

/** A grey band must cover this share of the page to count as row shading. */
const MIN_SHADING_SHARE = 0.02;
/** How far below the shading level ink must be to stay ink. */
const INK_MARGIN = 30;

/**
 * Statements often shade every other row. Tesseract binarises the page with one global
 * threshold, which then falls between the shading and the paper: the shaded rows turn black and
 * their words become noise. When the histogram has a clear grey plateau between ink and paper,
 * everything lighter than a margin below it becomes paper, so only the ink is left.
 * Measured on the real Clorox scan (alternate rows shaded at grey ≈ 185): every shaded row was
 * garbage before, read correctly after. Pages without such a plateau are returned unchanged.
 */
export function flattenRowShading(image: GreyImage): GreyImage {
  const histogram = new Uint32Array(256);
  for (const value of image.pixels) histogram[value] = (histogram[value] ?? 0) + 1;
  const total = image.pixels.length;
  let paper = 255;
  for (let v = 255; v >= 200; v--) if ((histogram[v] ?? 0) > (histogram[paper] ?? 0)) paper = v;
  let shading = -1;
  let shadingMass = 0;
  for (let level = 120; level <= paper - 35; level++) {
    let mass = 0;
    for (let v = level - 8; v <= level + 8; v++) mass += histogram[v] ?? 0;
    if (mass > shadingMass) {
      shadingMass = mass;
      shading = level;
    }
  }
  if (shading < 0 || shadingMass < MIN_SHADING_SHARE * total) return image;
  // A plateau, not the anti-aliased edge of the ink: the band must outweigh the grey just darker.
  let darker = 0;
  for (let v = shading - 40; v <= shading - 24; v++) darker += histogram[v] ?? 0;
  if (shadingMass < 3 * darker) return image;
  const cut = shading - INK_MARGIN;
  const pixels = Buffer.from(image.pixels);
  for (let i = 0; i < pixels.length; i++) if ((pixels[i] ?? 0) > cut) pixels[i] = 255;
  return { ...image, pixels };
}
