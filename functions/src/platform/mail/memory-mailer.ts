/** The in-memory fake for unit tests: keeps what was sent, and can be told to fail. */
import { randomUUID } from "node:crypto";
import type { Mailer, MailMessage } from "./types";

export interface MemoryMailer extends Mailer {
  readonly sent: Array<MailMessage & { messageId: string; from: string }>;
  /** Makes the next `count` sends throw `error` (default: a transient 421). */
  failNext(count: number, error?: unknown): void;
}

export function createMemoryMailer(options: { from?: string } = {}): MemoryMailer {
  const sent: MemoryMailer["sent"] = [];
  let failures: unknown[] = [];
  return {
    sent,
    failNext(count, error) {
      const failure = error ?? Object.assign(new Error("421 Service not available"), { responseCode: 421 });
      failures = Array.from({ length: count }, () => failure);
    },
    async send(message) {
      const failure = failures.shift();
      if (failure !== undefined) throw failure;
      const messageId = `<${randomUUID()}@finstat.local>`;
      sent.push({
        ...message,
        from: message.from ?? options.from ?? "Finstat <finstat@localhost>",
        messageId,
      });
      return { messageId, delivery: "memory" };
    },
  };
}
