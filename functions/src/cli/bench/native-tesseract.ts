import { execFile } from "node:child_process";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { createGunzip } from "node:zlib";
import sharp from "sharp";
import type { AnalysisOutput } from "../../analysis/types";
import type { PageWords } from "../../pipeline/types";
import type { BenchDocument } from "./bench-corpus";
import { type DocumentScore, percentile, scoreDocument } from "./score";
import { tesseractTsvToPageWords } from "./tesseract-tsv";

const run = promisify(execFile);

export interface NativeTesseractResult {
  group: string;
  documents: number;
  pages: number;
  medianSecondsPerPage: number;
  p95SecondsPerPage: number;
  /** The native words through the pipeline's own parser (no clean-up, no deskew). */
  accuracy: number;
  scores: DocumentScore[];
}

export async function nativeTesseractVersion(): Promise<string | undefined> {
  try {
    const { stdout, stderr } = await run("tesseract", ["--version"]);
    return (stdout || stderr).split("\n")[0]?.trim();
  } catch {
    return undefined;
  }
}

/**
 * The same scanned page images (extracted unchanged with pdfimages) read by the native binary on
 * one thread with page segmentation 6 and the project's language data, timed per page and
 * scored through extractStatements.
 */
export async function runNativeTesseract(
  documents: BenchDocument[],
  log: (line: string) => void,
): Promise<NativeTesseractResult[]> {
  const { extractStatements } = await import("../../pipeline/statement/extract");
  const byGroup = new Map<string, { scores: DocumentScore[]; perPage: number[] }>();
  for (const document of documents) {
    try {
      const { pages, secondsPerPage: perPage } = await readScanWithNativeTesseract(
        document.pdfPath,
        document.truth.language === "tr" ? "tur+eng" : "eng",
      );
      const { statements } = extractStatements(pages);
      const output: AnalysisOutput = {
        document: { file: document.id, pages: pages.length, sha256: "" },
        statements,
        ratios: [],
        comparison: [],
        alerts: [],
        timings: { totalMs: 0, stages: {} },
        flagged: statements.some((s) => s.flagged),
      };
      const seconds = perPage.reduce((a, b) => a + b, 0);
      const score = scoreDocument(document.truth, output, { seconds, pages: pages.length });
      const group = byGroup.get(document.variant) ?? { scores: [], perPage: [] };
      group.scores.push({ ...score, variant: document.variant, style: document.style });
      group.perPage.push(...perPage);
      byGroup.set(document.variant, group);
      log(
        `native tesseract ${document.id}: ${score.correct}/${score.fields} fields, ${seconds.toFixed(1)} s`,
      );
    } catch (error) {
      log(`native tesseract ${document.id}: ${(error as Error).message}`);
    }
  }
  return [...byGroup.entries()].map(([group, { scores, perPage }]) => {
    const fields = scores.reduce((n, s) => n + s.fields, 0);
    return {
      group,
      documents: scores.length,
      pages: perPage.length,
      medianSecondsPerPage: percentile(perPage, 0.5),
      p95SecondsPerPage: percentile(perPage, 0.95),
      accuracy: fields === 0 ? 1 : scores.reduce((n, s) => n + s.correct, 0) / fields,
      scores,
    };
  });
}

/**
 * The project's own language data (the best_int models tesseract.js reads, from the
 * @tesseract.js-data packages) unpacked for the native binary, so both read with one model:
 * the distribution's data is a different (faster, less accurate) model.
 */
async function projectTessdata(languages: string): Promise<string> {
  const dir = join(tmpdir(), "finstat-tessdata-native", "4.0.0_best_int");
  await mkdir(dir, { recursive: true });
  const require = createRequire(import.meta.url);
  for (const language of languages.split("+")) {
    const target = join(dir, `${language}.traineddata`);
    if (existsSync(target)) continue;
    const source = require.resolve(
      `@tesseract.js-data/${language}/4.0.0_best_int/${language}.traineddata.gz`,
    );
    const partial = `${target}.${process.pid}.partial`;
    await pipeline(createReadStream(source), createGunzip(), createWriteStream(partial));
    await rename(partial, target);
  }
  return dir;
}

/**
 * Every page image of an image-only PDF (extracted unchanged with pdfimages) through the native
 * binary on one thread, page segmentation 6; the DPI is the image width over the page width.
 */
export async function readScanWithNativeTesseract(
  pdfPath: string,
  languages: string,
): Promise<{ pages: PageWords[]; secondsPerPage: number[] }> {
  const tessdata = await projectTessdata(languages);
  const dir = await mkdtemp(join(tmpdir(), "finstat-native-"));
  try {
    await run("pdfimages", ["-all", pdfPath, join(dir, "img")]);
    const images = (await readdir(dir)).sort();
    const pageSizes = await pdfPageSizes(pdfPath);
    const pages: PageWords[] = [];
    const secondsPerPage: number[] = [];
    for (const [index, image] of images.entries()) {
      const path = join(dir, image);
      const meta = await sharp(await readFile(path)).metadata();
      const size = pageSizes[index] ?? pageSizes[0] ?? { width: 595.28, height: 841.89 };
      const dpi = Math.round(
        (Math.max(meta.width ?? 0, meta.height ?? 0) * 72) / Math.max(size.width, size.height),
      );
      const started = performance.now();
      const { stdout } = await run(
        "tesseract",
        [
          path,
          "stdout",
          "--tessdata-dir",
          tessdata,
          "--psm",
          "6",
          "--dpi",
          String(dpi),
          "-l",
          languages,
          "-c",
          "preserve_interword_spaces=1",
          // The "tsv" config file lives in the distribution's tessdata, not in ours.
          "-c",
          "tessedit_create_tsv=1",
          "-c",
          "tessedit_create_txt=0",
        ],
        { env: { ...process.env, OMP_THREAD_LIMIT: "1" }, maxBuffer: 64 * 1024 * 1024 },
      );
      secondsPerPage.push((performance.now() - started) / 1000);
      pages.push(tesseractTsvToPageWords(stdout, { page: index + 1, dpi }));
    }
    return { pages, secondsPerPage };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function pdfPageSizes(pdfPath: string): Promise<Array<{ width: number; height: number }>> {
  const { stdout } = await run("pdfinfo", ["-f", "1", "-l", "999", pdfPath]);
  return [...stdout.matchAll(/Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}
