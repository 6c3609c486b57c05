/**
 * Relative advance widths (1/1000 em, Helvetica metrics) used to place word boundaries inside
 * a pdfjs text item. pdfjs gives an item's total width but not per-glyph positions; spreading
 * that width in proportion to typical glyph widths puts a word's edges within a fraction of a
 * character, which is all the column layout needs. The estimate is always rescaled to the
 * item's real width, so the font only has to be roughly proportional, not exact.
 */
const HELVETICA_ASCII: readonly number[] = [
  // 32..63: space ! " # $ % & ' ( ) * + , - . / 0-9 : ; < = > ?
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  // 64..95: @ A-Z [ \ ] ^ _
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611,
  722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  // 96..126: ` a-z { | } ~
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278,
  556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

const DEFAULT_WIDTH = 556;

export function glyphWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 32 && code <= 126) return HELVETICA_ASCII[code - 32] ?? DEFAULT_WIDTH;
  if (code === 0x131) return 278; // dotless ı
  if (code === 0x20ba) return 556; // ₺
  // Accented letters (ö, ş, ğ, İ ...) are as wide as their base letter.
  const base = char.normalize("NFD").charAt(0);
  const baseCode = base.codePointAt(0) ?? 0;
  if (base !== char && baseCode >= 32 && baseCode <= 126)
    return HELVETICA_ASCII[baseCode - 32] ?? DEFAULT_WIDTH;
  return DEFAULT_WIDTH;
}
