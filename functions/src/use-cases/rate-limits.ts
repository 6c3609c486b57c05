import { rateLimits } from "@finstat/db/schema";
import { lt, sql } from "drizzle-orm";
import type { Database } from "../platform/db";

/**
 * Fixed-window counters in Postgres, so a limit holds across every Lambda instance and
 * process. The upsert increments atomically; concurrent requests never lose a count.
 */
export interface WindowCount {
  count: number;
  /** When the current window ends. */
  resetAt: Date;
}

export function windowStart(now: Date, windowSeconds: number): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

export async function countHit(
  db: Database,
  key: string,
  windowSeconds: number,
  now = new Date(),
): Promise<WindowCount> {
  const start = windowStart(now, windowSeconds);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: start, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  // Old windows are useless; a rare sweep keeps the table small without a scheduler.
  if (Math.random() < 0.005) await pruneWindows(db, new Date(now.getTime() - 2 * 86_400_000));
  return { count: row?.count ?? 1, resetAt: new Date(start.getTime() + windowSeconds * 1000) };
}

export async function pruneWindows(db: Database, before: Date): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, before));
}
