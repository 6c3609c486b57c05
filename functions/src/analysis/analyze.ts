/**
 * The two entry points of the analysis: one document's statements (`npm run analyze`, the
 * worker) and one company's documents together (the API's company view).
 */
import { AppError } from "../app-error";
import type { Statement } from "../pipeline/types";
import { detectAlerts, resolveAlertThresholds } from "./alerts";
import { comparePeriods } from "./comparison";
import { benchmarkAgainstPeers } from "./peers";
import { buildPeriodMap, mergePeriodMaps } from "./periods";
import { computeRatiosForPeriods } from "./ratios";
import { buildCompanyTimeline, type TimelineDocument, type TimelineOptions } from "./timeline";
import { computeTrends } from "./trends";
import type {
  AlertThresholds,
  CanonicalPeriod,
  CompanyAnalysis,
  CompanyTimeline,
  PeerCompany,
  StatementAnalysis,
} from "./types";

export interface AnalyzeStatementsOptions {
  /** Missing values fall back to DEFAULT_ALERT_THRESHOLDS. */
  thresholds?: Partial<AlertThresholds>;
  /** The company's other documents: opening balances for averages and the base of comparisons. */
  history?: CompanyTimeline | readonly CanonicalPeriod[];
}

function assertStatements(statements: unknown): asserts statements is Statement[] {
  const valid =
    Array.isArray(statements) &&
    statements.every(
      (s) =>
        typeof s === "object" &&
        s !== null &&
        (s.type === "balance_sheet" || s.type === "income_statement") &&
        Array.isArray(s.periods) &&
        typeof s.canonical === "object" &&
        s.canonical !== null,
    );
  if (!valid) {
    throw new AppError(
      "invalid_statements",
      "The statements to analyse are malformed: each needs a type, its periods and canonical values.",
    );
  }
}

/** Ratios, comparison and alerts for the periods of one document's statements. */
export function analyzeStatements(
  statements: readonly Statement[],
  options: AnalyzeStatementsOptions = {},
): StatementAnalysis {
  assertStatements(statements);
  const thresholds = resolveAlertThresholds(options.thresholds);
  const own = buildPeriodMap(statements);
  const history = !options.history
    ? []
    : "periods" in options.history
      ? options.history.periods
      : options.history;
  const periods = mergePeriodMaps(history, own);
  const targets = own.map((p) => p.period);
  // History periods get ratios too, as the base of this document's ratio comparison.
  const allRatios = computeRatiosForPeriods(periods);
  const wanted = new Set(targets);
  const ratios = allRatios.filter((r) => wanted.has(r.period));
  const comparison = comparePeriods(periods, allRatios, { periods: targets });
  const alerts = detectAlerts({ periods, ratios, comparison }, thresholds, { periods: targets });
  return { ratios, comparison, alerts };
}

export interface AnalyzeCompanyInput {
  companyId: string;
  sector?: string | null;
  documents: readonly TimelineDocument[];
  /** Other companies of the account with their stored ratios; omit to skip the benchmark. */
  peers?: readonly PeerCompany[];
  thresholds?: Partial<AlertThresholds>;
  minPeers?: number;
  precedence?: TimelineOptions["precedence"];
}

/** Timeline, ratios of every period, comparison, trends, alerts and the peer benchmark. */
export function analyzeCompany(input: AnalyzeCompanyInput): CompanyAnalysis {
  if (!Array.isArray(input.documents)) {
    throw new AppError("invalid_documents", "The company's documents to analyse are missing.");
  }
  for (const document of input.documents) assertStatements(document.statements);
  const thresholds = resolveAlertThresholds(input.thresholds);
  const timeline = buildCompanyTimeline(input.documents, { precedence: input.precedence });
  const ratios = computeRatiosForPeriods(timeline.periods);
  const comparison = comparePeriods(timeline.periods, ratios);
  const alerts = detectAlerts({ periods: timeline.periods, ratios, comparison }, thresholds);
  const peers = input.peers
    ? benchmarkAgainstPeers({ companyId: input.companyId, sector: input.sector, ratios }, input.peers, {
        minPeers: input.minPeers,
      })
    : null;
  return { timeline, ratios, comparison, trends: computeTrends(timeline.periods), alerts, peers };
}
