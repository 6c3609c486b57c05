/** Any SMTP server, from a URL: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465. */
import nodemailer from "nodemailer";
import { AppError } from "../../app-error";
import { toNodemailer } from "./nodemailer-message";
import { DEFAULT_RETRY_POLICY, type RetryPolicy, sendWithRetry } from "./retry";
import type { Mailer } from "./types";

export interface SmtpMailerOptions {
  url: string;
  from: string;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
}

export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  if (!/^smtps?:\/\//.test(options.url)) {
    throw new AppError("mail_config_invalid", "SMTP_URL must start with smtp:// or smtps://.");
  }
  // No pool: every attempt opens its own connection, so a retry after a dropped one starts clean.
  const transport = nodemailer.createTransport(options.url);
  return {
    async send(message) {
      const info = await sendWithRetry(
        () => transport.sendMail(toNodemailer(message, options.from)),
        options.retry ?? DEFAULT_RETRY_POLICY,
        options.sleep,
      );
      return { messageId: info.messageId, delivery: "relayed" };
    },
  };
}
