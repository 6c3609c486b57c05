import { randomUUID } from "node:crypto";
import { createRoute } from "@hono/zod-openapi";
import type { Logger } from "pino";
import type { DatabaseHandle } from "../platform/db";
import type { DocumentQueue } from "../platform/queue/port";
import type { Storage } from "../platform/storage/port";
import { apiRouter, jsonAnswer } from "./openapi-route";

export interface HealthDependencies {
  database: Pick<DatabaseHandle, "kind" | "ping">;
  storage: Storage;
  queue: Pick<DocumentQueue, "kind" | "depth">;
  logger: Pick<Logger, "warn">;
}

type Check<T> = ({ ok: true } & T) | { ok: false; error: string };

const CHECK_TIMEOUT_MS = 5000;

const report = createRoute({
  method: "get",
  path: "/",
  summary: "Database, storage and queue checks",
  tags: ["health"],
  security: [],
  responses: {
    200: jsonAnswer<HealthReport>("Every check holds"),
    503: jsonAnswer<HealthReport>("A check failed"),
  },
});

type HealthReport = Awaited<ReturnType<typeof healthReport>>;

/**
 * Real checks, not a static "ok": a database round trip, a storage write/read/delete of a
 * probe object, and a queue depth query. 503 when any of them fails.
 */
export function healthRoutes(dependencies: HealthDependencies) {
  return apiRouter().openapi(report, async (c) => {
    const health = await healthReport(dependencies);
    return c.json(health, health.ok ? 200 : 503);
  });
}

async function healthReport(dependencies: HealthDependencies) {
  const [db, storage, queue] = await Promise.all([
    check(dependencies, "db", async () => ({
      kind: dependencies.database.kind,
      latencyMs: await dependencies.database.ping(),
    })),
    check(dependencies, "storage", () => probeStorage(dependencies.storage)),
    check(dependencies, "queue", async () => ({
      kind: dependencies.queue.kind,
      ...(await dependencies.queue.depth()),
    })),
  ]);
  return { ok: db.ok && storage.ok && queue.ok, db, storage, queue };
}

async function probeStorage(storage: Storage) {
  const started = performance.now();
  const key = `health/probe-${randomUUID()}`;
  const content = `finstat health probe ${new Date().toISOString()}`;
  await storage.put(key, content, "text/plain");
  try {
    const read = new TextDecoder().decode(await storage.get(key));
    if (read !== content) throw new Error("probe object read back differently");
  } finally {
    await storage.delete(key);
  }
  return { kind: storage.kind, latencyMs: Math.round(performance.now() - started) };
}

async function check<T>(
  dependencies: HealthDependencies,
  name: string,
  run: () => Promise<T>,
): Promise<Check<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    return { ok: true, ...(await Promise.race([run(), timeout])) };
  } catch (error) {
    dependencies.logger.warn({ err: error, check: name }, "health check failed");
    // The body is public: say which part is down, not the connection string or stack.
    const code = (error as { code?: unknown }).code;
    return { ok: false, error: typeof code === "string" ? code : "unavailable" };
  } finally {
    clearTimeout(timer);
  }
}
