import type { DocumentJobHandler } from "../platform/queue";
import { processDocument, type WorkerServices } from "./process-document";

/**
 * The queue's handler (local consumer and SQS alike). A document that failed for good is
 * reported to the queue as a non-retryable AppError, so the job is settled "failed" and the
 * message acknowledged; the reason is already on the document row.
 */
export function documentJobHandler(services: WorkerServices): DocumentJobHandler {
  return async (job, delivery) => {
    const outcome = await processDocument(services, job.documentId, delivery);
    if (outcome.status === "failed") throw outcome.error;
  };
}
