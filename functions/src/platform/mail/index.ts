export {
  createMailer,
  DEFAULT_MAIL_FROM,
  type MailConfig,
  type MailDriver,
  type MailerOptions,
} from "./create-mailer";
export { createMemoryMailer, type MemoryMailer } from "./memory-mailer";
export { createOutboxMailer, type OutboxMailerOptions, outboxFileName } from "./outbox-mailer";
export {
  DEFAULT_RETRY_POLICY,
  isTransientMailError,
  type RetryPolicy,
  retryDelays,
  sendWithRetry,
} from "./retry";
export { createSesMailer, type SesMailerOptions } from "./ses-mailer";
export { createSmtpMailer, type SmtpMailerOptions } from "./smtp-mailer";
export type { MailAttachment, Mailer, MailMessage, SentMail } from "./types";
