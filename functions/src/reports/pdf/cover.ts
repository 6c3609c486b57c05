/** The cover: who the report is about, which periods, when it was made, and whether the checks held. */
import { currencyTitle, formatDate, unitName } from "../format";
import { periodTitle } from "../periods";
import { reviewCounts, reviewSummaryText } from "../review";
import { word } from "../wording";
import type { PdfContext } from "./context";
import { COLORS } from "./page-flow";

export function drawCover(context: PdfContext): void {
  const { flow, language, options, output, periods } = context;
  const { doc } = flow;
  const bandHeight = 250;
  doc.rect(0, 0, doc.page.width, bandHeight).fill(COLORS.navy);
  doc.rect(0, bandHeight, doc.page.width, 5).fill(COLORS.teal);
  flow.font("bold", 10, "#9FC3E7").text("FINSTAT", flow.left, 60, { characterSpacing: 3, lineBreak: false });
  flow
    .font("regular", 24, "#FFFFFF")
    .text(word("reportTitle", language), flow.left, 92, { width: flow.width });
  const name = options.company?.name ?? output.document.file;
  flow.font("bold", 19, "#FFFFFF").text(name, flow.left, 138, { width: flow.width });
  const periodList = periods.map((period) => periodTitle(period, language)).join("  ·  ");
  flow.font("regular", 11, "#D6E4F2").text(periodList, flow.left, 205, { width: flow.width });

  let y = bandHeight + 40;
  const first = output.statements[0];
  const facts: Array<[string, string | undefined]> = [
    [word("taxId", language), options.company?.taxId],
    [word("sector", language), options.company?.sector],
    [word("periods", language), periodList],
    [word("currency", language), first ? currencyTitle(first.currency, language) : undefined],
    [word("unitPrinted", language), first ? unitName(first.unit, first.currency, language) : undefined],
    [
      word("document", language),
      `${output.document.file} (${output.document.pages} ${language === "tr" ? "sayfa" : "pages"})`,
    ],
    [word("generatedAt", language), formatDate(options.generatedAt, language, "long")],
  ];
  for (const [label, value] of facts) {
    if (!value) continue;
    flow.font("regular", 9, COLORS.muted).text(label, flow.left, y, { width: 130 });
    flow.font("regular", 10.5, COLORS.text).text(value, flow.left + 135, y - 1, { width: flow.width - 135 });
    y += Math.max(20, doc.heightOfString(value, { width: flow.width - 135 }) + 8);
  }

  const counts = reviewCounts(output, context.lowConfidenceBelow);
  y += 18;
  const ok = counts.failedChecks === 0 && counts.unchecked === 0 && counts.lowConfidence === 0;
  const status = ok ? word("checksPassed", language) : reviewSummaryText(counts, language);
  flow.font("regular", 10, COLORS.text);
  const boxHeight = doc.heightOfString(status, { width: flow.width - 30 }) + 20;
  doc.rect(flow.left, y, flow.width, boxHeight).fill(ok ? "#E8F5E9" : "#FFF4E5");
  doc.rect(flow.left, y, 4, boxHeight).fill(ok ? COLORS.up : COLORS.warning);
  flow.font("regular", 10, COLORS.text).text(status, flow.left + 16, y + 10, { width: flow.width - 30 });

  flow
    .font("italic", 8, COLORS.muted)
    .text(
      `${word("preparedBy", language)}. ${word("disclaimer", language)}`,
      flow.left,
      doc.page.height - 110,
      { width: flow.width },
    );
}
