/**
 * DejaVu Sans from the dejavu-fonts-ttf package, embedded (subset) in every PDF so Turkish
 * letters and the lira sign render everywhere: İ ı Ş ş Ğ ğ Ü ü Ö ö Ç ç ₺. Resolved through the
 * module system, so it works from any working directory, and nothing is downloaded. Parsed once
 * per process: parsing five TrueType files is most of the cost of a report otherwise.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { create, type Font } from "fontkit";

export type FontRole = "regular" | "bold" | "italic" | "condensed" | "condensedBold";

const FILES: Record<FontRole, string> = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  italic: "DejaVuSans-Oblique.ttf",
  condensed: "DejaVuSansCondensed.ttf",
  condensedBold: "DejaVuSansCondensed-Bold.ttf",
};

export const FONT_ROLES = Object.keys(FILES) as FontRole[];

const require = createRequire(import.meta.url);
const parsed = new Map<FontRole, Font>();

export function fontPath(role: FontRole): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${FILES[role]}`);
}

export function reportFont(role: FontRole): Font {
  let font = parsed.get(role);
  if (!font) {
    font = create(readFileSync(fontPath(role)));
    parsed.set(role, font);
  }
  return font;
}
