import { describe, expect, it } from "vitest";
import { LlmError } from "../../platform/llm/port";
import { createLimiter } from "./concurrency";
import { attemptsOf, type RetryDecision, withRetries } from "./retry";

const policy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };
const classify = (error: unknown): RetryDecision =>
  error instanceof LlmError && error.retryable
    ? { retry: true, retryAfterMs: error.retryAfterMs }
    : { retry: false };

describe("withRetries", () => {
  it("backs off exponentially and succeeds on a later attempt", async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await withRetries(
      async () => {
        calls += 1;
        if (calls < 3) throw new LlmError("server_error", "boom");
        return "ok";
      },
      classify,
      policy,
      { sleep: async (ms) => void delays.push(ms), random: () => 1 },
    );
    expect(result).toEqual({ value: "ok", attempts: 3 });
    expect(delays).toEqual([100, 200]);
  });

  it("waits exactly what retry-after says", async () => {
    const delays: number[] = [];
    let calls = 0;
    await withRetries(
      async () => {
        calls += 1;
        if (calls === 1) throw new LlmError("rate_limited", "slow down", { retryAfterMs: 1234 });
        return calls;
      },
      classify,
      policy,
      { sleep: async (ms) => void delays.push(ms) },
    );
    expect(delays).toEqual([1234]);
  });

  it("gives up at once on a retry-after beyond the budget, on errors retries cannot fix, and after the last attempt", async () => {
    const longWait = withRetries(
      async () => {
        throw new LlmError("rate_limited", "come back tomorrow", { retryAfterMs: 86_400_000 });
      },
      classify,
      policy,
      { sleep: async () => {} },
    );
    await expect(longWait).rejects.toThrow("come back tomorrow");
    let calls = 0;
    const bad = withRetries(
      async () => {
        calls += 1;
        throw new LlmError("bad_request", "no");
      },
      classify,
      policy,
    );
    await expect(bad).rejects.toThrow("no");
    expect(calls).toBe(1);
    const error = await withRetries(
      async () => {
        throw new LlmError("timeout", "slow");
      },
      classify,
      policy,
      { sleep: async () => {} },
    ).catch((e: unknown) => e);
    expect(attemptsOf(error)).toBe(4);
  });
});

describe("createLimiter", () => {
  it("never runs more than the limit at once and runs everything", async () => {
    const limit = createLimiter(2);
    let running = 0;
    let peak = 0;
    const done = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        limit(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 5 + (i % 3)));
          running -= 1;
          return i;
        }),
      ),
    );
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(peak).toBe(2);
  });

  it("rejects a limit that is not a positive integer", () => {
    expect(() => createLimiter(0)).toThrow("positive integer");
  });
});
