/**
 * Turkish has two letters i: dotted (i/İ) and dotless (ı/I). JavaScript's locale-free
 * toLowerCase turns "I" into "i" and "İ" into "i" plus a combining dot, so "KISA" and "İŞ"
 * would not compare with what a Turkish reader sees. These helpers apply the Turkish rules first.
 */

export function turkishLowerCase(text: string): string {
  return text.replace(/İ/g, "i").replace(/I/g, "ı").toLowerCase();
}

export function turkishUpperCase(text: string): string {
  return text.replace(/i/g, "İ").replace(/ı/g, "I").toUpperCase();
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’‘`´ʼ]/g;
// Letters, digits, "&" (trade & other) and "%" survive; everything else separates words.
const NOT_KEPT = /[^\p{L}\p{N}&%]+/gu;

/**
 * A comparison form for labels: Turkish-aware lower case, then every diacritic folded away
 * (ı→i, ş→s, ğ→g, ü→u, ö→o, ç→c, â→a, î→i, û→u) so that "KÂR", "Kar" and OCR's "Kâr"
 * compare equal. Apostrophes join ("Shareholders' funds" → "shareholders funds", "TL'nin" →
 * "tlnin"); other punctuation becomes a single space.
 */
export function foldForMatching(text: string): string {
  return turkishLowerCase(text)
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .replace(/ı/g, "i")
    .replace(APOSTROPHES, "")
    .replace(NOT_KEPT, " ")
    .trim();
}
