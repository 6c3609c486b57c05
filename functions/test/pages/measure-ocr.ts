/**
 * Re-measures the OCR settings: seconds per scanned page and amount/digit accuracy at 200 and
 * 300 DPI for page segmentation modes 6, 4 and 3, on one OCR worker, plus peak RSS.
 *
 *   npx tsx functions/test/pages/measure-ocr.ts [--quick] [--psm 6,4,3] [--dpi 200,300]
 *
 * Pages are generated (statementFixtures.ts): a Turkish balance sheet with right-aligned
 * amounts, in a roomy 10 pt style and a dense 8 pt style with a notes column, scanned clean or
 * rough (skewed 2 degrees, specks, blur, JPEG). Ground truth is the digital page's text layer.
 */
import { parseArgs } from "node:util";
import { createOcrEngine, type PageSegmentation } from "../../src/pipeline/pdf/ocrEngine";
import { openPdf } from "../../src/pipeline/pdf/openPdf";
import { readPages } from "../../src/pipeline/pdf/readPages";
import type { CleanupOptions } from "../../src/pipeline/pdf/scanCleanup";
import { readTextLayer } from "../../src/pipeline/pdf/textLayer";
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
    dpi: { type: "string", default: "200,300" },
    cleanup: { type: "boolean", default: false },
  },
});
const modes = values.psm.split(",").map(Number) as PageSegmentation[];
const resolutions = values.dpi.split(",").map(Number);

const styles: Array<{ name: string; style: TableStyle }> = [
  { name: "roomy-10pt", style: { fontSize: 10, leading: 2.1 } },
  { name: "dense-8pt+notes", style: { fontSize: 8, leading: 1.6, notes: true } },
];
const conditions: Array<{ name: string; scan: Omit<ScanOptions, "dpi"> }> = values.quick
  ? [{ name: "clean", scan: {} }]
  : [
      { name: "clean", scan: {} },
      { name: "rough", scan: { rotate: 2, noise: 0.004, blur: 0.7, jpegQuality: 55 } },
    ];

const ocr = createOcrEngine({ workers: 1 });
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

async function truthOf(digital: Uint8Array) {
  const pdf = await openPdf(digital, { maxPages: 1 });
  try {
    return amountWords(await readTextLayer(await pdf.getPage(1)));
  } finally {
    await pdf.close();
  }
}

async function run(scan: Uint8Array, dpi: number, psm: PageSegmentation, cleanup?: CleanupOptions) {
  const { pages } = await readPages(scan, { maxPages: 1, ocr, dpi, psm, cleanup });
  const page = pages[0];
  if (!page) throw new Error("no page read");
  return page;
}

const rows: string[][] = [
  ["style", "scan", "dpi", "psm", "s/page", "ocr s", "amounts exact", "digit acc", "conf"],
];
// Warm-up: the first job pays for starting the worker and loading tur+eng.
{
  const digital = await digitalStatementPdf(tableLines(), 1);
  await run(await scannedPdf(digital, { dpi: 200 }), 200, 6);
}
for (const { name, style } of styles) {
  const digital = await digitalStatementPdf(tableLines(), 1, style);
  const truth = await truthOf(digital);
  for (const condition of conditions) {
    for (const dpi of resolutions) {
      const scan = await scannedPdf(digital, { dpi, ...condition.scan });
      for (const psm of modes) {
        const page = await run(scan, dpi, psm);
        const score = scoreAmounts(truth, page);
        rows.push([
          name,
          condition.name,
          String(dpi),
          String(psm),
          ((page.timings?.total ?? 0) / 1000).toFixed(2),
          ((page.timings?.ocr ?? 0) / 1000).toFixed(2),
          `${score.exact}/${score.amounts}`,
          `${(100 * (1 - score.digitErrors / Math.max(1, score.digits))).toFixed(2)}%`,
          page.meanConfidence.toFixed(3),
        ]);
        if (score.misread.length > 0 && score.misread.length <= 6) {
          console.error(`  ${name} ${condition.name} ${dpi} psm${psm}:`, JSON.stringify(score.misread));
        }
      }
      if (values.cleanup && condition.name === "rough") {
        // What the clean-up buys: the same page without deskew / without contrast stretch.
        for (const [label, cleanup] of [
          ["no-deskew", { deskew: false }],
          ["no-normalise", { normalise: false }],
        ] as const) {
          const page = await run(scan, dpi, modes[0] ?? 6, cleanup);
          const score = scoreAmounts(truth, page);
          rows.push([
            name,
            `${condition.name} ${label}`,
            String(dpi),
            String(modes[0] ?? 6),
            ((page.timings?.total ?? 0) / 1000).toFixed(2),
            ((page.timings?.ocr ?? 0) / 1000).toFixed(2),
            `${score.exact}/${score.amounts}`,
            `${(100 * (1 - score.digitErrors / Math.max(1, score.digits))).toFixed(2)}%`,
            page.meanConfidence.toFixed(3),
          ]);
        }
      }
    }
  }
}
clearInterval(sampler);
await ocr.close();

const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  "));
console.log(
  `peak RSS ${(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024).toFixed(0)} MB (one OCR worker)`,
);
