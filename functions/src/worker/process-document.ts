import { companies, type Document, documents } from "@finstat/db/schema";
import { and, eq, sql } from "drizzle-orm";
import { timingsWithAnalysis } from "../analysis/analyze-extraction";
import { AppError, isAppError } from "../app-error";
import { extractDocument } from "../pipeline/extract-document";
import { CURRENCY_NOT_STATED } from "../pipeline/parse/unit-and-currency";
import type { OcrEngine } from "../pipeline/pdf";
import type { AmountReader } from "../pipeline/second-reader";
import type { VisionReader } from "../pipeline/vision/reader";
import type { JobDelivery } from "../platform/queue";
import type { Services } from "../use-cases/context";
import { claimable, documentLease, startHeartbeat } from "../use-cases/document-lease";
import {
  alertThresholds,
  analyseDocumentStatements,
  extractionRecord,
  replaceDocumentResults,
} from "../use-cases/document-results";
import { assertCheckedBytes, storageKeys } from "../use-cases/stored-files";
import type { WebhookPolicy } from "../use-cases/webhooks";
import { progressWriter } from "./document-progress";
import { deliverDueWebhooks, queueWebhookEvent } from "./webhook-delivery";

export type WorkerServices = Services & {
  ocr: OcrEngine;
  vision?: VisionReader;
  secondReader?: AmountReader;
  webhookPolicy?: WebhookPolicy;
  /** Where the reading runs: in this thread by default, on pipeline threads in the embedded server. */
  extract?: typeof extractDocument;
};

export type ProcessOutcome =
  | { status: "done"; documentId: string; statements: number }
  | { status: "failed"; documentId: string; error: AppError }
  | { status: "skipped"; documentId: string; reason: string };

/**
 * One document through the pipeline, for the SQS handler and the local consumer alike.
 * Permanent failures (a bad PDF, no statement, over the time budget) mark the document failed
 * and return; anything else throws so the queue delivers the message again. A redelivered
 * message for a document already settled is skipped: complete and retry set "queued" first.
 */
export async function processDocument(
  services: WorkerServices,
  documentId: string,
  delivery: Pick<JobDelivery, "attempt" | "maxAttempts"> = { attempt: 1, maxAttempts: 1 },
): Promise<ProcessOutcome> {
  const logger = services.logger.child({ documentId });
  const lease = documentLease(services.config.DOCUMENT_LEASE_SECONDS);
  const [claimed] = await services.db
    .update(documents)
    .set({
      status: "processing",
      stage: "starting",
      progress: 2,
      attempts: sql`${documents.attempts} + 1`,
      errorCode: null,
      errorMessage: null,
    })
    .where(and(eq(documents.id, documentId), claimable(lease)))
    .returning();
  if (!claimed) {
    const [current] = await services.db
      .select({ status: documents.status })
      .from(documents)
      .where(eq(documents.id, documentId));
    const reason = !current
      ? "document no longer exists"
      : current.status === "processing"
        ? "document is being processed by a live worker"
        : `document is ${current.status}`;
    logger.info({ reason }, "message skipped");
    return { status: "skipped", documentId, reason };
  }

  const progress = progressWriter(services.db, documentId, (error) =>
    logger.warn({ err: error }, "progress write failed"),
  );
  const started = performance.now();
  const stopHeartbeat = startHeartbeat(services.db, documentId, lease, (error) =>
    logger.warn({ err: error }, "lease renewal failed"),
  );
  try {
    const outcome = await runPipeline(services, claimed, progress.report);
    await progress.flush();
    logger.info(
      { ms: Math.round(performance.now() - started), statements: outcome.statements },
      "document processed",
    );
    await notify(services, claimed, "document.done", { status: "done", statements: outcome.statements });
    return { status: "done", documentId, statements: outcome.statements };
  } catch (error) {
    await progress.flush();
    if (isAppError(error) && !error.retryable) {
      await markFailed(services, claimed, error);
      logger.info({ code: error.code }, "document failed");
      return { status: "failed", documentId, error };
    }
    logger.error(
      { err: error, attempt: delivery.attempt, maxAttempts: delivery.maxAttempts },
      "document processing error",
    );
    if (delivery.attempt >= delivery.maxAttempts) {
      // The queue gives up after this delivery: the user must see a failure, not "processing" forever.
      await markFailed(
        services,
        claimed,
        new AppError(
          "processing_failed",
          `This document could not be processed after ${delivery.attempt} attempts. Please try again later.`,
        ),
      );
    } else {
      await services.db
        .update(documents)
        .set({ status: "queued", stage: "retrying" })
        .where(and(eq(documents.id, documentId), eq(documents.status, "processing")));
    }
    throw error;
  } finally {
    stopHeartbeat();
  }
}

