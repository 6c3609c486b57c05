import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { jobs } from "@finstat/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/app-error";
import { createDatabaseQueue } from "../../src/platform/queue/database-queue";
import type { DocumentJob, JobDelivery } from "../../src/platform/queue/port";
import { databaseTargets, type TestDatabase } from "../support/databases";

const noBackOff = () => 0;

async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(databaseTargets())("durable local queue on $name", (target) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => database.destroy());

  const jobRow = async (id: string) => {
    const [row] = await database.db.select().from(jobs).where(eq(jobs.id, id));
    return row!;
  };
  const queueOn = (
    name: string,
    overrides: { visibilityTimeoutSeconds?: number; maxAttempts?: number } = {},
  ) =>
    createDatabaseQueue(database.db, {
      queue: name,
      visibilityTimeoutSeconds: overrides.visibilityTimeoutSeconds ?? 30,
      maxAttempts: overrides.maxAttempts ?? 3,
      retryDelaySeconds: noBackOff,
    });

  it("delivers an enqueued job once and marks it done", async () => {
    const queue = queueOn("happy");
    const seen: Array<[DocumentJob, JobDelivery]> = [];
    const { id } = await queue.enqueue({ documentId: "doc-1" });
    expect(await queue.depth()).toEqual({ waiting: 1, inFlight: 0, dead: 0 });

    const stop = queue.startConsumer(async (job, delivery) => {
      seen.push([job, delivery]);
    });
    await waitFor(async () => (await jobRow(id)).status === "done");
    await stop();
    expect(seen).toEqual([[{ documentId: "doc-1" }, { id, attempt: 1, maxAttempts: 3 }]]);
    expect(await queue.depth()).toEqual({ waiting: 0, inFlight: 0, dead: 0 });
    expect((await jobRow(id)).finishedAt).toBeInstanceOf(Date);
  });

  it("retries a failing handler and succeeds on a later attempt", async () => {
    const queue = queueOn("flaky");
    const { id } = await queue.enqueue({ documentId: "doc-2" });
    const attempts: number[] = [];
    const stop = queue.startConsumer(
      async (_job, delivery) => {
        attempts.push(delivery.attempt);
        if (delivery.attempt < 3) throw new Error(`transient failure ${delivery.attempt}`);
      },
      { pollIntervalMs: 20 },
    );
    await waitFor(async () => (await jobRow(id)).status === "done");
    await stop();
    expect(attempts).toEqual([1, 2, 3]);
    const row = await jobRow(id);
    expect(row.attempts).toBe(3);
    expect(row.lastError).toBe("Error: transient failure 2");
  });

  it("moves a job that keeps failing to dead with the last error", async () => {
    const queue = queueOn("hopeless", { maxAttempts: 2 });
    const { id } = await queue.enqueue({ documentId: "doc-3" });
    const outcomes: string[] = [];
    const stop = queue.startConsumer(
      async (_job, delivery) => {
        throw new AppError("ocr_failed", `OCR crashed on attempt ${delivery.attempt}`);
      },
      { pollIntervalMs: 20, onFailure: ({ outcome }) => outcomes.push(outcome) },
    );
    await waitFor(async () => (await jobRow(id)).status === "dead");
    await stop();
    expect(outcomes).toEqual(["retry", "dead"]);
    const row = await jobRow(id);
    expect(row.attempts).toBe(2);
    expect(row.lastError).toBe("ocr_failed: OCR crashed on attempt 2");
    expect(await queue.depth()).toEqual({ waiting: 0, inFlight: 0, dead: 1 });
  });

  it("settles a non-retryable AppError as failed without retrying", async () => {
    const queue = queueOn("permanent");
    const { id } = await queue.enqueue({ documentId: "doc-4" });
    let calls = 0;
    const stop = queue.startConsumer(
      async () => {
        calls += 1;
        throw new AppError("not_a_pdf", "The file is not a PDF.");
      },
      { pollIntervalMs: 20 },
    );
    await waitFor(async () => (await jobRow(id)).status === "failed");
    await new Promise((resolve) => setTimeout(resolve, 200));
    await stop();
    expect(calls).toBe(1);
    expect((await jobRow(id)).lastError).toBe("not_a_pdf: The file is not a PDF.");
  });

  it("does not deliver a delayed job before its time", async () => {
    const queue = queueOn("delayed");
    const { id } = await queue.enqueue({ documentId: "doc-5" }, { delaySeconds: 60 });
    expect(await queue.claim()).toBeNull();
    expect((await jobRow(id)).status).toBe("queued");
  });

  it("claims a job again once the lease of a vanished consumer runs out", async () => {
    const queue = queueOn("lease", { visibilityTimeoutSeconds: 1 });
    const { id } = await queue.enqueue({ documentId: "doc-6" });
    const first = await queue.claim();
    expect(first?.delivery).toEqual({ id, attempt: 1, maxAttempts: 3 });
    expect(await queue.claim()).toBeNull();

    const second = await waitFor(() => queue.claim(), 5000);
    expect(second.delivery.attempt).toBe(2);
    // The first consumer comes back late: its result must not overwrite the new lease.
    await queue.settle(first!, "done");
    expect((await jobRow(id)).status).toBe("running");
    await queue.settle(second, "done");
    expect((await jobRow(id)).status).toBe("done");
  });

  it("buries a job whose lease ran out on its last attempt", async () => {
    const queue = queueOn("last-lease", { visibilityTimeoutSeconds: 1, maxAttempts: 1 });
    const { id } = await queue.enqueue({ documentId: "doc-7" });
    expect((await queue.claim())?.delivery.attempt).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(await queue.claim()).toBeNull();
    const row = await jobRow(id);
    expect(row.status).toBe("dead");
    expect(row.lastError).toMatch(/lease expired/);
  });

  it("keeps the lease of a live consumer alive past the visibility timeout", async () => {
    const queue = queueOn("heartbeat", { visibilityTimeoutSeconds: 2 });
    const { id } = await queue.enqueue({ documentId: "doc-8" });
    let release: () => void = () => {};
    const deliveries: number[] = [];
    const stop = queue.startConsumer(
      async (_job, delivery) => {
        deliveries.push(delivery.attempt);
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      { pollIntervalMs: 20 },
    );
    await waitFor(async () => deliveries.length === 1);
    const rival = queueOn("heartbeat", { visibilityTimeoutSeconds: 2 });
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(await rival.claim()).toBeNull();
    release();
    await waitFor(async () => (await jobRow(id)).status === "done");
    await stop();
    expect(deliveries).toEqual([1]);
  });

  it("hands each job to exactly one of several competing consumers", async () => {
    const queue = queueOn("crowd");
    const ids = await Promise.all(
      Array.from({ length: 12 }, (_, n) => queue.enqueue({ documentId: `crowd-${n}` })),
    );
    const processed: string[] = [];
    const handler = async (job: DocumentJob) => {
      processed.push(job.documentId);
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const stops = [
      queueOn("crowd").startConsumer(handler, { concurrency: 3, pollIntervalMs: 10 }),
      queueOn("crowd").startConsumer(handler, { concurrency: 3, pollIntervalMs: 10 }),
    ];
    await waitFor(async () => (await queue.depth()).waiting === 0 && (await queue.depth()).inFlight === 0);
    await Promise.all(stops.map((stop) => stop()));
    expect(processed.sort()).toEqual(Array.from({ length: 12 }, (_, n) => `crowd-${n}`).sort());
    for (const { id } of ids) expect((await jobRow(id)).attempts).toBe(1);
  });
});

