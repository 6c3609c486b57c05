import { randomUUID } from "node:crypto";
import { runConsumerLoop } from "./consumer-loop";
import {
  type ConsumerOptions,
  type DocumentJob,
  type DocumentJobHandler,
  type DocumentQueue,
  describeError,
  failureOutcome,
} from "./port";

export interface MemoryJob {
  id: string;
  job: DocumentJob;
  status: "queued" | "running" | "done" | "failed" | "dead";
  attempts: number;
  runAt: number;
  lockedUntil?: number;
  lastError?: string;
}

/**
 * The queue contract without a database, for unit tests of the worker and the API: same
 * attempts, retry, `failed` and `dead` semantics as the database queue, with no back-off
 * unless one is given.
 */
export function createMemoryQueue(
  options: {
    maxAttempts?: number;
    visibilityTimeoutSeconds?: number;
    retryDelaySeconds?: (attempt: number) => number;
  } = {},
) {
  const maxAttempts = options.maxAttempts ?? 3;
  const visibilityMs = (options.visibilityTimeoutSeconds ?? 900) * 1000;
  const retryDelay = options.retryDelaySeconds ?? (() => 0);
  const jobs: MemoryJob[] = [];
  const wakeUps = new Set<() => void>();

  function claim(): Promise<{ entry: MemoryJob; attempt: number } | null> {
    const now = Date.now();
    for (const entry of jobs) {
      const expired = entry.status === "running" && (entry.lockedUntil ?? 0) < now;
      if (expired && entry.attempts >= maxAttempts) {
        entry.status = "dead";
        entry.lastError = "lease expired on the last attempt";
      }
    }
    const entry = jobs.find(
      (candidate) =>
        (candidate.status === "queued" && candidate.runAt <= now) ||
        (candidate.status === "running" && (candidate.lockedUntil ?? 0) < now),
    );
    if (!entry) return Promise.resolve(null);
    entry.status = "running";
    entry.attempts += 1;
    entry.lockedUntil = now + visibilityMs;
    return Promise.resolve({ entry, attempt: entry.attempts });
  }

  async function deliver(
    claimed: { entry: MemoryJob; attempt: number },
    handler: DocumentJobHandler,
    consumer: ConsumerOptions,
  ) {
    const { entry, attempt } = claimed;
    const delivery = { id: entry.id, attempt, maxAttempts };
    const stillOurs = () => entry.status === "running" && entry.attempts === attempt;
    try {
      await handler({ ...entry.job }, delivery);
      if (stillOurs()) entry.status = "done";
    } catch (error) {
      const outcome = failureOutcome(error, delivery);
      consumer.onFailure?.({ error, job: entry.job, delivery, outcome });
      if (!stillOurs()) return;
      entry.lastError = describeError(error);
      entry.status = outcome === "retry" ? "queued" : outcome;
      entry.runAt = Date.now() + retryDelay(attempt) * 1000;
    }
  }

  const memoryQueue = {
    kind: "memory" as const,
    jobs: jobs as readonly MemoryJob[],

    async enqueue(job: DocumentJob, enqueueOptions: { delaySeconds?: number } = {}) {
      const id = randomUUID();
      jobs.push({
        id,
        job: { ...job },
        status: "queued",
        attempts: 0,
        runAt: Date.now() + (enqueueOptions.delaySeconds ?? 0) * 1000,
      });
      for (const wake of [...wakeUps]) wake();
      return { id };
    },

    startConsumer(handler: DocumentJobHandler, consumer: ConsumerOptions = {}) {
      return runConsumerLoop({
        claim,
        process: (claimed) => deliver(claimed, handler, consumer),
        wakeUps,
        options: { pollIntervalMs: 10, ...consumer },
      });
    },

    async depth() {
      const count = (status: MemoryJob["status"]) => jobs.filter((entry) => entry.status === status).length;
      return { waiting: count("queued"), inFlight: count("running"), dead: count("dead") };
    },

    /** Runs every job that is due, one at a time, until none is left: deterministic tests. */
    async drain(handler: DocumentJobHandler, consumer: ConsumerOptions = {}) {
      for (let claimed = await claim(); claimed; claimed = await claim())
        await deliver(claimed, handler, consumer);
    },
  };
  return memoryQueue satisfies DocumentQueue;
}
