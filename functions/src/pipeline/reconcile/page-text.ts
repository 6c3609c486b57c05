import { boundedEditDistance } from "../parse/edit-distance";
import { foldForMatching } from "../parse/turkish-text";
import type { PageWords } from "../types";

/** A page with fewer words than this has no text to judge a label against. */
const MIN_PAGE_WORDS = 5;
/** Share of a label's words that must be found on the page. */
const FOUND_SHARE = 0.6;

interface PageText {
  words: Set<string>;
  list: string[];
  joined: string;
  ocr: boolean;
}

/**
 * Whether a label the model reported is printed on the page as the text layer or OCR read it.
 * OCR damage is tolerated (an edit or two in a long word, words run together); a label whose
 * words are mostly absent was not read from this page. `undefined` when the page has no text
 * to compare with (a blank or failed OCR).
 */
export function createPageText(pages: PageWords[]): (label: string, page: number) => boolean | undefined {
  const byPage = new Map<number, PageText>();
  for (const p of pages) {
    const list = p.words.flatMap((w) => foldForMatching(w.text).split(" ")).filter(Boolean);
    byPage.set(p.page, {
      words: new Set(list),
      list,
      joined: ` ${list.join(" ")} `,
      ocr: p.source === "ocr",
    });
  }
  return (label, page) => {
    const text = byPage.get(page);
    if (!text || text.list.length < MIN_PAGE_WORDS) return undefined;
    const wanted = foldForMatching(label)
      .split(" ")
      .filter((w) => w.length >= 3 && !/^\d+$/.test(w));
    if (wanted.length === 0) return true;
    if (text.joined.includes(` ${wanted.join(" ")} `)) return true;
    const compact = text.list.join("");
    const found = wanted.filter(
      (w) => text.words.has(w) || (text.ocr && (nearWord(w, text.list) || compact.includes(w))),
    );
    return found.length / wanted.length >= FOUND_SHARE;
  };
}

function nearWord(word: string, list: string[]): boolean {
  const allowed = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
  if (allowed === 0) return false;
  return list.some(
    (w) => Math.abs(w.length - word.length) <= allowed && boundedEditDistance(w, word, allowed) <= allowed,
  );
}
