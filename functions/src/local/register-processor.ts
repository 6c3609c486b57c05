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
import { createPipelineThreads } from "./pipeline-threads";

export interface ProcessorContext {
  platform: Platform;
  logger: Logger;
  webhookPolicy?: WebhookPolicy;
  /** Documents read at once, each on its own pipeline thread. */
  concurrency: number;
}

export interface Processing {
  /** The handler the embedded queue consumer runs for each `{ documentId }` job. */
  handler: DocumentJobHandler;
  /** Stops webhook retries and the pipeline threads. */
  stop(): Promise<void>;
}

/** How often the embedded process looks for webhook deliveries whose retry came due. */
const WEBHOOK_RETRY_INTERVAL_MS = 15_000;

/**
 * Document processing in the embedded shape: the same processDocument the SQS handler
 * (handlers/worker.ts) runs, with the reading itself on pipeline threads so the API's event
 * loop never renders a page; and webhook retries with back-off. Contract: platform/queue/port.ts.
 */
export function startProcessing(context: ProcessorContext): Processing {
  const { platform, logger } = context;
  const threads = createPipelineThreads({
    size: context.concurrency,
    ocrWorkers: platform.config.OCR_WORKERS,
  });
  const services = {
    ...createServices(platform, logger, { webhookPolicy: context.webhookPolicy }),
    // Not started unless something reads on this thread; the pipeline threads have their own.
    ocr: sharedOcrEngine({ workers: platform.config.OCR_WORKERS }),
    vision: createVisionReader(visionSettingsFromConfig(platform.config)),
    extract: threads.extract,
  };
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = deliverDueWebhooks(services).catch((error: unknown) =>
      logger.warn({ err: error }, "webhook retries failed"),
    );
  }, WEBHOOK_RETRY_INTERVAL_MS);
  timer.unref();
  return {
    handler: documentJobHandler(services),
    async stop() {
      clearInterval(timer);
      await running;
      await threads.close();
      await closeOcr();
    },
  };
}
