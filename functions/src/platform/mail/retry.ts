/**
 * Which mail failures are worth another try, and the trying. RFC 5321: a 4yz reply is a
 * transient negative completion (try again later), a 5yz reply is permanent. Dropped or refused
 * connections and SES throttling are transient too; anything else (bad credentials, no valid
 * recipient) would fail the same way again.
 */
import { AppError } from "../../app-error";

export interface RetryPolicy {
  /** Attempts in all, the first included (default 3). */
  attempts: number;
  /** Delay before the second attempt; each later one waits `factor` times longer (default 500 ms, ×4). */
  baseDelayMs: number;
  factor: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 3, baseDelayMs: 500, factor: 4 };

const TRANSIENT_CODES = new Set([
  "ECONNECTION",
  "ETIMEDOUT",
  "ESOCKET",
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "EAI_AGAIN",
]);
const TRANSIENT_AWS = new Set([
  "Throttling",
  "ThrottlingException",
  "TooManyRequestsException",
  "ServiceUnavailable",
  "InternalFailure",
  "RequestTimeout",
]);

interface MailErrorShape {
  responseCode?: unknown;
  response?: unknown;
  permanent?: unknown;
  code?: unknown;
  name?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

export function isTransientMailError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const shape = error as MailErrorShape;
  if (typeof shape.responseCode === "number" && shape.responseCode >= 400) {
    return shape.responseCode < 500;
  }
  if (typeof shape.permanent === "boolean") return !shape.permanent;
  if (typeof shape.code === "string" && TRANSIENT_CODES.has(shape.code)) return true;
  if (shape.$retryable) return true;
  if (typeof shape.name === "string" && TRANSIENT_AWS.has(shape.name)) return true;
  const status = shape.$metadata?.httpStatusCode;
  return typeof status === "number" && (status >= 500 || status === 429);
}

/** The waits between attempts: [500, 2000] for the default policy. */
export function retryDelays(policy: RetryPolicy): number[] {
  return Array.from(
    { length: Math.max(0, policy.attempts - 1) },
    (_, index) => policy.baseDelayMs * policy.factor ** index,
  );
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it succeeds, a failure is permanent, or the attempts are used up. The
 * final failure is an AppError whose `retryable` tells the caller whether a later retry (the
 * queue's) may still succeed.
 */
export async function sendWithRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  sleep: (ms: number) => Promise<void> = sleepFor,
): Promise<T> {
  const delays = retryDelays(policy);
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      const transient = isTransientMailError(error);
      const delay = delays[tried - 1];
      if (transient && delay !== undefined) {
        await sleep(delay);
        continue;
      }
      if (error instanceof AppError) throw error;
      const { responseCode, response } = (error ?? {}) as MailErrorShape;
      throw new AppError(
        transient ? "mail_unavailable" : "mail_send_failed",
        transient
          ? "The mail server is not accepting messages right now; the report will be sent again later."
          : "The mail server refused the message.",
        {
          attempts: tried,
          ...(typeof responseCode === "number" ? { responseCode } : {}),
          ...(typeof response === "string" ? { response: response.slice(0, 200) } : {}),
        },
        { cause: error },
      );
    }
  }
}
