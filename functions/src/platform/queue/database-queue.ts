import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { jobs } from "@finstat/db/schema";
import { sql } from "drizzle-orm";
import type { Database } from "../db";
import { runConsumerLoop } from "./consumer-loop";
import {
  type ConsumerOptions,
  type DocumentJob,
  type DocumentJobHandler,
  type DocumentQueue,
  defaultRetryDelaySeconds,
  describeError,
  documentJobSchema,
  failureOutcome,
  type JobDelivery,
  type QueueDepth,
} from "./port";

export interface DatabaseQueueOptions {
  visibilityTimeoutSeconds: number;
  maxAttempts: number;
  /** Several logical queues can share the table. */
  queue?: string;
  retryDelaySeconds?: (attempt: number) => number;
}

export interface ClaimedJob {
  delivery: JobDelivery;
  payload: unknown;
  /** Identifies this claim; settling a job whose lease passed to another consumer is a no-op. */
  lease: string;
}

/**
 * The embedded shape's durable queue on the `jobs` table. A claim is a lease: `locked_until`
 * is pushed forward while the handler runs (heartbeat). If the process dies, the lease runs
 * out and the next poll claims the job again, counting another attempt.
 */
export function createDatabaseQueue(db: Database, options: DatabaseQueueOptions) {
  const queue = options.queue ?? "documents";
  const retryDelay = options.retryDelaySeconds ?? defaultRetryDelaySeconds;
  const visibility = options.visibilityTimeoutSeconds;
  const consumerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const wakeUps = new Set<() => void>();

  async function claim(): Promise<ClaimedJob | null> {
    // A job whose last lease ran out on its last attempt will never succeed here: bury it.
    await db.execute(sql`
      update jobs set status = 'dead', locked_until = null, finished_at = now(), updated_at = now(),
        last_error = coalesce(last_error || ' / ', '') || 'lease expired on the last attempt (worker stopped or timed out)'
      where queue = ${queue} and status = 'running' and locked_until < now() and attempts >= max_attempts`);
    const lease = `${consumerId}:${randomUUID()}`;
    const result = await db.execute<{
      id: string;
      payload: unknown;
      attempts: number;
      max_attempts: number;
    }>(sql`
      update jobs set status = 'running', attempts = attempts + 1, locked_by = ${lease},
        locked_until = now() + make_interval(secs => ${visibility}), updated_at = now()
      where id = (
        select id from jobs
        where queue = ${queue}
          and ((status = 'queued' and run_at <= now()) or (status = 'running' and locked_until < now()))
        order by run_at, created_at
        limit 1
        for update skip locked
      )
      returning id, payload, attempts, max_attempts`);
    const row = result.rows[0];
    if (!row) return null;
    return {
      lease,
      payload: row.payload,
      delivery: { id: row.id, attempt: row.attempts, maxAttempts: row.max_attempts },
    };
  }

  async function extendLease(claimed: ClaimedJob): Promise<void> {
    await db.execute(sql`
      update jobs set locked_until = now() + make_interval(secs => ${visibility}), updated_at = now()
      where id = ${claimed.delivery.id} and locked_by = ${claimed.lease} and status = 'running'`);
  }

  async function settle(claimed: ClaimedJob, status: "done" | "failed" | "dead" | "queued", error?: unknown) {
    const lastError = error === undefined ? sql`last_error` : sql`${describeError(error)}`;
    const runAt =
      status === "queued"
        ? sql`now() + make_interval(secs => ${retryDelay(claimed.delivery.attempt)})`
        : sql`run_at`;
    const finishedAt = status === "queued" ? sql`null` : sql`now()`;
    await db.execute(sql`
      update jobs set status = ${status}, last_error = ${lastError}, run_at = ${runAt}, finished_at = ${finishedAt},
        locked_by = null, locked_until = null, updated_at = now()
      where id = ${claimed.delivery.id} and locked_by = ${claimed.lease}`);
  }

  async function deliver(claimed: ClaimedJob, handler: DocumentJobHandler, consumer: ConsumerOptions) {
    const parsed = documentJobSchema.safeParse(claimed.payload);
    let job: DocumentJob | undefined;
    try {
      if (!parsed.success) throw new Error(`malformed job payload: ${JSON.stringify(claimed.payload)}`);
      job = parsed.data;
      await handler(job, claimed.delivery);
      await settle(claimed, "done");
    } catch (error) {
      const outcome = parsed.success ? failureOutcome(error, claimed.delivery) : "failed";
      consumer.onFailure?.({ error, job, delivery: claimed.delivery, outcome });
      await settle(claimed, outcome === "retry" ? "queued" : outcome, error);
    }
  }

  const databaseQueue = {
    kind: "local" as const,

    async enqueue(job: DocumentJob, enqueueOptions: { delaySeconds?: number } = {}) {
      const delay = Math.max(0, enqueueOptions.delaySeconds ?? 0);
      const [row] = await db
        .insert(jobs)
        .values({
          queue,
          payload: documentJobSchema.parse(job),
          maxAttempts: options.maxAttempts,
          runAt: sql`now() + make_interval(secs => ${delay})`,
        })
        .returning({ id: jobs.id });
      for (const wake of wakeUps) wake();
      return { id: row!.id };
    },

    startConsumer(handler: DocumentJobHandler, consumer: ConsumerOptions = {}) {
      return runConsumerLoop({
        claim,
        process: (claimed) => deliver(claimed, handler, consumer),
        heartbeat: extendLease,
        heartbeatMs: Math.max(1000, (visibility * 1000) / 3),
        wakeUps,
        options: consumer,
      });
    },

    async depth(): Promise<QueueDepth> {
      const result = await db.execute<{ status: string; count: number }>(sql`
        select status, count(*)::int as count from jobs
        where queue = ${queue} and status in ('queued', 'running', 'dead') group by status`);
      const count = (status: string) => result.rows.find((row) => row.status === status)?.count ?? 0;
      return { waiting: count("queued"), inFlight: count("running"), dead: count("dead") };
    },

    /** Exposed for tests and tooling: take one job without running a consumer. */
    claim,
    settle,
  };
  return databaseQueue satisfies DocumentQueue;
}
