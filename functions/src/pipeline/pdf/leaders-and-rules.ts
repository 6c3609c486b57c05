import { forEachComponent } from "./ink-components";
import type { GreyImage } from "./rasterise";
import { otsuThreshold } from "./skew-estimate";

/** Sizes in points (1/72 inch), turned into pixels with the page's resolution. */
const MIN_RULE_LENGTH_PT = 20;
/** Thin enough for a rule with specks of scan noise on it; a glyph touching it is taller. */
const MAX_RULE_THICKNESS_PT = 3;
/** Paper a scanned rule may show through without ending. */
const RULE_GAP_PT = 0.5;
const MIN_RUN_DENSITY = 0.85;
const MIN_THIN_SHARE = 0.8;
const MAX_DOT_PT = 2.6;
const MAX_DOT_GAP_PT = 6;
const DOT_LINE_TOLERANCE_PT = 1.2;
/** A tittle (i, j) or an umlaut has its letter this close below; a leader dot has nothing. */
const DOT_CLEARANCE_PT = 2;
/** How far to each side and how high above a dot a neighbouring glyph is looked for. */
const NEIGHBOUR_PT = 3;
const GLYPH_ABOVE_PT = 4;
/** Ink allowed in those places, in pixels per square point: specks of scan noise. */
const NOISE_ABOVE = 0.8;
const NOISE_BELOW = 0.3;
const MIN_LEADER_DOTS = 4;

/**
 * Erases table rules and dotted leaders before OCR. Statements draw a rule under the period
 * header and above totals, and join labels to amounts with dot leaders; Tesseract reads a rule
 * touching a header as dashes (the year above it was lost: US-style scans scored 12%) and a
 * leader as a row of garbage words that also swallows the label's last letters.
 *
 * A rule is a nearly solid horizontal or vertical run of ink at least 20 pt long that is at
 * most 3 pt thick almost all along; where a glyph crosses or touches it the ink is thicker and
 * stays, and the tops of a bold word's letters, thin too, have a stem every few pixels.
 * A leader is a chain of at least four small dots on one line, at most 6 pt apart, with only
 * paper between them, no glyph just above them (the full stop of "D." and the decimal points
 * of "1.234.567" stay) and no stem just below (the dots of i, j, ü and ö stay).
 */
export function eraseLeadersAndRules(image: GreyImage, dpi: number): GreyImage {
  const { pixels, width, height } = image;
  const pt = dpi / 72;
  const threshold = otsuThreshold(pixels);
  const ink = new Uint8Array(width * height);
  for (let i = 0; i < ink.length; i++) ink[i] = (pixels[i] ?? 255) <= threshold ? 1 : 0;
  const erase = new Uint8Array(width * height);
  markRules(ink, width, height, {
    minLength: Math.round(MIN_RULE_LENGTH_PT * pt),
    maxThickness: Math.max(2, MAX_RULE_THICKNESS_PT * pt),
    maxGap: Math.max(1, Math.round(RULE_GAP_PT * pt)),
    erase,
  });
  for (let i = 0; i < ink.length; i++) if (erase[i]) ink[i] = 0;
  markLeaders(ink, width, height, pt, erase);

  let erased = 0;
  for (const flag of erase) erased += flag;
  if (erased === 0) return image;
  // The anti-aliased fringe next to erased ink goes too, or it stays behind as a faint ghost.
  const out = Buffer.from(pixels);
  for (let i = 0; i < out.length; i++) {
    if (!erase[i]) continue;
    out[i] = 255;
    const x = i % width;
    for (const n of [i - 1, i + 1, i - width, i + width]) {
      if (n < 0 || n >= out.length || ink[n] || Math.abs((n % width) - x) > 1) continue;
      out[n] = 255;
    }
  }
  return { ...image, pixels: out };
}

