import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type NumberFormat, parseAmount } from "./amount";

type Negative = "minus" | "parens" | "trailing" | "unicode";

/** Prints minor units (cents when decimals = 2) the way a statement would. */
function print(minor: bigint, decimals: 0 | 2, format: NumberFormat, negative: Negative): string {
  const magnitude = minor < 0n ? -minor : minor;
  const scale = decimals === 2 ? 100n : 1n;
  const whole = (magnitude / scale).toString();
  const fraction = (magnitude % scale).toString().padStart(decimals, "0");
  let text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, format.thousands);
  if (decimals > 0) text += format.decimal + fraction;
  if (minor >= 0n) return text;
  if (negative === "parens") return `(${text})`;
  if (negative === "trailing") return `${text}-`;
  if (negative === "unicode") return `−${text}`;
  return `-${text}`;
}

const formats: NumberFormat[] = [
  { decimal: ",", thousands: "." },
  { decimal: ".", thousands: "," },
  { decimal: ",", thousands: " " },
  { decimal: ".", thousands: " " },
  { decimal: ".", thousands: "'" },
  { decimal: ",", thousands: "" },
  { decimal: ".", thousands: "" },
];

const amount = fc.record({
  minor: fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }),
  decimals: fc.constantFrom<0 | 2>(0, 2),
  format: fc.constantFrom(...formats),
  negative: fc.constantFrom<Negative>("minus", "parens", "trailing", "unicode"),
});

function expected(minor: bigint, decimals: 0 | 2): number {
  const text = decimals === 2 ? (Number(minor) / 100).toFixed(2) : minor.toString();
  return Number(text);
}

describe("parseAmount round trip", () => {
  it("reads back every printed amount exactly in its document format", () => {
    fc.assert(
      fc.property(amount, ({ minor, decimals, format, negative }) => {
        const printed = print(minor, decimals, format, negative);
        const r = parseAmount(printed, format);
        expect(r, printed).not.toBeNull();
        expect(r?.value, printed).toBe(expected(minor, decimals));
        expect(r?.decimals).toBe(decimals);
        expect(r?.negative).toBe(minor < 0n);
        expect(r?.confidence).toBe(1);
      }),
      { numRuns: 2000 },
    );
  });

  it("without a format, never reads an amount wrongly with confidence above one half", () => {
    fc.assert(
      fc.property(amount, ({ minor, decimals, format, negative }) => {
        const printed = print(minor, decimals, format, negative);
        const r = parseAmount(printed);
        if (r === null) return;
        if (r.value !== expected(minor, decimals)) {
          expect(r.confidence, printed).toBeLessThanOrEqual(0.5);
          expect(r.alternative, printed).toBe(expected(minor, decimals));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
