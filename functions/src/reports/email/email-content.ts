/** What the report email says, independent of HTML or plain text. */
import type { AnalysisOutput } from "../../analysis/types";
import { rankAlerts } from "../alert-ranking";
import { itemName, ratioName } from "../display-names";
import { currencyName, formatAmount, formatDate, formatSignedAmount, formatSignedPercent } from "../format";
import { keyFigures } from "../key-figures";
import { DEFAULT_LOW_CONFIDENCE, type ReportCompany, type ReportLanguage, reportCompany } from "../options";
import { periodTitle, reportPeriods } from "../periods";
import { formatRatioValue } from "../ratio-text";
import { reviewCounts, reviewSummaryText } from "../review";
import { severityName, word } from "../wording";

export interface EmailFile {
  name: string;
  sizeBytes: number;
  /** Set when the file is linked instead of attached. */
  link?: { url: string; expiresAt: Date };
}

export interface EmailContent {
  language: ReportLanguage;
  title: string;
  companyName: string;
  intro: string;
  message?: string;
  periodHeaders: [string, string | undefined];
  figures: Array<{ label: string; latest: string; prior?: string; change?: string; up?: boolean }>;
  alerts: Array<{ severity: "info" | "warning" | "critical"; label: string; text: string }>;
  moreAlerts: number;
  review?: string;
  files: EmailFile[];
  filesIntro: string;
  footer: string;
}

export const MAX_ALERTS_IN_EMAIL = 5;

function figureRows(output: AnalysisOutput, language: ReportLanguage): EmailContent["figures"] {
  const periods = reportPeriods(output.statements);
  const [latest, prior] = periods;
  if (!latest) return [];
  const currency = currencyName(output.statements[0]?.currency ?? "TRY", language);
  return keyFigures(
    output,
    periods.map((period) => period.id),
  ).flatMap((figure) => {
    const now = figure.values[latest.id];
    if (now === null || now === undefined) return [];
    const show = (value: number) =>
      figure.kind === "item"
        ? `${formatAmount(value, language, 0)} ${currency}`
        : formatRatioValue(value, figure.unit, language);
    const before = prior ? figure.values[prior.id] : null;
    const row: EmailContent["figures"][number] = {
      label: figure.kind === "item" ? itemName(figure.key, language) : ratioName(figure.key, language),
      latest: show(now),
    };
    if (before === null || before === undefined) return [row];
    row.prior = show(before);
    if (figure.kind === "ratio" && figure.unit === "percent") {
      row.change = `${formatSignedAmount((now - before) * 100, language, 1)} ${language === "tr" ? "puan" : "pp"}`;
    } else if (before !== 0) {
      row.change = formatSignedPercent((now - before) / Math.abs(before), language, 1);
      if (figure.kind === "item") row.up = now >= before;
    }
    return [row];
  });
}

export function emailContent(input: {
  output: AnalysisOutput;
  language: ReportLanguage;
  company?: ReportCompany;
  message?: string;
  files: EmailFile[];
}): EmailContent {
  const { output, language, company, files } = input;
  const tr = language === "tr";
  const periods = reportPeriods(output.statements);
  const companyName = reportCompany(output, company)?.name ?? output.document.file;
  const periodList = periods.map((period) => periodTitle(period, language)).join(", ");
  const alerts = rankAlerts(output.alerts);
  const counts = reviewCounts(output, DEFAULT_LOW_CONFIDENCE);
  const linked = files.some((file) => file.link);
  return {
    language,
    title: word("reportTitle", language),
    companyName,
    intro: tr
      ? `${companyName} için ${periodList} dönemlerinin finansal analiz raporu ektedir. Temel göstergeler ve uyarılar aşağıda özetlenmiştir.`
      : `Please find the financial analysis report of ${companyName} for ${periodList}. The key figures and alerts are summarised below.`,
    message: input.message?.trim() || undefined,
    periodHeaders: [
      periods[0] ? periodTitle(periods[0], language) : "",
      periods[1] ? periodTitle(periods[1], language) : undefined,
    ],
    figures: figureRows(output, language),
    alerts: alerts.slice(0, MAX_ALERTS_IN_EMAIL).map((alert) => ({
      severity: alert.severity,
      label: severityName(alert.severity, language),
      text: alert.message[language],
    })),
    moreAlerts: Math.max(0, alerts.length - MAX_ALERTS_IN_EMAIL),
    review:
      counts.failedChecks + counts.unchecked + counts.lowConfidence > 0
        ? reviewSummaryText(counts, language)
        : undefined,
    files,
    filesIntro: linked
      ? tr
        ? "Raporlar e-posta ile gönderilemeyecek kadar büyük olduğundan aşağıdaki bağlantılardan indirilebilir:"
        : "The reports are too large to attach; download them from these links:"
      : tr
        ? "Ekler:"
        : "Attachments:",
    footer: `${word("preparedBy", language)}. ${word("disclaimer", language)}`,
  };
}

export function expiryText(expiresAt: Date, language: ReportLanguage): string {
  const date = formatDate(expiresAt, language, "long");
  const time = expiresAt.toISOString().slice(11, 16);
  return language === "tr"
    ? `${date} ${time} (UTC) tarihine kadar geçerli`
    : `valid until ${date} ${time} UTC`;
}
