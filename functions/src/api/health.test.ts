import pino from "pino";
import { describe, expect, it } from "vitest";
import { createMemoryQueue } from "../platform/queue/memory-queue";
import { createMemoryStorage } from "../platform/storage/memory-storage";
import { healthRoutes } from "./health";

const logger = pino({ level: "silent" });
const database = { kind: "pglite" as const, ping: async () => 0.4 };

describe("health", () => {
  it("reports every part and leaves no probe object behind", async () => {
    const storage = createMemoryStorage();
    const queue = createMemoryQueue();
    await queue.enqueue({ documentId: "waiting" });
    const response = await healthRoutes({ database, storage, queue, logger }).request("/");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      db: { ok: true, kind: "pglite", latencyMs: 0.4 },
      storage: { ok: true, kind: "memory" },
      queue: { ok: true, kind: "memory", waiting: 1, inFlight: 0, dead: 0 },
    });
    expect(storage.objects.size).toBe(0);
  });

  it("answers 503 and names the failing part without leaking the error", async () => {
    const storage = createMemoryStorage();
    storage.put = async () => {
      throw Object.assign(new Error("EACCES: permission denied, open '/srv/finstat/.data/files/health'"), {
        code: "EACCES",
      });
    };
    const failingDatabase = {
      kind: "pg" as const,
      ping: () => Promise.reject(new Error("password authentication failed")),
    };
    const response = await healthRoutes({
      database: failingDatabase,
      storage,
      queue: createMemoryQueue(),
      logger,
    }).request("/");
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({
      ok: false,
      db: { ok: false, error: "unavailable" },
      storage: { ok: false, error: "EACCES" },
      queue: { ok: true },
    });
    expect(JSON.stringify(body)).not.toMatch(/password|\/srv/);
  });
});
