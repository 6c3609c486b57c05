/**
 * Alerts, most severe first, each with what moved, by how much and why it matters. The summary
 * shows the most important few before the statements; the rest follow as an appendix, so a
 * reader meets the statements before a list of movements.
 */
import { rankAlerts, SUMMARY_ALERTS } from "../alert-ranking";
import { periodTitle } from "../periods";
import { severityName, word } from "../wording";
import type { PdfContext } from "./context";
import { COLORS } from "./page-flow";

const SEVERITY_COLORS = { critical: COLORS.critical, warning: COLORS.warning, info: COLORS.info } as const;

export function drawAlerts(context: PdfContext, part: "summary" | "appendix"): void {
  const { flow, language } = context;
  const ranked = rankAlerts(context.output.alerts);
  if (part === "appendix") {
    const rest = ranked.slice(context.alertsInSummary ?? 0);
    if (rest.length === 0) return;
    flow.heading(word("otherAlerts", language), 40);
    drawAlertList(context, rest);
    return;
  }
  flow.heading(word("alerts", language), 40);
  if (ranked.length === 0) {
    flow.paragraph(word("noAlerts", language), { color: COLORS.muted });
    return;
  }
  // The summary stays on its page: the most important alerts that fit there, at most five.
  const shown = drawAlertList(context, ranked.slice(0, SUMMARY_ALERTS), { stopAtPageEnd: true });
  context.alertsInSummary = shown;
  const more = ranked.length - shown;
  if (more > 0)
    flow.paragraph(word("moreAlerts", language).replace("{count}", String(more)), { color: COLORS.muted });
}

/** Draws the alerts and says how many it drew (with `stopAtPageEnd`, those that fit the page, at least one). */
function drawAlertList(
  context: PdfContext,
  alerts: PdfContext["output"]["alerts"],
  options: { stopAtPageEnd?: boolean } = {},
): number {
  const { flow, language, periods } = context;
  const { doc } = flow;
  const tagWidth = 62;
  // Room for the "N more alerts" line under the last one.
  const reserve = 24;
  let drawn = 0;
  for (const alert of alerts) {
    const period = periods.find((candidate) => candidate.id === alert.period);
    const text = alert.message[language];
    const when = period ? periodTitle(period, language) : alert.period;
    flow.font("regular", 9.5);
    const textWidth = flow.width - tagWidth - 18;
    const height = doc.heightOfString(text, { width: textWidth }) + 22;
    if (options.stopAtPageEnd && drawn > 0 && flow.y + height + 6 + reserve > flow.bottom) break;
    flow.ensure(height + 6);
    const y = flow.y;
    const color = SEVERITY_COLORS[alert.severity];
    doc.rect(flow.left, y, flow.width, height).fill(COLORS.panel);
    doc.rect(flow.left, y, 3, height).fill(color);
    doc.roundedRect(flow.left + 10, y + 7, tagWidth - 8, 14, 3).fill(color);
    flow
      .font("bold", 7.5, "#FFFFFF")
      .text(severityName(alert.severity, language).toLocaleUpperCase(language), flow.left + 10, y + 10.5, {
        width: tagWidth - 8,
        align: "center",
        lineBreak: false,
      });
    flow.font("regular", 9.5, COLORS.text).text(text, flow.left + tagWidth + 10, y + 6, { width: textWidth });
    flow
      .font("regular", 7.5, COLORS.muted)
      .text(when, flow.left + tagWidth + 10, y + height - 13, { lineBreak: false });
    flow.y = y + height + 6;
    drawn++;
  }
  return drawn;
}
