/**
 * The report email end to end: real reports, composed, sent through the mail port to a real SMTP
 * server (smtp-server) listening on a free port, and parsed back with mailparser. Also the
 * retry on a 421, the outbox's .eml files, and SES through nodemailer's SES transport.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer, createSesMailer } from "../../src/platform/mail";
import { buildReports, composeReportEmail } from "../../src/reports";
import { sampleAnalysisOutput, sampleCompany } from "../fixtures/sample-output";

interface Received {
  from: string;
  to: string[];
  mail: ParsedMail;
}

/** An SMTP server that keeps what it accepts and rejects the first `rejectFirst` messages with 421. */
async function startSmtpServer(options: { rejectFirst?: number; permanent?: boolean } = {}) {
  const received: Received[] = [];
  let rejections = 0;
  let rejectLeft = options.rejectFirst ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 50 * 1024 * 1024,
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        if (options.permanent || rejectLeft > 0) {
          rejectLeft--;
          rejections++;
          const code = options.permanent ? 554 : 421;
          callback(
            Object.assign(new Error(code === 421 ? "Try again later" : "Rejected for policy reasons"), {
              responseCode: code,
            }),
          );
          return;
        }
        const mail = await simpleParser(Buffer.concat(chunks));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          mail,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    rejections: () => rejections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const output = sampleAnalysisOutput();
let reports: { xlsx: Uint8Array; pdf: Uint8Array };

beforeAll(async () => {
  reports = await buildReports(output, { language: "tr", company: sampleCompany });
}, 60_000);

function reportMail(recipients = ["mali.musavir@ornek.com.tr", "ayse@ege-yildiz.com.tr"]) {
  return composeReportEmail({
    output,
    language: "tr",
    company: sampleCompany,
    recipients,
    message: "Merhaba, 2024 raporunuz ektedir.",
    attachments: { excel: reports.xlsx, pdf: reports.pdf },
    attachmentLimitBytes: 10 * 1024 * 1024,
  });
}

describe("report email over SMTP", () => {
  const servers: Array<{ close: () => Promise<void> }> = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  it("arrives with its recipients, subject, key figures and both reports intact", async () => {
    const server = await startSmtpServer();
    servers.push(server);
    const mailer = createMailer({ SMTP_URL: server.url, MAIL_FROM: "Finstat Rapor <rapor@finstat.test>" });
    const { messageId, delivery } = await mailer.send(reportMail());
    expect(delivery).toBe("relayed");
    expect(server.received).toHaveLength(1);
    const { from, to, mail } = server.received[0]!;
    expect(from).toBe("rapor@finstat.test");
    expect(to).toEqual(["mali.musavir@ornek.com.tr", "ayse@ege-yildiz.com.tr"]);
    expect(mail.messageId).toBe(messageId);
    expect(mail.subject).toBe("Finansal Analiz Raporu: Ege Yıldız Gıda Sanayi ve Ticaret A.Ş. – 31.12.2024");
    expect(mail.html).toContain("48.475.400 TL");
    expect(mail.text).toContain("Toplam varlıklar: 48.475.400 TL");
    expect(mail.text).toContain("Merhaba, 2024 raporunuz ektedir.");
    const [xlsx, pdf] = mail.attachments;
    expect(xlsx?.filename).toBe("finstat-ege-yildiz-gida-sanayi-ve-ticaret-a-s-2024-12-31.xlsx");
    expect(pdf?.contentType).toBe("application/pdf");
    expect(Buffer.compare(xlsx!.content, Buffer.from(reports.xlsx))).toBe(0);
    expect(Buffer.compare(pdf!.content, Buffer.from(reports.pdf))).toBe(0);
  });

  it("retries after a 421 and delivers once", async () => {
    const server = await startSmtpServer({ rejectFirst: 1 });
    servers.push(server);
    const slept: number[] = [];
    const mailer = createMailer(
      { MAIL_DRIVER: "smtp", SMTP_URL: server.url },
      { sleep: async (ms) => void slept.push(ms) },
    );
    await mailer.send(reportMail(["mali.musavir@ornek.com.tr"]));
    expect(server.rejections()).toBe(1);
    expect(slept).toEqual([500]);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]!.mail.attachments).toHaveLength(2);
  });

  it("does not retry a permanent rejection and says it will not succeed later", async () => {
    const server = await startSmtpServer({ permanent: true });
    servers.push(server);
    const mailer = createMailer({ SMTP_URL: server.url }, { sleep: async () => {} });
    await expect(mailer.send(reportMail(["mali.musavir@ornek.com.tr"]))).rejects.toMatchObject({
      code: "mail_send_failed",
      retryable: false,
      details: { attempts: 1, responseCode: 554 },
    });
    expect(server.rejections()).toBe(1);
  });

  it("reports a server that never answers as retryable", async () => {
    // Nothing listens on port 9 of the loopback interface: the connection is refused.
    const mailer = createMailer({ SMTP_URL: "smtp://127.0.0.1:9" }, { sleep: async () => {} });
    await expect(mailer.send(reportMail(["mali.musavir@ornek.com.tr"]))).rejects.toMatchObject({
      code: "mail_unavailable",
      retryable: true,
      details: { attempts: 3 },
    });
  });
});

describe("outbox mailer", () => {
  it("writes a parseable .eml to DATA_DIR/outbox", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "finstat-outbox-"));
    try {
      const mailer = createMailer({ DATA_DIR: dataDir, MAIL_FROM: "Finstat <rapor@finstat.test>" });
      const { messageId, delivery } = await mailer.send(reportMail());
      // Written here, received by nobody: the user is told it was not sent.
      expect(delivery).toBe("outbox");
      const files = await readdir(join(dataDir, "outbox"));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^\d{8}T\d{6}Z-.+\.eml$/);
      const mail = await simpleParser(await readFile(join(dataDir, "outbox", files[0]!)));
      expect(mail.messageId).toBe(messageId);
      expect(mail.subject).toContain("Ege Yıldız");
      const to = Array.isArray(mail.to) ? mail.to : [mail.to];
      expect(to.flatMap((address) => address?.value.map((v) => v.address))).toEqual([
        "mali.musavir@ornek.com.tr",
        "ayse@ege-yildiz.com.tr",
      ]);
      expect(Buffer.compare(mail.attachments[1]!.content, Buffer.from(reports.pdf))).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe("SES mailer", () => {
  it("sends the raw MIME message through SESv2 and retries throttling", async () => {
    const ses = mockClient(SESv2Client);
    ses
      .on(SendEmailCommand)
      .rejectsOnce(Object.assign(new Error("Rate exceeded"), { name: "TooManyRequestsException" }))
      .resolves({ MessageId: "0100018f-ses-id" });
    try {
      const mailer = createSesMailer({
        from: "Finstat <rapor@finstat.test>",
        client: new SESv2Client({ region: "eu-central-1" }),
        sleep: async () => {},
      });
      const { messageId, delivery } = await mailer.send(reportMail(["mali.musavir@ornek.com.tr"]));
      expect(messageId).toContain("0100018f-ses-id");
      expect(delivery).toBe("relayed");
      const calls = ses.commandCalls(SendEmailCommand);
      expect(calls).toHaveLength(2);
      const raw = calls[1]!.args[0].input.Content?.Raw?.Data;
      expect(raw).toBeDefined();
      const mail = await simpleParser(Buffer.from(raw!));
      expect(mail.subject).toContain("Finansal Analiz Raporu");
      expect(Buffer.compare(mail.attachments[0]!.content, Buffer.from(reports.xlsx))).toBe(0);
    } finally {
      ses.restore();
    }
  });
});
