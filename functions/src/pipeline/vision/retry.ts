export interface RetryPolicy {
  /** Calls in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `retry-after` longer than this is not waited for: the page gives up instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 60_000,
};

/** What to do after a failed attempt: give up, or wait (`retryAfterMs` when the server said). */
export type RetryDecision = { retry: false } | { retry: true; retryAfterMs?: number };

export interface RetryHooks {
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  signal?: AbortSignal;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

/**
 * Runs `call` until it succeeds, the error is not worth retrying, or the attempts run out.
 * Exponential back-off with full jitter, except that a server's `retry-after` is obeyed as
 * given (it knows when its quota refills; guessing earlier only earns another 429).
 */
export async function withRetries<T>(
  call: (attempt: number) => Promise<T>,
  classify: (error: unknown, attempt: number) => RetryDecision,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
): Promise<{ value: T; attempts: number }> {
  const sleep = hooks.sleep ?? abortableSleep;
  const random = hooks.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    hooks.signal?.throwIfAborted();
    try {
      return { value: await call(attempt), attempts: attempt };
    } catch (error) {
      const decision = classify(error, attempt);
      if (!decision.retry || attempt >= policy.attempts || hooks.signal?.aborted)
        throw withAttempts(error, attempt);
      let delayMs: number;
      if (decision.retryAfterMs !== undefined) {
        if (decision.retryAfterMs > policy.maxRetryAfterMs) throw withAttempts(error, attempt);
        delayMs = decision.retryAfterMs;
      } else {
        const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
        delayMs = Math.round(ceiling / 2 + (random() * ceiling) / 2);
      }
      hooks.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, hooks.signal);
    }
  }
}

/** The number of calls made travels with the final error, for the page's report. */
function withAttempts(error: unknown, attempts: number): unknown {
  if (error && typeof error === "object") Object.assign(error, { attempts });
  return error;
}

export function attemptsOf(error: unknown): number {
  const attempts = (error as { attempts?: unknown } | null)?.attempts;
  return typeof attempts === "number" ? attempts : 1;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
