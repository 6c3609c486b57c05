/**
 * A processing document's sign of life. The worker touches `updated_at` every third of the
 * lease; a document silent for two thirds of it has lost its worker (a crash, a kill -9), so a
 * redelivered message or the user's retry may take it over. A live one is left alone: a
 * duplicate message never runs the pipeline twice.
 */

import { documents } from "@finstat/db/schema";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../platform/db";

export interface DocumentLease {
  heartbeatMs: number;
  /** Silent longer than this, a processing document is taken to have lost its worker. */
  silentAfterSeconds: number;
}

export function documentLease(leaseSeconds: number): DocumentLease {
  return { heartbeatMs: (leaseSeconds * 1000) / 3, silentAfterSeconds: Math.ceil((leaseSeconds * 2) / 3) };
}

/** SQL: the document is waiting, or processing with no sign of life for the lease. */
export function claimable(lease: DocumentLease) {
  return sql`(${documents.status} = 'queued' or (${documents.status} = 'processing' and ${documents.updatedAt} < now() - make_interval(secs => ${lease.silentAfterSeconds})))`;
}

/** Renews the lease until stopped; a failed renewal is reported and tried again next beat. */
export function startHeartbeat(
  db: Database,
  documentId: string,
  lease: DocumentLease,
  onError: (error: unknown) => void,
): () => void {
  const timer = setInterval(() => {
    db.update(documents)
      .set({ updatedAt: sql`now()` })
      .where(and(eq(documents.id, documentId), eq(documents.status, "processing")))
      .catch(onError);
  }, lease.heartbeatMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Seconds until a processing document that last showed life at `lastSeen` may be taken over. */
export function secondsUntilSilent(lease: DocumentLease, lastSeen: Date, now: Date): number {
  return Math.max(1, Math.ceil(lease.silentAfterSeconds - (now.getTime() - lastSeen.getTime()) / 1000));
}
