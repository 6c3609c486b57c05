import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import type { SQSBatchResponse, SQSEvent } from "aws-lambda";
import {
  type ConsumerOptions,
  type DocumentJob,
  type DocumentJobHandler,
  type DocumentQueue,
  defaultRetryDelaySeconds,
  documentJobSchema,
  type FailureOutcome,
  failureOutcome,
  type JobDelivery,
} from "./port";

export interface SqsQueueOptions {
  client: SQSClient;
  queueUrl: string;
  /** Must match the queue's redrive policy (maxReceiveCount). */
  maxAttempts: number;
  visibilityTimeoutSeconds: number;
  retryDelaySeconds?: (attempt: number) => number;
  /** Long-poll wait for the polling consumer (default 20 s, the SQS maximum). */
  waitTimeSeconds?: number;
}

/**
 * SQS: what to do with one message after the handler ran. `failed` is acknowledged like a
 * success (the handler recorded the reason); `retry` and `dead` stay on the queue, and SQS's
 * redrive policy moves a message to the dead-letter queue after maxReceiveCount deliveries.
 */
async function runHandler(
  message: { body: string; id: string; receiveCount: number },
  handler: DocumentJobHandler,
  maxAttempts: number,
  onFailure: ConsumerOptions["onFailure"],
): Promise<"ack" | FailureOutcome> {
  const delivery: JobDelivery = { id: message.id, attempt: message.receiveCount, maxAttempts };
  let job: DocumentJob | undefined;
  try {
    job = documentJobSchema.parse(JSON.parse(message.body));
  } catch (error) {
    onFailure?.({ error, job, delivery, outcome: "failed" });
    return "failed";
  }
  try {
    await handler(job, delivery);
    return "ack";
  } catch (error) {
    const outcome = failureOutcome(error, delivery);
    onFailure?.({ error, job, delivery, outcome });
    return outcome;
  }
}

/**
 * The Lambda side (handlers/worker.ts): an SQS event source mapping with partial batch
 * responses. Records run one after another: each is CPU-bound OCR on the same vCPUs.
 */
export async function handleSqsBatch(
  event: SQSEvent,
  handler: DocumentJobHandler,
  options: { maxAttempts: number; onFailure?: ConsumerOptions["onFailure"] },
): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse["batchItemFailures"] = [];
  for (const record of event.Records) {
    const receiveCount = Number(record.attributes?.ApproximateReceiveCount ?? "1");
    const outcome = await runHandler(
      { body: record.body, id: record.messageId, receiveCount },
      handler,
      options.maxAttempts,
      options.onFailure,
    );
    if (outcome === "retry" || outcome === "dead")
      batchItemFailures.push({ itemIdentifier: record.messageId });
  }
  return { batchItemFailures };
}

export function createSqsQueue(options: SqsQueueOptions) {
  const { client, queueUrl } = options;
  const retryDelay = options.retryDelaySeconds ?? defaultRetryDelaySeconds;

  async function settle(message: Message, outcome: "ack" | FailureOutcome, attempt: number) {
    if (outcome === "ack" || outcome === "failed") {
      await client.send(
        new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }),
      );
    } else {
      // Sooner than the full visibility timeout; a dead message comes back at once so the
      // redrive policy can move it to the dead-letter queue.
      const seconds = outcome === "dead" ? 0 : Math.min(43_200, retryDelay(attempt));
      await client.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: queueUrl,
          ReceiptHandle: message.ReceiptHandle,
          VisibilityTimeout: seconds,
        }),
      );
    }
  }

  const sqsQueue = {
    kind: "sqs" as const,

    async enqueue(job: DocumentJob, enqueueOptions: { delaySeconds?: number } = {}) {
      const response = await client.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: JSON.stringify(documentJobSchema.parse(job)),
          DelaySeconds: enqueueOptions.delaySeconds
            ? Math.min(900, Math.round(enqueueOptions.delaySeconds))
            : undefined,
        }),
      );
      return { id: response.MessageId ?? "" };
    },

    /** A polling consumer, for running workers outside Lambda against the same queue. */
    startConsumer(handler: DocumentJobHandler, consumer: ConsumerOptions = {}) {
      const abort = new AbortController();
      const concurrency = Math.min(10, Math.max(1, consumer.concurrency ?? 1));
      const running = (async () => {
        while (!abort.signal.aborted) {
          try {
            const response = await client.send(
              new ReceiveMessageCommand({
                QueueUrl: queueUrl,
                MaxNumberOfMessages: concurrency,
                WaitTimeSeconds: options.waitTimeSeconds ?? 20,
                VisibilityTimeout: options.visibilityTimeoutSeconds,
                MessageSystemAttributeNames: ["ApproximateReceiveCount"],
              }),
              { abortSignal: abort.signal },
            );
            const messages = response.Messages ?? [];
            // Long polling already waited; this only yields to the event loop between polls.
            if (messages.length === 0)
              await new Promise((resolve) => setTimeout(resolve, consumer.pollIntervalMs ?? 0));
            await Promise.all(
              messages.map(async (message) => {
                const attempt = Number(message.Attributes?.ApproximateReceiveCount ?? "1");
                const outcome = await runHandler(
                  { body: message.Body ?? "", id: message.MessageId ?? "", receiveCount: attempt },
                  handler,
                  options.maxAttempts,
                  consumer.onFailure,
                );
                await settle(message, outcome, attempt);
              }),
            );
          } catch (error) {
            if (abort.signal.aborted) break;
            consumer.onQueueError?.(error);
            await new Promise((resolve) => setTimeout(resolve, consumer.pollIntervalMs ?? 1000));
          }
        }
      })();
      return async () => {
        abort.abort();
        await running;
      };
    },

    async depth() {
      const response = await client.send(
        new GetQueueAttributesCommand({
          QueueUrl: queueUrl,
          AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
        }),
      );
      const attributes = response.Attributes ?? {};
      return {
        waiting: Number(attributes.ApproximateNumberOfMessages ?? 0),
        inFlight: Number(attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
        dead: null,
      };
    },
  };
  return sqsQueue satisfies DocumentQueue;
}

export function sqsClientFromConfig(config: { AWS_REGION?: string }): SQSClient {
  return new SQSClient({ region: config.AWS_REGION });
}
