import sharp from "sharp";
import type { LlmImage } from "../../platform/llm/port";
import type { BBox } from "../types";
import type { ImageLimits } from "./model-profiles";
import type { SizedImage } from "./page-image";
import { planTiles, type TileGeometry } from "./tile-plan";

export interface PageTile extends SizedImage {
  index: number;
  geometry: TileGeometry;
}

/**
 * The tiles of a statement region, cut from the rendered page: `region` is in page points,
 * the image covers the whole page (`pageWidth` points wide). Greyscale PNG as for a whole
 * page, JPEG only for a tile over the upload limit.
 */
export async function cutPageTiles(
  png: Uint8Array,
  region: BBox,
  pageWidth: number,
  limits: ImageLimits,
): Promise<PageTile[]> {
  const meta = await sharp(png).metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width === 0 || height === 0 || pageWidth <= 0) throw new Error("page image has no pixels");
  const pxPerPt = width / pageWidth;
  const inPixels: BBox = {
    x0: clamp(Math.floor(region.x0 * pxPerPt), 0, width - 1),
    y0: clamp(Math.floor(region.y0 * pxPerPt), 0, height - 1),
    x1: clamp(Math.ceil(region.x1 * pxPerPt), 1, width),
    y1: clamp(Math.ceil(region.y1 * pxPerPt), 1, height),
  };
  const plan = planTiles(inPixels, pxPerPt * 72, limits);
  return Promise.all(
    plan.tiles.map(async (geometry, index) => {
      const s = geometry.source;
      const pipeline = () =>
        sharp(png)
          .extract({ left: s.x0, top: s.y0, width: s.x1 - s.x0, height: s.y1 - s.y0 })
          .resize(geometry.width, geometry.height, { fit: "fill", kernel: "lanczos3" })
          .greyscale();
      let data = await pipeline().png({ compressionLevel: 6, palette: false }).toBuffer();
      let mimeType: LlmImage["mimeType"] = "image/png";
      if (data.length > limits.maxBytes) {
        data = await pipeline().jpeg({ quality: 85 }).toBuffer();
        mimeType = "image/jpeg";
      }
      return {
        index,
        geometry,
        data: new Uint8Array(data),
        mimeType,
        detail: "high" as const,
        width: geometry.width,
        height: geometry.height,
      };
    }),
  );
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
