import { describe, expect, it } from "vitest";
import { failureOfStatus, LlmError, retryAfterFromHeaders } from "./port";

const headers = (h: Record<string, string>) => (name: string) => h[name];

describe("retryAfterFromHeaders", () => {
  it("reads seconds, milliseconds and HTTP dates", () => {
    expect(retryAfterFromHeaders(headers({ "retry-after": "2" }))).toBe(2000);
    expect(retryAfterFromHeaders(headers({ "retry-after": "0.5" }))).toBe(500);
    expect(retryAfterFromHeaders(headers({ "retry-after-ms": "750", "retry-after": "9" }))).toBe(750);
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(retryAfterFromHeaders(headers({ "retry-after": "Wed, 01 Jan 2025 00:00:03 GMT" }), now)).toBe(
      3000,
    );
  });

  it("is undefined when absent or unreadable", () => {
    expect(retryAfterFromHeaders(headers({}))).toBeUndefined();
    expect(retryAfterFromHeaders(headers({ "retry-after": "soon" }))).toBeUndefined();
  });
});

describe("LlmError", () => {
  it("retries rate limits, server errors and time-outs but not bad requests or bad keys", () => {
    expect(new LlmError(failureOfStatus(429), "x").retryable).toBe(true);
    expect(new LlmError(failureOfStatus(503), "x").retryable).toBe(true);
    expect(new LlmError("timeout", "x").retryable).toBe(true);
    expect(new LlmError(failureOfStatus(400), "x").retryable).toBe(false);
    expect(new LlmError(failureOfStatus(401), "x").failure).toBe("auth");
    expect(new LlmError("aborted", "x").retryable).toBe(false);
  });
});
