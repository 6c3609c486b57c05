/**
 * Re-measures the OCR settings on one OCR worker (one core): seconds per scanned page, amounts
 * read exactly and digit accuracy, for scan resolution x render resolution x Tesseract page
 * segmentation mode, plus what deskew and contrast normalisation buy, and peak RSS.
 *
 *   npx tsx functions/test/pages/measure-ocr.ts [--quick] [--psm 6,4,3] [--combos 200/auto,200/300,300/auto]
 *   npx tsx functions/test/pages/measure-ocr.ts --document 20 [--workers 2]   (a whole scanned PDF)
 *
 * Pages are generated (statementFixtures.ts): a Turkish balance sheet with right-aligned
 * amounts in a roomy 10 pt style and a dense 8 pt style with a notes column, scanned clean or
 * rough (skewed 2 degrees, specks, blur, JPEG 55). Ground truth is the digital page's text
 * layer; amounts are matched by position, so a dropped leading digit counts as an error.
 */
import { parseArgs } from "node:util";
import { createOcrEngine, type PageSegmentation } from "../../src/pipeline/pdf/ocrEngine";
import { openPdf } from "../../src/pipeline/pdf/openPdf";
import { readPages } from "../../src/pipeline/pdf/readPages";
import type { CleanupOptions } from "../../src/pipeline/pdf/scanCleanup";
import { readTextLayer } from "../../src/pipeline/pdf/textLayer";
import type { PageWords, Word } from "../../src/pipeline/types";
import { amountWords, scoreAmounts } from "./ocrAccuracy";
import {
  digitalStatementPdf,
  type ScanOptions,
  scannedPdf,
  type TableStyle,
  tableLines,
} from "./statementFixtures";

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
/** "scan/render": render "auto" lets a picture-only page keep its own resolution. */
const combos = values.combos.split(",").map((combo) => {
  const [scan = "300", render = "auto"] = combo.split("/");
  return [Number(scan), render === "auto" ? undefined : Number(render)] as const;
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

if (values.document) {
  // A whole scanned document through readPages with the real pool: throughput and memory.
  const pageCount = Number(values.document);
  const workers = values.workers ? Number(values.workers) : undefined;
  const pool = createOcrEngine({ workers });
  const digital = await digitalStatementPdf(tableLines(), pageCount);
  const scan = await scannedPdf(digital, { dpi: 300, rotate: 1, noise: 0.002, jpegQuality: 75 });
  const truth = await truthOf(digital);
  const baseline = process.memoryUsage().rss;
  const started = performance.now();
  const { pages } = await readPages(scan, { maxPages: 50, ocr: pool });
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  clearInterval(sampler);
  const exact = pages.reduce((sum, page) => sum + scoreAmounts(truth, page).exact, 0);
  console.log(
    `${pageCount} scanned pages (300 DPI, 1 degree skew, specks, JPEG 75), ${pool.size} OCR workers: ` +
      `${elapsed.toFixed(1)} s total, ${(elapsed / pageCount).toFixed(2)} s/page, ` +
      `amounts exact ${exact}/${truth.length * pageCount}, RSS before ${megabytes(baseline)}, ` +
      `peak ${megabytes(Math.max(peakRss, process.resourceUsage().maxRSS * 1024))}`,
  );
  process.exit(0);
}

const ocr = createOcrEngine({ workers: 1 });

async function truthOf(digital: Uint8Array): Promise<Word[]> {
  const pdf = await openPdf(digital, { maxPages: 1 });
  try {
    return amountWords(await readTextLayer(await pdf.getPage(1)));
  } finally {
    await pdf.close();
  }
}

async function read(
  scan: Uint8Array,
  dpi: number,
  psm: PageSegmentation,
  cleanup?: CleanupOptions,
): Promise<PageWords> {
  const page = (await readPages(scan, { maxPages: 1, ocr, dpi, psm, cleanup })).pages[0];
  if (!page) throw new Error("no page read");
  return page;
}

/** Wall time of a page: the sum of its stages (text-layer check, rasterise, clean-up, OCR). */
function seconds(page: PageWords, stage?: string): string {
  const ms = stage
    ? (page.timings?.[stage] ?? 0)
    : Object.values(page.timings ?? {}).reduce((a, b) => a + b, 0);
  return (ms / 1000).toFixed(2);
}

const header = [
  "style",
  "scan",
  "scan dpi",
  "render dpi",
  "psm",
  "s/page",
  "rasterise",
  "cleanup",
  "ocr",
  "exact",
  "digits",
];
const rows: string[][] = [header];
const summary = new Map<
  string,
  { pages: number; seconds: number; exact: number; amounts: number; digits: number; errors: number }
>();

function record(label: string[], page: PageWords, truth: Word[], key?: string): void {
  const score = scoreAmounts(truth, page);
  rows.push([
    ...label,
    seconds(page),
    seconds(page, "rasterise"),
    seconds(page, "cleanup"),
    seconds(page, "ocr"),
    `${score.exact}/${score.amounts}`,
    `${(100 * (1 - score.digitErrors / Math.max(1, score.digits))).toFixed(2)}%`,
  ]);
  if (score.misread.length > 0 && score.misread.length <= 4)
    console.error(`  ${label.join(" ")}: ${JSON.stringify(score.misread)}`);
  if (!key) return;
  const total = summary.get(key) ?? { pages: 0, seconds: 0, exact: 0, amounts: 0, digits: 0, errors: 0 };
  total.pages += 1;
  total.seconds += Number(seconds(page));
  total.exact += score.exact;
  total.amounts += score.amounts;
  total.digits += score.digits;
  total.errors += score.digitErrors;
  summary.set(key, total);
}

// Warm-up: the first job pays for starting the worker and loading tur+eng.
await read(await scannedPdf(await digitalStatementPdf(), { dpi: 150 }), 150, 6);

for (const { name, style } of styles) {
  const digital = await digitalStatementPdf(tableLines(), 1, style);
  const truth = await truthOf(digital);
  for (const condition of conditions) {
    for (const [scanDpi, renderDpi] of combos) {
      const scan = await scannedPdf(digital, { dpi: scanDpi, ...condition.scan });
      for (const psm of modes) {
        const page = await read(scan, renderDpi, psm);
        record(
          [name, condition.name, String(scanDpi), String(renderDpi ?? "auto"), String(psm)],
          page,
          truth,
          `${scanDpi}->${renderDpi ?? "auto"} psm ${psm}`,
        );
      }
      if (condition.name !== "clean") {
        // What the clean-up buys: the same page without deskew / without contrast stretch.
        for (const [what, cleanup] of [
          ["no deskew", { deskew: false }],
          ["no normalise", { normalise: false }],
        ] as const) {
          const page = await read(scan, renderDpi, 6, cleanup);
          record(
            [name, `${condition.name}, ${what}`, String(scanDpi), String(renderDpi ?? "auto"), "6"],
            page,
            truth,
          );
        }
      }
    }
  }
}
clearInterval(sampler);
await ocr.close();

const print = (table: string[][]) => {
  const widths =
    table[0]?.map((_, column) => Math.max(...table.map((row) => (row[column] ?? "").length))) ?? [];
  for (const row of table)
    console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  "));
};
print(rows);
console.log("");
print([
  ["scan->render dpi, psm", "pages", "mean s/page", "amounts exact", "digit accuracy"],
  ...[...summary.entries()].map(([key, t]) => [
    key,
    String(t.pages),
    (t.seconds / t.pages).toFixed(2),
    `${((100 * t.exact) / t.amounts).toFixed(1)}%`,
    `${(100 * (1 - t.errors / t.digits)).toFixed(2)}%`,
  ]),
]);
console.log(
  `\npeak RSS ${(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024).toFixed(0)} MB (one OCR worker)`,
);
