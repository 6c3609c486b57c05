import { describe, expect, it } from "vitest";
import { runPool } from "../../src/cli/batch/pool";

const worker = new URL("../support/crashing-analyze-worker.mjs", import.meta.url);

describe("the batch worker pool", () => {
  it("fails only the job whose worker died, replaces the worker and finishes the rest", async () => {
    const results = new Map<string, string>();
    const progress: string[] = [];
    await runPool<string, string, string>({
      worker,
      size: 2,
      jobs: ["a", "crash", "b", "c", "d"],
      onProgress: (_job, p) => progress.push(p),
      onResult: (job, result) => results.set(job, result),
      crashed: (job, error) => `${job} failed: ${error.message}`,
    });
    expect(Object.fromEntries(results)).toEqual({
      a: "read a",
      crash: "crash failed: the worker stopped with exit code 7",
      b: "read b",
      c: "read c",
      d: "read d",
    });
    expect(progress.sort()).toEqual(["reading a", "reading b", "reading c", "reading d"]);
  });

  it("resolves at once for an empty batch", async () => {
    let called = false;
    await runPool({ worker, size: 2, jobs: [], onResult: () => (called = true), crashed: () => "" });
    expect(called).toBe(false);
  });
});
