import { exports, users } from "@finstat/db/schema";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../app-error";
import type { SentMail } from "../platform/mail/types";
import { composeReportEmail, reportFileName, validateRecipients } from "../reports";
import { recordAudit } from "./audit";
import type { Actor, Services } from "./context";
import { buildReport, reportSource, storeExport } from "./exports";
import { countHit } from "./rate-limits";

/** Seven days: the longest an S3 presigned URL may live, so links in mail work for a week. */
const EMAIL_LINK_SECONDS = 7 * 24 * 60 * 60;
export const EMAILS_PER_HOUR = 20;

export const emailRequest = z.object({
  recipients: z.array(z.string().max(254)).min(1).max(50),
  message: z.string().max(2000).optional(),
  language: z.enum(["tr", "en"]).default("tr"),
  formats: z
    .array(z.enum(["xlsx", "pdf"]))
    .min(1)
    .default(["xlsx", "pdf"]),
});

/**
 * Mails the document's reports to the given addresses: attached while they fit under
 * EMAIL_ATTACHMENT_LIMIT_BYTES, linked (expiring URL) otherwise. Capped per user and hour so
 * an account cannot be used to send bulk mail.
 */
export async function emailReport(
  services: Pick<Services, "db" | "storage" | "mailer" | "config" | "now">,
  actor: Actor,
  documentId: string,
  input: z.infer<typeof emailRequest>,
): Promise<{
  sent: true;
  messageId: string;
  delivery: SentMail["delivery"];
  recipients: string[];
  exports: string[];
}> {
  const recipients = validateRecipients(input.recipients);
  const { document, reportCompany, output } = await reportSource(services, actor, documentId, "email");
  const sent = await countHit(services.db, `email:${actor.userId}`, 3600, services.now());
  if (sent.count > EMAILS_PER_HOUR) {
    throw new AppError(
      "email_rate_limited",
      `At most ${EMAILS_PER_HOUR} report e-mails can be sent per hour.`,
    );
  }
  const [sender] = await services.db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, actor.userId));
  const generatedAt = services.now();
  const files = await Promise.all(
    input.formats.map(async (format) => {
      const bytes = await buildReport(output, format, input.language, reportCompany, generatedAt);
      const fileName = reportFileName(output, reportCompany, format);
      const view = await storeExport(services, actor, document, format, bytes, fileName);
      const url = await services.storage.presignDownload(
        `exports/${view.id}.${format}`,
        fileName,
        EMAIL_LINK_SECONDS,
      );
      return {
        format,
        bytes,
        view,
        link: { url, expiresAt: new Date(generatedAt.getTime() + EMAIL_LINK_SECONDS * 1000) },
      };
    }),
  );
  const excel = files.find((f) => f.format === "xlsx");
  const pdf = files.find((f) => f.format === "pdf");
  const message = composeReportEmail({
    output,
    language: input.language,
    company: reportCompany,
    recipients,
    message: input.message,
    attachments: { excel: excel?.bytes, pdf: pdf?.bytes },
    links: { excel: excel?.link, pdf: pdf?.link },
    attachmentLimitBytes: services.config.EMAIL_ATTACHMENT_LIMIT_BYTES,
    ...(sender ? { replyTo: sender.email } : {}),
  });
  const result = await services.mailer.send(message);
  for (const file of files) {
    await services.db
      .update(exports)
      .set({ emailedTo: recipients.join(", ") })
      .where(eq(exports.id, file.view.id));
  }
  await recordAudit(services.db, actor, {
    action: "export.email",
    entityType: "document",
    entityId: document.id,
    organisationId: document.organisationId,
    documentId: document.id,
    details: { recipients, formats: input.formats, language: input.language, messageId: result.messageId },
  });
  return {
    sent: true,
    messageId: result.messageId,
    delivery: result.delivery,
    recipients,
    exports: files.map((f) => f.view.id),
  };
}
