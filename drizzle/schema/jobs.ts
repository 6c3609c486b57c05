import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";

export const jobStatus = pgEnum("job_status", ["queued", "running", "done", "failed", "dead"]);

/**
 * The embedded shape's durable queue (functions/src/platform/queue/database-queue.ts).
 * `running` rows whose `locked_until` has passed belong to a worker that died and are
 * claimed again; `failed` is a permanent failure the handler reported, `dead` a job that
 * used up its attempts.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: id(),
    queue: text("queue").notNull().default("documents"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: jobStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull(),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lockedBy: text("locked_by"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [
    index("jobs_claim_idx").on(table.queue, table.status, table.runAt),
    check("jobs_max_attempts_positive", sql`${table.maxAttempts} > 0`),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
export type JobStatus = (typeof jobStatus.enumValues)[number];
