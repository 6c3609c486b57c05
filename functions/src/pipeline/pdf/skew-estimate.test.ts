import { describe, expect, it } from "vitest";
import type { GreyImage } from "./rasterise";
import { estimateSkew, inkEdges, otsuThreshold, profileSharpness } from "./skew-estimate";

/**
 * A synthetic page: rows of "words" (dark dashes 3 px tall, gaps between) along lines tilted
 * clockwise by `degrees` (y grows with x), the way a skewed scan's text lines run.
 */
function tiltedText(degrees: number, width = 900, height = 1200): GreyImage {
  const pixels = Buffer.alloc(width * height, 235);
  const slope = Math.tan((degrees * Math.PI) / 180);
  for (let row = 100; row < height - 100; row += 30) {
    for (let x = 80; x < width - 80; x++) {
      if (x % 47 > 38) continue;
      const y = Math.round(row + (x - width / 2) * slope);
      for (let dy = 0; dy < 3; dy++) {
        const index = (y + dy) * width + x;
        if (index >= 0 && index < pixels.length) pixels[index] = 20;
      }
    }
  }
  return { pixels, width, height };
}

describe("skew estimation", () => {
  for (const degrees of [0, 0.6, 2, -3.2, 4.5]) {
    it(`finds a ${degrees} degree skew within 0.1 degree`, () => {
      const estimate = estimateSkew(inkEdges(tiltedText(degrees)));
      expect(Math.abs(estimate.angle - degrees)).toBeLessThanOrEqual(0.1);
    });
  }

  it("scores the right angle sharper than a wrong one", () => {
    const edges = inkEdges(tiltedText(2));
    expect(profileSharpness(edges, 2)).toBeGreaterThan(profileSharpness(edges, 0) * 1.5);
  });

  it("returns no skew for an empty page", () => {
    const blank: GreyImage = { pixels: Buffer.alloc(200 * 300, 250), width: 200, height: 300 };
    expect(inkEdges(blank).count).toBe(0);
    expect(estimateSkew(inkEdges(blank)).angle).toBe(0);
  });

  it("puts the Otsu threshold between ink and paper", () => {
    const threshold = otsuThreshold(tiltedText(0).pixels);
    expect(threshold).toBeGreaterThanOrEqual(20);
    expect(threshold).toBeLessThan(235);
  });
});
