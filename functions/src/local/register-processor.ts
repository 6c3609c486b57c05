import type { Logger } from "pino";
import { closeOcr, sharedOcrEngine } from "../pipeline/pdf";
import { createVisionReader } from "../pipeline/vision/reader";
import { visionSettingsFromConfig } from "../platform/llm";
import type { Platform } from "../platform/platform";
import type { DocumentJobHandler } from "../platform/queue/port";
import { createServices } from "../use-cases/services";
import type { WebhookPolicy } from "../use-cases/webhooks";
import { documentJobHandler } from "../worker/document-job";
import { deliverDueWebhooks } from "../worker/webhook-delivery";

export interface ProcessorContext {
  platform: Platform;
  logger: Logger;
  webhookPolicy?: WebhookPolicy;
}

/** How often the embedded process looks for webhook deliveries whose retry came due. */
const WEBHOOK_RETRY_INTERVAL_MS = 15_000;

/**
 * The handler the embedded queue consumer runs for each `{ documentId }` job: the same
 * processDocument the SQS handler (handlers/worker.ts) runs. Contract: platform/queue/port.ts.
 */
export async function registerProcessor(context: ProcessorContext): Promise<DocumentJobHandler | null> {
  return documentJobHandler(workerServices(context));
}

/** Webhook retries with back-off; returns the function that stops them (and the OCR pool). */
export function startBackgroundWork(context: ProcessorContext): () => Promise<void> {
  const services = workerServices(context);
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = deliverDueWebhooks(services).catch((error: unknown) =>
      context.logger.warn({ err: error }, "webhook retries failed"),
    );
  }, WEBHOOK_RETRY_INTERVAL_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    await closeOcr();
  };
}

function workerServices(context: ProcessorContext) {
  const { platform, logger } = context;
  return {
    ...createServices(platform, logger, { webhookPolicy: context.webhookPolicy }),
    ocr: sharedOcrEngine({ workers: platform.config.OCR_WORKERS }),
    vision: createVisionReader(visionSettingsFromConfig(platform.config)),
  };
}
