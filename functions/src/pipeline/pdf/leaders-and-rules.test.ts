import { describe, expect, it } from "vitest";
import { eraseLeadersAndRules } from "./leaders-and-rules";

// At 72 DPI one pixel is one point, so the sizes below read as the module's point sizes.
const WIDTH = 300;
const HEIGHT = 120;

function blank() {
  return { pixels: Buffer.alloc(WIDTH * HEIGHT, 255), width: WIDTH, height: HEIGHT };
}

function fill(image: ReturnType<typeof blank>, x0: number, y0: number, x1: number, y1: number) {
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) image.pixels[y * WIDTH + x] = 0;
}

const at = (image: { pixels: Buffer }, x: number, y: number) => image.pixels[y * WIDTH + x];

describe("eraseLeadersAndRules", () => {
  it("erases a thin rule but keeps the glyph standing on it", () => {
    const page = blank();
    fill(page, 10, 20, 200, 21); // a 2-pt rule, 190 pt long
    fill(page, 100, 10, 103, 19); // a glyph stem touching it from above
    const out = eraseLeadersAndRules(page, 72);
    expect(at(out, 50, 20)).toBe(255);
    expect(at(out, 150, 21)).toBe(255);
    expect(at(out, 101, 15)).toBe(0);
    expect(at(out, 101, 20)).toBe(0); // the stem's foot crosses the rule: thicker ink stays
  });

  it("keeps the joined tops of a bold word's letters", () => {
    const page = blank();
    fill(page, 10, 30, 70, 31); // 60 pt of thin ink along the x-height ...
    for (let x = 10; x < 70; x += 4) fill(page, x, 30, x + 1, 40); // ... with a stem every 4 pt
    const out = eraseLeadersAndRules(page, 72);
    expect(at(out, 12, 30)).toBe(0);
    expect(at(out, 10, 35)).toBe(0);
  });

  it("erases a scanned rule with blurred, broken edges", () => {
    const page = blank();
    fill(page, 10, 50, 200, 51);
    for (let x = 10; x < 200; x += 3) fill(page, x, 52, x, 52); // a sparse fringe below it
    const out = eraseLeadersAndRules(page, 72);
    expect(at(out, 100, 50)).toBe(255);
    expect(at(out, 13, 52)).toBe(255);
  });

  it("keeps a short dash and a thick bar", () => {
    const page = blank();
    fill(page, 10, 40, 19, 41); // a 10-pt dash: a zero in a US statement
    fill(page, 40, 40, 200, 45); // a 6-pt bar is not a rule
    const out = eraseLeadersAndRules(page, 72);
    expect(at(out, 15, 40)).toBe(0);
    expect(at(out, 100, 42)).toBe(0);
  });

  it("erases a vertical rule", () => {
    const page = blank();
    fill(page, 250, 5, 250, 100);
    expect(at(eraseLeadersAndRules(page, 72), 250, 50)).toBe(255);
  });

  it("erases a chain of leader dots but not the dots of a number or of an i", () => {
    const page = blank();
    for (let x = 20; x < 120; x += 4) fill(page, x, 60, x + 1, 61); // leader: 25 dots 2 pt apart
    // "1.234.567": digits (8 pt tall) with decimal points between them, on a baseline at y = 90.
    let x = 20;
    for (const char of "1.234.567") {
      if (char === ".") {
        fill(page, x, 89, x + 1, 90);
        x += 3;
      } else {
        fill(page, x, 82, x + 3, 90);
        x += 5;
      }
    }
    // "iiii": stems with tittles 1 pt above them.
    for (let i = 0; i < 4; i++) {
      fill(page, 150 + i * 4, 84, 151 + i * 4, 90);
      fill(page, 150 + i * 4, 81, 151 + i * 4, 82);
    }
    const out = eraseLeadersAndRules(page, 72);
    expect(at(out, 60, 60)).toBe(255);
    expect(at(out, 100, 61)).toBe(255);
    expect(at(out, 25, 89)).toBe(0); // the first decimal point
    expect(at(out, 150, 81)).toBe(0); // a tittle
  });

  it("keeps the full stop of an outline letter that a leader follows", () => {
    const page = blank();
    fill(page, 10, 22, 15, 30); // "D", 8 pt tall
    fill(page, 17, 29, 18, 30); // "."
    for (let x = 21; x < 80; x += 4) fill(page, x, 29, x + 1, 30); // the leader right after it
    fill(page, 40, 24, 40, 24); // a speck of scan noise above the leader
    const out = eraseLeadersAndRules(page, 72);
    expect(at(out, 17, 29)).toBe(0);
    expect(at(out, 41, 29)).toBe(255);
    expect(at(out, 61, 30)).toBe(255);
  });

  it("returns the very same image when there is nothing to erase", () => {
    const page = blank();
    fill(page, 10, 10, 14, 18);
    expect(eraseLeadersAndRules(page, 72)).toBe(page);
  });
});
