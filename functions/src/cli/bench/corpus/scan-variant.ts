import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import PDFDocument from "pdfkit";
import sharp from "sharp";
import { Random, seedFrom } from "./random";
import type { ScanParameters, Truth } from "./truth";

const run = promisify(execFile);

export const VARIANTS = ["digital", "scan300", "scan200noisy", "scan150"] as const;
export type Variant = (typeof VARIANTS)[number];

interface ScanProfile {
  dpi: number;
  /** Absolute skew range in degrees; the sign is random. */
  skew: [number, number];
  noise: [number, number];
  blur: [number, number];
  jpeg: [number, number];
  /** Chance that one page of the document lies at 90 or 180 degrees. */
  turnedPage: number;
}

const PROFILES: Record<Exclude<Variant, "digital">, ScanProfile> = {
  scan300: { dpi: 300, skew: [0, 0.4], noise: [2, 4], blur: [0, 0], jpeg: [80, 85], turnedPage: 0 },
  scan200noisy: {
    dpi: 200,
    skew: [0.5, 3],
    noise: [10, 18],
    blur: [0.5, 0.9],
    jpeg: [60, 75],
    turnedPage: 0.2,
  },
  scan150: { dpi: 150, skew: [0.3, 1.5], noise: [5, 10], blur: [0.3, 0.6], jpeg: [70, 80], turnedPage: 0 },
};

/**
 * Turns a digital PDF into an image-only "scan": each page rendered by poppler's pdftoppm (not
 * by the pipeline under test), skewed, speckled, blurred, JPEG-compressed and wrapped back into
 * a PDF whose pages are just the images.
 */
export async function scanVariant(
  pdf: Uint8Array,
  truth: Truth,
  variant: Exclude<Variant, "digital">,
): Promise<{ pdf: Uint8Array; truth: Truth }> {
  const profile = PROFILES[variant];
  const rng = new Random(seedFrom("scan", truth.id, variant));
  const dir = await mkdtemp(join(tmpdir(), "finstat-scan-"));
  try {
    await writeFile(join(dir, "in.pdf"), pdf);
    // PGM, not PNG: poppler's PNG encoder takes a second per 300-DPI page, PGM is a memory dump.
    await run("pdftoppm", ["-r", String(profile.dpi), "-gray", join(dir, "in.pdf"), join(dir, "page")]);
    const files = (await readdir(dir)).filter((f) => f.startsWith("page") && f.endsWith(".pgm")).sort();
    const noiseSigma = round(rng.uniform(...profile.noise));
    const blurSigma = round(rng.uniform(...profile.blur));
    const jpegQuality = Math.round(rng.uniform(...profile.jpeg));
    const turned = rng.chance(profile.turnedPage) ? rng.int(0, files.length - 1) : -1;
    const skewDegrees: number[] = [];
    const pageRotation: number[] = [];
    const images: Array<{ jpeg: Buffer; width: number; height: number }> = [];
    for (const [index, file] of files.entries()) {
      const skew = round(rng.uniform(...profile.skew) * (rng.chance(0.5) ? 1 : -1));
      const rotation = index === turned ? rng.pick([90, 180]) : 0;
      skewDegrees.push(skew);
      pageRotation.push(rotation);
      const page = parsePgm(await readFile(join(dir, file)));
      images.push(await degradePage(page, { skew, rotation, noiseSigma, blurSigma, jpegQuality }, rng));
    }
    const scan: ScanParameters = {
      dpi: profile.dpi,
      skewDegrees,
      noiseSigma,
      blurSigma,
      jpegQuality,
      pageRotation,
    };
    return {
      pdf: await imagesToPdf(images, profile.dpi),
      truth: {
        ...structuredClone(truth),
        id: truth.id.replace(/-digital$/, "") + `-${variant}`,
        variant,
        scan,
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface Degradation {
  skew: number;
  rotation: number;
  noiseSigma: number;
  blurSigma: number;
  jpegQuality: number;
}

interface GreyImage {
  pixels: Buffer;
  width: number;
  height: number;
}

/** Binary PGM (P5, 8-bit) as written by `pdftoppm -gray`. */
export function parsePgm(file: Buffer): GreyImage {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(file.subarray(0, 64).toString("latin1"));
  if (header?.[3] !== "255") throw new Error("pdftoppm did not write an 8-bit PGM");
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { pixels: file.subarray(header[0].length, header[0].length + width * height), width, height };
}

async function degradePage(
  page: GreyImage,
  d: Degradation,
  rng: Random,
): Promise<{ jpeg: Buffer; width: number; height: number }> {
  const { width, height } = page;
  let image = sharp(page.pixels, { raw: { width, height, channels: 1 } });
  if (d.skew !== 0) {
    const rotated = await image
      .rotate(d.skew, { background: "#ffffff" })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    // Rotation grows the canvas; crop the centre back to the page size, as a scanner bed would.
    const left = Math.max(0, Math.floor((rotated.info.width - width) / 2));
    const top = Math.max(0, Math.floor((rotated.info.height - height) / 2));
    image = sharp(rotated.data, {
      raw: { width: rotated.info.width, height: rotated.info.height, channels: rotated.info.channels },
    }).extract({ left, top, width, height });
  }
  const raw = await image.greyscale().raw().toBuffer({ resolveWithObject: true });
  const pixels = raw.data;
  const channels = raw.info.channels;
  addSensorNoise(pixels, channels, d.noiseSigma, rng);
  let out = sharp(pixels, { raw: { width: raw.info.width, height: raw.info.height, channels } }).greyscale();
  if (d.blurSigma >= 0.3) out = out.blur(d.blurSigma);
  if (d.rotation) out = out.rotate(d.rotation);
  const jpeg = await out.jpeg({ quality: d.jpegQuality }).toBuffer({ resolveWithObject: true });
  return { jpeg: jpeg.data, width: jpeg.info.width, height: jpeg.info.height };
}

async function imagesToPdf(
  images: Array<{ jpeg: Buffer; width: number; height: number }>,
  dpi: number,
): Promise<Uint8Array> {
  const fixed = new Date(Date.UTC(2025, 0, 1));
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    info: {
      CreationDate: fixed,
      ModDate: fixed,
      Producer: "Finstat corpus scanner",
      Creator: "Finstat corpus",
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  for (const image of images) {
    const width = (image.width * 72) / dpi;
    const height = (image.height * 72) / dpi;
    doc.addPage({ size: [width, height], margin: 0 });
    doc.image(image.jpeg, 0, 0, { width, height });
  }
  doc.end();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Gaussian grain plus, on noisy scans, a few dark specks of dust. A per-pixel Box-Muller is
 * too slow for 9 megapixels, so deviates come from a table indexed by an inline xorshift.
 */
function addSensorNoise(pixels: Buffer, channels: number, sigma: number, rng: Random): void {
  const table = new Float32Array(1 << 16);
  for (let i = 0; i < table.length; i++) table[i] = rng.normal() * sigma;
  let state = (rng.next() * 0xffffffff) >>> 0 || 1;
  for (let i = 0; i < pixels.length; i += channels) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const v = (pixels[i] ?? 255) + (table[(state >>> 0) & 0xffff] ?? 0);
    const clamped = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
    for (let c = 0; c < channels; c++) pixels[i + c] = clamped;
  }
  if (sigma <= 8) return;
  const specks = Math.round((pixels.length / channels) * 0.00004);
  for (let n = 0; n < specks; n++) {
    const at = rng.int(0, pixels.length / channels - 1) * channels;
    const dark = rng.int(0, 90);
    for (let c = 0; c < channels; c++) pixels[at + c] = dark;
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
