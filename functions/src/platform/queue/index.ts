import type { Config } from "../config";
import type { Database } from "../db";
import { createDatabaseQueue } from "./database-queue";
import type { DocumentQueue } from "./port";
import { createSqsQueue, sqsClientFromConfig } from "./sqs-queue";

export { type ClaimedJob, createDatabaseQueue, type DatabaseQueueOptions } from "./database-queue";
export { createMemoryQueue, type MemoryJob } from "./memory-queue";
export * from "./port";
export { createSqsQueue, handleSqsBatch, type SqsQueueOptions, sqsClientFromConfig } from "./sqs-queue";

/** SQS when QUEUE_URL is configured; otherwise the durable queue on the database. */
export function createQueue(config: Config, db: Database): DocumentQueue {
  if (config.QUEUE_DRIVER === "sqs") {
    return createSqsQueue({
      client: sqsClientFromConfig(config),
      queueUrl: config.QUEUE_URL!,
      maxAttempts: config.QUEUE_MAX_ATTEMPTS,
      visibilityTimeoutSeconds: config.QUEUE_VISIBILITY_TIMEOUT_SECONDS,
    });
  }
  // The embedded queue renews its claims every third of the lease while a handler runs, so a
  // short lease costs nothing and a crashed server's jobs are taken up again within a minute.
  return createDatabaseQueue(db, {
    maxAttempts: config.QUEUE_MAX_ATTEMPTS,
    visibilityTimeoutSeconds: config.DOCUMENT_LEASE_SECONDS,
  });
}
