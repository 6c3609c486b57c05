/**
 * The PDF report's layout read back with pdfjs: no text drawn over other text (a wrapped title
 * over its subtitle, a figure wrapping into the next row), tables that keep their title and
 * last rows with them, and every word of a Turkish report's own text in Turkish.
 */

import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { analyzeStatements } from "../../src/analysis/analyze";
import type { AnalysisOutput } from "../../src/analysis/types";
import { extractStatements } from "../../src/pipeline/statement/extract";
import { buildPdfReport } from "../../src/reports/pdf";
import { FONT_ROLES, reportFont } from "../../src/reports/pdf/fonts";
import { PAGE, PageFlow } from "../../src/reports/pdf/page-flow";
import { drawTable } from "../../src/reports/pdf/table";
import { kapPage } from "../fixtures/kap-page";
import { pageFromText } from "../fixtures/monospace-page";
import { sampleAnalysisOutput, sampleCompany } from "../fixtures/sample-output";

interface TextBox {
  text: string;
  left: number;
  right: number;
  bottom: number;
  top: number;
}

async function pageBoxes(bytes: Uint8Array): Promise<TextBox[][]> {
  const task = getDocument({ data: bytes.slice(), verbosity: VerbosityLevel.ERRORS, useSystemFonts: false });
  const document = await task.promise;
  const pages: TextBox[][] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    const boxes: TextBox[] = [];
    for (const item of content.items) {
      if (!("str" in item) || !item.str.trim()) continue;
      const [, , , size, x, y] = item.transform as number[];
      const height = Math.abs(size ?? item.height);
      boxes.push({
        text: item.str,
        left: x!,
        right: x! + item.width,
        bottom: y! - 0.2 * height,
        top: y! + 0.75 * height,
      });
    }
    pages.push(boxes);
  }
  await task.destroy();
  return pages;
}

/** Pairs of text drawn over each other by more than a hair. */
function overlapping(boxes: TextBox[]): string[] {
  const found: string[] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      const wide = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const high = Math.min(a.top, b.top) - Math.max(a.bottom, b.bottom);
      if (wide > 1 && high > 1) found.push(`"${a.text}" × "${b.text}"`);
    }
  });
  return found;
}

function kapOutput(): AnalysisOutput {
  const { statements } = extractStatements([pageFromText(kapPage)]);
  return { ...sampleAnalysisOutput(statements), ...analyzeStatements(statements) };
}

function longTitled(): AnalysisOutput {
  const output = sampleAnalysisOutput();
  for (const statement of output.statements) {
    statement.language = "tr";
    statement.title =
      statement.type === "balance_sheet"
        ? "31 Aralık 2024 Tarihi İtibarıyla Konsolide Finansal Durum Tablosu (Bilanço) ve Dipnotları"
        : "1 Ocak - 31 Aralık 2024 Hesap Dönemine Ait Konsolide Kâr veya Zarar ve Diğer Kapsamlı Gelir Tablosu";
  }
  // Amounts too wide for their column at the normal size: they must shrink, not wrap.
  const balance = output.statements[0]!;
  const total = balance.items.find((item) => item.key === "total_assets")!;
  for (const period of Object.keys(total.values)) total.values[period] = 1_050_091_000_000.55;
  return output;
}

const generatedAt = new Date("2025-03-14T10:00:00Z");

