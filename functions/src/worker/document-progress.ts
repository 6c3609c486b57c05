import { documents } from "@finstat/db/schema";
import { and, eq } from "drizzle-orm";
import type { Database } from "../platform/db";

/** Where each stage sits on the 0-100 bar: reading pages takes most of the time. */
const READING_FROM = 5;
const READING_TO = 75;
const STAGE_PROGRESS: Record<string, number> = {
  starting: 2,
  reading: READING_FROM,
  parsing: 78,
  analysing: 85,
  saving: 92,
};
const MIN_INTERVAL_MS = 400;

export interface ProgressEvent {
  stage: string;
  page?: number;
  pages?: number;
}

export function progressOf(event: ProgressEvent): number {
  if (event.stage === "reading" && event.page !== undefined && event.pages) {
    return Math.round(READING_FROM + ((READING_TO - READING_FROM) * event.page) / event.pages);
  }
  return STAGE_PROGRESS[event.stage] ?? READING_FROM;
}

/**
 * Writes stage and progress as the pipeline reports them: a new stage at once, page ticks at
 * most every 400 ms, strictly in order, and only while the document is still processing (a
 * late tick never overwrites "done").
 */
export function progressWriter(db: Database, documentId: string, onError: (error: unknown) => void) {
  let chain = Promise.resolve();
  let lastStage = "";
  let lastWrite = 0;
  let lastProgress = 0;
  const report = (event: ProgressEvent) => {
    const progress = Math.max(lastProgress, progressOf(event));
    const now = Date.now();
    if (event.stage === lastStage && now - lastWrite < MIN_INTERVAL_MS && event.page !== event.pages) return;
    lastStage = event.stage;
    lastWrite = now;
    lastProgress = progress;
    chain = chain
      .then(async () => {
        await db
          .update(documents)
          .set({ stage: event.stage, progress })
          .where(and(eq(documents.id, documentId), eq(documents.status, "processing")));
      })
      .catch(onError);
  };
  return { report, flush: () => chain };
}
