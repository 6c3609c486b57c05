import type { AnalysisOutput } from "../analysis/types";
import { doubtfulValueCount, HIGH_CONFIDENCE } from "../pipeline/checks/review";
import type { Statement } from "../pipeline/types";
import type { FileOutcome } from "./analyze-file";

const amount = (n: number | null | undefined) =>
  n === null || n === undefined ? "—" : n.toLocaleString("en-US", { maximumFractionDigits: 2 });

function statementSummary(s: Statement): string[] {
  const out: string[] = [];
  const title = s.type === "balance_sheet" ? "Balance sheet" : "Income statement";
  out.push(
    `${title} (${s.currency}, unit ${s.unit}) pages ${(s.pages ?? []).join(", ")}${s.flagged ? "  [FLAGGED]" : ""}`,
  );
  out.push(`  periods: ${s.periods.map((p) => `${p.label} → ${p.end ?? p.id}`).join(" | ")}`);
  const width = Math.max(...Object.keys(s.canonical).map((k) => k.length), 10);
  for (const [key, byPeriod] of Object.entries(s.canonical)) {
    const cells = s.periods.map((p) => {
      const conf = s.canonicalConfidence?.[key as keyof Statement["canonical"]]?.[p.id];
      const mark = conf !== undefined && conf < HIGH_CONFIDENCE ? "?" : " ";
      return `${amount(byPeriod?.[p.id]).padStart(18)}${mark}`;
    });
    out.push(`  ${key.padEnd(width)} ${cells.join(" ")}`);
  }
  const failed = s.checks.filter((c) => !c.ok);
  out.push(`  checks: ${s.checks.length - failed.length}/${s.checks.length} pass`);
  for (const c of failed) out.push(`    FAIL ${c.rule} [${c.period}] difference ${amount(c.difference)}`);
  const low = s.items.filter(
    (i) => i.confidence < HIGH_CONFIDENCE && Object.values(i.values).some((v) => v !== null),
  );
  if (low.length > 0) {
    out.push("  low-confidence values:");
    for (const i of low)
      out.push(
        `    p.${i.page} ${i.label || "(unlabelled)"}: confidence ${i.confidence.toFixed(2)} ${(i.flags ?? []).join(", ")}`,
      );
  }
  return out;
}

/** The readable form of `npm run analyze` (without --json). */
export function formatSummary(output: AnalysisOutput): string {
  const lines = [`${output.document.file}: ${output.document.pages} page(s), ${output.timings.totalMs} ms`];
  for (const s of output.statements) lines.push("", ...statementSummary(s));
  const computed = output.ratios.filter((r) => r.value !== null);
  if (computed.length > 0) {
    lines.push("", "ratios:");
    for (const r of computed) lines.push(`  ${r.key} [${r.period}] ${r.value?.toFixed(4)}`);
  }
  if (output.alerts.length > 0) {
    lines.push("", "alerts:");
    for (const a of output.alerts) lines.push(`  ${a.severity}: ${a.message.en}`);
  }
  if (output.warnings?.length) lines.push("", `warnings: ${output.warnings.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

/** The pages a file's analysis read: its statement pages in a long report, else all. */
export function pagesRead(output: AnalysisOutput): number {
  return output.document.statementPages?.length ?? output.document.pages;
}

/** The table closing a batch: one line per file, failures with their error code. */
export function formatBatchTable(outcomes: FileOutcome[]): string {
  const rows = outcomes.map((o) =>
    o.ok
      ? [
          o.file,
          String(pagesRead(o.output)),
          String(o.output.statements.length),
          String(o.output.statements.reduce((n, s) => n + doubtfulValueCount(s), 0)),
          o.seconds.toFixed(1),
          "",
        ]
      : [o.file, "", "", "", o.seconds.toFixed(1), `${o.error.code}: ${o.error.message}`],
  );
  const header = ["file", "pages", "statements", "flagged values", "seconds", "error"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const numeric = [false, true, true, true, true, false];
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const failed = outcomes.filter((o) => !o.ok).length;
  const total = outcomes.reduce((t, o) => t + o.seconds, 0);
  return [
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    "",
    `${outcomes.length} file(s), ${failed} failed, ${total.toFixed(1)} s of analysis`,
    "",
  ].join("\n");
}
