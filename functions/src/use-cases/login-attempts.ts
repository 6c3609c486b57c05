import { randomUUID } from "node:crypto";
import { loginAttempts } from "@finstat/db/schema";
import { eq, lt, sql } from "drizzle-orm";
import type { Database } from "../platform/db";

/**
 * A progressive delay instead of a lockout: a few failures are free, then each further attempt
 * must wait twice as long as the one before, up to a cap. A typo-prone owner waits seconds; a
 * guesser gets a handful of tries a day. The gate is one upsert that decides and counts
 * together, before the password is hashed, so parallel requests cannot all pass one check.
 */
export interface AttemptPolicy {
  /** Failures let through without waiting. */
  freeFailures: number;
  /** The wait after the first failure beyond them; it doubles with each further failure. */
  firstWaitSeconds: number;
  maxWaitSeconds: number;
}

/** Failures with no attempt for this long are forgotten. */
export const FAILURE_MEMORY_SECONDS = 24 * 60 * 60;

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

export function waitSeconds(policy: AttemptPolicy, failures: number): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.maxWaitSeconds, policy.firstWaitSeconds * 2 ** (failures - policy.freeFailures));
}

/** Lets the attempt in and counts it as a failure (until refunded), or says how long to wait. */
export async function admitAttempt(
  db: Database,
  key: string,
  policy: AttemptPolicy,
  now: Date,
): Promise<Admission> {
  const attemptId = randomUUID();
  const at = sql`${now.toISOString()}::timestamptz`;
  const forgetBefore = sql`${new Date(now.getTime() - FAILURE_MEMORY_SECONDS * 1000).toISOString()}::timestamptz`;
  // Every expression of an ON CONFLICT update reads the row as it was before this attempt.
  const failures = sql`(case when ${loginAttempts.lastAttemptAt} < ${forgetBefore} then 0 else ${loginAttempts.failures} end)`;
  const wait = sql`least(${policy.maxWaitSeconds}::float8, ${policy.firstWaitSeconds}::float8 * power(2::float8, ${loginAttempts.failures} - ${policy.freeFailures}::int))`;
  const open = sql`(${failures} < ${policy.freeFailures}::int or ${loginAttempts.lastAttemptAt} + ${wait} * interval '1 second' <= ${at})`;
  const [row] = await db
    .insert(loginAttempts)
    .values({ key, failures: 1, lastAttemptAt: now, lastAttemptId: attemptId })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: sql`case when ${open} then ${failures} + 1 else ${loginAttempts.failures} end`,
        lastAttemptAt: sql`case when ${open} then ${at} else ${loginAttempts.lastAttemptAt} end`,
        lastAttemptId: sql`case when ${open} then ${attemptId}::uuid else ${loginAttempts.lastAttemptId} end`,
      },
    })
    .returning();
  if (Math.random() < 0.005) await forgetOldAttempts(db, now);
  if (!row || row.lastAttemptId === attemptId) return { admitted: true };
  const nextAt = row.lastAttemptAt.getTime() + waitSeconds(policy, row.failures) * 1000;
  return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((nextAt - now.getTime()) / 1000)) };
}

/** An admitted attempt that turned out not to be a failure (a success, or refused by another gate). */
export async function refundAttempt(db: Database, key: string): Promise<void> {
  await db
    .update(loginAttempts)
    .set({ failures: sql`greatest(${loginAttempts.failures} - 1, 0)` })
    .where(eq(loginAttempts.key, key));
}

export async function clearAttempts(db: Database, key: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}

async function forgetOldAttempts(db: Database, now: Date): Promise<void> {
  await db
    .delete(loginAttempts)
    .where(lt(loginAttempts.lastAttemptAt, new Date(now.getTime() - FAILURE_MEMORY_SECONDS * 1000)));
}
