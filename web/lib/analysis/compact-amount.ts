import { formatNumber } from "@finstat/functions/analysis/number-format";
import type { Language } from "../i18n/languages";

const SCALES: Array<{ size: number; tr: string; en: string }> = [
  { size: 1e9, tr: "Mr", en: "bn" },
  { size: 1e6, tr: "Mn", en: "m" },
  { size: 1e3, tr: "Bin", en: "k" },
];

/** Chart axes: 1,2 Mn / 1.2m, so a tick label never runs into its neighbour. */
export function compactAmount(value: number, language: Language): string {
  const scale = SCALES.find((s) => Math.abs(value) >= s.size);
  if (!scale) return formatNumber(value, language, 0);
  const scaled = formatNumber(value / scale.size, language, Math.abs(value / scale.size) >= 100 ? 0 : 1);
  return language === "tr" ? `${scaled} ${scale.tr}` : `${scaled}${scale.en}`;
}
