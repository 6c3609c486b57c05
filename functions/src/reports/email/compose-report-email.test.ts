import { describe, expect, it } from "vitest";
import { sampleAnalysisOutput, sampleCompany } from "../../../test/fixtures/sample-output";
import { composeReportEmail, type ReportEmailInput } from "./compose-report-email";

const excel = new Uint8Array(3_000).fill(7);
const pdf = new Uint8Array(5_000).fill(9);

function input(overrides: Partial<ReportEmailInput> = {}): ReportEmailInput {
  return {
    output: sampleAnalysisOutput(),
    language: "tr",
    company: sampleCompany,
    recipients: ["mali.musavir@ornek.com.tr"],
    message: "Merhaba,\nraporu ekte bulabilirsiniz. <b>Saygılar</b>",
    attachments: { excel, pdf },
    attachmentLimitBytes: 10_000,
    ...overrides,
  };
}

describe("composeReportEmail", () => {
  it("attaches both reports with the key figures and alerts in both bodies", () => {
    const mail = composeReportEmail(input());
    expect(mail.to).toEqual(["mali.musavir@ornek.com.tr"]);
    expect(mail.subject).toBe("Finansal Analiz Raporu: Ege Yıldız Gıda Sanayi ve Ticaret A.Ş. – 31.12.2024");
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.content.byteLength])).toEqual([
      [
        "finstat-ege-yildiz-gida-sanayi-ve-ticaret-a-s-2024-12-31.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        3_000,
      ],
      ["finstat-ege-yildiz-gida-sanayi-ve-ticaret-a-s-2024-12-31.pdf", "application/pdf", 5_000],
    ]);
    expect(mail.html).toContain("48.475.400 TL");
    expect(mail.html).toContain("%5,2");
    expect(mail.text).toContain("- Toplam varlıklar: 48.475.400 TL (39.717.800 TL, +%22,0)");
    expect(mail.text).toContain("UYARILAR");
    expect(mail.html).toContain(sampleAnalysisOutput().alerts[0]!.message.tr.slice(0, 30));
    // The sender's note is text, never markup.
    expect(mail.html).toContain("raporu ekte bulabilirsiniz. &lt;b&gt;Saygılar&lt;/b&gt;");
    expect(mail.html).toContain("Merhaba,<br>");
  });

  it("links a report that would pass the size limit, saying until when the link works", () => {
    const expiresAt = new Date("2025-03-21T10:00:00Z");
    const mail = composeReportEmail(
      input({
        attachmentLimitBytes: 4_000,
        language: "en",
        links: { pdf: { url: "https://files.example.com/r.pdf?X-Amz-Signature=abc&x=1", expiresAt } },
      }),
    );
    expect(mail.attachments.map((a) => a.contentType)).toEqual([
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]);
    expect(mail.html).toContain('href="https://files.example.com/r.pdf?X-Amz-Signature=abc&amp;x=1"');
    expect(mail.text).toContain(
      "https://files.example.com/r.pdf?X-Amz-Signature=abc&x=1 — valid until 21 March 2025 10:00 UTC",
    );
    expect(mail.text).toContain("too large to attach");
  });

  it("refuses when a report is too large and has no link", () => {
    expect(() => composeReportEmail(input({ attachmentLimitBytes: 1_000 }))).toThrow(
      expect.objectContaining({ code: "report_too_large_for_email", status: 413 }),
    );
  });

  it("validates recipients before anything else", () => {
    expect(() => composeReportEmail(input({ recipients: ["kimse"] }))).toThrow(
      expect.objectContaining({ code: "recipients_invalid" }),
    );
  });
});
