import type { AnalysisOutput } from "../../analysis/types";
import type { ReportLanguage, ReportOptions } from "../options";
import type { ReportPeriod } from "../periods";
import type { PageFlow } from "./page-flow";

export interface PdfContext {
  flow: PageFlow;
  output: AnalysisOutput;
  options: ReportOptions & { generatedAt: Date };
  language: ReportLanguage;
  /** Latest first. */
  periods: ReportPeriod[];
  lowConfidenceBelow: number;
  /** How many alerts the summary page had room for; the appendix lists the rest. */
  alertsInSummary?: number;
}
