import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import type { Logger } from "pino";
import type { DatabaseHandle } from "../platform/db";
import type { DocumentQueue } from "../platform/queue/port";
import type { Storage } from "../platform/storage/port";

export interface HealthDependencies {
  database: Pick<DatabaseHandle, "kind" | "ping">;
  storage: Storage;
  queue: Pick<DocumentQueue, "kind" | "depth">;
  logger: Pick<Logger, "warn">;
}

type Check<T> = ({ ok: true } & T) | { ok: false; error: string };

const CHECK_TIMEOUT_MS = 5000;

/**
 * Real checks, not a static "ok": a database round trip, a storage write/read/delete of a
 * probe object, and a queue depth query. 503 when any of them fails.
 */
export function healthRoutes(dependencies: HealthDependencies) {
  return new Hono().get("/", async (c) => {
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
    const ok = db.ok && storage.ok && queue.ok;
    return c.json({ ok, db, storage, queue }, ok ? 200 : 503);
  });
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
