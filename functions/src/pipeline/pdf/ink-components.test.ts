import { describe, expect, it } from "vitest";
import { whitenNonText } from "./ink-components";
import type { GreyImage } from "./rasterise";

function page(width: number, height: number): GreyImage {
  return { pixels: Buffer.alloc(width * height, 255), width, height };
}

function fill(image: GreyImage, x0: number, y0: number, x1: number, y1: number): void {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) image.pixels[y * image.width + x] = 0;
}

function inkAt(image: GreyImage, x: number, y: number): boolean {
  return (image.pixels[y * image.width + x] ?? 255) < 128;
}

describe("whitenNonText", () => {
  it("removes ruling lines, tilted thin rules and big blobs, and keeps glyph-sized ink", () => {
    const image = page(600, 800);
    fill(image, 50, 100, 550, 103); // horizontal rule
    fill(image, 300, 120, 302, 700); // vertical column rule
    for (let x = 50; x < 550; x++) {
      const y = 720 + Math.round((x - 50) * Math.tan((4 * Math.PI) / 180)); // thin rule, 4 degrees
      fill(image, x, y, x + 1, y + 1);
    }
    fill(image, 400, 150, 560, 300); // a photo or logo
    fill(image, 60, 200, 68, 212); // glyphs: 8x12 blocks
    fill(image, 72, 200, 80, 212);
    fill(image, 60, 230, 110, 240); // a word whose letters ran together in a dark scan
    const cleaned = whitenNonText(image, 128);
    expect(inkAt(cleaned, 100, 101)).toBe(false);
    expect(inkAt(cleaned, 301, 400)).toBe(false);
    expect(inkAt(cleaned, 50, 720)).toBe(false);
    expect(inkAt(cleaned, 450, 200)).toBe(false);
    expect(inkAt(cleaned, 64, 205)).toBe(true);
    expect(inkAt(cleaned, 75, 205)).toBe(true);
    expect(inkAt(cleaned, 80, 235)).toBe(true);
    // The input is left as it was.
    expect(inkAt(image, 100, 101)).toBe(true);
  });
});
