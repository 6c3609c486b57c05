import { boundedEditDistance, editAllowance } from "./edit-distance";
import { THP_PLAN } from "./thp-accounts";
import { foldForMatching } from "./turkish-text";

/**
 * What precedes a label's words: a THP account code ("100 Kasa", "100. Kasa", "120.01 Yurt İçi
 * Alıcılar") or an outline marker ("I. DÖNEN VARLIKLAR", "A. Hazır Değerler", "1.Dönen
 * Varlıklar", "(a)"). Markers come back without their punctuation.
 */
export interface AccountCodePrefix {
  code?: string;
  marker?: string;
  markerKind?: "roman" | "letter" | "number";
  rest: string;
}

const NAMES_BY_CODE = new Map(THP_PLAN.map((e) => [e.code, foldForMatching(e.name.replace(/\(-\)/g, ""))]));

/** Whether the words after a one- or two-digit number are that class's or group's name. */
function namesGroup(code: string, rest: string): boolean {
  const name = NAMES_BY_CODE.get(code);
  if (!name) return false;
  const folded = foldForMatching(rest.replace(/\(-\)/g, ""));
  if (folded.startsWith(name)) return true;
  const head = folded.slice(0, name.length);
  return boundedEditDistance(head, name, editAllowance(name.length)) <= editAllowance(name.length);
}

const BULLET = /^[•·▪◦*‣⁃–—-]+\s+/;
/** A speck before the first word that OCR read as a quote mark ("“A. Ödenmiş Sermaye"). */
const STRAY_QUOTES = /^[“”"„«»`]+/;
/** "11.", "111.": II and III misread (a lone "1." is a numbered line as often as class I). */
const MISREAD_ROMAN = /^([1lI|]{2,3})[.)]\s*(?=\S)/;
const ACCOUNT = /^([1-9]\d{2}(?:[.-]\d{1,4})*)(?![\d])\s*[.):\-–]?\s*(?=\S)/;
const SHORT_NUMBER = /^(\d{1,2})(?![\d])([.)\-–]?)\s*(?=\S)/;
const ROMAN = /^\(?((?:X{0,3})(?:IX|IV|V?I{0,3}))([.)\-–])\s*(?=\S)/;
const ROMAN_LOWER = /^\(?((?:x{0,3})(?:ix|iv|v?i{0,3}))[.)]\s*(?=\S)/;
const LETTER = /^\(?([A-ZÇĞİÖŞÜ])([.)])\s*(?=\S)/u;
// OCR reads "(a)" as "(@)" often enough.
const LETTER_LOWER = /^\(?([a-zçğıöşü@])\)\s*(?=\S)/u;
const NESTED_NUMBER = /^\(?(\d{1,2}(?:\.\d{1,2})+)\.?\)?\s+(?=\S)/;
const PAREN_NUMBER = /^\((\d{1,2})\)\s*(?=\S)/;

function marker(kind: AccountCodePrefix["markerKind"], value: string, rest: string): AccountCodePrefix {
  return { marker: value, markerKind: kind, rest: rest.trim() };
}

/**
 * Splits a code or marker from the front of a label. Three-digit numbers are THP codes; one-
 * and two-digit numbers are codes only when printed without a dot and followed by their
 * class or group name ("1 DÖNEN VARLIKLAR", "10 Hazır Değerler"); otherwise they are outline
 * markers ("1. Yurtiçi Satışlar", "1.Dönen Varlıklar").
 */
export function parseAccountCodePrefix(label: string): AccountCodePrefix {
  const text = label.trim().replace(BULLET, "").replace(STRAY_QUOTES, "");
  // "111. KISA VADELİ YABANCI KAYNAKLAR" is "III." misread: the class the numeral counts.
  const ones = text.match(MISREAD_ROMAN);
  if (ones?.[1]) {
    const rest = text.slice(ones[0].length);
    if (namesGroup(String(ones[1].length), rest)) return marker("roman", "I".repeat(ones[1].length), rest);
  }
  const account = text.match(ACCOUNT);
  if (account?.[1]) {
    const rest = text.slice(account[0].length);
    if (/^\p{L}/u.test(rest)) return { code: account[1], rest: rest.trim() };
  }
  const nested = text.match(NESTED_NUMBER);
  if (nested?.[1]) return marker("number", nested[1], text.slice(nested[0].length));
  const paren = text.match(PAREN_NUMBER);
  if (paren?.[1]) return marker("number", paren[1], text.slice(paren[0].length));
  const short = text.match(SHORT_NUMBER);
  if (short?.[1]) {
    const rest = text.slice(short[0].length);
    if (!/^\p{L}/u.test(rest)) return { rest: text };
    if (short[2] === "" && namesGroup(short[1], rest)) return { code: short[1], rest: rest.trim() };
    return marker("number", short[1], rest);
  }
  const roman = text.match(ROMAN);
  if (roman?.[1] && /^\p{L}/u.test(text.slice(roman[0].length))) {
    const rest = text.slice(roman[0].length);
    // THP's ninth group letter is "I": "I. Diğer Kısa Vadeli Yabancı Kaynaklar" is group 39.
    const ninthGroup = roman[1] === "I" && (namesGroup("39", rest) || namesGroup("67", rest));
    return marker(ninthGroup ? "letter" : "roman", roman[1], rest);
  }
  const romanLower = text.match(ROMAN_LOWER);
  if (romanLower?.[1]) return marker("roman", romanLower[1], text.slice(romanLower[0].length));
  const letter = text.match(LETTER);
  // "A.Ş." is an abbreviation, not group A.
  if (letter?.[1] && !/^\p{L}\.(?:\s|$)/u.test(text.slice(letter[0].length))) {
    return marker("letter", letter[1], text.slice(letter[0].length));
  }
  const letterLower = text.match(LETTER_LOWER);
  // "(a) Capital", "(b) Reserves": items of a list, not THP's lettered groups.
  if (letterLower?.[1]) return marker("number", letterLower[1], text.slice(letterLower[0].length));
  return { rest: text };
}
