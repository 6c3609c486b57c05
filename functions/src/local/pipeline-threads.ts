/**
 * The embedded server's pool of pipeline threads. `extract` has extractDocument's signature, so
 * the worker's processDocument runs unchanged; only the reading moves off the event loop. A
 * thread that dies (out of memory, a native crash) fails only the document it held, with a
 * retryable error, and is replaced by the next document.
 */
import { Worker } from "node:worker_threads";
import { AppError } from "../app-error";
import type { DocumentExtraction, ExtractInput, ExtractOptions } from "../pipeline/extract-document";
import { deserializeError, type FromThread, type ThreadData, type ToThread } from "./thread-protocol";

export interface PipelineThreads {
  extract(input: ExtractInput, options: ExtractOptions): Promise<DocumentExtraction>;
  close(): Promise<void>;
}

interface Job {
  id: number;
  input: ExtractInput;
  options: ExtractOptions;
  resolve: (output: DocumentExtraction) => void;
  reject: (error: unknown) => void;
  /** Stops relaying the caller's abort once the job has settled. */
  detach?: () => void;
}

interface Thread {
  worker: Worker;
  job?: Job;
}

/** The compiled thread beside the compiled server, or the source through tsx under tests. */
function threadModule(): { url: URL; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith(".ts");
  return fromSource
    ? { url: new URL("./pipeline-thread.ts", import.meta.url), execArgv: ["--import", "tsx"] }
    : { url: new URL("./pipeline-thread.mjs", import.meta.url), execArgv: [] };
}

export function createPipelineThreads(options: { size: number; ocrWorkers: number }): PipelineThreads {
  const threads: Thread[] = [];
  const waiting: Job[] = [];
  let nextId = 1;
  let closed = false;
  const module = threadModule();

  function spawn(): Thread {
    const worker = new Worker(module.url, {
      workerData: { ocrWorkers: options.ocrWorkers } satisfies ThreadData,
      execArgv: module.execArgv,
    });
    const thread: Thread = { worker };
    worker.on("message", (message: FromThread) => {
      const job = thread.job;
      if (!job || message.id !== job.id) return;
      if (message.type === "progress") {
        job.options.onProgress?.(message.progress);
        return;
      }
      thread.job = undefined;
      job.detach?.();
      if (message.type === "done") job.resolve(message.output);
      else job.reject(deserializeError(message.error));
      dispatch();
    });
    const died = (error: Error) => {
      threads.splice(threads.indexOf(thread), 1);
      thread.job?.detach?.();
      thread.job?.reject(
        new AppError(
          "pipeline_thread_died",
          "Reading this document stopped unexpectedly; it will be tried again.",
          undefined,
          { cause: error },
        ),
      );
      thread.job = undefined;
      dispatch();
    };
    worker.on("error", died);
    worker.on("exit", (code) => {
      if (threads.includes(thread)) died(new Error(`the pipeline thread stopped with exit code ${code}`));
    });
    threads.push(thread);
    return thread;
  }

  function dispatch() {
    while (!closed && waiting.length > 0) {
      const idle =
        threads.find((thread) => !thread.job) ?? (threads.length < options.size ? spawn() : undefined);
      if (!idle) return;
      const job = waiting.shift()!;
      idle.job = job;
      const { ocr: _ocr, vision: _vision, signal, onProgress: _progress, ...data } = job.options;
      if (signal?.aborted) {
        idle.job = undefined;
        job.reject(signal.reason);
        continue;
      }
      const relayAbort = () => idle.worker.postMessage({ type: "abort", id: job.id } satisfies ToThread);
      signal?.addEventListener("abort", relayAbort, { once: true });
      job.detach = () => signal?.removeEventListener("abort", relayAbort);
      idle.worker.postMessage({
        type: "extract",
        id: job.id,
        input: job.input,
        options: data,
      } satisfies ToThread);
    }
  }

  return {
    extract(input, extractOptions) {
      if (closed) return Promise.reject(new Error("the pipeline threads are closed"));
      return new Promise<DocumentExtraction>((resolve, reject) => {
        waiting.push({ id: nextId++, input, options: extractOptions, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of waiting.splice(0)) job.reject(new Error("the server is stopping"));
      const stopping = threads.splice(0).map(
        (thread) =>
          new Promise<void>((resolve) => {
            thread.worker.once("exit", () => resolve());
            thread.worker.postMessage({ type: "close" } satisfies ToThread);
            // A thread stuck in native code is not waited for past a few seconds.
            setTimeout(() => void thread.worker.terminate().then(() => resolve()), 5000).unref();
          }),
      );
      await Promise.all(stopping);
    },
  };
}
