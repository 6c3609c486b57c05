/** Ratio tables by group: value per period, how it is computed, and what it says. */
import { ratioReading } from "../../analysis/ratio-readings";
import type { RatioResult } from "../../analysis/types";
import { groupName, ratioName, reasonText } from "../display-names";
import { periodTitle } from "../periods";
import { findRatio, RATIO_GROUPS, ratiosInOrder } from "../ratio-lookup";
import { formatRatioValue, formulaText } from "../ratio-text";
import { word } from "../wording";
import type { PdfContext } from "./context";
import { COLORS } from "./page-flow";
import { drawTable, type TableCell, type TableRow } from "./table";

/** The analysis writes "Cari oran 1,69: dönen varlıklar …"; the table already shows name and value. */
export function readingOf(result: RatioResult, context: PdfContext): string {
  const reading = ratioReading(result, context.language);
  const separator = reading.indexOf(": ");
  const text = separator >= 0 ? reading.slice(separator + 2) : reading;
  const locale = context.language === "tr" ? "tr-TR" : "en-GB";
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

function valueCell(result: RatioResult | undefined, context: PdfContext): TableCell {
  if (!result) return { text: "" };
  if (result.value === null) return { text: "—", color: COLORS.muted };
  return { text: formatRatioValue(result.value, result.unit, context.language) };
}

function ratioRow(key: string, context: PdfContext): TableRow {
  const { periods, output, language } = context;
  const results = periods.map((period) => findRatio(output.ratios, key, period.id));
  const latest = results.find((result) => result !== undefined);
  const notes: TableRow["notes"] = [];
  if (latest) notes.push({ text: `= ${formulaText(latest.formula, language)}` });
  const computed = results.find((result) => result?.value !== null && result !== undefined);
  if (computed) notes.push({ text: readingOf(computed, context), italic: true });
  const missing = results.find((result) => result?.value === null && result.reason);
  if (missing?.reason) {
    const period = periods.find((candidate) => candidate.id === missing.period);
    const when = period ? `${periodTitle(period, language)}: ` : "";
    notes.push({
      text: `${when}${word("notAvailable", language)} (${reasonText(missing.reason, language)})`,
      italic: true,
    });
  }
  return {
    cells: [ratioName(key, language), ...results.map((result) => valueCell(result, context))],
    bold: true,
    notes,
  };
}

export function drawRatios(context: PdfContext): void {
  const { flow, language, periods, output } = context;
  if (output.ratios.length === 0) return;
  flow.newPage();
  flow.heading(word("ratios", language));
  const keys = ratiosInOrder(output.ratios);
  for (const group of RATIO_GROUPS) {
    const inGroup = keys.filter((key) => output.ratios.find((ratio) => ratio.key === key)?.group === group);
    if (inGroup.length === 0) continue;
    const columns = [
      { header: word("ratio", language), width: 260 },
      ...periods.map((period) => ({
        header: periodTitle(period, language),
        width: 90,
        align: "right" as const,
      })),
    ];
    drawTable(
      flow,
      columns,
      inGroup.map((key) => ratioRow(key, context)),
      { title: groupName(group, language) },
    );
  }
}
