/** Amazon SES through nodemailer's SES transport (SESv2 SendEmail with the raw MIME message). */
import nodemailer, { type Transporter } from "nodemailer";
import { toNodemailer } from "./nodemailer-message";
import { DEFAULT_RETRY_POLICY, type RetryPolicy, sendWithRetry } from "./retry";
import type { Mailer } from "./types";

export interface SesMailerOptions {
  region?: string;
  from: string;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  /** A ready client (tests pass one mocked with aws-sdk-client-mock). */
  client?: import("@aws-sdk/client-sesv2").SESv2Client;
}

export function createSesMailer(options: SesMailerOptions): Mailer {
  // The SDK is loaded on first use only, so the SMTP and outbox shapes never pay for it.
  let transport: Promise<Transporter<{ messageId: string }>> | undefined;
  const transporter = () => {
    transport ??= import("@aws-sdk/client-sesv2").then(({ SESv2Client, SendEmailCommand }) =>
      nodemailer.createTransport({
        SES: {
          sesClient: options.client ?? new SESv2Client(options.region ? { region: options.region } : {}),
          SendEmailCommand,
        },
      }),
    );
    return transport;
  };
  return {
    async send(message) {
      const client = await transporter();
      const info = await sendWithRetry(
        () => client.sendMail(toNodemailer(message, options.from)),
        options.retry ?? DEFAULT_RETRY_POLICY,
        options.sleep,
      );
      return { messageId: info.messageId, delivery: "relayed" };
    },
  };
}
