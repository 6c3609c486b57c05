import { groupWordsIntoLines } from "../layout/lines";
import { boundedEditDistance } from "../parse/edit-distance";
import { foldForMatching } from "../parse/turkish-text";
import type { PageWords } from "../types";

/** A page with fewer words than this has no text to judge a label against. */
const MIN_PAGE_WORDS = 5;
/** Share of a label's words that must be found on one printed line of the page. */
const FOUND_SHARE = 0.6;

interface PrintedLine {
  words: string[];
  compact: string;
}

interface PageText {
  lines: PrintedLine[];
  joined: string;
  ocr: boolean;
  count: number;
}

/**
 * Whether a label the model reported is printed on the page as the text layer or OCR read it:
 * most of its words on one printed line, OCR damage tolerated (an edit in a long word, words
 * run together). Words scattered over the page do not count: OCR garbage from dot leaders can
 * resemble any word. `undefined` when the page has no text to compare with.
 */
export function createPageText(pages: PageWords[]): (label: string, page: number) => boolean | undefined {
  const byPage = new Map<number, PageText>();
  for (const p of pages) {
    const lines = groupWordsIntoLines(p.words).map((line) => {
      const words = line.words.flatMap((w) => foldForMatching(w.text).split(" ")).filter(Boolean);
      return { words, compact: words.join("") };
    });
    const all = lines.flatMap((l) => l.words);
    byPage.set(p.page, { lines, joined: ` ${all.join(" ")} `, ocr: p.source === "ocr", count: all.length });
  }
  return (label, page) => {
    const text = byPage.get(page);
    if (!text || text.count < MIN_PAGE_WORDS) return undefined;
    const wanted = foldForMatching(label)
      .split(" ")
      .filter((w) => w.length >= 3 && !/^\d+$/.test(w));
    if (wanted.length === 0) return true;
    if (text.joined.includes(` ${wanted.join(" ")} `)) return true;
    return text.lines.some((line) => {
      const found = wanted.filter(
        (w) => line.words.includes(w) || (text.ocr && (line.compact.includes(w) || nearWord(w, line.words))),
      );
      return found.length / wanted.length >= FOUND_SHARE;
    });
  };
}

function nearWord(word: string, list: string[]): boolean {
  const allowed = word.length >= 10 ? 2 : word.length >= 6 ? 1 : 0;
  if (allowed === 0) return false;
  return list.some(
    (w) => Math.abs(w.length - word.length) <= allowed && boundedEditDistance(w, word, allowed) <= allowed,
  );
}
