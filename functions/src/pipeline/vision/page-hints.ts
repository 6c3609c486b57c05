import { detectNumberFormat, type NumberFormat } from "../parse/amount";
import type { BBox, PageWords, Statement } from "../types";
import type { PromptHints } from "./prompt";

export interface VisionHints extends PromptHints {
  /** The document's name, for recorders and replays. */
  document?: string;
  format?: NumberFormat;
  signal?: AbortSignal;
  /**
   * Where the statements are on the page, in points, on a page `pageWidth` points wide: the
   * region is sent in tiles at about 200 DPI. Without it the whole page is sent as one image.
   */
  region?: { box: BBox; pageWidth: number };
}

const TURKISH_LETTERS = /[ğüşıöçĞÜŞİÖÇ]/g;

/**
 * What the text layer and OCR already know about each page, passed to the model as hints
 * (language, expected statements, period headings) and to our amount parser (the document's
 * number format, so the model's "1.234" is read the way the document writes it).
 */
export function documentHints(pages: PageWords[], statements: Statement[]): (page: number) => VisionHints {
  const numeric = pages.flatMap((p) => p.words.map((w) => w.text).filter((t) => /\d/.test(t)));
  const detected = detectNumberFormat(numeric);
  const format = detected.confidence >= 0.5 ? detected.format : undefined;
  const turkish = pages.reduce(
    (n, p) =>
      n +
      (p.words
        .map((w) => w.text)
        .join(" ")
        .match(TURKISH_LETTERS)?.length ?? 0),
    0,
  );
  const language =
    statements[0]?.language ??
    (pages.some((p) => p.words.length > 20) ? (turkish >= 5 ? "tr" : "en") : undefined);
  return (page) => {
    const here = statements.filter((s) => (s.pages ?? s.items.map((i) => i.page)).includes(page));
    return {
      language,
      format,
      expectedTypes: here.length ? [...new Set(here.map((s) => s.type))] : undefined,
      periodLabels: here.length
        ? [...new Set(here.flatMap((s) => s.periods.map((p) => p.label)))]
        : undefined,
    };
  };
}
