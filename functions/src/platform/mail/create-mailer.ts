/**
 * Chooses the mail adapter from configuration. Takes the config module's fields as a plain
 * object (MAIL_DRIVER, SMTP_URL, MAIL_FROM, DATA_DIR, AWS_REGION), so any object carrying them
 * will do. Without a driver: SMTP when SMTP_URL is set, otherwise the outbox.
 */
import { join } from "node:path";
import { AppError } from "../../app-error";
import { createMemoryMailer } from "./memory-mailer";
import { createOutboxMailer } from "./outbox-mailer";
import type { RetryPolicy } from "./retry";
import { createSesMailer } from "./ses-mailer";
import { createSmtpMailer } from "./smtp-mailer";
import type { Mailer } from "./types";

export type MailDriver = "smtp" | "ses" | "outbox" | "memory";

export interface MailConfig {
  MAIL_DRIVER?: MailDriver;
  SMTP_URL?: string;
  MAIL_FROM?: string;
  DATA_DIR?: string;
  AWS_REGION?: string;
}

export interface MailerOptions {
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_MAIL_FROM = "Finstat <finstat@localhost>";

export function createMailer(config: MailConfig, options: MailerOptions = {}): Mailer {
  const from = config.MAIL_FROM ?? DEFAULT_MAIL_FROM;
  const dataDir = config.DATA_DIR ?? ".data";
  const driver = config.MAIL_DRIVER ?? (config.SMTP_URL ? "smtp" : "outbox");
  switch (driver) {
    case "smtp":
      if (!config.SMTP_URL) {
        throw new AppError("mail_config_invalid", "MAIL_DRIVER is smtp but SMTP_URL is not set.");
      }
      return createSmtpMailer({ url: config.SMTP_URL, from, ...options });
    case "ses":
      return createSesMailer({ region: config.AWS_REGION, from, ...options });
    case "memory":
      return createMemoryMailer({ from });
    case "outbox":
      // A database kept in memory has no directory to write to: keep the mail in memory as well.
      return dataDir === ":memory:"
        ? createMemoryMailer({ from })
        : createOutboxMailer({ dir: join(dataDir, "outbox"), from });
    default:
      throw new AppError("mail_config_invalid", `Unknown MAIL_DRIVER "${String(driver)}".`);
  }
}
