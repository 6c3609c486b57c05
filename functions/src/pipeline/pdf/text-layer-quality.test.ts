import { describe, expect, it } from "vitest";
import type { Word } from "../types";
import { isTextLayerUsable } from "./text-layer-quality";

const A4_AREA = 595 * 842;

/** Words laid out on lines like a statement: 14 pt high, 6 pt per character. */
function line(texts: string[], y: number): Word[] {
  let x = 50;
  return texts.map((text) => {
    const word: Word = {
      text,
      bbox: { x0: x, y0: y, x1: x + text.length * 6, y1: y + 14 },
      confidence: 1,
      page: 1,
      source: "text",
    };
    x += text.length * 6 + 4;
    return word;
  });
}

const statement = Array.from({ length: 25 }, (_, i) =>
  line(["Ticari", "Alacaklar", `${i + 1}.234.567,89`, `${i + 2}.345.678,90`], 100 + i * 20),
).flat();

describe("isTextLayerUsable", () => {
  it("accepts an ordinary statement page", () => {
    expect(isTextLayerUsable(statement, A4_AREA)).toMatchObject({ usable: true, reason: "ok" });
  });

  it("rejects a page without text or with a few stray characters", () => {
    expect(isTextLayerUsable([], A4_AREA)).toMatchObject({ usable: false, reason: "no_text", characters: 0 });
    expect(isTextLayerUsable(line(["1", "/", "3"], 800), A4_AREA).reason).toBe("too_little_text");
  });

  it("rejects replacement characters, private-use glyphs and control codes", () => {
    const replacement = statement.map((w, i) => (i % 10 === 0 ? { ...w, text: "\uFFFD\uFFFD\uFFFD" } : w));
    expect(isTextLayerUsable(replacement, A4_AREA).reason).toBe("unmapped_glyphs");
    const privateUse = statement.map((w, i) => (i % 4 === 0 ? { ...w, text: "\uE001\uE002" } : w));
    expect(isTextLayerUsable(privateUse, A4_AREA).reason).toBe("unmapped_glyphs");
    const control = line(["\u0001\u0002\u0003\u0004", "\u0005\u0006\u0007", "\u0010\u0011\u0012\u0013"], 100);
    expect(isTextLayerUsable([...control, ...control, ...control], A4_AREA).reason).toBe("unmapped_glyphs");
  });

  it("tolerates a few symbol-font bullets but not a number with a missing glyph", () => {
    const bullets = statement.map((w, i) => (i % 25 === 0 ? { ...w, text: "\uF0B7" } : w));
    expect(isTextLayerUsable(bullets, A4_AREA).usable).toBe(true);
    const damaged = statement.map((w, i) => (i === 2 ? { ...w, text: "1.2\uFFFD4.567,89" } : w));
    expect(isTextLayerUsable(damaged, A4_AREA).reason).toBe("unmapped_glyphs_in_numbers");
  });

  it("rejects symbol soup from a font without a Unicode map", () => {
    const soup = Array.from({ length: 20 }, (_, i) => line(["¤»¬", "§¶¨", "©®°"], 100 + i * 20)).flat();
    expect(isTextLayerUsable(soup, A4_AREA).reason).toBe("symbol_garbage");
  });

  it("does not mistake Turkish letters, currency signs and brackets for garbage", () => {
    const turkish = line(["ŞİRKETİ", "Ğ", "ö", "ç", "₺", "(1.234)", "%12", "—", "€", "“Dipnot”"], 100);
    expect(isTextLayerUsable([...turkish, ...turkish], A4_AREA)).toMatchObject({ usable: true });
  });

  it("sends a scanned page with a thin header text layer to OCR", () => {
    const header = line(["Sayfa", "3", "/", "12", "-", "Gizli"], 20);
    expect(isTextLayerUsable(header, A4_AREA, { imageCoverage: 0.95 }).reason).toBe("header_over_image");
    // The same header on a page with only a logo is a genuine (if short) text page.
    expect(isTextLayerUsable(header, A4_AREA, { imageCoverage: 0.05 }).usable).toBe(true);
  });

  it("keeps a full text layer over a page image (a searchable scan)", () => {
    expect(isTextLayerUsable(statement, A4_AREA, { imageCoverage: 1 }).usable).toBe(true);
  });
});
