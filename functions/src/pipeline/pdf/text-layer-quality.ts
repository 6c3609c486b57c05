import type { Word } from "../types";

export interface TextLayerVerdict {
  usable: boolean;
  /** Machine-readable reason: "ok", "no_text", "too_little_text", "unmapped_glyphs", ... */
  reason: string;
  characters: number;
  digits: number;
}

export interface TextLayerContext {
  /**
   * Share of the page (0..1) painted by raster images. A page that is mostly one big image with
   * a few words on it is a scan with a stamped header.
   */
  imageCoverage?: number;
  /**
   * Share (0..1) of the text drawn invisibly (rendering mode 3). Invisible text over a page
   * image is another program's OCR: its numbers come without confidences, so unless the
   * caller trusts such layers the page is read again by our own OCR.
   */
  invisibleText?: number;
  trustInvisibleText?: boolean;
}

const MIN_CHARACTERS = 12;
const MAX_UNMAPPED_RATIO = 0.02;
const MAX_SYMBOL_RATIO = 0.3;
/** Over a full-page image, a text layer must carry a statement's worth of text and numbers. */
const MIN_CHARACTERS_OVER_IMAGE = 200;
const MIN_DIGITS_OVER_IMAGE = 20;
const MIN_TEXT_AREA_OVER_IMAGE = 0.03;

// Letters, digits, the punctuation of amounts and labels, currency signs; anything else counts
// as a symbol. Fonts without a Unicode map come out as runs of such symbols or as U+FFFD.
const ORDINARY = /[\p{L}\p{N}\s.,;:()[\]%\-–—/'"’“”&+*#=₺$€£]/u;
/** U+FFFD, control characters other than tab/newline, and private-use code points. */
function isUnmapped(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    code === 0xfffd ||
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0xe000 && code <= 0xf8ff) ||
    code >= 0xf0000
  );
}

/**
 * Decides whether a page's text layer can be trusted as-is (exact numbers) or the page must be
 * OCRed: no text, too little text, unmapped glyphs (U+FFFD, private use, control characters),
 * symbol soup from fonts without a Unicode map, or a thin header over a scanned image.
 */
export function isTextLayerUsable(
  words: Word[],
  pageArea: number,
  context: TextLayerContext = {},
): TextLayerVerdict {
  let characters = 0;
  let digits = 0;
  let unmapped = 0;
  let symbols = 0;
  let textArea = 0;
  let damagedNumbers = 0;
  for (const word of words) {
    let wordDigits = 0;
    let wordUnmapped = 0;
    for (const char of word.text) {
      characters += 1;
      if (/\p{N}/u.test(char)) wordDigits += 1;
      if (isUnmapped(char)) wordUnmapped += 1;
      else if (!ORDINARY.test(char)) symbols += 1;
    }
    digits += wordDigits;
    unmapped += wordUnmapped;
    if (wordDigits > 0 && wordUnmapped > 0) damagedNumbers += 1;
    textArea += Math.max(0, word.bbox.x1 - word.bbox.x0) * Math.max(0, word.bbox.y1 - word.bbox.y0);
  }
  const verdict = (usable: boolean, reason: string): TextLayerVerdict => ({
    usable,
    reason,
    characters,
    digits,
  });

  if (characters === 0) return verdict(false, "no_text");
  if (characters < MIN_CHARACTERS) return verdict(false, "too_little_text");
  if (unmapped / characters > MAX_UNMAPPED_RATIO) return verdict(false, "unmapped_glyphs");
  // A symbol-font bullet is harmless; a number with a glyph missing would be read wrong.
  if (damagedNumbers > 0) return verdict(false, "unmapped_glyphs_in_numbers");
  if (symbols / characters > MAX_SYMBOL_RATIO) return verdict(false, "symbol_garbage");
  if (
    (context.imageCoverage ?? 0) >= 0.5 &&
    (context.invisibleText ?? 0) >= 0.8 &&
    !context.trustInvisibleText
  ) {
    return verdict(false, "invisible_text_over_image");
  }
  if ((context.imageCoverage ?? 0) >= 0.5) {
    const thin =
      characters < MIN_CHARACTERS_OVER_IMAGE ||
      digits < MIN_DIGITS_OVER_IMAGE ||
      (pageArea > 0 && textArea / pageArea < MIN_TEXT_AREA_OVER_IMAGE);
    if (thin) return verdict(false, "header_over_image");
  }
  return verdict(true, "ok");
}
