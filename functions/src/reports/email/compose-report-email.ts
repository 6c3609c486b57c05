/**
 * The report email: HTML and text bodies with the key figures and alerts, the Excel and PDF
 * attached, or linked by an expiring URL when attaching them would pass the size limit.
 */

import type { AnalysisOutput } from "../../analysis/types";
import { AppError } from "../../app-error";
import type { MailAttachment, MailMessage } from "../../platform/mail/types";
import { reportFileName } from "../file-names";
import { formatDate } from "../format";
import type { ReportCompany, ReportLanguage } from "../options";
import { reportPeriods } from "../periods";
import { word } from "../wording";
import { type EmailFile, emailContent } from "./email-content";
import { renderHtml } from "./html-body";
import { validateRecipients } from "./recipients";
import { renderText } from "./text-body";

export interface ReportLink {
  url: string;
  expiresAt: Date;
}

export interface ReportEmailInput {
  output: AnalysisOutput;
  language: ReportLanguage;
  company?: ReportCompany;
  recipients: readonly string[];
  /** The sender's own words, shown above the figures. */
  message?: string;
  attachments: { excel?: Uint8Array; pdf?: Uint8Array };
  /** Download links (e.g. presigned), used for any report that does not fit under the limit. */
  links?: { excel?: ReportLink; pdf?: ReportLink };
  /** Attachments together may not exceed this (EMAIL_ATTACHMENT_LIMIT_BYTES). */
  attachmentLimitBytes: number;
  replyTo?: string;
}

const CONTENT_TYPES = {
  excel: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
} as const;

type Kind = keyof typeof CONTENT_TYPES;

/** Attaches the smallest reports first while they fit; the rest must go as links. */
function plan(input: ReportEmailInput): { attached: Kind[]; linked: Kind[] } {
  const kinds = (["excel", "pdf"] as const).filter((kind) => input.attachments[kind] !== undefined);
  const bySize = [...kinds].sort(
    (a, b) => input.attachments[a]!.byteLength - input.attachments[b]!.byteLength,
  );
  const attached: Kind[] = [];
  let total = 0;
  for (const kind of bySize) {
    const size = input.attachments[kind]!.byteLength;
    if (total + size <= input.attachmentLimitBytes) {
      attached.push(kind);
      total += size;
    }
  }
  const linked = kinds.filter((kind) => !attached.includes(kind));
  const unlinkable = linked.filter((kind) => !input.links?.[kind]);
  if (unlinkable.length > 0) {
    throw new AppError(
      "report_too_large_for_email",
      "The report is too large to send by e-mail and no download link could be made for it.",
      { reports: unlinkable, limitBytes: input.attachmentLimitBytes },
    );
  }
  return { attached: kinds.filter((kind) => attached.includes(kind)), linked };
}

export function composeReportEmail(input: ReportEmailInput): MailMessage {
  const to = validateRecipients(input.recipients);
  const { language, output, company } = input;
  if (!input.attachments.excel && !input.attachments.pdf) {
    throw new AppError("report_email_empty", "There is no report to send.");
  }
  const { attached, linked } = plan(input);
  const nameOf = (kind: Kind) => reportFileName(output, company, kind === "excel" ? "xlsx" : "pdf");
  const files: EmailFile[] = (["excel", "pdf"] as const)
    .filter((kind) => input.attachments[kind])
    .map((kind) => ({
      name: nameOf(kind),
      sizeBytes: input.attachments[kind]!.byteLength,
      ...(linked.includes(kind) ? { link: input.links![kind]! } : {}),
    }));
  const content = emailContent({ output, language, company, message: input.message, files });
  const latest = reportPeriods(output.statements)[0];
  const subject = [
    `${word("reportTitle", language)}: ${content.companyName}`,
    latest?.end ? formatDate(latest.end, language) : latest?.label,
  ]
    .filter(Boolean)
    .join(" – ")
    .replace(/[\r\n]+/g, " ");
  const attachments: MailAttachment[] = attached.map((kind) => ({
    filename: nameOf(kind),
    contentType: CONTENT_TYPES[kind],
    content: input.attachments[kind]!,
  }));
  return {
    to,
    ...(input.replyTo ? { replyTo: input.replyTo } : {}),
    subject,
    text: renderText(content),
    html: renderHtml(content),
    attachments,
    headers: { "Content-Language": language === "tr" ? "tr" : "en" },
  };
}
