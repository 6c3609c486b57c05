import sharp, { type Sharp } from "sharp";
import { applyStretch, contrastStretch } from "./contrast";
import { whitenNonText } from "./ink-components";
import type { GreyImage } from "./rasterise";
import { estimateSkew, inkEdges, otsuThreshold, profileSharpness } from "./skew-estimate";

export interface CleanupOptions {
  /** Stretch contrast so faint or grey-paper scans become black on white. Default true. */
  normalise?: boolean;
  /** Estimate and undo skew up to ±maxSkew degrees. Default true. */
  deskew?: boolean;
  maxSkew?: number;
  /** Detect pages scanned sideways or upside down. Default true. */
  orientation?: boolean;
  /** Turn the page this many quarter turns clockwise instead of detecting it. */
  quarterTurns?: 0 | 1 | 2 | 3;
}

export interface CleanedScan {
  image: GreyImage;
  /**
   * Clockwise degrees the rendered page was rotated by about its centre to straighten it:
   * quarter turns for sideways/upside-down scans plus the fine skew correction.
   */
  rotation: number;
  /** The fine part of `rotation` (degrees), i.e. minus the measured skew. */
  skewCorrection: number;
  quarterTurns: 0 | 1 | 2 | 3;
  /** How sure the upside-down test was (0 = coin toss); low values deserve an OCR check. */
  orientationMargin: number;
  timings: { normalise: number; analyse: number; rotate: number };
}

/** Analysis runs on a copy this size: enough for 0.05° resolution, cheap to project. */
const ANALYSIS_SIDE = 1400;
/** Below this the interpolation blur of rotating costs more than the skew. */
const MIN_SKEW_TO_CORRECT = 0.1;
/** Sideways when the turned copy's line profile is this much sharper. */
const SIDEWAYS_FACTOR = 1.15;
const MIN_INK_EDGES = 300;

/**
 * Greyscale clean-up of a rendered scan before OCR: contrast normalisation, orientation
 * (90/180/270) and deskew, applied as one rotation so the page is interpolated once.
 */
export async function cleanScan(rendered: GreyImage, options: CleanupOptions = {}): Promise<CleanedScan> {
  let started = performance.now();
  // Statistics come from a small copy: a 1400-px page has the same grey histogram and lines.
  const small = await greyRaw(
    sharp(rendered.pixels, { raw: { width: rendered.width, height: rendered.height, channels: 1 } }).resize({
      width: ANALYSIS_SIDE,
      height: ANALYSIS_SIDE,
      fit: "inside",
      withoutEnlargement: true,
    }),
  );
  const stretch = options.normalise === false ? undefined : contrastStretch(small);
  const normalised = stretch ? applyStretch(rendered, stretch) : rendered;
  const normaliseMs = performance.now() - started;

  started = performance.now();
  const analysis = await analyseOrientation(stretch ? applyStretch(small, stretch) : small, options);
  const analyseMs = performance.now() - started;

  started = performance.now();
  const rotation = analysis.quarterTurns * 90 + analysis.skewCorrection;
  const image =
    rotation === 0 ? normalised : await rotateKeepingFrame(normalised, analysis.quarterTurns, rotation);
  return {
    image,
    rotation,
    skewCorrection: analysis.skewCorrection,
    quarterTurns: analysis.quarterTurns,
    orientationMargin: analysis.orientationMargin,
    timings: { normalise: normaliseMs, analyse: analyseMs, rotate: performance.now() - started },
  };
}

interface OrientationAnalysis {
  quarterTurns: 0 | 1 | 2 | 3;
  skewCorrection: number;
  orientationMargin: number;
}

