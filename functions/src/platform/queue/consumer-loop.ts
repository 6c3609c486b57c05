import type { ConsumerOptions, StopConsumer } from "./port";

/**
 * The polling loop shared by the local queues: claim while a slot is free, sleep when the
 * queue is empty (an enqueue in this process wakes it early), keep each claim's lease alive,
 * and on stop wait a grace period for running handlers before abandoning them to the lease.
 */
export function runConsumerLoop<TClaim>(loop: {
  claim: () => Promise<TClaim | null>;
  process: (claimed: TClaim) => Promise<void>;
  heartbeat?: (claimed: TClaim) => Promise<void>;
  heartbeatMs?: number;
  wakeUps: Set<() => void>;
  options: ConsumerOptions;
}): StopConsumer {
  const concurrency = Math.max(1, loop.options.concurrency ?? 1);
  const pollIntervalMs = loop.options.pollIntervalMs ?? 1000;
  const shutdownGraceMs = loop.options.shutdownGraceMs ?? 30_000;
  const reportError = (error: unknown) => loop.options.onQueueError?.(error);
  const running = new Set<Promise<void>>();
  const heartbeats = new Set<NodeJS.Timeout>();
  let stopping = false;

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        loop.wakeUps.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      loop.wakeUps.add(done);
    });
  }

  function start(claimed: TClaim) {
    const timer =
      loop.heartbeat && loop.heartbeatMs
        ? setInterval(() => loop.heartbeat?.(claimed).catch(reportError), loop.heartbeatMs)
        : undefined;
    if (timer) heartbeats.add(timer);
    const task = loop
      .process(claimed)
      .catch(reportError)
      .finally(() => {
        if (timer) {
          clearInterval(timer);
          heartbeats.delete(timer);
        }
        running.delete(task);
        for (const wake of [...loop.wakeUps]) wake();
      });
    running.add(task);
  }

  async function poll() {
    while (!stopping) {
      if (running.size >= concurrency) {
        await Promise.race([...running, sleep(pollIntervalMs)]);
        continue;
      }
      let claimed: TClaim | null = null;
      try {
        claimed = await loop.claim();
      } catch (error) {
        reportError(error);
      }
      if (claimed === null) await sleep(pollIntervalMs);
      else start(claimed);
    }
  }

  const polling = poll();

  return async () => {
    stopping = true;
    for (const wake of [...loop.wakeUps]) wake();
    await polling;
    let graceTimer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      graceTimer = setTimeout(resolve, shutdownGraceMs);
    });
    await Promise.race([Promise.allSettled([...running]), grace]);
    clearTimeout(graceTimer);
    // Handlers still running are abandoned: without heartbeats their leases run out and
    // another consumer (or this process after a restart) claims the jobs again.
    for (const timer of heartbeats) clearInterval(timer);
    heartbeats.clear();
  };
}