describe("PDF report layout", () => {
  for (const [name, output] of [
    ["a KAP page's reading", kapOutput],
    ["statements with long titles and wide amounts", longTitled],
  ] as const) {
    for (const language of ["tr", "en"] as const) {
      it(`draws no text over other text: ${name}, ${language}`, async () => {
        const pages = await pageBoxes(await buildPdfReport(output(), { language, generatedAt }));
        expect(pages.length).toBeGreaterThan(3);
        pages.forEach((boxes, index) => {
          expect(overlapping(boxes), `page ${index + 1}`).toEqual([]);
        });
        // A figure wider than its column is set smaller, on one line, never broken in two.
        const wide = language === "tr" ? "1.050.091.000.000,55" : "1,050,091,000,000.55";
        if (output === longTitled) expect(pages.flat().map((box) => box.text)).toContain(wide);
      });
    }
  }

  it("names the company the statements print, with its tax number, on the cover and every page", async () => {
    const output = kapOutput();
    output.document.entity = { name: "XYZ SANAYİ A.Ş.", taxId: "1234567890" };
    const pages = await pageBoxes(await buildPdfReport(output, { language: "tr", generatedAt }));
    const texts = pages.map((boxes) => boxes.map((box) => box.text).join(" "));
    expect(texts[0]).toContain("XYZ SANAYİ A.Ş.");
    expect(texts[0]).toContain("1234567890");
    for (const text of texts.slice(1)) expect(text).toContain("XYZ SANAYİ A.Ş.");
  });

  it("keeps a Turkish report's own words Turkish", async () => {
    const output = sampleAnalysisOutput();
    const text = (
      await pageBoxes(await buildPdfReport(output, { language: "tr", company: sampleCompany, generatedAt }))
    )
      .flat()
      .map((box) => box.text)
      .join(" ");
    for (const english of [
      /\bsum\b/,
      /\bof its\b/,
      /\blines between\b/,
      /\bnot available\b/,
      /\bmissing\b/,
      /\bPage\b/,
    ]) {
      expect(text).not.toMatch(english);
    }
  });
});

/** A bare document with the report's fonts, for drawing one table. */
function tableDocument(): { flow: PageFlow; done: Promise<Uint8Array> } {
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: { ...PAGE.margins },
    font: reportFont("regular") as unknown as string,
  });
  for (const role of FONT_ROLES) doc.registerFont(role, reportFont(role) as unknown as string);
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  return { flow: new PageFlow(doc), done };
}

async function drawRows(count: number, startAt: (flow: PageFlow) => number, title?: string) {
  const { flow, done } = tableDocument();
  flow.y = startAt(flow);
  const rows = Array.from({ length: count }, (_, n) => ({ cells: [`row ${n + 1}`, "1.000"] }));
  drawTable(
    flow,
    [
      { header: "Item", width: 300 },
      { header: "2024", width: 100, align: "right" },
    ],
    rows,
    {
      ...(title ? { title } : {}),
      footnote: { text: "† footnote" },
    },
  );
  flow.doc.end();
  return (await pageBoxes(await done)).map((boxes) => boxes.map((box) => box.text));
}

describe("drawTable", () => {
  it("keeps a title with its header and three rows", async () => {
    // Room for the title, the header and two rows at the foot of the page: the title moves on.
    const pages = await drawRows(10, (flow) => flow.bottom - 60, "Liquidity");
    expect(pages[0]).not.toContain("Liquidity");
    expect(pages[1]?.slice(0, 5)).toEqual(["Liquidity", "Item", "2024", "row 1", "1.000"]);
  });

  it("takes the last three rows and the footnote over together, never one alone", async () => {
    const capacity = (await drawRows(200, (flow) => flow.doc.page.margins.top))[0]!.filter((text) =>
      text.startsWith("row"),
    ).length;
    // One row more than the first page holds: without the rule the last row would stand alone.
    const pages = await drawRows(capacity + 1, (flow) => flow.doc.page.margins.top);
    const rowsOn = (page: string[] | undefined) => (page ?? []).filter((text) => text.startsWith("row"));
    expect(rowsOn(pages[1])).toEqual([`row ${capacity - 1}`, `row ${capacity}`, `row ${capacity + 1}`]);
    expect(pages[1]).toContain("† footnote");
  });

  it("never splits a table of fewer than six rows", async () => {
    const pages = await drawRows(5, (flow) => flow.bottom - 90);
    expect(pages[0]).toEqual([]);
    expect(pages[1]?.filter((text) => text.startsWith("row"))).toHaveLength(5);
  });
});
