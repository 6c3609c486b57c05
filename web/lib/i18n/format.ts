import { checkRuleName, explainReason, labelOf } from "@finstat/functions/analysis/labels";
import {
  formatAmount,
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
} from "@finstat/functions/analysis/number-format";
import type { RatioResult, RatioUnit } from "@finstat/functions/analysis/types";
import type { Language } from "./languages";

/** The analysis module's formatting, so the web writes numbers exactly as the reports do. */
export {
  checkRuleName,
  explainReason,
  formatAmount,
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
  labelOf,
};

/** A ratio's value as its unit reads: 1,83 · %24,5 · 2,4x · 45 gün · 1.250.000,00. */
export function formatRatioValue(
  value: number | null | undefined,
  unit: RatioUnit | undefined,
  language: Language,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  switch (unit) {
    case "percent":
      return formatPercent(value * 100, language);
    case "times":
      return `${formatNumber(value, language)}×`;
    case "days":
      return `${formatNumber(value, language, 0)} ${language === "tr" ? "gün" : "days"}`;
    case "amount":
      return formatAmount(value, language, 0);
    default:
      return formatNumber(value, language);
  }
}

/** Replaces the canonical keys of a formula with their display names. */
export function readableFormula(formula: string, language: Language): string {
  return formula.replace(
    /\b(avg|prior|abs)\(([a-z_]+)\)|\b[a-z][a-z_]+[a-z]\b/g,
    (match, fn?: string, key?: string) => {
      if (fn && key) {
        const name = labelOf(key, language);
        if (fn === "abs") return `|${name}|`;
        if (fn === "avg") return language === "tr" ? `ort.(${name})` : `avg(${name})`;
        return language === "tr" ? `önceki(${name})` : `prior(${name})`;
      }
      return labelOf(match, language);
    },
  );
}

export function ratioUnitOf(result: Pick<RatioResult, "unit" | "group">): RatioUnit {
  return result.unit ?? "ratio";
}

/** File sizes in the UI language's decimal separator. */
export function formatBytes(bytes: number, language: Language): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, language, 0)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), language, 1)} MB`;
}

/** A timestamp as 05.03.2025 14:30 (tr) or 5 Mar 2025 14:30 (en), in the viewer's time zone. */
export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return "–";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${formatDate(day, language)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A period id as a heading: ISO ends become dates, printed labels stay as printed. */
export function formatPeriod(period: string, language: Language): string {
  return formatDate(period, language);
}
