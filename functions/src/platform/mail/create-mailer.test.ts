import { describe, expect, it } from "vitest";
import { createMailer } from "./create-mailer";
import { createMemoryMailer } from "./memory-mailer";

const message = { to: ["a@b.com"], subject: "Rapor", text: "t", html: "<p>t</p>", attachments: [] };

describe("createMailer", () => {
  it("refuses smtp without a URL and an unknown driver", () => {
    expect(() => createMailer({ MAIL_DRIVER: "smtp" })).toThrow(
      expect.objectContaining({ code: "mail_config_invalid" }),
    );
    expect(() => createMailer({ MAIL_DRIVER: "pigeon" as never })).toThrow(/Unknown MAIL_DRIVER/);
    expect(() => createMailer({ SMTP_URL: "http://x" })).toThrow(/smtp:\/\//);
  });

  it("keeps mail in memory when the data directory is in memory", async () => {
    const mailer = createMailer({ DATA_DIR: ":memory:", MAIL_FROM: "Finstat <rapor@finstat.test>" });
    const sent = await mailer.send(message);
    expect(sent.messageId).toMatch(/^<.+@finstat\.local>$/);
  });
});

describe("memory mailer", () => {
  it("records what was sent with the default sender, and fails when told to", async () => {
    const mailer = createMemoryMailer({ from: "Finstat <rapor@finstat.test>" });
    mailer.failNext(1);
    await expect(mailer.send(message)).rejects.toMatchObject({ responseCode: 421 });
    const { messageId } = await mailer.send(message);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({
      messageId,
      from: "Finstat <rapor@finstat.test>",
      subject: "Rapor",
    });
  });
});
