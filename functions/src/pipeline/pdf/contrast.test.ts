import { describe, expect, it } from "vitest";
import { applyStretch, contrastStretch } from "./contrast";

describe("contrast normalisation", () => {
  it("maps faint grey ink on grey paper to black on white", () => {
    const pixels = Buffer.alloc(10_000, 200);
    pixels.fill(110, 0, 800); // 8% ink
    const image = { pixels, width: 100, height: 100 };
    const stretch = contrastStretch(image);
    expect(stretch).toEqual({ low: 110, high: 200 });
    const out = applyStretch(image, stretch ?? { low: 0, high: 255 });
    expect(out.pixels[0]).toBe(0);
    expect(out.pixels[9_999]).toBe(255);
    expect(image.pixels[0]).toBe(110);
  });

  it("leaves a page that already spans black to white, or a blank page, alone", () => {
    const full = Buffer.alloc(10_000, 255);
    full.fill(0, 0, 500);
    expect(contrastStretch({ pixels: full, width: 100, height: 100 })).toBeUndefined();
    const blank = Buffer.alloc(10_000, 230);
    blank.fill(215, 0, 50);
    expect(contrastStretch({ pixels: blank, width: 100, height: 100 })).toBeUndefined();
  });
});
