import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import type { SQSEvent, SQSRecord } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "../../app-error";
import { createSqsQueue, handleSqsBatch } from "./sqs-queue";

const queueUrl = "https://sqs.eu-central-1.amazonaws.com/123456789012/finstat-documents";
const sqs = mockClient(SQSClient);
afterEach(() => sqs.reset());

function queue() {
  return createSqsQueue({
    client: new SQSClient({ region: "eu-central-1" }),
    queueUrl,
    maxAttempts: 3,
    visibilityTimeoutSeconds: 900,
  });
}

function record(messageId: string, body: string, receiveCount = 1): SQSRecord {
  return {
    messageId,
    receiptHandle: `rh-${messageId}`,
    body,
    attributes: { ApproximateReceiveCount: String(receiveCount) } as SQSRecord["attributes"],
    messageAttributes: {},
    md5OfBody: "",
    eventSource: "aws:sqs",
    eventSourceARN: "arn:aws:sqs:eu-central-1:123456789012:finstat-documents",
    awsRegion: "eu-central-1",
  };
}

describe("SQS queue", () => {
  it("sends the job as a JSON message", async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: "m-1" });
    expect(await queue().enqueue({ documentId: "doc-1" }, { delaySeconds: 5 })).toEqual({ id: "m-1" });
    expect(sqs.commandCalls(SendMessageCommand)[0]!.args[0].input).toEqual({
      QueueUrl: queueUrl,
      MessageBody: '{"documentId":"doc-1"}',
      DelaySeconds: 5,
    });
  });

  it("refuses a job without a document id before it reaches SQS", async () => {
    await expect(queue().enqueue({ documentId: "" })).rejects.toThrow();
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it("reports depth from the queue attributes", async () => {
    sqs.on(GetQueueAttributesCommand).resolves({
      Attributes: { ApproximateNumberOfMessages: "7", ApproximateNumberOfMessagesNotVisible: "2" },
    });
    expect(await queue().depth()).toEqual({ waiting: 7, inFlight: 2, dead: null });
  });

  it("deletes handled and permanently failed messages, and hands retries back early", async () => {
    sqs
      .on(ReceiveMessageCommand)
      .resolvesOnce({
        Messages: [
          {
            MessageId: "a",
            ReceiptHandle: "rh-a",
            Body: '{"documentId":"ok"}',
            Attributes: { ApproximateReceiveCount: "1" },
          },
          {
            MessageId: "b",
            ReceiptHandle: "rh-b",
            Body: '{"documentId":"flaky"}',
            Attributes: { ApproximateReceiveCount: "2" },
          },
          {
            MessageId: "c",
            ReceiptHandle: "rh-c",
            Body: '{"documentId":"bad"}',
            Attributes: { ApproximateReceiveCount: "1" },
          },
          {
            MessageId: "d",
            ReceiptHandle: "rh-d",
            Body: "not json",
            Attributes: { ApproximateReceiveCount: "1" },
          },
        ],
      })
      .resolves({ Messages: [] });
    sqs.on(DeleteMessageCommand).resolves({});
    sqs.on(ChangeMessageVisibilityCommand).resolves({});

    const seen: string[] = [];
    const stop = queue().startConsumer(
      async (job, delivery) => {
        seen.push(`${job.documentId}#${delivery.attempt}`);
        if (job.documentId === "flaky") throw new Error("timeout");
        if (job.documentId === "bad") throw new AppError("not_a_pdf", "not a PDF");
      },
      { concurrency: 4 },
    );
    for (let i = 0; i < 200 && sqs.commandCalls(ReceiveMessageCommand).length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await stop();

    expect(seen.sort()).toEqual(["bad#1", "flaky#2", "ok#1"]);
    expect(sqs.commandCalls(ReceiveMessageCommand)[0]!.args[0].input).toMatchObject({
      MaxNumberOfMessages: 4,
      VisibilityTimeout: 900,
      MessageSystemAttributeNames: ["ApproximateReceiveCount"],
    });
    const deleted = sqs.commandCalls(DeleteMessageCommand).map((call) => call.args[0].input.ReceiptHandle);
    expect(deleted.sort()).toEqual(["rh-a", "rh-c", "rh-d"]);
    expect(sqs.commandCalls(ChangeMessageVisibilityCommand).map((call) => call.args[0].input)).toEqual([
      { QueueUrl: queueUrl, ReceiptHandle: "rh-b", VisibilityTimeout: 10 },
    ]);
  });
});

describe("SQS batch handler (Lambda)", () => {
  it("reports only the records SQS should deliver again", async () => {
    const event: SQSEvent = {
      Records: [
        record("1", '{"documentId":"ok"}'),
        record("2", '{"documentId":"flaky"}', 1),
        record("3", '{"documentId":"flaky"}', 3),
        record("4", '{"documentId":"bad"}'),
        record("5", "{}"),
      ],
    };
    const outcomes: string[] = [];
    const response = await handleSqsBatch(
      event,
      async (job) => {
        if (job.documentId === "flaky") throw new Error("timeout");
        if (job.documentId === "bad") throw new AppError("not_a_pdf", "not a PDF");
      },
      { maxAttempts: 3, onFailure: ({ delivery, outcome }) => outcomes.push(`${delivery.id}:${outcome}`) },
    );
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: "2" }, { itemIdentifier: "3" }] });
    expect(outcomes).toEqual(["2:retry", "3:dead", "4:failed", "5:failed"]);
  });
});
