import type { Logger } from "pino";
import type { Platform } from "../platform/platform";
import type { DocumentJobHandler } from "../platform/queue/port";

export interface ProcessorContext {
  platform: Platform;
  logger: Logger;
}

/**
 * HOOK for the document worker (functions/src/worker/): return the handler the embedded
 * queue consumer runs for each `{ documentId }` job. The same handler serves Lambda through
 * `handleSqsBatch` (platform/queue/sqs-queue.ts).
 *
 * Contract (platform/queue/port.ts): resolve when the document is settled (done, or failed
 * with its reason recorded on the row); throw to have the job retried; throw an AppError
 * with `retryable: false` to settle the job as failed at once. `delivery.attempt ===
 * delivery.maxAttempts` marks the last try, when a retryable failure should also be written
 * to the document before rethrowing, because the job will not come back.
 *
 * Until the worker exists this returns null: jobs wait in the queue (they are durable) and
 * run once a processor is registered and the process restarts.
 */
export async function registerProcessor(_context: ProcessorContext): Promise<DocumentJobHandler | null> {
  return null;
}
