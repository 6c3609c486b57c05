import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Fixed-window counters: one row per (key, window). The limiter increments with
 * `insert ... on conflict do update`, which is atomic across API instances.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    /** "user:<id>", "ip:<address>", "email:<user id>", "registration-notice:<user id>" (log-ins: `login_attempts`). */
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (table) => [
    primaryKey({ name: "rate_limits_pkey", columns: [table.key, table.windowStart] }),
    index("rate_limits_window_start_idx").on(table.windowStart),
  ],
);

export type RateLimitRow = typeof rateLimits.$inferSelect;
