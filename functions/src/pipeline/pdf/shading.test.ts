import { describe, expect, it } from "vitest";
import { flattenRowShading } from "./shading";

function page(fill: (x: number, y: number) => number, width = 200, height = 100) {
  const pixels = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = fill(x, y);
  return { pixels, width, height };
}

// Paper 255, every other 10-px band shaded at 185, and a 2-px black stroke through each band.
const shaded = page((x, y) =>
  y % 10 < 2 && x > 20 && x < 60 ? 20 : Math.floor(y / 10) % 2 === 1 ? 185 : 255,
);

describe("flattenRowShading", () => {
  it("turns row shading into paper and keeps the ink", () => {
    const out = flattenRowShading(shaded);
    expect(out.pixels[15 * 200 + 100]).toBe(255); // a shaded pixel
    expect(out.pixels[10 * 200 + 30]).toBe(20); // ink inside a shaded row
    expect(out.pixels[5 * 200 + 100]).toBe(255);
  });

  it("leaves a page without a grey plateau unchanged", () => {
    const plain = page((x, y) => ((x + y) % 17 === 0 ? 30 : 255));
    expect(flattenRowShading(plain)).toBe(plain);
  });
});
