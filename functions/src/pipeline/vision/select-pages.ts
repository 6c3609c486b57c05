import type { PageWords, Statement } from "../types";

export type VisionMode = "off" | "fallback" | "always";

/** Below this mean OCR word confidence a page is worth a second reading in fallback mode. */
export const FALLBACK_OCR_CONFIDENCE = 0.75;

/**
 * The pages the vision model should read. `always`: every page. `fallback`: pages whose OCR
 * is unsure (mean word confidence below the threshold) or that carry a statement whose checks
 * fail; every page when the text layer and OCR found no statement at all.
 */
export function selectVisionPages(
  mode: VisionMode,
  pages: PageWords[],
  statements: Statement[],
  threshold = FALLBACK_OCR_CONFIDENCE,
): number[] {
  if (mode === "off") return [];
  if (mode === "always" || statements.length === 0) return pages.map((p) => p.page);
  const failing = new Set(
    statements.filter((s) => s.checks.some((c) => !c.ok)).flatMap((s) => s.pages ?? itemPages(s)),
  );
  return pages
    .filter((p) => (p.source === "ocr" && p.meanConfidence < threshold) || failing.has(p.page))
    .map((p) => p.page);
}

function itemPages(statement: Statement): number[] {
  return [...new Set(statement.items.map((i) => i.page))];
}