async function runPipeline(
  services: WorkerServices,
  document: Document,
  report: (event: { stage: string; page?: number; pages?: number }) => void,
): Promise<{ statements: number }> {
  const { config } = services;
  const budgetMs = config.DOCUMENT_TIME_BUDGET_SECONDS * 1000;
  const controller = new AbortController();
  const overBudget = () =>
    new AppError(
      "time_budget_exceeded",
      `Reading this document took longer than ${config.DOCUMENT_TIME_BUDGET_SECONDS} s. Upload only the statement pages, or a clearer scan.`,
    );
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(overBudget());
      reject(overBudget());
    }, budgetMs);
  });
  // Whichever loses the race settles later with nobody listening: that is expected.
  deadline.catch(() => {});
  try {
    const reading = (async () => {
      const bytes = await services.storage.get(document.storageKey).catch((error: unknown) => {
        throw isAppError(error) && error.status === 404
          ? new AppError("file_missing", "The uploaded file is missing. Please upload it again.")
          : error;
      });
      assertCheckedBytes(bytes, document.sha256);
      controller.signal.throwIfAborted();
      return (services.extract ?? extractDocument)(
        { bytes, fileName: document.fileName },
        {
          ocr: services.ocr,
          dpi: config.OCR_DPI,
          maxPages: config.MAX_PAGES,
          maxDocumentPages: config.MAX_DOCUMENT_PAGES,
          maxBytes: config.UPLOAD_MAX_BYTES,
          keepImages: true,
          vision: services.vision,
          secondReader: services.secondReader,
          signal: controller.signal,
          onProgress: report,
        },
      );
    })();
    const output = await Promise.race([reading, deadline]);
    report({ stage: "saving" });
    // A statement that names no currency is in the company's (the user chose it for this company).
    if (output.statements.some((s) => s.currency === CURRENCY_NOT_STATED)) {
      const [company] = await services.db
        .select({ currency: companies.currency })
        .from(companies)
        .where(eq(companies.id, document.companyId));
      for (const statement of output.statements)
        if (statement.currency === CURRENCY_NOT_STATED && company) statement.currency = company.currency;
    }
    for (const page of output.pageWords) {
      if (page.image)
        await services.storage.put(storageKeys.page(document.id, page.page), page.image.png, "image/png");
    }
    await services.db.transaction(async (tx) => {
      // The one analysis of the document: ratios against the company's other documents,
      // computed inside the same snapshot.
      const analysisStarted = performance.now();
      const analysisResult = await analyseDocumentStatements(
        tx,
        document,
        output.statements,
        alertThresholds(config),
      );
      const timings = timingsWithAnalysis(output.timings, performance.now() - analysisStarted);
      await replaceDocumentResults(
        tx,
        document,
        output.statements,
        analysisResult,
        extractionRecord({ ...output, timings }),
      );
      await tx
        .update(documents)
        .set({
          status: "done",
          stage: "done",
          progress: 100,
          pages: output.document.pages,
          timings,
          vision: output.vision
            ? {
                model: output.vision.model,
                pages: output.vision.pages,
                tokens: output.vision.tokens,
                costUsd: output.vision.costUsd,
              }
            : null,
          processedAt: services.now(),
          errorCode: null,
          errorMessage: null,
        })
        .where(eq(documents.id, document.id));
    });
    return { statements: output.statements.length };
  } finally {
    clearTimeout(timer);
    if (!controller.signal.aborted) controller.abort();
  }
}

async function markFailed(services: WorkerServices, document: Document, error: AppError): Promise<void> {
  await services.db
    .update(documents)
    .set({
      status: "failed",
      stage: "failed",
      errorCode: error.code,
      errorMessage: error.message,
      processedAt: services.now(),
    })
    .where(eq(documents.id, document.id));
  await notify(services, document, "document.failed", {
    status: "failed",
    error: { code: error.code, message: error.message },
  });
}

/** Webhooks must never fail the document: errors are logged and the delivery retried later. */
async function notify(
  services: WorkerServices,
  document: Document,
  event: "document.done" | "document.failed",
  data: Record<string, unknown>,
): Promise<void> {
  try {
    const queued = await queueWebhookEvent(
      services.db,
      document.organisationId,
      event,
      { documentId: document.id, companyId: document.companyId, fileName: document.fileName, ...data },
      services.now(),
    );
    if (queued > 0) await deliverDueWebhooks(services, queued);
  } catch (error) {
    services.logger.warn({ err: error, documentId: document.id }, "webhook notification failed");
  }
}
