import type { NativeTesseractResult } from "./native-tesseract";
import { ACCURACY_TARGETS, type DocumentScore, type GroupSummary, percentile } from "./score";

/** A plain monospace table: the first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const percent = (x: number) => `${(x * 100).toFixed(2)}%`;

export function summaryTable(summaries: GroupSummary[], peakRssMb: Record<string, number> = {}): string {
  return table(
    [
      "group",
      "docs",
      "fields",
      "accuracy",
      "target",
      "wrong",
      "hi-conf err",
      "missing",
      "extra",
      "flagged",
      "unflagged fail",
      "errors",
      "s/page med",
      "s/page p95",
      "peak RSS MB",
    ],
    summaries.map((s) => [
      s.group,
      String(s.documents),
      String(s.fields),
      percent(s.accuracy),
      ACCURACY_TARGETS[s.group] === undefined ? "" : `≥${(ACCURACY_TARGETS[s.group]! * 100).toFixed(1)}%`,
      String(s.wrong),
      String(s.highConfidenceErrors),
      String(s.missing),
      String(s.extra),
      String(s.flaggedDocuments),
      String(s.unflaggedFailures),
      String(s.errors),
      s.medianSecondsPerPage.toFixed(2),
      s.p95SecondsPerPage.toFixed(2),
      peakRssMb[s.group] === undefined ? "" : peakRssMb[s.group]!.toFixed(0),
    ]),
  );
}

/**
 * Native Tesseract against Finstat on the same scanned documents: the native binary's OCR
 * alone (one thread) beside Finstat's whole pipeline, and the ratio of their total seconds.
 */
export function nativeTable(
  results: NativeTesseractResult[],
  pipeline: GroupSummary[],
  scores: DocumentScore[],
): string {
  return table(
    [
      "group (native tesseract, 1 thread, psm 6)",
      "docs",
      "pages",
      "s/page med",
      "s/page p95",
      "accuracy",
      "Finstat s/page med",
      "Finstat ÷ native",
      "pipeline accuracy (all docs)",
    ],
    results.map((r) => {
      const ours = pipeline.find((s) => s.group === r.group);
      const same = r.scores.flatMap((n) => {
        const finstat = scores.find((s) => s.id === n.id && s.variant === r.group && !s.error);
        return finstat ? [{ native: n, finstat }] : [];
      });
      const nativeSeconds = same.reduce((t, p) => t + p.native.seconds, 0);
      const finstatSeconds = same.reduce((t, p) => t + p.finstat.seconds, 0);
      return [
        r.group,
        String(r.documents),
        String(r.pages),
        r.medianSecondsPerPage.toFixed(2),
        r.p95SecondsPerPage.toFixed(2),
        percent(r.accuracy),
        percentile(
          same.map((p) => p.finstat.secondsPerPage),
          0.5,
        ).toFixed(2),
        nativeSeconds > 0 ? `${(finstatSeconds / nativeSeconds).toFixed(2)}×` : "",
        ours ? percent(ours.accuracy) : "",
      ];
    }),
  );
}

/** One line per document: what a reader of the real set wants to see first. */
export function documentTable(scores: DocumentScore[]): string {
  return table(
    [
      "document",
      "group",
      "fields",
      "accuracy",
      "wrong",
      "hi-conf err",
      "missing",
      "flagged",
      "pages",
      "seconds",
      "error",
    ],
    scores.map((s) => [
      s.id,
      `${s.variant}/${s.style}`,
      String(s.fields),
      percent(s.accuracy),
      String(s.wrong),
      String(s.highConfidenceErrors),
      String(s.missing),
      s.flagged ? "yes" : "no",
      String(s.pages),
      s.seconds.toFixed(1),
      s.error ?? "",
    ]),
  );
}

/**
 * Tesseract alone beside Tesseract with the local second reader, per group of scans read both
 * ways, and the default rule's verdict: keep the reader on by default only when it lifts
 * accuracy by 3 points or halves the flagged values, at no more than 1.5 times the time.
 */
export function secondReaderTable(summaries: GroupSummary[], localSuffix: string): string {
  const pairs = summaries.flatMap((local) => {
    if (!local.group.endsWith(localSuffix)) return [];
    const alone = summaries.find((s) => s.group === local.group.slice(0, -localSuffix.length));
    return alone ? [{ alone, local }] : [];
  });
  if (pairs.length === 0) return "";
  const rows = pairs.map(({ alone, local }) => {
    const lift = (local.accuracy - alone.accuracy) * 100;
    const halved = local.flaggedValues * 2 <= alone.flaggedValues && alone.flaggedValues > 0;
    const ratio = alone.seconds > 0 ? local.seconds / alone.seconds : 0;
    const keep = (lift >= 3 || halved) && ratio <= 1.5 && local.highConfidenceErrors === 0;
    return [
      alone.group,
      String(alone.documents),
      String(alone.fields),
      `${percent(alone.accuracy)} → ${percent(local.accuracy)}`,
      `${lift >= 0 ? "+" : ""}${lift.toFixed(2)}`,
      `${alone.highConfidenceErrors} → ${local.highConfidenceErrors}`,
      `${alone.flaggedValues} → ${local.flaggedValues}`,
      `${alone.medianSecondsPerPage.toFixed(2)} → ${local.medianSecondsPerPage.toFixed(2)}`,
      `${ratio.toFixed(2)}x`,
      keep ? "on" : "off",
    ];
  });
  return table(
    [
      "scans: Tesseract → +local reader",
      "docs",
      "fields",
      "accuracy",
      "points",
      "hi-conf err",
      "flagged values",
      "s/page med",
      "time",
      "default by rule",
    ],
    rows,
  );
}
