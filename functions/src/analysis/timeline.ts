/**
 * A company's timeline: the statements of all its documents merged by statement type and
 * period end, so a 2022, a 2023 and a 2024 PDF give one multi-period view.
 *
 * Precedence: documents are merged oldest first and a later document wins. "Later" means the
 * later reporting date (a 2024 report's restated 2023 comparatives supersede the 2023 report),
 * then the later processing or upload time (a re-upload supersedes the original); with
 * `precedence: "upload"` only the time counts. Differences within printed rounding (half the
 * coarser unit) are not conflicts, and the more precisely printed value is kept.
 */
import type { CanonicalKey, Statement } from "../pipeline/types";
import { buildPeriodMap, sortPeriods, statementOfKey } from "./periods";
import type { CanonicalPeriod, CompanyTimeline, TimelineConflict } from "./types";

export interface TimelineDocument {
  documentId: string;
  uploadedAt?: string | Date;
  processedAt?: string | Date;
  statements: readonly Statement[];
}

export interface TimelineOptions {
  precedence?: "reporting_date" | "upload";
}

interface Reported {
  documentId: string;
  value: number;
  unit: number;
}

function timeOf(document: TimelineDocument): number {
  const stamp = document.processedAt ?? document.uploadedAt;
  const ms = stamp === undefined ? Number.NaN : new Date(stamp).getTime();
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

function withinRounding(a: Reported, b: Reported): boolean {
  return Math.abs(a.value - b.value) <= Math.max(a.unit, b.unit) / 2 + 1e-9;
}

/** The value that stands: the later one, unless both agree within rounding and the earlier is finer. */
function winnerOf(reports: Reported[]): Reported {
  let winner = reports[0] as Reported;
  for (const next of reports.slice(1)) {
    winner = withinRounding(winner, next) && winner.unit < next.unit ? winner : next;
  }
  return winner;
}

export function buildCompanyTimeline(
  documents: readonly TimelineDocument[],
  options: TimelineOptions = {},
): CompanyTimeline {
  const maps = documents.map((document, index) => {
    const periods = buildPeriodMap(document.statements);
    const latest = periods.filter((p) => p.dated).at(-1)?.period ?? "";
    return { document, index, periods, latest, time: timeOf(document) };
  });
  maps.sort(
    (a, b) =>
      (options.precedence === "upload" ? 0 : a.latest.localeCompare(b.latest)) ||
      a.time - b.time ||
      a.index - b.index,
  );

  const byEnd = new Map<string, CanonicalPeriod>();
  const reports = new Map<string, Map<CanonicalKey, Reported[]>>();
  const currencies = new Map<string, Map<string, string[]>>();
  for (const { document, periods } of maps) {
    for (const period of periods) {
      const target = byEnd.get(period.period) ?? {
        period: period.period,
        dated: period.dated,
        values: {},
        statements: [],
      };
      for (const type of period.statements)
        if (!target.statements.includes(type)) target.statements.push(type);
      target.label = period.label ?? target.label;
      target.incomeStart = period.incomeStart ?? target.incomeStart;
      target.currency = period.currency ?? target.currency;
      target.unit = Math.max(target.unit ?? 1, period.unit ?? 1);
      byEnd.set(period.period, target);
      const perKey = reports.get(period.period) ?? new Map<CanonicalKey, Reported[]>();
      reports.set(period.period, perKey);
      for (const [key, value] of Object.entries(period.values) as Array<[CanonicalKey, number]>) {
        perKey.set(key, [
          ...(perKey.get(key) ?? []),
          { documentId: document.documentId, value, unit: period.unit ?? 1 },
        ]);
      }
      if (period.currency) {
        const seen = currencies.get(period.period) ?? new Map<string, string[]>();
        seen.set(period.currency, [...(seen.get(period.currency) ?? []), document.documentId]);
        currencies.set(period.period, seen);
      }
    }
  }

  const conflicts: TimelineConflict[] = [];
  for (const [end, perKey] of reports) {
    const target = byEnd.get(end) as CanonicalPeriod;
    const sources: Partial<Record<CanonicalKey, string>> = {};
    for (const [key, reported] of perKey) {
      const winner = winnerOf(reported);
      target.values[key] = winner.value;
      sources[key] = winner.documentId;
      const disagreeing = reported.filter((r) => !withinRounding(r, winner));
      if (disagreeing.length === 0) continue;
      conflicts.push({
        period: end,
        statement: statementOfKey(key) ?? "balance_sheet",
        key,
        chosen: { documentId: winner.documentId, value: winner.value },
        values: reported.map(({ documentId, value }) => ({ documentId, value })),
        difference: Math.max(...disagreeing.map((r) => Math.abs(r.value - winner.value))),
      });
    }
    target.sources = sources;
  }

  const warnings = [...currencies]
    .filter(([, seen]) => seen.size > 1)
    .map(
      ([end, seen]) =>
        `${end}: documents report different currencies (${[...seen].map(([c, ids]) => `${c} in ${ids.join(", ")}`).join("; ")}); values were not converted`,
    );

  return {
    periods: sortPeriods([...byEnd.values()]),
    conflicts: conflicts.sort((a, b) => a.period.localeCompare(b.period) || a.key.localeCompare(b.key)),
    documents: maps.map((m) => m.document.documentId),
    warnings,
  };
}
