import { describe, expect, it } from "vitest";
import { AppError } from "../../app-error";
import { createMemoryQueue } from "./memory-queue";
import { defaultRetryDelaySeconds, failureOutcome } from "./port";

describe("queue failure contract", () => {
  it("retries until the last attempt, and never retries a non-retryable AppError", () => {
    const transient = new Error("socket hang up");
    expect(failureOutcome(transient, { attempt: 1, maxAttempts: 3 })).toBe("retry");
    expect(failureOutcome(transient, { attempt: 3, maxAttempts: 3 })).toBe("dead");
    expect(
      failureOutcome(new AppError("ocr_unavailable", "try later"), {
        attempt: 1,
        maxAttempts: 3,
      }),
    ).toBe("retry");
    expect(failureOutcome(new AppError("not_a_pdf", "not a PDF"), { attempt: 1, maxAttempts: 3 })).toBe(
      "failed",
    );
  });

  it("backs off exponentially up to five minutes", () => {
    expect([1, 2, 3, 4, 10].map(defaultRetryDelaySeconds)).toEqual([5, 10, 20, 40, 300]);
  });
});

describe("memory queue", () => {
  it("drains jobs with the same attempts semantics as the durable queue", async () => {
    const queue = createMemoryQueue({ maxAttempts: 2 });
    await queue.enqueue({ documentId: "ok" });
    await queue.enqueue({ documentId: "flaky" });
    await queue.enqueue({ documentId: "broken" });
    await queue.enqueue({ documentId: "invalid" });
    const calls: string[] = [];
    await queue.drain(async (job, delivery) => {
      calls.push(`${job.documentId}#${delivery.attempt}`);
      if (job.documentId === "flaky" && delivery.attempt === 1) throw new Error("transient");
      if (job.documentId === "broken") throw new Error("always");
      if (job.documentId === "invalid") throw new AppError("not_a_pdf", "not a PDF");
    });
    expect(calls).toEqual(["ok#1", "flaky#1", "flaky#2", "broken#1", "broken#2", "invalid#1"]);
    expect(queue.jobs.map((job) => [job.job.documentId, job.status, job.lastError])).toEqual([
      ["ok", "done", undefined],
      ["flaky", "done", "Error: transient"],
      ["broken", "dead", "Error: always"],
      ["invalid", "failed", "not_a_pdf: not a PDF"],
    ]);
    expect(await queue.depth()).toEqual({ waiting: 0, inFlight: 0, dead: 1 });
  });

  it("runs a consumer that wakes up on enqueue and stops cleanly", async () => {
    const queue = createMemoryQueue();
    const seen: string[] = [];
    const stop = queue.startConsumer(
      async (job) => {
        seen.push(job.documentId);
      },
      { pollIntervalMs: 10_000 },
    );
    await queue.enqueue({ documentId: "a" });
    await queue.enqueue({ documentId: "b" });
    for (let i = 0; i < 100 && seen.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    await stop();
    expect(seen).toEqual(["a", "b"]);
  });
});
