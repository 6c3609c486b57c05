/**
 * The PDF report a client can be given: cover, key figures with checks and alerts, the
 * statements, ratio tables with formulas and readings, charts, and the period comparison.
 */
import PDFDocument from "pdfkit";
import type { AnalysisOutput } from "../../analysis/types";
import { assertReportable, DEFAULT_LOW_CONFIDENCE, type ReportOptions, reportCompany } from "../options";
import { reportPeriods } from "../periods";
import { word } from "../wording";
import { drawAlerts } from "./alerts-section";
import { drawCharts } from "./charts-section";
import { drawComparison } from "./comparison-section";
import type { PdfContext } from "./context";
import { drawCover } from "./cover";
import { FONT_ROLES, reportFont } from "./fonts";
import { drawChecks, drawKeyFigures } from "./key-figures-section";
import { decoratePages } from "./page-decorations";
import { PAGE, PageFlow } from "./page-flow";
import { drawRatios } from "./ratios-section";
import { drawStatements } from "./statements-section";

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
}

export async function buildPdfReport(output: AnalysisOutput, options: ReportOptions): Promise<Uint8Array> {
  assertReportable(output, options);
  options = { ...options, company: reportCompany(output, options.company) };
  const { language } = options;
  const generatedAt = options.generatedAt ?? new Date();
  const title = [word("reportTitle", language), options.company?.name].filter(Boolean).join(" — ");
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: { ...PAGE.margins },
    bufferPages: true,
    autoFirstPage: true,
    // pdfkit takes a parsed fontkit font as well as a path; its typings predate that.
    font: reportFont("regular") as unknown as string,
    lang: language === "tr" ? "tr-TR" : "en-GB",
    displayTitle: true,
    info: {
      Title: title,
      Author: "Finstat",
      Creator: "Finstat",
      Producer: "Finstat",
      Subject: output.document.file,
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });
  const done = collect(doc);
  for (const role of FONT_ROLES) doc.registerFont(role, reportFont(role) as unknown as string);

  const context: PdfContext = {
    flow: new PageFlow(doc),
    output,
    options: { ...options, generatedAt },
    language,
    periods: reportPeriods(output.statements),
    lowConfidenceBelow: options.lowConfidenceBelow ?? DEFAULT_LOW_CONFIDENCE,
  };
  drawCover(context);
  context.flow.newPage();
  drawKeyFigures(context);
  drawChecks(context);
  drawAlerts(context, "summary");
  drawStatements(context);
  drawRatios(context);
  drawCharts(context);
  drawComparison(context);
  drawAlerts(context, "appendix");
  decoratePages(context);
  doc.end();
  return done;
}
