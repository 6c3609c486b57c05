import { describe, expect, it } from "vitest";
import { normaliseBackground } from "./background";

function page(fill: (x: number, y: number) => number, width = 200, height = 100) {
  const pixels = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = fill(x, y);
  return { pixels, width, height };
}

const at = (image: { pixels: Uint8Array; width: number }, x: number, y: number) =>
  image.pixels[y * image.width + x] as number;

describe("normaliseBackground", () => {
  // At 72 DPI the window reaches 2-3 px around a pixel: a 2-px stroke never fills it.
  it("turns shaded rows into white paper and keeps their ink dark", () => {
    const shaded = page((x, y) =>
      (y % 20 === 12 || y % 20 === 13) && x > 20 && x < 60 ? 20 : Math.floor(y / 10) % 2 === 1 ? 185 : 255,
    );
    const out = normaliseBackground(shaded, 72);
    expect(at(out, 100, 15)).toBe(255);
    expect(at(out, 30, 12)).toBeLessThan(40); // ink inside a shaded row
    expect(at(out, 100, 5)).toBe(255);
  });

  it("evens out a page lit unevenly from left to right", () => {
    const uneven = page((x, y) => (y === 50 && x % 10 < 2 ? 30 : 255 - Math.floor(x / 2)));
    const out = normaliseBackground(uneven, 72);
    expect(at(out, 180, 20)).toBeGreaterThanOrEqual(250);
    expect(at(out, 180, 50)).toBeLessThan(60);
  });

  it("returns the very same image when the paper is white", () => {
    const plain = page((x, y) => ((x + y) % 17 === 0 ? 30 : 255));
    expect(normaliseBackground(plain, 72)).toBe(plain);
  });
});
