import type { BBox } from "../types";
import type { ImageLimits } from "./model-profiles";

/**
 * How a statement region is cut for the model. 200 DPI keeps an 8-point digit about 22 px
 * tall, which the model reads reliably; a whole A4 page squeezed to 768 px is about 93 DPI.
 */
export const TARGET_DPI = 200;
/** About three text lines at 9-12 pt: a row cut by one tile's edge is whole in the next. */
export const TILE_OVERLAP_PT = 36;

export interface TileGeometry {
  /** The crop, in the rendered page image's pixels. */
  source: BBox;
  /** Pixel size sent to the model. */
  width: number;
  height: number;
  /** Resolution the model sees the page at after its own scaling (the plan keeps that at 1). */
  effectiveDpi: number;
}

export interface TilePlan {
  tiles: TileGeometry[];
  /** Overlap between neighbouring tiles, in source pixels. */
  overlap: number;
  /** Output pixels per source pixel (at most 1: a page is never enlarged). */
  scale: number;
}

/**
 * Cuts a region of a rendered page (pixels at `imageDpi`) into tiles the model looks at
 * without shrinking them: each tile at `targetDpi` (never enlarged), within the model's
 * longest side, short side and pixel budget, neighbours overlapping by `overlapPt`. Rows
 * first (statements are tall), columns only when a region is wider than a tile may be.
 */
export function planTiles(
  region: BBox,
  imageDpi: number,
  limits: ImageLimits,
  options: { targetDpi?: number; overlapPt?: number } = {},
): TilePlan {
  const scale = Math.min(1, (options.targetDpi ?? TARGET_DPI) / imageDpi);
  const outDpi = imageDpi * scale;
  const widthOut = Math.max(1, Math.round((region.x1 - region.x0) * scale));
  const heightOut = Math.max(1, Math.round((region.y1 - region.y0) * scale));
  const overlapOut = Math.round(((options.overlapPt ?? TILE_OVERLAP_PT) * outDpi) / 72);

  const maxWidth = limits.maxLongSide;
  const columns = splits(widthOut, maxWidth, overlapOut);
  const tileWidth = spanOf(widthOut, columns, overlapOut, maxWidth);
  const maxHeight = maxTileHeight(tileWidth, limits);
  const rows = splits(heightOut, maxHeight, overlapOut);
  const tileHeight = spanOf(heightOut, rows, overlapOut, maxHeight);

  const tiles: TileGeometry[] = [];
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const x = startOf(column, columns, widthOut, tileWidth);
      const y = startOf(row, rows, heightOut, tileHeight);
      const source: BBox = {
        x0: Math.round(region.x0 + x / scale),
        y0: Math.round(region.y0 + y / scale),
        x1: Math.min(Math.round(region.x0 + (x + tileWidth) / scale), region.x1),
        y1: Math.min(Math.round(region.y0 + (y + tileHeight) / scale), region.y1),
      };
      const width = Math.min(tileWidth, widthOut);
      const height = Math.min(tileHeight, heightOut);
      tiles.push({ source, width, height, effectiveDpi: outDpi * modelScale(width, height, limits) });
    }
  }
  return { tiles, overlap: Math.round(overlapOut / scale), scale };
}

/** The model's own downscaling of an image (1 = looked at as sent). */
export function modelScale(width: number, height: number, limits: ImageLimits): number {
  let scale = Math.min(1, limits.maxLongSide / Math.max(width, height));
  if (limits.maxShortSide) scale = Math.min(scale, limits.maxShortSide / Math.min(width, height));
  if (limits.maxPixels) scale = Math.min(scale, Math.sqrt(limits.maxPixels / (width * height)));
  return scale;
}

/** The tallest tile of this width the model takes without shrinking it. */
function maxTileHeight(width: number, limits: ImageLimits): number {
  let height = limits.maxLongSide;
  // Tile-based high detail scales the short side to 768: a tile wider than that must be shorter.
  if (limits.maxShortSide && width > limits.maxShortSide) height = Math.min(height, limits.maxShortSide);
  if (limits.maxPixels) height = Math.min(height, Math.floor(limits.maxPixels / width));
  return Math.max(1, height);
}

/** How many overlapping pieces of at most `max` cover `length`. */
function splits(length: number, max: number, overlap: number): number {
  if (length <= max) return 1;
  // A tile shorter than twice the overlap would advance by less than a line: keep a floor.
  const step = Math.max(max - overlap, Math.ceil(max / 2));
  return Math.ceil((length - max) / step) + 1;
}

/** Equal pieces: the overlap stays at least `overlap` and no piece is a sliver. */
function spanOf(length: number, count: number, overlap: number, max: number): number {
  return count === 1 ? length : Math.min(max, Math.ceil((length + (count - 1) * overlap) / count));
}

function startOf(index: number, count: number, length: number, span: number): number {
  if (count === 1) return 0;
  return Math.round((index * (length - span)) / (count - 1));
}
