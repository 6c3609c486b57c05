import { describe, expect, it } from "vitest";
import { formatProgress } from "./progress";

describe("the batch progress line", () => {
  it("shows files done, failures, pages per second and the time left", () => {
    expect(formatProgress({ files: 50, done: 10, failed: 1, pages: 42, elapsedMs: 20_000 })).toBe(
      "[#####...................] 10/50 files · 1 failed · 2.1 pages/s · ETA 1m20s",
    );
  });

  it("leaves out what it cannot know yet, and the ETA once done", () => {
    expect(formatProgress({ files: 3, done: 0, failed: 0, pages: 0, elapsedMs: 0 })).toBe(
      "[........................] 0/3 files",
    );
    expect(formatProgress({ files: 2, done: 2, failed: 0, pages: 4, elapsedMs: 2000 })).toBe(
      "[########################] 2/2 files · 2.0 pages/s",
    );
  });
});
