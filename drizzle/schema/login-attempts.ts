import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Failed log-ins per account ("account:<email>") and per address ("address:<ip>"). An attempt is
 * let in, and counted, by one upsert before the password is hashed, so parallel guesses cannot
 * all slip past the check; past a few failures each further attempt must wait longer.
 */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    key: text("key").primaryKey(),
    /** Attempts counted and not refunded by a success. */
    failures: integer("failures").notNull().default(0),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }).notNull(),
    /** The attempt the upsert last let in: how a request learns whether it was the one. */
    lastAttemptId: uuid("last_attempt_id").notNull(),
  },
  (table) => [index("login_attempts_last_attempt_at_idx").on(table.lastAttemptAt)],
);

export type LoginAttemptRow = typeof loginAttempts.$inferSelect;
