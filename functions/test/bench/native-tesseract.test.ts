import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatPrintedAmount } from "../../src/cli/bench/corpus/amount-format";
import { generateStatementPdf } from "../../src/cli/bench/corpus/generate-statement-pdf";
import { scanVariant } from "../../src/cli/bench/corpus/scan-variant";
import { randomStatementSpec } from "../../src/cli/bench/corpus/statement-spec";
import type { Truth } from "../../src/cli/bench/corpus/truth";
import { readScanWithNativeTesseract } from "../../src/cli/bench/native-tesseract";
import type { PageWords } from "../../src/pipeline/types";

// One clean 300-DPI page through the native binary: the TSV adapter must hand the parser words
// in PDF points that carry the printed amounts.
describe("native tesseract TSV as PageWords", () => {
  let dir: string;
  let truth: Truth;
  let amounts: string[];
  let pages: PageWords[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "finstat-native-test-"));
    const spec = randomStatementSpec(31, "ifrs", {
      periodCount: 1,
      statements: ["income_statement"],
      font: "DejaVuSans",
      fontSize: 10,
      leaders: "none",
      zebra: false,
      amounts: { separators: "en", decimals: 0, negatives: "minus", zero: "—" },
      id: "ifrs-31-digital",
    });
    const digital = await generateStatementPdf(spec);
    const scan = await scanVariant(digital.pdf, digital.truth, "scan300");
    truth = scan.truth;
    await writeFile(join(dir, "scan.pdf"), scan.pdf);
    amounts = truth.statements.flatMap((s) =>
      (s.lines ?? []).flatMap((l) =>
        Object.values(l.values)
          .filter((v): v is number => v !== null && v !== 0)
          .map((v) => formatPrintedAmount(Math.round(v / spec.unit), spec.amounts)),
      ),
    );
    ({ pages } = await readScanWithNativeTesseract(join(dir, "scan.pdf"), "eng"));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads one page of words at the page's size in points", () => {
    expect(pages.length).toBe(truth.pages);
    expect(pages[0]!.width).toBeGreaterThan(590);
    expect(pages[0]!.width).toBeLessThan(600);
    expect(pages[0]!.words.length).toBeGreaterThan(40);
    for (const word of pages[0]!.words) {
      expect(word.bbox.x1).toBeLessThanOrEqual(pages[0]!.width + 1);
      expect(word.bbox.y1).toBeLessThanOrEqual(pages[0]!.height + 1);
      expect(word.confidence).toBeGreaterThanOrEqual(0);
      expect(word.confidence).toBeLessThanOrEqual(1);
    }
  });

  it("finds nearly every printed amount among the words, right of the labels", () => {
    const words = pages.flatMap((p) => p.words);
    const found = amounts.filter((a) => words.some((w) => w.text === a && w.bbox.x0 > 300));
    expect(amounts.length).toBeGreaterThan(8);
    expect(found.length / amounts.length).toBeGreaterThanOrEqual(0.9);
    expect(words.some((w) => w.text === "Revenue" && w.bbox.x0 < 200)).toBe(true);
  });
});
