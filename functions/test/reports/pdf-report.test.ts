/**
 * The PDF report read back: text extracted with pdfjs (the legacy build, as the pipeline reads
 * PDFs), and every page rendered to PNG by poppler's pdftoppm to prove the file is valid.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { buildPdfReport } from "../../src/reports/pdf";
import { latestBalanceSheetOnly, sampleAnalysisOutput, sampleCompany } from "../fixtures/sample-output";

const run = promisify(execFile);

/** The text of each page as pdfjs extracts it, items joined by spaces. */
async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: bytes.slice(), verbosity: VerbosityLevel.ERRORS, useSystemFonts: false });
  const document = await task.promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await task.destroy();
  return pages;
}

const generatedAt = new Date("2025-03-14T10:00:00Z");

describe("buildPdfReport", () => {
  it("writes a Turkish report with the company, headings, ratios and page numbers", async () => {
    const output = sampleAnalysisOutput();
    const bytes = await buildPdfReport(output, { language: "tr", company: sampleCompany, generatedAt });
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const pages = await pageTexts(bytes);
    const all = pages.join("\n");
    expect(pages.length).toBeGreaterThanOrEqual(5);
    expect(pages[0]).toContain("Ege Yıldız Gıda Sanayi ve Ticaret A.Ş.");
    expect(pages[0]).toContain("Finansal Analiz Raporu");
    expect(pages[0]).toContain("14 Mart 2025");
    expect(pages[0]).toContain("Gıda ürünleri imalatı (Çağrı: İzmir Şubesi)");
    expect(pages[0]).toContain("Türk lirası (₺)");
    expect(pages[1]).toContain(
      "Tutmayan kontrol (31.12.2023): Dönen varlıklar toplamı = kalemlerinin toplamı — Fark 500,00",
    );
    for (const heading of [
      "Temel Göstergeler",
      "Bilanço",
      "Gelir Tablosu",
      "Oranlar",
      "Karşılaştırma",
      "Uyarılar",
    ]) {
      expect(all, heading).toContain(heading);
    }
    // Current ratio 2024: 28.840.200 / 17.020.000 = 1,6945 → "1,69"; net margin 5.157% → "%5,2".
    const current = output.ratios.find((r) => r.key === "current_ratio" && r.period === "2024-12-31")!;
    expect(current.value).toBeCloseTo(1.694489, 6);
    expect(all).toMatch(/Cari oran\s+1,69\s+1,82/);
    expect(all).toContain("%5,2");
    expect(all).toContain("48.475.400");
    expect(all).toContain("Dönen varlıklar toplamı / Kısa vadeli yabancı kaynaklar toplamı");
    expect(all).toContain("Dönen varlıklar kısa vadeli yabancı kaynakları 1,7 kez karşılıyor");
    expect(pages[1]).toContain(`Sayfa 2 / ${pages.length}`);
    expect(pages.at(-1)).toContain(`Sayfa ${pages.length} / ${pages.length}`);
    expect(all).toContain(output.alerts[0]!.message.tr.slice(0, 40));
    // ROE on closing equity (first year) beside ROE on average equity is marked, with why.
    expect(all).toMatch(/Özkaynak kârlılığı †/);
    expect(all).toContain("† Bir dönem kapanış bakiyesiyle");
  });

  it("writes the English report with English numbers and page labels", async () => {
    const bytes = await buildPdfReport(sampleAnalysisOutput(), {
      language: "en",
      company: sampleCompany,
      generatedAt,
    });
    const pages = await pageTexts(bytes);
    const all = pages.join("\n");
    expect(all).toContain("Financial Analysis Report");
    expect(all).toContain("Key Figures");
    expect(all).toContain("Balance Sheet");
    expect(all).toContain("48,475,400");
    expect(all).toMatch(/Current ratio\s+1\.69\s+1\.82/);
    expect(all).toContain("5.2%");
    expect(all).toContain(`Page 2 of ${pages.length}`);
    expect(all).not.toMatch(/Sayfa \d+ \//);
  });

  it("marks values to review and keeps long tables on following pages with their header", async () => {
    const output = sampleAnalysisOutput();
    const balance = output.statements[0]!;
    // Forty more lines force the balance sheet over a page break.
    for (let index = 0; index < 40; index++) {
      balance.items.push({
        label: `Ek satır ${index + 1}`,
        values: { "2024-12-31": 1000 + index, "2023-12-31": 900 },
        confidence: 1,
        sources: ["text"],
        page: 2,
      });
    }
    const pages = await pageTexts(
      await buildPdfReport(output, { language: "tr", company: sampleCompany, generatedAt }),
    );
    const withLines = pages.filter((page) => page.includes("Ek satır"));
    expect(withLines.length).toBeGreaterThanOrEqual(2);
    for (const page of withLines) expect(page).toMatch(/Hesap\s+kodu/);
    const first = pages.find((page) => page.includes("Diğer Dönen Varlıklar"))!;
    expect(first).toContain("720.850 *†");
    expect(first).toContain("8.935.400 *");
    expect(pages.join("\n")).toContain("* Düşük güvenle okunan değer.");
  });

  it("copes with a single balance sheet of one period: no comparison, no trend", async () => {
    const output = sampleAnalysisOutput(latestBalanceSheetOnly());
    const pages = await pageTexts(
      await buildPdfReport(output, { language: "en", company: sampleCompany, generatedAt }),
    );
    const all = pages.join("\n");
    expect(all).toContain("Balance Sheet");
    expect(all).not.toContain("Income Statement");
    expect(all).toContain("There is no second period to compare.");
    expect(all).not.toContain("Trend across periods");
    expect(all).toMatch(/Net margin\s+—/);
    expect(all).toContain(`Page ${pages.length} of ${pages.length}`);
  });

  it("names the report after the entity printed on the statements when there is no company record", async () => {
    const output = sampleAnalysisOutput();
    output.statements[0]!.entity = "ÖRNEK GIDA SANAYİ A.Ş.";
    const [cover] = await pageTexts(await buildPdfReport(output, { language: "tr", generatedAt }));
    expect(cover).toContain("ÖRNEK GIDA SANAYİ A.Ş.");
    // The file is still named among the facts, but not as the report's subject.
    expect(cover!.indexOf("ÖRNEK GIDA SANAYİ A.Ş.")).toBeLessThan(cover!.indexOf(output.document.file));
  });

  it("shows the five most important alerts before the statements and the rest at the end", async () => {
    const output = sampleAnalysisOutput();
    const template = output.alerts[0]!;
    output.alerts = Array.from({ length: 8 }, (_, n) => ({
      ...template,
      severity: n < 2 ? ("critical" as const) : ("info" as const),
      message: { tr: `Uyarı numarası ${n + 1}.`, en: `Alert number ${n + 1}.` },
    }));
    const pages = await pageTexts(
      await buildPdfReport(output, { language: "tr", company: sampleCompany, generatedAt }),
    );
    const all = pages.join("\n");
    const at = (text: string) => all.indexOf(text);
    expect(at("3 uyarı daha raporun sonunda.")).toBeGreaterThan(at("Uyarı numarası 5."));
    expect(at("Uyarı numarası 5.")).toBeLessThan(at("Gelir Tablosu"));
    expect(at("Diğer uyarılar")).toBeGreaterThan(at("Karşılaştırma"));
    expect(at("Uyarı numarası 6.")).toBeGreaterThan(at("Diğer uyarılar"));
    expect(pages.at(-1)).toContain("Uyarı numarası 8.");
  });

  it("says how a comparison's prices compare when the statements are restated for inflation", async () => {
    const output = sampleAnalysisOutput();
    output.comparison = output.comparison.map((row) => ({ ...row, prices: "restated" as const }));
    const all = (
      await pageTexts(await buildPdfReport(output, { language: "tr", company: sampleCompany, generatedAt }))
    ).join("\n");
    expect(all).toContain("Tablolar enflasyona göre düzeltilmiş (TMS 29)");
  });

  it("refuses a document without statements with a message for the user", async () => {
    const output = { ...sampleAnalysisOutput(), statements: [] };
    await expect(buildPdfReport(output, { language: "tr" })).rejects.toMatchObject({
      code: "report_without_statements",
    });
  });

  it("renders every page with pdftoppm", async () => {
    const bytes = await buildPdfReport(sampleAnalysisOutput(), {
      language: "tr",
      company: sampleCompany,
      generatedAt,
    });
    const pageCount = (await pageTexts(bytes)).length;
    const dir = await mkdtemp(join(tmpdir(), "finstat-pdf-"));
    try {
      await writeFile(join(dir, "report.pdf"), bytes);
      const { stderr } = await run("pdftoppm", [
        "-r",
        "40",
        "-png",
        join(dir, "report.pdf"),
        join(dir, "page"),
      ]);
      expect(stderr).toBe("");
      const pngs = (await readdir(dir)).filter((name) => name.endsWith(".png")).sort();
      expect(pngs).toHaveLength(pageCount);
      for (const name of pngs) {
        const png = await readFile(join(dir, name));
        expect(png.subarray(1, 4).toString(), name).toBe("PNG");
        // A blank A4 page at 40 dpi compresses to about 1 KB; ours carry text, tables and charts.
        expect(png.byteLength, name).toBeGreaterThan(2_000);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
