import { describe, expect, it } from "vitest";
import { pixelBoxToPoints, toViewportBox } from "./page-frame";

const portrait = { width: 600, height: 800 };

describe("toViewportBox", () => {
  it("is the identity for an unrotated page", () => {
    const box = { x0: 10, y0: 20, x1: 30, y1: 40 };
    expect(toViewportBox(box, { ...portrait, deskewAngle: 0 })).toEqual(box);
    expect(toViewportBox(box, portrait)).toEqual(box);
  });

  it("undoes a quarter turn: the upright frame's top-left came from the viewport's bottom-left", () => {
    // The viewport was landscape 800x600; turned 90 clockwise it became this 600x800 frame.
    const box = toViewportBox({ x0: 0, y0: 0, x1: 10, y1: 20 }, { ...portrait, deskewAngle: 90 });
    expect(box.x0).toBeCloseTo(0, 6);
    expect(box.x1).toBeCloseTo(20, 6);
    expect(box.y0).toBeCloseTo(590, 6);
    expect(box.y1).toBeCloseTo(600, 6);
  });

  it("undoes a half turn", () => {
    const box = toViewportBox({ x0: 0, y0: 0, x1: 10, y1: 20 }, { ...portrait, deskewAngle: 180 });
    expect(box.x0).toBeCloseTo(590, 6);
    expect(box.y0).toBeCloseTo(780, 6);
  });

  it("rotates a small deskew back about the page centre", () => {
    const centre = toViewportBox({ x0: 299, y0: 399, x1: 301, y1: 401 }, { ...portrait, deskewAngle: -2 });
    expect(centre.x0).toBeCloseTo(299, 0);
    expect(centre.y0).toBeCloseTo(399, 0);
    // A point 250 pt right of centre moves about 250 * sin(2°) = 8.7 pt vertically.
    const right = toViewportBox({ x0: 550, y0: 400, x1: 550, y1: 400 }, { ...portrait, deskewAngle: -2 });
    expect(Math.abs(right.y0 - 400)).toBeCloseTo(250 * Math.sin((2 * Math.PI) / 180), 1);
  });
});

describe("pixelBoxToPoints", () => {
  it("divides by pixels per point and rounds to 1/100 pt", () => {
    expect(pixelBoxToPoints({ x0: 300, y0: 600, x1: 301, y1: 1000 }, 300 / 72)).toEqual({
      x0: 72,
      y0: 144,
      x1: 72.24,
      y1: 240,
    });
  });
});
