import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeExtraction } from "../../src/analysis/analyze-extraction";
import { scoreDocument, type TruthDocument } from "../../src/cli/bench/score";
import { extractDocument } from "../../src/pipeline/extract-document";
import { createOcrEngine } from "../../src/pipeline/pdf";

// Real statements nobody on the project wrote, read from the shared folder beside the checkout
// (their licences keep them out of the repository); the truth files are ours, written from the
// pages before Finstat read them (functions/test/realdata).
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const shared = join(repoRoot, "..", "shared");
const ocr = createOcrEngine({ workers: 2 });

afterAll(async () => {
  await ocr.close();
});

const analysed = new Map<string, ReturnType<typeof analyseOnce>>();

/** Each document is read once, however many tests look at it. */
function analyse(id: string) {
  if (!analysed.has(id)) analysed.set(id, analyseOnce(id));
  return analysed.get(id)!;
}

async function analyseOnce(id: string) {
  const truth = JSON.parse(
    await readFile(join(repoRoot, "functions/test/realdata", `${id}.truth.json`), "utf8"),
  );
  const bytes = new Uint8Array(await readFile(join(shared, truth.source)));
  const started = performance.now();
  const output = analyzeExtraction(await extractDocument({ bytes, fileName: `${id}.pdf` }, { ocr }));
  const score = scoreDocument(truth as TruthDocument, output, {
    seconds: (performance.now() - started) / 1000,
  });
  return { truth, output, score };
}

describe("a whole KAP annual report (101 pages, Milyon TL)", () => {
  it("finds the statement pages, reads only them, and gets every value right", async () => {
    const { output, score } = await analyse("tr_thy2023");
    expect(output.document.pages).toBe(101);
    expect(output.document.statementPages).toEqual(expect.arrayContaining([9, 10, 11]));
    expect(output.document.statementPages?.length).toBeLessThanOrEqual(6);
    expect(score.misses).toEqual([]);
    expect(score.seconds).toBeLessThan(60);
    // Who it is, and that it is restated under TMS 29, which only a note (pages 17-18) says.
    expect(output.document.entity?.name).toBe("TÜRK HAVA YOLLARI ANONİM ORTAKLIĞI VE BAĞLI ORTAKLIKLARI");
    expect(output.statements.every((statement) => statement.restated)).toBe(true);
    expect(
      output.comparison.filter((row) => row.kind === "item").every((row) => row.prices === "restated"),
    ).toBe(true);
  });

  it("raises a handful of distinct alerts, as an analyst ranks them", async () => {
    const { output } = await analyse("tr_thy2023");
    const alerts = output.alerts;
    // 17 before subtotals, persisting conditions, costs in line with sales and the profit carried
    // into retained earnings were read as one movement each.
    expect(alerts.length).toBeLessThanOrEqual(13);
    const ids = alerts.map((alert) => `${alert.rule}|${alert.key}|${alert.period}`);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = alerts.map((alert) => alert.key);
    for (const subtotal of [
      "total_assets",
      "total_current_assets",
      "total_equity",
      "gross_profit",
      "cost_of_sales",
    ])
      expect(keys).not.toContain(subtotal);
    expect(alerts.find((alert) => alert.key === "revenue")?.severity).toBe("info");
    expect(alerts.filter((alert) => alert.rule === "current_ratio_low").map((alert) => alert.period)).toEqual(
      ["2023-12-31"],
    );
  });
});

describe("a bank's KAP report (BDDK format, TP / YP / Toplam columns)", () => {
  it("reads the Toplam columns and names the liabilities total that includes equity", async () => {
    const { output, score } = await analyse("tr_akbank2024");
    const bs = output.statements.find((s) => s.type === "balance_sheet");
    expect(bs?.canonical.total_liabilities).toBeUndefined();
    expect(score.misses).toEqual([]);
    // Banks were told not to restate for 2024, and the report says so: its amounts are nominal.
    expect(output.statements.some((statement) => statement.restated)).toBe(false);
  });
});

describe("digital pages from South Africa and India", () => {
  it.each(["za_clicks_ci", "olm_conso_bs"])(
    "%s: no wrong value, none doubtful at high confidence",
    async (id) => {
      const { score } = await analyse(id);
      expect(score.wrong).toBe(0);
      expect(score.highConfidenceErrors).toBe(0);
      expect(score.accuracy).toBeGreaterThanOrEqual(0.85);
    },
  );
});

describe("a Philippine scan with peso signs and a notes column", () => {
  it("gets every value of both statements right", async () => {
    const { output, score } = await analyse("ph_pentagon2024");
    expect(output.statements.map((s) => s.currency)).toEqual(["PHP", "PHP"]);
    expect(score.misses).toEqual([]);
  });
});

describe("a scanned report longer than MAX_PAGES", () => {
  it("finds its statement pages by a low-resolution OCR survey and reads only those", async () => {
    const truth = JSON.parse(
      await readFile(join(repoRoot, "functions/test/realdata/ph_gbs_2022_2021.truth.json"), "utf8"),
    );
    const bytes = new Uint8Array(await readFile(join(shared, truth.source)));
    const output = await extractDocument({ bytes, fileName: "gbs.pdf" }, { ocr, maxPages: 4 });
    expect(output.document.statementPages).toEqual([1, 2, 5, 6]);
    expect(output.statements.find((s) => s.type === "balance_sheet")?.periods.map((p) => p.end)).toEqual([
      "2022-12-31",
      "2021-12-31",
      "2020-12-31",
    ]);
  });
});

describe("a 93-DPI stamped scan drawn with a redaction bar over it (not one picture)", () => {
  it("enlarges the picture smoothly, so OCR reads the amounts of both statements", async () => {
    // pdfjs drew the scan pixel by pixel (3-pixel blocks at 300 DPI): 15 of 38 values right.
    const { score } = await analyse("ph_fsraw_2021");
    expect(score.highConfidenceErrors).toBe(0);
    expect(score.wrong).toBe(0);
    expect(score.accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