describe.each(databaseTargets())("queue survives a killed worker process on $name", (target) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await target.open({ onDisk: true });
  });
  afterAll(() => database.destroy());

  it("reclaims the job a SIGKILLed process had claimed, after the visibility timeout", async () => {
    const visibility = 2;
    const queue = createDatabaseQueue(database.db, { visibilityTimeoutSeconds: visibility, maxAttempts: 3 });
    const { id } = await queue.enqueue({ documentId: "survivor" });
    // PGlite is single-process: the directory is handed over to the child and back.
    if (database.name === "pglite") await database.disconnect();

    const child = spawn(process.execPath, ["--import", "tsx", "functions/test/support/queue-victim.ts"], {
      env: { ...process.env, ...database.env, VISIBILITY_SECONDS: String(visibility) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const claimed = await new Promise<{ claimed: string; attempt: number }>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once("line", (line) => resolve(JSON.parse(line)));
      child.once("exit", (code) => reject(new Error(`worker exited early (${code})`)));
    });
    expect(claimed).toEqual({ claimed: "survivor", attempt: 1 });
    child.kill("SIGKILL");
    await exited;

    if (database.name === "pglite") await database.reconnect();
    const restarted = createDatabaseQueue(database.db, {
      visibilityTimeoutSeconds: visibility,
      maxAttempts: 3,
    });
    const deliveries: JobDelivery[] = [];
    const stop = restarted.startConsumer(
      async (_job, delivery) => {
        deliveries.push(delivery);
      },
      { pollIntervalMs: 100 },
    );
    const row = await waitFor(async () => {
      const [current] = await database.db.select().from(jobs).where(eq(jobs.id, id));
      return current?.status === "done" ? current : undefined;
    });
    await stop();
    expect(deliveries).toEqual([{ id, attempt: 2, maxAttempts: 3 }]);
    expect(row.attempts).toBe(2);
  });
});
