import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, isTransientMailError, retryDelays, sendWithRetry } from "./retry";

const smtpError = (responseCode: number) =>
  Object.assign(new Error(`${responseCode} reply`), { responseCode });

describe("mail retry policy", () => {
  it("retries 4xx replies, dropped connections and throttling; not 5xx or bad credentials", () => {
    expect(isTransientMailError(smtpError(421))).toBe(true);
    expect(isTransientMailError(smtpError(451))).toBe(true);
    expect(isTransientMailError(smtpError(550))).toBe(false);
    expect(isTransientMailError(smtpError(554))).toBe(false);
    expect(isTransientMailError(Object.assign(new Error("x"), { code: "ECONNECTION" }))).toBe(true);
    expect(isTransientMailError(Object.assign(new Error("x"), { code: "EAUTH" }))).toBe(false);
    expect(isTransientMailError(Object.assign(new Error("x"), { name: "TooManyRequestsException" }))).toBe(
      true,
    );
    expect(isTransientMailError(Object.assign(new Error("x"), { $metadata: { httpStatusCode: 503 } }))).toBe(
      true,
    );
    expect(isTransientMailError(Object.assign(new Error("x"), { name: "MessageRejected" }))).toBe(false);
    expect(isTransientMailError("boom")).toBe(false);
  });

  it("waits longer before each new attempt", () => {
    expect(retryDelays(DEFAULT_RETRY_POLICY)).toEqual([500, 2000]);
    expect(retryDelays({ attempts: 1, baseDelayMs: 10, factor: 2 })).toEqual([]);
  });

  it("succeeds after transient failures, sleeping the policy's delays", async () => {
    const slept: number[] = [];
    let calls = 0;
    const result = await sendWithRetry(
      async () => {
        calls++;
        if (calls < 3) throw smtpError(421);
        return "sent";
      },
      DEFAULT_RETRY_POLICY,
      async (ms) => {
        slept.push(ms);
      },
    );
    expect(result).toBe("sent");
    expect(calls).toBe(3);
    expect(slept).toEqual([500, 2000]);
  });

  it("gives up at once on a permanent failure, and after the last attempt on a transient one", async () => {
    let calls = 0;
    const noSleep = async () => {};
    await expect(
      sendWithRetry(
        async () => {
          calls++;
          throw smtpError(550);
        },
        DEFAULT_RETRY_POLICY,
        noSleep,
      ),
    ).rejects.toMatchObject({
      code: "mail_send_failed",
      retryable: false,
      details: { attempts: 1, responseCode: 550 },
    });
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      sendWithRetry(
        async () => {
          calls++;
          throw smtpError(421);
        },
        DEFAULT_RETRY_POLICY,
        noSleep,
      ),
    ).rejects.toMatchObject({ code: "mail_unavailable", retryable: true, details: { attempts: 3 } });
    expect(calls).toBe(3);
  });
});
