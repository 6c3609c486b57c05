import { isAppError } from "../../app-error";
import type { TokenUsage } from "../../platform/llm/port";
import { extractStatements } from "../statement/extract";
import type { PageWords, Statement, VisionUsage } from "../types";
import type { VisionReader } from "../vision/reader";
import type { VisionPageResult } from "../vision/types";
import { reconcileStatements } from "./reconcile";

export interface ExtractWithVisionResult {
  statements: Statement[];
  warnings: string[];
  /** The output's `vision` block: `{ mode: "off" }` when no model is configured. */
  vision: VisionUsage;
  usage: TokenUsage;
  pages: VisionPageResult[];
  /** Milliseconds per stage, for the output's `timings.stages`. */
  timings: { parse: number; vision?: number; reconcile?: number };
}

/**
 * The parser, then the vision model on the pages the mode selects, then reconciliation. When
 * the text layer and OCR find no statement, the model still reads the pages (a vision-only
 * statement is kept at low confidence); only when neither finds one does no_statement_found
 * stand. Without a reader (or in mode off) this is exactly `extractStatements`.
 */
export async function extractWithVision(
  pages: PageWords[],
  reader: VisionReader | undefined,
  options: { document?: string; signal?: AbortSignal } = {},
): Promise<ExtractWithVisionResult> {
  const off = { mode: "off" as const };
  const t0 = performance.now();
  const since = (t: number) => Math.round(performance.now() - t);
  if (!reader || reader.mode === "off") {
    const parsed = extractStatements(pages);
    return {
      ...parsed,
      vision: off,
      usage: { inputTokens: 0, outputTokens: 0 },
      pages: [],
      timings: { parse: since(t0) },
    };
  }
  let parsed: { statements: Statement[]; warnings: string[] };
  let notFound: unknown;
  try {
    parsed = extractStatements(pages);
  } catch (error) {
    if (!isAppError(error) || error.code !== "no_statement_found") throw error;
    notFound = error;
    parsed = { statements: [], warnings: [] };
  }
  const parseMs = since(t0);
  const t1 = performance.now();
  const read = await reader.readDocument(pages, parsed.statements, options);
  const visionMs = since(t1);
  const t2 = performance.now();
  const reconciled = reconcileStatements(parsed.statements, read.pages, pages);
  if (reconciled.statements.length === 0) throw notFound;
  return {
    statements: reconciled.statements,
    warnings: [...new Set([...parsed.warnings, ...read.warnings, ...reconciled.warnings])],
    vision: read.summary,
    usage: read.usage,
    pages: read.pages,
    timings: { parse: parseMs, vision: visionMs, reconcile: since(t2) },
  };
}
