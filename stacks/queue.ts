import { deadLetterRetentionSeconds, maxReceiveCount, queueVisibilityTimeoutSeconds } from "./capacity";

/**
 * One message per uploaded document. A message that fails `maxReceiveCount` times (a crash or
 * a time-out, not a permanent failure, which the worker acknowledges) lands in the dead-letter
 * queue, where the alarm in alarms.ts notices it.
 */
export function createDocumentQueues() {
  const deadLetterQueue = new sst.aws.Queue("DocumentDeadLetterQueue", {
    transform: { queue: { messageRetentionSeconds: deadLetterRetentionSeconds } },
  });
  const documentQueue = new sst.aws.Queue("DocumentQueue", {
    visibilityTimeout: `${queueVisibilityTimeoutSeconds} seconds`,
    dlq: { queue: deadLetterQueue.arn, retry: maxReceiveCount },
  });
  return { documentQueue, deadLetterQueue };
}
