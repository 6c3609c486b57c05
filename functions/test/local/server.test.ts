import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { users } from "@finstat/db/schema";
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalServer } from "../../src/local/server";
import { loadConfig } from "../../src/platform/config";
import { freePort } from "../support/free-port";

const logger = pino({ level: "silent" });

describe("embedded server", () => {
  let dataDir: string;
  let port: number;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "finstat-local-"));
    port = await freePort();
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const config = () => loadConfig({ DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "silent" });

  // The consumer stays off: a job enqueued here must still be waiting after the restart.
  it("serves the API with health from real checks, uploads, and keeps its data across restarts", async () => {
    const first = await startLocalServer({ config: config(), logger, web: false, worker: false });
    try {
      expect(first.url).toBe(`http://localhost:${port}`);
      const health = await fetch(`${first.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        ok: true,
        db: { ok: true, kind: "pglite" },
        storage: { ok: true, kind: "local" },
        queue: { ok: true, kind: "local", waiting: 0, inFlight: 0, dead: 0 },
      });

      const presigned = await first.platform.storage.presignUpload(
        "documents/x/a.pdf",
        "application/pdf",
        8,
        60,
      );
      expect(presigned.url.startsWith(`${first.url}/api/files/upload/`)).toBe(true);
      const put = await fetch(presigned.url, { method: "PUT", body: "%PDF-1.7", headers: presigned.headers });
      expect(put.status).toBe(200);

      await first.platform.db
        .insert(users)
        .values({ email: "kalici@example.com", passwordHash: "h", fullName: "Kalıcı" });
      await first.platform.queue.enqueue({ documentId: "queued-before-restart" });
      const missing = await fetch(`${first.url}/api/nothing-here`);
      expect(missing.status).toBe(404);
    } finally {
      await first.close();
    }

    const second = await startLocalServer({ config: config(), logger, web: false, worker: false });
    try {
      const [user] = await second.platform.db
        .select()
        .from(users)
        .where(eq(users.email, "kalici@example.com"));
      expect(user?.fullName).toBe("Kalıcı");
      expect(await second.platform.storage.head("documents/x/a.pdf")).toEqual({
        size: 8,
        contentType: "application/pdf",
      });
      expect((await second.platform.queue.depth()).waiting).toBe(1);
      expect(config().JWT_SECRET).toBe(loadConfig({ DATA_DIR: dataDir }).JWT_SECRET);
    } finally {
      await second.close();
    }
  });

  it("explains a port that is already taken", async () => {
    const blocker = createServer();
    const taken = await freePort();
    await new Promise<void>((resolve) => blocker.listen(taken, resolve));
    try {
      const busy = { ...loadConfig({ DATA_DIR: ":memory:", PORT: String(taken) }) };
      await expect(startLocalServer({ config: busy, logger, web: false, worker: false })).rejects.toThrow(
        `Port ${taken} is already in use`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
