/**
 * The embedded default without SMTP: each message is written as an .eml file to
 * DATA_DIR/outbox, where any mail client opens it. Nothing leaves the machine.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { toNodemailer } from "./nodemailer-message";
import type { Mailer } from "./types";

export interface OutboxMailerOptions {
  dir: string;
  from: string;
  /** For file names; defaults to the clock. */
  now?: () => Date;
}

export function outboxFileName(messageId: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const id = messageId
    .replace(/[<>]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .slice(0, 80);
  return `${stamp}-${id}.eml`;
}

export function createOutboxMailer(options: OutboxMailerOptions): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    async send(message) {
      const info = await transport.sendMail(toNodemailer(message, options.from));
      await mkdir(options.dir, { recursive: true });
      const file = join(options.dir, outboxFileName(info.messageId, (options.now ?? (() => new Date()))()));
      await writeFile(file, info.message as Buffer);
      return { messageId: info.messageId, delivery: "outbox" };
    },
  };
}