async function analyseOrientation(
  analysed: GreyImage,
  options: CleanupOptions,
): Promise<OrientationAnalysis> {
  const maxSkew = options.deskew === false ? 0 : (options.maxSkew ?? 5);
  const threshold = otsuThreshold(analysed.pixels);
  const small = whitenNonText(analysed, threshold);
  const upright = inkEdges(small, threshold);
  if (upright.count < MIN_INK_EDGES) return { quarterTurns: 0, skewCorrection: 0, orientationMargin: 0 };

  let quarterTurns: 0 | 1 | 2 | 3 = 0;
  let view = small;
  let skew = estimateSkew(upright, maxSkew);
  if (options.quarterTurns !== undefined) {
    // Told, not detected: the skew is measured with the text lines turned level.
    if (options.quarterTurns % 2 === 1) {
      const turned = await greyRaw(
        sharp(small.pixels, { raw: { width: small.width, height: small.height, channels: 1 } }).rotate(90),
      );
      skew = estimateSkew(inkEdges(turned, threshold), maxSkew);
    }
    const correction = Math.abs(skew.angle) >= MIN_SKEW_TO_CORRECT ? -skew.angle : 0;
    return { quarterTurns: options.quarterTurns, skewCorrection: correction, orientationMargin: 1 };
  }
  if (options.orientation !== false) {
    const turned = await greyRaw(
      sharp(small.pixels, { raw: { width: small.width, height: small.height, channels: 1 } }).rotate(90),
    );
    const turnedSkew = estimateSkew(inkEdges(turned, threshold), maxSkew);
    if (turnedSkew.sharpness > skew.sharpness * SIDEWAYS_FACTOR) {
      quarterTurns = 1;
      view = turned;
      skew = turnedSkew;
    }
  }

  let orientationMargin = 0;
  if (options.orientation !== false) {
    // Upright Latin glyphs share a baseline but not a top line (x-height vs ascenders), so
    // glyph bottoms project more sharply than glyph tops; upside down it is the reverse.
    const bottoms = profileSharpness(inkEdges(view, threshold, "bottom"), skew.angle);
    const tops = profileSharpness(inkEdges(view, threshold, "top"), skew.angle);
    const ratio = bottoms / Math.max(tops, 1e-9);
    orientationMargin = Math.abs(Math.log(ratio));
    // A half turn commutes with the skew rotation, so the skew correction stays as measured.
    if (ratio < 1) quarterTurns = ((quarterTurns + 2) % 4) as 0 | 1 | 2 | 3;
  }
  const correction = Math.abs(skew.angle) >= MIN_SKEW_TO_CORRECT ? -skew.angle : 0;
  return { quarterTurns, skewCorrection: correction, orientationMargin };
}

/**
 * Rotates clockwise by `degrees` about the centre and crops the enlarged canvas back to the
 * page (turned by the quarter turns), so straightened coordinates stay on the page's scale.
 */
async function rotateKeepingFrame(
  image: GreyImage,
  quarterTurns: number,
  degrees: number,
): Promise<GreyImage> {
  const raw = { raw: { width: image.width, height: image.height, channels: 1 as const } };
  const rotated = await greyRaw(sharp(image.pixels, raw).rotate(degrees, { background: "#ffffff" }));
  const sideways = quarterTurns % 2 === 1;
  const width = sideways ? image.height : image.width;
  const height = sideways ? image.width : image.height;
  if (rotated.width === width && rotated.height === height) return rotated;
  const left = Math.max(0, Math.round((rotated.width - width) / 2));
  const top = Math.max(0, Math.round((rotated.height - height) / 2));
  return greyRaw(
    sharp(rotated.pixels, { raw: { width: rotated.width, height: rotated.height, channels: 1 } }).extract({
      left,
      top,
      width: Math.min(width, rotated.width - left),
      height: Math.min(height, rotated.height - top),
    }),
  );
}

/** sharp turns one-channel input into RGB on rotate/extract; keep exactly one grey channel. */
export async function greyRaw(pipeline: Sharp): Promise<GreyImage> {
  const { data, info } = await pipeline.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return { pixels: data, width: info.width, height: info.height };
}
