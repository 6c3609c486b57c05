import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { VARIANTS, type Variant } from "./corpus/scan-variant";
import { STYLES, type StyleId } from "./corpus/statement-spec";

export interface BenchOptions {
  seed: number;
  /** Generated documents per style, each in every variant. */
  count: number;
  variants: Variant[];
  styles: StyleId[];
  realdata: boolean;
  /** Real statements only: no generated corpus. */
  realOnly: boolean;
  /** Real documents whose id contains one of these (with their derived scans); all when empty. */
  only: string[];
  /** Exit non-zero when a target is missed. */
  check: boolean;
  outDir: string;
  corpusDir: string;
  /** Score the truth itself instead of running the pipeline: checks the bench, not the engine. */
  truthAsOutput: boolean;
  /** Scanned documents per style and variant also read by the native tesseract binary (0: off). */
  native: number;
  /** Files of the compiled CLI's batch-against-single-runs comparison (0: off). */
  cli: number;
  ocrWorkers: number;
  dpi?: number;
  /** Recorded vision answers to replay (no live model is called), and in which mode. */
  visionReplay?: string;
  /** Call the configured model (OPENAI_API_KEY / OPENAI_BASE_URL) and keep its answers here. */
  visionRecord?: string;
  visionMode: "fallback" | "always";
  /**
   * `compare` (the default): every scanned document is read twice back to back, by Tesseract
   * alone and with the local second reader, so both share the machine's load of the moment.
   */
  secondReader: "off" | "local" | "compare";
}

export const USAGE = `npm run bench -- [--count N] [--seed S] [--variants digital,scan300,scan200noisy,scan150]
  [--styles thp,tfrs,ifrs,us] [--quick] [--realdata] [--real-only] [--only ID,…] [--check] [--native N] [--cli N] [--ocr-workers N] [--dpi N]
  [--out DIR] [--corpus DIR] [--truth-as-output] [--vision-replay DIR | --vision-record DIR] [--vision-mode always|fallback]
  [--second-reader compare|local|off]`;

export function parseBenchOptions(argv: string[], repoRoot: string): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      count: { type: "string" },
      seed: { type: "string", default: "1" },
      variants: { type: "string", default: "digital,scan300,scan200noisy" },
      styles: { type: "string", default: STYLES.join(",") },
      quick: { type: "boolean", default: false },
      realdata: { type: "boolean", default: false },
      "real-only": { type: "boolean", default: false },
      only: { type: "string", default: "" },
      check: { type: "boolean", default: false },
      native: { type: "string" },
      cli: { type: "string", default: "50" },
      "ocr-workers": { type: "string" },
      dpi: { type: "string" },
      out: { type: "string", default: `${repoRoot}/bench-out` },
      corpus: { type: "string", default: `${repoRoot}/.data/bench-corpus` },
      "truth-as-output": { type: "boolean", default: false },
      "vision-replay": { type: "string" },
      "vision-record": { type: "string" },
      "vision-mode": { type: "string", default: "always" },
      "second-reader": { type: "string", default: "compare" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) throw new UsageError(USAGE);
  if (values["vision-replay"] && values["vision-record"])
    throw new UsageError("--vision-replay and --vision-record exclude each other");
  const count = positiveInteger(values.count ?? (values.quick ? "2" : "4"), "--count");
  return {
    seed: integer(values.seed, "--seed"),
    count,
    variants: listOf(values.variants, VARIANTS, "variant") as Variant[],
    styles: listOf(values.styles, STYLES, "style") as StyleId[],
    realdata: values.realdata || values["real-only"],
    realOnly: values["real-only"],
    only: values.only.split(",").filter(Boolean),
    check: values.check,
    outDir: values.out,
    corpusDir: values.corpus,
    truthAsOutput: values["truth-as-output"],
    native: values.native === undefined ? 1 : integer(values.native, "--native"),
    cli: integer(values.cli, "--cli"),
    ocrWorkers: values["ocr-workers"]
      ? positiveInteger(values["ocr-workers"], "--ocr-workers")
      : availableParallelism(),
    dpi: values.dpi ? positiveInteger(values.dpi, "--dpi") : undefined,
    visionReplay: values["vision-replay"],
    visionRecord: values["vision-record"],
    visionMode: visionMode(values["vision-mode"]),
    secondReader: secondReader(values["second-reader"]),
  };
}

function visionMode(text: string): "fallback" | "always" {
  if (text !== "fallback" && text !== "always")
    throw new UsageError(`--vision-mode is always or fallback, not ${text}`);
  return text;
}

function secondReader(text: string): BenchOptions["secondReader"] {
  if (text !== "off" && text !== "local" && text !== "compare")
    throw new UsageError(`--second-reader is compare, local or off, not ${text}`);
  return text;
}

export class UsageError extends Error {}

function integer(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n)) throw new UsageError(`${flag} must be an integer, not "${text}"\n${USAGE}`);
  return n;
}

function positiveInteger(text: string, flag: string): number {
  const n = integer(text, flag);
  if (n < 1) throw new UsageError(`${flag} must be at least 1\n${USAGE}`);
  return n;
}

function listOf(text: string, allowed: readonly string[], what: string): string[] {
  const items = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = items.filter((i) => !allowed.includes(i));
  if (unknown.length > 0)
    throw new UsageError(`unknown ${what}: ${unknown.join(", ")} (known: ${allowed.join(", ")})`);
  return items;
}
