/**
 * The mail port: what a use case hands to `Mailer.send`. Adapters: SMTP (any server, from
 * SMTP_URL), SES (AWS), an outbox writing .eml files (the embedded default) and an in-memory
 * fake for tests. Reports compose messages of this shape without knowing the adapter.
 */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface MailMessage {
  /** Defaults to the mailer's MAIL_FROM. */
  from?: string;
  to: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
  headers?: Record<string, string>;
}

export interface SentMail {
  messageId: string;
  /**
   * Where the message went: accepted by a mail server ("relayed"), or only written to the local
   * outbox or kept in memory, where nobody receives it. The user is told which.
   */
  delivery: "relayed" | "outbox" | "memory";
}

export interface Mailer {
  send(message: MailMessage): Promise<SentMail>;
}
