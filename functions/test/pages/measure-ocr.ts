/**
 * Re-measures the OCR settings on one OCR worker: seconds per scanned page (wall and CPU),
 * amounts read exactly and digit accuracy, for scan resolution x render resolution x Tesseract
 * page segmentation mode; what deskew and contrast normalisation buy; peak RSS.
 *
 *   npx tsx functions/test/pages/measure-ocr.ts [--quick] [--psm 6,4,3] [--combos 200/auto,200/300,300/auto]
 *   npx tsx functions/test/pages/measure-ocr.ts --document 20 [--workers 2]   (one whole scanned PDF)
 *
 * "auto" is the default of readPages: a page that is one picture keeps its own resolution.
 * CPU seconds (all threads of this process) are the cost on one otherwise idle core; wall
 * seconds also count waiting for a busy machine. Pages are generated (statementFixtures.ts):
 * a Turkish balance sheet with right-aligned amounts in a roomy 10 pt style and a dense 8 pt
 * style with a notes column, scanned clean, rough (2 degree skew, specks, blur, JPEG 55) or
 * faded. Ground truth is the digital page's text layer; amounts are matched by position, so a
 * dropped leading digit or a '.'/',' swap counts as an error.
 */
import { parseArgs } from "node:util";
import { createOcrEngine, type PageSegmentation } from "../../src/pipeline/pdf/ocr-engine";
import { openPdf } from "../../src/pipeline/pdf/open-pdf";
import { readPages } from "../../src/pipeline/pdf/read-pages";
import type { CleanupOptions } from "../../src/pipeline/pdf/scan-cleanup";
import { readTextLayer } from "../../src/pipeline/pdf/text-layer";
import type { PageWords, Word } from "../../src/pipeline/types";
import { amountWords, scoreAmounts } from "./ocr-accuracy";
import {
  digitalStatementPdf,
  type ScanOptions,
  scannedPdf,
  type TableStyle,
  tableLines,
} from "./statement-fixtures";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    psm: { type: "string", default: "6,4,3" },
    combos: { type: "string", default: "200/auto,200/300,300/auto" },
    document: { type: "string" },
    workers: { type: "string" },
  },
});
const modes = values.psm.split(",").map(Number) as PageSegmentation[];
const combos = values.combos.split(",").map((combo) => {
  const [scan = "300", render = "auto"] = combo.split("/");
  return { scanDpi: Number(scan), renderDpi: render === "auto" ? undefined : Number(render) };
});
const styles: Array<{ name: string; style: TableStyle }> = [
  { name: "roomy-10pt", style: { fontSize: 10, leading: 2.1 } },
  { name: "dense-8pt+notes", style: { fontSize: 8, leading: 1.6, notes: true } },
];
const conditions: Array<{ name: string; scan: Omit<ScanOptions, "dpi"> }> = [
  { name: "clean", scan: {} },
  { name: "rough", scan: { rotate: 2, noise: 0.004, blur: 0.7, jpegQuality: 55 } },
  ...(values.quick ? [] : [{ name: "faded", scan: { faded: true, blur: 0.5 } }]),
];

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const peak = () => megabytes(Math.max(peakRss, process.resourceUsage().maxRSS * 1024));

async function truthOf(digital: Uint8Array): Promise<Word[]> {
  const pdf = await openPdf(digital, { maxPages: 1 });
  try {
    return amountWords(await readTextLayer(await pdf.getPage(1)));
  } finally {
    await pdf.close();
  }
}

if (values.document) {
  // A whole scanned document through readPages with the real pool: throughput and memory.
  const pageCount = Number(values.document);
  const pool = createOcrEngine({ workers: values.workers ? Number(values.workers) : undefined });
  const digital = await digitalStatementPdf(tableLines(), pageCount);
  const scan = await scannedPdf(digital, { dpi: 300, rotate: 1, noise: 0.002, jpegQuality: 75 });
  // Every page is the same statement: one page's text layer is the truth for each.
  const truth = await truthOf(await digitalStatementPdf(tableLines(), 1));
  const before = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { pages } = await readPages(scan, { maxPages: 50, ocr: pool });
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  await pool.close();
  clearInterval(sampler);
  const exact = pages.reduce((sum, page) => sum + scoreAmounts(truth, page).exact, 0);
  console.log(
    `${pageCount} scanned pages (300 DPI, 1 degree skew, specks, JPEG 75), ${pool.size} OCR workers: ` +
      `${wall.toFixed(1)} s wall (${(wall / pageCount).toFixed(2)} s/page), ` +
      `${((used.user + used.system) / 1e6 / pageCount).toFixed(2)} CPU s/page, ` +
      `amounts exact ${exact}/${truth.length * pageCount}, RSS before ${megabytes(before)}, peak ${peak()}`,
  );
  process.exit(0);
}

