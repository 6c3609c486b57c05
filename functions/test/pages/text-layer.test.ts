import { describe, expect, it } from "vitest";
import { openPdf } from "../../src/pipeline/pdf/open-pdf";
import { toViewportBox } from "../../src/pipeline/pdf/page-frame";
import { pageGraphics } from "../../src/pipeline/pdf/page-graphics";
import { readTextLayer, readUprightTextLayer } from "../../src/pipeline/pdf/text-layer";
import { isTextLayerUsable } from "../../src/pipeline/pdf/text-layer-quality";
import type { Word } from "../../src/pipeline/types";
import { rotatedWithQpdf, withoutUnicodeMaps } from "./bad-pdfs";
import {
  A4,
  digitalStatementPdf,
  drawBalanceSheet,
  pdfkitDocument,
  searchableScanPdf,
  tableLines,
} from "./statement-fixtures";

async function wordsOf(bytes: Uint8Array, upright = false) {
  const pdf = await openPdf(bytes, { maxPages: 5 });
  try {
    const page = await pdf.getPage(1);
    return upright
      ? await readUprightTextLayer(page)
      : { words: await readTextLayer(page), width: 0, height: 0 };
  } finally {
    await pdf.close();
  }
}

function find(words: Word[], text: string): Word {
  const word = words.find((w) => w.text === text);
  if (!word) throw new Error(`"${text}" not among ${words.map((w) => w.text).join(" ")}`);
  return word;
}

describe("text layer of a digital statement page", () => {
  it("splits items into words with Turkish letters intact and amounts whole", async () => {
    const { words } = await wordsOf(await digitalStatementPdf());
    const texts = words.map((w) => w.text);
    expect(texts.slice(0, 5)).toEqual(["ÖRNEK", "TİCARET", "A.Ş.", "BİLANÇO", "(TL)"]);
    expect(texts).toContain("Varlıklar");
    expect(texts).toContain("Değerler");
    expect(texts).toContain("1.234.567,89");
    for (const line of tableLines()) {
      expect(texts).toContain(line.current);
      expect(texts).toContain(line.previous);
    }
    expect(words.every((w) => w.source === "text" && w.confidence === 1 && w.page === 1)).toBe(true);
  });

  it("places words in PDF points from the top-left, matching what was drawn", async () => {
    const { words } = await wordsOf(await digitalStatementPdf());
    // drawBalanceSheet: labels at x=50; amounts right-aligned in [330, 430] and [450, 550].
    const donen = find(words, "Dönen");
    const amount = find(words, "1.234.567,89");
    expect(donen.bbox.x0).toBeCloseTo(50, 0);
    expect(amount.bbox.x1).toBeCloseTo(430, 0);
    expect(find(words, "3.693.383,54").bbox.x1).toBeCloseTo(550, 0);
    // Same line: the label and its amounts share a baseline band, y grows downwards.
    expect(Math.abs(donen.bbox.y1 - amount.bbox.y1)).toBeLessThan(0.5);
    expect(find(words, "Aktif").bbox.y0).toBeGreaterThan(donen.bbox.y0 + 300);
    // The word after "Dönen" starts after it ends (proportional split inside one pdfjs item).
    const varliklar = words[words.indexOf(donen) + 1];
    expect(varliklar?.text).toBe("Varlıklar");
    expect(varliklar?.bbox.x0).toBeGreaterThan(donen.bbox.x1);
    expect(varliklar?.bbox.x0).toBeLessThan(donen.bbox.x1 + 6);
  });

  it("respects /Rotate: a page rotated by 90 has its words in the turned viewport", async () => {
    const { words } = await wordsOf(rotatedWithQpdf(await digitalStatementPdf(), 90));
    const amount = find(words, "1.234.567,89");
    // Viewport is landscape now; the amount that sat at x 356..430 now runs down the page.
    expect(amount.bbox.y0).toBeCloseTo(356, -1);
    expect(amount.bbox.y1).toBeCloseTo(430, 0);
    expect(amount.bbox.x1).toBeGreaterThan(A4.height - 160);
  });

  it("turns a table printed sideways on a portrait page upright, and maps back", async () => {
    const { doc, done } = pdfkitDocument();
    doc.save();
    doc.rotate(-90, { origin: [0, 0] });
    doc.translate(-A4.height, 0);
    drawBalanceSheet(doc, tableLines().slice(0, 6));
    doc.restore();
    doc.end();
    const bytes = await done;
    const upright = await wordsOf(bytes, true);
    expect(upright.width).toBeCloseTo(A4.height, 1);
    expect(upright.height).toBeCloseTo(A4.width, 1);
    const amount = find(upright.words, "1.234.567,89");
    expect(amount.bbox.x1).toBeCloseTo(430, 0);
    expect(find(upright.words, "Dönen").bbox.x0).toBeCloseTo(50, 0);
    // Mapped back onto the portrait page it is where the raw text layer has it.
    const raw = find((await wordsOf(bytes)).words, "1.234.567,89");
    const back = toViewportBox(amount.bbox, {
      width: upright.width,
      height: upright.height,
      deskewAngle: 90,
    });
    expect(back.x0).toBeCloseTo(raw.bbox.x0, 1);
    expect(back.y0).toBeCloseTo(raw.bbox.y0, 1);
    expect(back.x1).toBeCloseTo(raw.bbox.x1, 1);
    expect(back.y1).toBeCloseTo(raw.bbox.y1, 1);
  });
});

describe("isTextLayerUsable on real pages", () => {
  it("accepts a digital statement page", async () => {
    const { words } = await wordsOf(await digitalStatementPdf());
    const verdict = isTextLayerUsable(words, A4.width * A4.height);
    expect(verdict).toMatchObject({ usable: true, reason: "ok" });
    expect(verdict.digits).toBeGreaterThan(300);
  });

  it("rejects a page whose fonts lost their Unicode maps (glyph codes come out as control characters)", async () => {
    const { words } = await wordsOf(withoutUnicodeMaps(await digitalStatementPdf()));
    expect(words.length).toBeGreaterThan(20);
    const verdict = isTextLayerUsable(words, A4.width * A4.height);
    expect(verdict.usable).toBe(false);
    expect(verdict.reason).toBe("unmapped_glyphs");
  });

  it("sees an invisible OCR layer over a page image and sends the page to our own OCR", async () => {
    const bytes = await searchableScanPdf();
    const pdf = await openPdf(bytes, { maxPages: 1 });
    try {
      const page = await pdf.getPage(1);
      const words = await readTextLayer(page);
      expect(words.map((w) => w.text)).toContain("1.234.567,89");
      const graphics = await pageGraphics(page);
      expect(graphics.imageCoverage).toBeGreaterThan(0.95);
      expect(graphics.invisibleText).toBe(1);
      const area = A4.width * A4.height;
      expect(isTextLayerUsable(words, area, graphics).reason).toBe("invisible_text_over_image");
      expect(isTextLayerUsable(words, area, { ...graphics, trustInvisibleText: true }).usable).toBe(true);
    } finally {
      await pdf.close();
    }
  });

  it("finds no images and no invisible text on a digital page", async () => {
    const pdf = await openPdf(await digitalStatementPdf(), { maxPages: 1 });
    try {
      expect(await pageGraphics(await pdf.getPage(1))).toEqual({ imageCoverage: 0, invisibleText: 0 });
    } finally {
      await pdf.close();
    }
  });
});
