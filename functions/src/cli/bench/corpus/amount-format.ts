/** How a document prints its amounts. */
export interface AmountStyle {
  /** "tr": 1.234.567,89 ; "en": 1,234,567.89 */
  separators: "tr" | "en";
  decimals: 0 | 2;
  negatives: "minus" | "parens";
  /** What an amount of exactly zero looks like on the page. */
  zero: "—" | "-" | "0";
}

/**
 * Formats an amount held in minor units of the printed unit (kuruş/cents when decimals = 2,
 * whole printed units otherwise): integers keep the generator's arithmetic exact.
 */
export function formatPrintedAmount(minor: number, style: AmountStyle): string {
  if (!Number.isInteger(minor)) throw new Error(`amount ${minor} is not in minor units`);
  if (minor === 0 && style.zero !== "0") return style.zero;
  const scale = 10 ** style.decimals;
  const magnitude = Math.abs(minor);
  const whole = Math.floor(magnitude / scale);
  const fraction = magnitude % scale;
  const thousands = style.separators === "tr" ? "." : ",";
  const decimalMark = style.separators === "tr" ? "," : ".";
  let text = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  if (style.decimals > 0) text += decimalMark + String(fraction).padStart(style.decimals, "0");
  if (minor >= 0) return text;
  return style.negatives === "parens" ? `(${text})` : `-${text}`;
}

/** Minor units times the unit multiplier: the absolute amount the truth records. */
export function absoluteAmount(minor: number, decimals: 0 | 2, unit: number): number {
  if (decimals === 0) return minor * unit;
  // Round to cents so that 12345678.91 is written as such, not 12345678.910000001.
  return Math.round(minor * unit) / 100;
}
