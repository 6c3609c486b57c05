/**
 * A worker process that claims one job and then hangs, so a test can kill it mid-job
 * (SIGKILL: no clean-up runs) and check that the job is claimed again after its lease.
 * Env: DATA_DIR / DATABASE_URL of the test database, VISIBILITY_SECONDS.
 */
import { createDatabase } from "../../src/platform/db";
import { createDatabaseQueue } from "../../src/platform/queue/database-queue";

const database = await createDatabase({
  DATA_DIR: process.env.DATA_DIR ?? ":memory:",
  DATABASE_URL: process.env.DATABASE_URL,
});
const queue = createDatabaseQueue(database.db, {
  visibilityTimeoutSeconds: Number(process.env.VISIBILITY_SECONDS ?? "2"),
  maxAttempts: 3,
});
queue.startConsumer(
  async (job, delivery) => {
    process.stdout.write(`${JSON.stringify({ claimed: job.documentId, attempt: delivery.attempt })}\n`);
    await new Promise(() => {});
  },
  { pollIntervalMs: 50 },
);
