import sharp from "sharp";
import type { LlmImage } from "../../platform/llm/port";
import type { ImageLimits } from "./model-profiles";

export interface SizedImage extends LlmImage {
  width: number;
  height: number;
}

/**
 * Scales a rendered page to what the model actually looks at: within its longest side, its
 * short-side target and its pixel budget, never enlarged. Greyscale PNG keeps thin digits
 * sharp; a page that still exceeds the upload limit falls back to JPEG. Compression level 6:
 * level 9 takes ten times as long on a noisy scan for a file a quarter smaller.
 */
export async function sizePageImage(png: Uint8Array, limits: ImageLimits): Promise<SizedImage> {
  const meta = await sharp(png).metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width === 0 || height === 0) throw new Error("page image has no pixels");
  const scale = scaleFor(width, height, limits);
  const target = {
    width: Math.max(1, Math.floor(width * scale)),
    height: Math.max(1, Math.floor(height * scale)),
  };
  const pipeline = () =>
    sharp(png).resize(target.width, target.height, { fit: "fill", kernel: "lanczos3" }).greyscale();
  let data = await pipeline().png({ compressionLevel: 6, palette: false }).toBuffer();
  let mimeType: LlmImage["mimeType"] = "image/png";
  if (data.length > limits.maxBytes) {
    data = await pipeline().jpeg({ quality: 85 }).toBuffer();
    mimeType = "image/jpeg";
  }
  return { data: new Uint8Array(data), mimeType, detail: "high", ...target };
}

export function scaleFor(width: number, height: number, limits: ImageLimits): number {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  let scale = Math.min(1, limits.maxLongSide / long);
  if (limits.maxShortSide) scale = Math.min(scale, limits.maxShortSide / short);
  if (limits.maxPixels) scale = Math.min(scale, Math.sqrt(limits.maxPixels / (width * height)));
  return scale;
}
