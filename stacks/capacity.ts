/**
 * Lambda sizes derived from per-page processing times, so changing a measured figure moves
 * every dependent limit (time budget, time-out, queue visibility) together.
 *
 * TODO(bench): replace ocrSecondsPerScannedPage with the Lambda figure from `npm run bench`.
 */

/** Tesseract at 300 dpi on ~1 vCPU, scanned page, tur+eng. Assumed until benchmarked on Lambda. */
export const ocrSecondsPerScannedPage = 2.5;

/** Documents above this are refused before processing (MAX_PAGES in the config). */
export const maxPagesPerDocument = 50;

/** Rasterising, vision-model calls, parsing and database writes on top of OCR. */
const budgetHeadroom = 2.4;

/** The worker stops starting new pages after this and fails the document with a reason. */
export const documentTimeBudgetSeconds = roundUpToMinute(
  ocrSecondsPerScannedPage * maxPagesPerDocument * budgetHeadroom,
);

/**
 * Twice the budget: the budget is checked between pages, so one slow page or model call can
 * overrun it, and the worker still needs time to record the failure before Lambda kills it.
 */
export const workerTimeoutSeconds = documentTimeBudgetSeconds * 2;

/** 2 GB gives ~1.2 vCPU and room for a few 300 dpi page bitmaps plus two Tesseract workers. */
export const workerMemoryMb = 2048;

/** One document per invocation, so one time-out covers exactly one document's budget. */
export const workerBatchSize = 1;

/** AWS guidance for SQS event sources: visibility at least six times the function time-out. */
export const queueVisibilityTimeoutSeconds = workerTimeoutSeconds * 6;

/** Receives before a message moves to the dead-letter queue (QUEUE_MAX_ATTEMPTS in the config). */
export const maxReceiveCount = 3;

/** Dead letters are kept the SQS maximum so a failure can be inspected and redriven. */
export const deadLetterRetentionSeconds = 14 * 24 * 60 * 60;

export const apiTimeoutSeconds = 60;
export const apiMemoryMb = 1024;

export const migratorTimeoutSeconds = 300;
export const migratorMemoryMb = 512;

function roundUpToMinute(seconds: number): number {
  return Math.ceil(seconds / 60) * 60;
}
