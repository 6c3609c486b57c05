import sharp from "sharp";
import type { GreyImage } from "../pdf/rasterise";
import type { BBox, PageWords } from "../types";

/** The kept page image as grey pixels (the scan's PNG holds one grey channel, or three). */
export async function pageImage(page: PageWords): Promise<GreyImage | undefined> {
  if (!page.image) return undefined;
  const { data, info } = await sharp(page.image.png)
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { pixels: data, width: info.width, height: info.height };
}

/**
 * An amount cell cut out of the page with a little paper around it: a quarter of the line
 * height above and below, half of it left and right, so a recognition network sees the
 * whole glyphs but not the neighbouring column.
 */
export function cellImage(image: GreyImage, page: PageWords, box: BBox): GreyImage | undefined {
  const scale = image.width / page.width;
  const height = (box.y1 - box.y0) * scale;
  const left = Math.max(0, Math.floor(box.x0 * scale - 0.5 * height));
  const top = Math.max(0, Math.floor(box.y0 * scale - 0.25 * height));
  const right = Math.min(image.width, Math.ceil(box.x1 * scale + 0.5 * height));
  const bottom = Math.min(image.height, Math.ceil(box.y1 * scale + 0.25 * height));
  const width = right - left;
  const rows = bottom - top;
  if (width < 4 || rows < 4) return undefined;
  const pixels = Buffer.alloc(width * rows);
  for (let y = 0; y < rows; y++) {
    const from = (top + y) * image.width + left;
    image.pixels.copy(pixels, y * width, from, from + width);
  }
  return { pixels, width, height: rows };
}
