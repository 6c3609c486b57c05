import { describe, expect, it } from "vitest";
import { imageTokensOf, MODEL_PROFILES, profileOf } from "./model-profiles";
import { modelScale, planTiles } from "./tile-plan";

const tiled = (MODEL_PROFILES["gpt-4.1"] ?? profileOf("gpt-4.1")).image;
const patched = (MODEL_PROFILES["gpt-4.1-mini"] ?? profileOf("gpt-4.1-mini")).image;
// A statement table on an A4 page rendered at 300 DPI: 7 by 9.5 inches.
const table = { x0: 150, y0: 200, x1: 150 + 2100, y1: 200 + 2850 };

describe("planTiles", () => {
  it("cuts a tall table into overlapping strips the tile-based model takes at 200 DPI unshrunk", () => {
    const plan = planTiles(table, 300, tiled);
    expect(plan.tiles.length).toBe(3);
    for (const t of plan.tiles) {
      expect(Math.min(t.width, t.height)).toBeLessThanOrEqual(768);
      expect(Math.max(t.width, t.height)).toBeLessThanOrEqual(2048);
      expect(modelScale(t.width, t.height, tiled)).toBe(1);
      expect(t.effectiveDpi).toBe(200);
      expect(t.source.x0).toBe(table.x0);
      expect(t.source.x1).toBe(table.x1);
    }
    expect(plan.tiles[0]?.source.y0).toBe(table.y0);
    expect(plan.tiles.at(-1)?.source.y1).toBe(table.y1);
    for (let i = 1; i < plan.tiles.length; i += 1) {
      const overlap = (plan.tiles[i - 1]?.source.y1 ?? 0) - (plan.tiles[i]?.source.y0 ?? 0);
      // 36 points at 300 DPI = 150 source pixels, give or take the rounding of equal strips.
      expect(overlap).toBeGreaterThanOrEqual(148);
      expect(overlap).toBeLessThanOrEqual(153);
    }
  });

  it("needs fewer tiles for a model with a pixel budget, still at 200 DPI", () => {
    const plan = planTiles(table, 300, patched);
    expect(plan.tiles.length).toBe(2);
    for (const t of plan.tiles) {
      expect(t.width * t.height).toBeLessThanOrEqual(patched.maxPixels ?? 0);
      expect(t.effectiveDpi).toBe(200);
    }
  });

  it("sends a small region whole and never enlarges a low-resolution page", () => {
    const small = planTiles({ x0: 0, y0: 0, x1: 600, y1: 300 }, 150, tiled);
    expect(small.tiles).toHaveLength(1);
    expect(small.tiles[0]).toMatchObject({ width: 600, height: 300, effectiveDpi: 150 });
  });

  it("splits into columns only when a region is wider than the model's longest side", () => {
    const wide = planTiles({ x0: 0, y0: 0, x1: 7000, y1: 600 }, 300, tiled);
    expect(wide.tiles.length).toBe(3);
    for (const t of wide.tiles) expect(modelScale(t.width, t.height, tiled)).toBe(1);
    expect(wide.tiles[0]?.source.x0).toBe(0);
    expect(wide.tiles.at(-1)?.source.x1).toBe(7000);
  });
});

describe("imageTokensOf", () => {
  it("bills tile models by 512-px tiles after fitting 2048 and a 768 short side, patch models by 32-px patches", () => {
    // The published examples: 1024×1024 high detail is 765 tokens, 2048×4096 is 1105.
    expect(imageTokensOf(profileOf("gpt-4o"), 1024, 1024)).toBe(765);
    expect(imageTokensOf(profileOf("gpt-4o"), 2048, 4096)).toBe(1105);
    // A 200-DPI strip of a statement: 3 × 2 tiles.
    expect(imageTokensOf(profileOf("gpt-4.1"), 1394, 667)).toBe(85 + 170 * 6);
    // 1024×1024 is 1024 patches; 1800×2400 is capped at 1536 patches before the multiplier.
    expect(imageTokensOf(profileOf("gpt-4.1-mini"), 1024, 1024)).toBe(Math.ceil(1024 * 1.62));
    expect(imageTokensOf(profileOf("gpt-4.1-mini"), 1800, 2400)).toBeLessThanOrEqual(Math.ceil(1536 * 1.62));
    expect(imageTokensOf(profileOf("some-local-model"), 1024, 1024)).toBeUndefined();
  });
});
