/** Key figures as cards: latest value, the prior period's value and the change. */

import { checkRuleName } from "../../analysis/labels";
import { warningText } from "../../analysis/warning-text";
import { itemName, ratioName } from "../display-names";
import { currencyName, formatAmount, formatSignedAmount, formatSignedPercent } from "../format";
import { type KeyFigure, keyFigures } from "../key-figures";
import { periodTitle } from "../periods";
import { formatRatioValue } from "../ratio-text";
import { word } from "../wording";
import type { PdfContext } from "./context";
import { COLORS } from "./page-flow";

function figureValue(figure: KeyFigure, value: number, context: PdfContext): string {
  if (figure.kind === "item") {
    const currency = context.output.statements[0]?.currency ?? "TRY";
    return `${formatAmount(value, context.language, 0)} ${currencyName(currency, context.language)}`;
  }
  return formatRatioValue(value, figure.unit, context.language);
}

function drawCard(
  context: PdfContext,
  figure: KeyFigure,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  const { flow, language, periods } = context;
  const { doc } = flow;
  const [latest, prior] = periods;
  doc.rect(x, y, width, height).fill(COLORS.panel);
  doc.rect(x, y, 3, height).fill(figure.kind === "item" ? COLORS.navy : COLORS.teal);
  const name = figure.kind === "item" ? itemName(figure.key, language) : ratioName(figure.key, language);
  flow
    .font("regular", 8.5, COLORS.muted)
    .text(name, x + 12, y + 8, { width: width - 20, lineBreak: false, ellipsis: true });
  const now = latest ? figure.values[latest.id] : null;
  flow
    .font("bold", 15, COLORS.text)
    .text(now === null || now === undefined ? "—" : figureValue(figure, now, context), x + 12, y + 22, {
      width: width - 20,
      lineBreak: false,
    });
  const before = prior ? figure.values[prior.id] : null;
  if (!prior || before === null || before === undefined) return;
  const text = `${periodTitle(prior, language)}: ${figureValue(figure, before, context)}`;
  flow.font("regular", 8, COLORS.muted).text(text, x + 12, y + 44, { lineBreak: false });
  if (now === null || now === undefined) return;
  // Percent ratios move in points; amounts and other ratios in percent. Only amounts get a
  // colour: whether a ratio's rise is good news depends on the ratio.
  const points = figure.kind === "ratio" && figure.unit === "percent";
  if (!points && before === 0) return;
  const change = points ? (now - before) * 100 : (now - before) / Math.abs(before);
  const changeText = points
    ? `${formatSignedAmount(change, language, 1)} ${language === "tr" ? "puan" : "pp"}`
    : formatSignedPercent(change, language, 1);
  const color = figure.kind === "ratio" ? COLORS.muted : change >= 0 ? COLORS.up : COLORS.down;
  flow.font("bold", 8, color);
  doc.text(changeText, x + width - 12 - doc.widthOfString(changeText), y + 44, { lineBreak: false });
}

export function drawKeyFigures(context: PdfContext): void {
  const { flow, language, output, periods } = context;
  const figures = keyFigures(
    output,
    periods.map((period) => period.id),
  );
  if (figures.length === 0) return;
  flow.heading(word("keyFigures", language), 140);
  const gap = 10;
  const width = (flow.width - gap) / 2;
  const height = 60;
  figures.forEach((figure, index) => {
    if (index % 2 === 0) flow.ensure(height + gap);
    const x = flow.left + (index % 2) * (width + gap);
    drawCard(context, figure, x, flow.y, width, height);
    if (index % 2 === 1 || index === figures.length - 1) flow.y += height + gap;
  });
  flow.gap(6);
}

/** Failed checks and document warnings, so the reader knows what to verify. */
export function drawChecks(context: PdfContext): void {
  const { flow, language, output } = context;
  const failed = output.statements.flatMap((statement) => statement.checks.filter((check) => !check.ok));
  flow.subheading(word("checks", language), 30);
  const unchecked = output.statements.flatMap((statement) => statement.unchecked ?? []);
  if (failed.length === 0 && unchecked.length === 0)
    flow.paragraph(`✓ ${word("checksPassed", language)}`, { color: COLORS.up });
  for (const identity of unchecked) {
    const period = context.periods.find((candidate) => candidate.id === identity.period);
    const when = period ? periodTitle(period, language) : identity.period;
    flow.paragraph(
      `! ${word("checkNotRun", language)} (${when}): ${checkRuleName(identity.rule, language)}`,
      {
        color: COLORS.warning,
      },
    );
  }
  for (const check of failed) {
    const period = context.periods.find((candidate) => candidate.id === check.period);
    const when = period ? periodTitle(period, language) : check.period;
    flow.paragraph(
      `✗ ${word("checkFailed", language)} (${when}): ${checkRuleName(check.rule, language)} — ${word("difference", language)} ${formatAmount(check.difference, language)}`,
      { color: COLORS.down },
    );
  }
  for (const warning of output.warnings ?? [])
    flow.paragraph(`• ${warningText(warning, language)}`, { color: COLORS.muted });
  flow.gap(6);
}
