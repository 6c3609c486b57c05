import { Worker } from "node:worker_threads";

/** Main thread → worker: one job, or the end of the batch. */
export type ToWorker<J> = { type: "job"; id: number; job: J } | { type: "close" };
/** Worker → main thread: progress of the job in hand, or its result. */
export type FromWorker<R, P> =
  | { type: "progress"; id: number; progress: P }
  | { type: "done"; id: number; result: R };

export interface PoolOptions<J, R, P> {
  /** The worker module (see analyze-worker.ts for the protocol it speaks). */
  worker: URL;
  workerData?: unknown;
  size: number;
  jobs: J[];
  onProgress?: (job: J, progress: P) => void;
  onResult: (job: J, result: R) => void;
  /** The result of a job whose worker died under it (out of memory, a native crash). */
  crashed: (job: J, error: Error) => R;
}

/**
 * Runs every job on a pool of worker threads, each kept for the whole batch (its OCR workers
 * stay warm), in the order given. A worker that dies fails only the job it held and is
 * replaced while jobs remain. Resolves when every job has a result.
 */
export function runPool<J, R, P>(options: PoolOptions<J, R, P>): Promise<void> {
  const queue = options.jobs.map((job, id) => ({ id, job }));
  let pending = queue.length;
  return new Promise((resolve) => {
    if (pending === 0) return resolve();
    const start = () => {
      const worker = new Worker(options.worker, { workerData: options.workerData });
      let current: { id: number; job: J } | undefined;
      const next = () => {
        current = queue.shift();
        if (current)
          worker.postMessage({ type: "job", id: current.id, job: current.job } satisfies ToWorker<J>);
        else worker.postMessage({ type: "close" } satisfies ToWorker<J>);
      };
      const settle = (result: R) => {
        if (!current) return;
        const { job } = current;
        current = undefined;
        pending -= 1;
        options.onResult(job, result);
        if (pending === 0) resolve();
      };
      worker.on("message", (message: FromWorker<R, P>) => {
        if (!current || message.id !== current.id) return;
        if (message.type === "progress") options.onProgress?.(current.job, message.progress);
        else {
          settle(message.result);
          next();
        }
      });
      const died = (error: Error) => {
        if (!current) return;
        settle(options.crashed(current.job, error));
        if (queue.length > 0) start();
      };
      worker.on("error", died);
      worker.on("exit", (code) => died(new Error(`the worker stopped with exit code ${code}`)));
      next();
    };
    for (let i = 0; i < Math.min(options.size, queue.length); i += 1) start();
  });
}