/** Marks long thin runs, horizontal and vertical. */
function markRules(
  ink: Uint8Array,
  width: number,
  height: number,
  rule: { minLength: number; maxThickness: number; maxGap: number; erase: Uint8Array },
): void {
  for (const alongRows of [true, false]) {
    // Thickness: the unbroken ink run through a pixel, across the rule's direction.
    const thickness = runLengths(ink, width, height, !alongRows);
    const lines = alongRows ? height : width;
    const span = alongRows ? width : height;
    const step = alongRows ? 1 : width;
    for (let line = 0; line < lines; line++) {
      const first = alongRows ? line * width : line;
      let start = 0;
      while (start < span) {
        if (!ink[first + start * step]) {
          start++;
          continue;
        }
        // A run may bridge a pixel or two of paper: noise and blur break a scanned rule.
        let end = start;
        let gap = 0;
        let inked = 0;
        let thin = 0;
        while (end < span && gap <= rule.maxGap) {
          const at = first + end * step;
          if (ink[at]) {
            gap = 0;
            inked++;
            if ((thickness[at] as number) <= rule.maxThickness) thin++;
          } else {
            gap++;
          }
          end++;
        }
        end -= gap;
        // A rule is solid and thin nearly all along, crossed by a glyph here and there; the tops
        // of a bold word's letters are thin too, but their stems come every few pixels.
        if (
          end - start >= rule.minLength &&
          inked >= MIN_RUN_DENSITY * (end - start) &&
          thin >= MIN_THIN_SHARE * inked
        ) {
          for (let k = start; k < end; k++) {
            const at = first + k * step;
            if (ink[at] && (thickness[at] as number) <= rule.maxThickness) rule.erase[at] = 1;
          }
        }
        start = end;
      }
    }
    eraseWholeThickness(ink, width, height, !alongRows, rule.maxThickness, rule.erase);
  }
}

/**
 * A rule's blurred edge is ink only here and there, too sparse to count as a run of its own:
 * wherever part of a thin cross-section was erased, the whole cross-section goes.
 */
function eraseWholeThickness(
  ink: Uint8Array,
  width: number,
  height: number,
  alongRows: boolean,
  maxThickness: number,
  erase: Uint8Array,
): void {
  forEachRun(ink, width, height, alongRows, (at, start, end) => {
    if (end - start > maxThickness) return;
    let touched = false;
    for (let k = start; k < end && !touched; k++) touched = erase[at(k)] === 1;
    if (touched) for (let k = start; k < end; k++) erase[at(k)] = 1;
  });
}

/** For every ink pixel, the length of the unbroken ink run through it along rows or columns. */
function runLengths(ink: Uint8Array, width: number, height: number, alongRows: boolean): Uint16Array {
  const lengths = new Uint16Array(width * height);
  forEachRun(ink, width, height, alongRows, (at, start, end) => {
    const length = Math.min(end - start, 65535);
    for (let k = start; k < end; k++) lengths[at(k)] = length;
  });
  return lengths;
}

/** Every unbroken run of ink along rows or columns: `at(k)` is the k-th pixel of its line. */
function forEachRun(
  ink: Uint8Array,
  width: number,
  height: number,
  alongRows: boolean,
  visit: (at: (k: number) => number, start: number, end: number) => void,
): void {
  const lines = alongRows ? height : width;
  const span = alongRows ? width : height;
  const step = alongRows ? 1 : width;
  for (let line = 0; line < lines; line++) {
    const first = alongRows ? line * width : line;
    const at = (k: number) => first + k * step;
    let start = 0;
    while (start < span) {
      if (!ink[at(start)]) {
        start++;
        continue;
      }
      let end = start;
      while (end < span && ink[at(end)]) end++;
      visit(at, start, end);
      start = end;
    }
  }
}

interface Dot {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  pixels: number[];
}

