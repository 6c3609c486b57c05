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
  const settings = {
    maxAttempts: config.QUEUE_MAX_ATTEMPTS,
    visibilityTimeoutSeconds: config.QUEUE_VISIBILITY_TIMEOUT_SECONDS,
  };
  if (config.QUEUE_DRIVER === "sqs") {
    return createSqsQueue({ client: sqsClientFromConfig(config), queueUrl: config.QUEUE_URL!, ...settings });
  }
  return createDatabaseQueue(db, settings);
}
