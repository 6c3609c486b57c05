import { describe, expect, it } from "vitest";
import { withTimeBudget } from "./time-budget";

describe("withTimeBudget", () => {
  it("passes a result that arrives in time through", async () => {
    await expect(withTimeBudget(Promise.resolve(42), 1000, () => new Error("late"))).resolves.toBe(42);
  });

  it("rejects with the caller's error and runs the clean-up when time runs out", async () => {
    let cancelled = false;
    const never = new Promise<number>(() => {});
    await expect(
      withTimeBudget(
        never,
        20,
        () => new Error("page 3 took too long"),
        () => {
          cancelled = true;
        },
      ),
    ).rejects.toThrow("page 3 took too long");
    expect(cancelled).toBe(true);
  });

  it("does not leave the late loser's rejection unhandled", async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", listener);
    const late = new Promise<number>((_, reject) => setTimeout(() => reject(new Error("late failure")), 30));
    await expect(withTimeBudget(late, 5, () => new Error("timeout"))).rejects.toThrow("timeout");
    await new Promise((resolve) => setTimeout(resolve, 60));
    process.off("unhandledRejection", listener);
    expect(unhandled).toEqual([]);
  });
});
