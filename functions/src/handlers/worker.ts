import type { SQSBatchResponse, SQSEvent } from "aws-lambda";
import { closeOcr, sharedOcrEngine } from "../pipeline/pdf";
import { createSecondReader } from "../pipeline/second-reader";
import { createVisionReader } from "../pipeline/vision/reader";
import { visionSettingsFromConfig } from "../platform/llm";
import { openPlatform, type Platform } from "../platform/platform";
import { handleSqsBatch } from "../platform/queue";
import { loadDeployedConfig } from "../platform/sst-resources";
import { createLogger } from "../use-cases/logger";
import { createServices } from "../use-cases/services";
import { documentJobHandler } from "../worker/document-job";
import type { WorkerServices } from "../worker/process-document";
import { deliverDueWebhooks } from "../worker/webhook-delivery";

/**
 * The document worker on Lambda: an SQS batch (one record with the stacks' batch size) through
 * the same processDocument as the embedded consumer. Messages that should come back are listed
 * in batchItemFailures; permanent failures are acknowledged with the reason on the document.
 */
let ready: Promise<{ platform: Platform; services: WorkerServices }> | undefined;

function coldStart() {
  ready ??= (async () => {
    const config = loadDeployedConfig();
    const logger = createLogger(config);
    const platform = await openPlatform(config);
    const services = {
      ...createServices(platform, logger),
      ocr: sharedOcrEngine({ workers: config.OCR_WORKERS }),
      vision: createVisionReader(visionSettingsFromConfig(config)),
      secondReader: await createSecondReader(config.SECOND_READER),
    };
    return { platform, services };
  })().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const { platform, services } = await coldStart();
  const response = await handleSqsBatch(event, documentJobHandler(services), {
    maxAttempts: platform.config.QUEUE_MAX_ATTEMPTS,
    onFailure: ({ error, job, delivery, outcome }) =>
      services.logger.warn(
        {
          err: error,
          documentId: job?.documentId,
          messageId: delivery.id,
          attempt: delivery.attempt,
          outcome,
        },
        "message failed",
      ),
  });
  // No scheduler runs in AWS: webhook retries that came due go out with the next batch.
  await deliverDueWebhooks(services).catch((error: unknown) =>
    services.logger.warn({ err: error }, "webhook retries failed"),
  );
  return response;
}

/** For tests and graceful shutdowns: releases the database pool and the OCR workers. */
export async function closeWorker(): Promise<void> {
  const current = ready;
  ready = undefined;
  if (!current) return;
  const { platform } = await current;
  await closeOcr();
  await platform.close();
}
