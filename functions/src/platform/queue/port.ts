import { z } from "zod";
import { isAppError } from "../../app-error";

/** The one kind of work the queue carries: process this uploaded document. */
export interface DocumentJob {
  documentId: string;
}

export const documentJobSchema = z.object({ documentId: z.string().min(1) });

/** Which delivery of a job this is, so a handler can tell its last chance from the others. */
export interface JobDelivery {
  /** Job id (local) or message id (SQS). */
  id: string;
  /** 1 on the first delivery. */
  attempt: number;
  maxAttempts: number;
}

/**
 * Resolve = done. Throw = retry, until the attempts are used up (then `dead`). Throw an
 * AppError with `retryable: false` for a failure no retry can fix: the job is settled as
 * `failed` at once. The handler owns the document row: it records the failure reason itself.
 */
export type DocumentJobHandler = (job: DocumentJob, delivery: JobDelivery) => Promise<void>;

export interface ConsumerOptions {
  /** Jobs processed at the same time by this consumer (default 1). */
  concurrency?: number;
  /** How long to wait between empty polls (local queue; default 1000 ms). */
  pollIntervalMs?: number;
  /** How long `stop()` waits for running handlers before abandoning them (default 30 s). */
  shutdownGraceMs?: number;
  /** Called for every failed delivery, with what the queue will do about it. */
  onFailure?: (event: {
    error: unknown;
    job: DocumentJob | undefined;
    delivery: JobDelivery;
    outcome: FailureOutcome;
  }) => void;
  /** Called when the queue itself fails (database or SQS unreachable); polling continues. */
  onQueueError?: (error: unknown) => void;
}

/** Stops polling and waits (up to the grace period) for running handlers. */
export type StopConsumer = () => Promise<void>;

export interface QueueDepth {
  /** Jobs waiting to be claimed. */
  waiting: number;
  /** Jobs claimed by a consumer right now. */
  inFlight: number;
  /** Jobs that used up their attempts; null where the queue cannot tell (SQS: see the DLQ). */
  dead: number | null;
}

export interface DocumentQueue {
  readonly kind: "local" | "sqs" | "memory";
  enqueue(job: DocumentJob, options?: { delaySeconds?: number }): Promise<{ id: string }>;
  startConsumer(handler: DocumentJobHandler, options?: ConsumerOptions): StopConsumer;
  depth(): Promise<QueueDepth>;
}

/** `retry`: deliver again later; `dead`: out of attempts; `failed`: permanent, never retried. */
export type FailureOutcome = "retry" | "dead" | "failed";

export function failureOutcome(
  error: unknown,
  delivery: Pick<JobDelivery, "attempt" | "maxAttempts">,
): FailureOutcome {
  if (isAppError(error) && !error.retryable) return "failed";
  return delivery.attempt >= delivery.maxAttempts ? "dead" : "retry";
}

/** Exponential back-off: 5 s, 10 s, 20 s ... capped at 5 minutes. */
export function defaultRetryDelaySeconds(attempt: number): number {
  return Math.min(300, 5 * 2 ** Math.max(0, attempt - 1));
}

export function describeError(error: unknown): string {
  const text = isAppError(error)
    ? `${error.code}: ${error.message}`
    : error instanceof Error
      ? `${error.name}: ${error.message}`
      : String(error);
  return text.slice(0, 2000);
}
