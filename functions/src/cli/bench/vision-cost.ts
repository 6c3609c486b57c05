import type { VisionPageResult } from "../../pipeline/vision/types";
import { table } from "./bench-report";

/** One page the vision model was asked about during a bench run. */
export interface VisionPageCost {
  document: string;
  page: number;
  status: VisionPageResult["status"];
  tiles: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  /** From the usage the API (or the recording) reported, at the model's list price. */
  costUsd?: number;
  /** What the page's images bill by the model's published rule. */
  imageTokens?: number;
}

export function pageCost(document: string, result: VisionPageResult): VisionPageCost {
  return {
    document,
    page: result.page,
    status: result.status,
    tiles: result.tiles ?? 0,
    inputTokens: result.usage.inputTokens,
    outputTokens: result.usage.outputTokens,
    cachedInputTokens: result.usage.cachedInputTokens ?? 0,
    ...(result.costUsd === undefined ? {} : { costUsd: result.costUsd }),
    ...(result.imageTokens === undefined ? {} : { imageTokens: result.imageTokens }),
  };
}

export interface VisionCostSummary {
  documents: number;
  pages: number;
  tiles: number;
  inputTokens: number;
  outputTokens: number;
  /** Undefined when any page's price is unknown. */
  costUsd?: number;
  imageTokens?: number;
  perPage: {
    inputTokens: number;
    outputTokens: number;
    tiles: number;
    costUsd?: number;
    imageTokens?: number;
  };
}

export function summariseVisionCost(pages: VisionPageCost[]): VisionCostSummary {
  const sum = (pick: (p: VisionPageCost) => number) => pages.reduce((total, p) => total + pick(p), 0);
  const known = <K extends "costUsd" | "imageTokens">(key: K) =>
    pages.length > 0 && pages.every((p) => p[key] !== undefined) ? sum((p) => p[key] ?? 0) : undefined;
  const n = Math.max(1, pages.length);
  const costUsd = known("costUsd");
  const imageTokens = known("imageTokens");
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    documents: new Set(pages.map((p) => p.document)).size,
    pages: pages.length,
    tiles: sum((p) => p.tiles),
    inputTokens: sum((p) => p.inputTokens),
    outputTokens: sum((p) => p.outputTokens),
    ...(costUsd === undefined ? {} : { costUsd: round(costUsd) }),
    ...(imageTokens === undefined ? {} : { imageTokens }),
    perPage: {
      tiles: Math.round((sum((p) => p.tiles) / n) * 10) / 10,
      inputTokens: Math.round(sum((p) => p.inputTokens) / n),
      outputTokens: Math.round(sum((p) => p.outputTokens) / n),
      ...(costUsd === undefined ? {} : { costUsd: round(costUsd / n) }),
      ...(imageTokens === undefined ? {} : { imageTokens: Math.round(imageTokens / n) }),
    },
  };
}

/** Per document, then the run: tokens as reported, the list-price cost, and per page. */
export function visionCostTable(pages: VisionPageCost[], model: string, source: string): string {
  const documents = [...new Set(pages.map((p) => p.document))];
  const usd = (x: number | undefined) => (x === undefined ? "?" : `$${x.toFixed(4)}`);
  const row = (name: string, s: VisionCostSummary) => [
    name,
    String(s.pages),
    String(s.tiles),
    String(s.inputTokens),
    String(s.outputTokens),
    s.imageTokens === undefined ? "?" : String(s.imageTokens),
    usd(s.costUsd),
    String(s.perPage.inputTokens + s.perPage.outputTokens),
    usd(s.perPage.costUsd),
  ];
  const rows = documents.map((d) => row(d, summariseVisionCost(pages.filter((p) => p.document === d))));
  rows.push(row("all", summariseVisionCost(pages)));
  return `vision — ${model}, ${source}\n${table(
    [
      "document",
      "pages",
      "tiles",
      "input tok",
      "output tok",
      "image tok (rule)",
      "cost",
      "tok/page",
      "cost/page",
    ],
    rows,
  )}`;
}