const ocr = createOcrEngine({ workers: 1 });

interface Reading {
  page: PageWords;
  cpuSeconds: number;
}

async function read(
  scan: Uint8Array,
  dpi: number | undefined,
  psm: PageSegmentation,
  cleanup?: CleanupOptions,
) {
  const cpu = process.cpuUsage();
  // An explicit read dpi resamples picture-only scans to it (the measured alternative).
  const page = (
    await readPages(scan, { maxPages: 1, ocr, dpi, resampleScans: dpi !== undefined, psm, cleanup })
  ).pages[0];
  const used = process.cpuUsage(cpu);
  if (!page) throw new Error("no page read");
  return { page, cpuSeconds: (used.user + used.system) / 1e6 } satisfies Reading;
}

function stageSeconds(page: PageWords, stage?: string): number {
  const timings = page.timings ?? {};
  const ms = stage ? (timings[stage] ?? 0) : Object.values(timings).reduce((a, b) => a + b, 0);
  return ms / 1000;
}

const rows: string[][] = [
  [
    "style",
    "scan",
    "scan dpi",
    "read dpi",
    "psm",
    "wall s",
    "cpu s",
    "raster",
    "cleanup",
    "ocr",
    "exact",
    "digits",
  ],
];
interface Total {
  pages: number;
  wall: number;
  cpu: number;
  exact: number;
  amounts: number;
  digits: number;
  errors: number;
}
const summary = new Map<string, Total>();

function record(label: string[], reading: Reading, truth: Word[], key?: string): void {
  const { page, cpuSeconds } = reading;
  const score = scoreAmounts(truth, page);
  rows.push([
    ...label,
    stageSeconds(page).toFixed(2),
    cpuSeconds.toFixed(2),
    stageSeconds(page, "rasterise").toFixed(2),
    stageSeconds(page, "cleanup").toFixed(2),
    stageSeconds(page, "ocr").toFixed(2),
    `${score.exact}/${score.amounts}`,
    `${(100 * (1 - score.digitErrors / Math.max(1, score.digits))).toFixed(2)}%`,
  ]);
  if (score.misread.length > 0 && score.misread.length <= 4) {
    console.error(`  ${label.join(" ")}: ${JSON.stringify(score.misread)}`);
  }
  if (!key) return;
  const total = summary.get(key) ?? { pages: 0, wall: 0, cpu: 0, exact: 0, amounts: 0, digits: 0, errors: 0 };
  total.pages += 1;
  total.wall += stageSeconds(page);
  total.cpu += cpuSeconds;
  total.exact += score.exact;
  total.amounts += score.amounts;
  total.digits += score.digits;
  total.errors += score.digitErrors;
  summary.set(key, total);
}

// Warm-up: the first job pays for starting the worker and loading tur+eng.
await read(await scannedPdf(await digitalStatementPdf(), { dpi: 150 }), undefined, 6);

for (const { name, style } of styles) {
  const digital = await digitalStatementPdf(tableLines(), 1, style);
  const truth = await truthOf(digital);
  for (const condition of conditions) {
    for (const { scanDpi, renderDpi } of combos) {
      const scan = await scannedPdf(digital, { dpi: scanDpi, ...condition.scan });
      const readDpi = String(renderDpi ?? "auto");
      for (const psm of modes) {
        record(
          [name, condition.name, String(scanDpi), readDpi, String(psm)],
          await read(scan, renderDpi, psm),
          truth,
          `${scanDpi} -> ${readDpi}, psm ${psm}`,
        );
      }
      if (condition.name === "clean") continue;
      // What the clean-up buys: the same page without deskew / without contrast stretch.
      for (const [what, cleanup] of [
        ["no deskew", { deskew: false }],
        ["no normalise", { normalise: false }],
      ] as const) {
        const reading = await read(scan, renderDpi, 6, cleanup);
        record([name, `${condition.name}, ${what}`, String(scanDpi), readDpi, "6"], reading, truth);
      }
    }
  }
}
clearInterval(sampler);
await ocr.close();

function print(table: string[][]): void {
  const widths =
    table[0]?.map((_, column) => Math.max(...table.map((row) => (row[column] ?? "").length))) ?? [];
  for (const row of table)
    console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  "));
}
print(rows);
console.log("");
print([
  ["scan dpi -> read dpi, psm", "pages", "wall s/page", "cpu s/page", "amounts exact", "digit accuracy"],
  ...[...summary.entries()].map(([key, t]) => [
    key,
    String(t.pages),
    (t.wall / t.pages).toFixed(2),
    (t.cpu / t.pages).toFixed(2),
    `${((100 * t.exact) / t.amounts).toFixed(1)}%`,
    `${(100 * (1 - t.errors / t.digits)).toFixed(2)}%`,
  ]),
]);
console.log(`\npeak RSS ${peak()} (one OCR worker)`);
