import type { PageWords, Statement } from "../types";

export type VisionMode = "off" | "fallback" | "always";

/** Below this mean OCR word confidence a page is worth a second reading in fallback mode. */
export const FALLBACK_OCR_CONFIDENCE = 0.75;

/**
 * The pages the vision model should read. `always`: every page. `fallback`: pages whose OCR
 * is unsure (mean word confidence below the threshold) or that carry a statement whose checks
 * fail; and, while a statement type is still missing, the scanned pages where the parser found
 * no statement (a scan the parser could not read may be the missing income statement). Every
 * page when the text layer and OCR found no statement at all.
 */
export function selectVisionPages(
  mode: VisionMode,
  pages: PageWords[],
  statements: Statement[],
  threshold = FALLBACK_OCR_CONFIDENCE,
): number[] {
  if (mode === "off") return [];
  if (mode === "always" || statements.length === 0) return pages.map((p) => p.page);
  const failing = new Set(statements.filter((s) => s.checks.some((c) => !c.ok)).flatMap(pagesOf));
  const covered = new Set(statements.flatMap(pagesOf));
  const typeMissing = new Set(statements.map((s) => s.type)).size < 2;
  return pages
    .filter(
      (p) =>
        (p.source === "ocr" && p.meanConfidence < threshold) ||
        failing.has(p.page) ||
        (typeMissing && p.source === "ocr" && !covered.has(p.page)),
    )
    .map((p) => p.page);
}

function pagesOf(statement: Statement): number[] {
  return statement.pages ?? [...new Set(statement.items.map((i) => i.page))];
}
