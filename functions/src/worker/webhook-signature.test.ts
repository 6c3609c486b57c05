import { describe, expect, it } from "vitest";
import { signWebhookBody, verifyWebhookSignature } from "./webhook-signature";

describe("webhook signatures", () => {
  const secret = "whsec_test";
  const now = new Date("2025-03-01T10:00:00Z");
  const timestamp = Math.floor(now.getTime() / 1000);
  const body = JSON.stringify({ event: "document.done" });

  it("verifies its own signature and rejects any change of body, secret or time", () => {
    const header = signWebhookBody(secret, timestamp, body);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, header, body, { now })).toBe(true);
    expect(verifyWebhookSignature(secret, header, `${body} `, { now })).toBe(false);
    expect(verifyWebhookSignature("whsec_other", header, body, { now })).toBe(false);
    const replayed = header.replace(`t=${timestamp}`, `t=${timestamp + 1}`);
    expect(verifyWebhookSignature(secret, replayed, body, { now })).toBe(false);
  });

  it("refuses signatures older than the tolerance", () => {
    const header = signWebhookBody(secret, timestamp - 600, body);
    expect(verifyWebhookSignature(secret, header, body, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, { now, toleranceSeconds: 900 })).toBe(true);
    expect(verifyWebhookSignature(secret, "garbage", body, { now })).toBe(false);
  });
});
