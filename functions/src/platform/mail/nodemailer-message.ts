import type { SendMailOptions } from "nodemailer";
import type { MailMessage } from "./types";

/** The port's message in nodemailer's terms; header values lose line breaks (no header injection). */
export function toNodemailer(message: MailMessage, defaultFrom: string): SendMailOptions {
  const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ");
  return {
    from: oneLine(message.from ?? defaultFrom),
    to: message.to.map(oneLine),
    ...(message.replyTo ? { replyTo: oneLine(message.replyTo) } : {}),
    subject: oneLine(message.subject),
    text: message.text,
    html: message.html,
    attachments: message.attachments.map((attachment) => ({
      filename: oneLine(attachment.filename),
      contentType: attachment.contentType,
      content: Buffer.from(
        attachment.content.buffer,
        attachment.content.byteOffset,
        attachment.content.byteLength,
      ),
    })),
    ...(message.headers
      ? {
          headers: Object.fromEntries(
            Object.entries(message.headers).map(([key, value]) => [key, oneLine(value)]),
          ),
        }
      : {}),
  };
}