/** Marks chains of leader dots. */
function markLeaders(ink: Uint8Array, width: number, height: number, pt: number, erase: Uint8Array): void {
  const maxDot = Math.max(2, Math.round(MAX_DOT_PT * pt));
  const dots = smallComponents(ink, width, height, maxDot).filter(
    (dot) =>
      Math.max(dot.x1 - dot.x0, dot.y1 - dot.y0) + 1 <=
        3 * (Math.min(dot.x1 - dot.x0, dot.y1 - dot.y0) + 1) && standsAlone(ink, width, height, dot, pt),
  );
  const tolerance = DOT_LINE_TOLERANCE_PT * pt;
  const maxGap = MAX_DOT_GAP_PT * pt;
  dots.sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1));
  // Lines of dots: consecutive centres (sorted by height) within the tolerance.
  let lineStart = 0;
  for (let i = 1; i <= dots.length; i++) {
    const previous = dots[i - 1] as Dot;
    const current = dots[i];
    if (current && (current.y0 + current.y1) / 2 - (previous.y0 + previous.y1) / 2 <= tolerance) continue;
    const line = dots.slice(lineStart, i).sort((a, b) => a.x0 - b.x0);
    let chainStart = 0;
    for (let j = 1; j <= line.length; j++) {
      const next = line[j];
      const previous = line[j - 1] as Dot;
      if (next && next.x0 - previous.x1 <= maxGap && nothingBetween(ink, width, previous, next, pt)) continue;
      if (j - chainStart >= MIN_LEADER_DOTS) {
        for (const dot of line.slice(chainStart, j)) for (const p of dot.pixels) erase[p] = 1;
      }
      chainStart = j;
    }
    lineStart = i;
  }
}

/**
 * Leader dots follow each other with nothing but paper between them; the full stops of
 * "1.234.567" have digits between them (scan noise aside).
 */
function nothingBetween(ink: Uint8Array, width: number, left: Dot, right: Dot, pt: number): boolean {
  const top = Math.max(0, Math.min(left.y0, right.y0) - Math.round(GLYPH_ABOVE_PT * pt));
  const bottom = Math.max(left.y1, right.y1);
  let inked = 0;
  for (let y = top; y <= bottom; y++) {
    for (let x = left.x1 + 1; x < right.x0; x++) inked += ink[y * width + x] as number;
  }
  return inked <= NOISE_ABOVE * pt * pt;
}

/**
 * A leader dot stands alone. Above it and a little to each side there is no glyph: that keeps
 * the full stop of "D." and the decimal point of "299.554", whose neighbours rise to the cap
 * height. Right below it there is no stem: that keeps the dots of i and j. A few pixels of
 * scan noise in either place are allowed.
 */
function standsAlone(ink: Uint8Array, width: number, height: number, dot: Dot, pt: number): boolean {
  const count = (x0: number, y0: number, x1: number, y1: number) => {
    let inked = 0;
    for (let y = Math.max(0, y0); y <= Math.min(height - 1, y1); y++) {
      for (let x = Math.max(0, x0); x <= Math.min(width - 1, x1); x++) inked += ink[y * width + x] as number;
    }
    return inked;
  };
  const side = Math.round(NEIGHBOUR_PT * pt);
  const above = count(dot.x0 - side, dot.y0 - Math.round(GLYPH_ABOVE_PT * pt), dot.x1 + side, dot.y0 - 1);
  const below = count(dot.x0, dot.y1 + 1, dot.x1, dot.y1 + Math.round(DOT_CLEARANCE_PT * pt));
  return above <= NOISE_ABOVE * pt * pt && below <= NOISE_BELOW * pt * pt;
}

/** 8-connected components no larger than `maxSide` either way. */
function smallComponents(ink: Uint8Array, width: number, height: number, maxSide: number): Dot[] {
  const dots: Dot[] = [];
  forEachComponent(
    width,
    height,
    (index) => ink[index] === 1,
    (c) => {
      if (c.x1 - c.x0 < maxSide && c.y1 - c.y0 < maxSide) {
        dots.push({ x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1, pixels: Array.from(c.members) });
      }
    },
  );
  return dots;
}
