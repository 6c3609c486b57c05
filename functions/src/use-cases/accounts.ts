import { users } from "@finstat/db/schema";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../app-error";
import { recordAudit } from "./audit";
import type { Services } from "./context";
import { type AttemptPolicy, admitAttempt, clearAttempts, refundAttempt } from "./login-attempts";
import { createPersonalOrganisation } from "./memberships";
import { decoyPasswordHash, hashPassword, verifyPassword } from "./passwords";
import { tellOwnerOfRegistration } from "./registration-notice";
import { type IssuedSession, issueSession, unauthenticated } from "./sessions";

export const registration = z.object({
  email: z
    .email()
    .max(254)
    .transform((email) => email.toLowerCase()),
  password: z.string().min(10, "Use at least 10 characters.").max(200),
  fullName: z.string().trim().min(1).max(200),
});

export const credentials = z.object({
  email: z
    .string()
    .trim()
    .max(254)
    .transform((email) => email.toLowerCase()),
  password: z.string().min(1).max(200),
});

export interface PublicUser {
  id: string;
  email: string;
  fullName: string;
  createdAt: Date;
}

/** Failed log-ins let through before the wait starts: per account, and per address (a whole office). */
export const ACCOUNT_ATTEMPTS: AttemptPolicy = {
  freeFailures: 5,
  firstWaitSeconds: 1,
  maxWaitSeconds: 15 * 60,
};
export const ADDRESS_ATTEMPTS: AttemptPolicy = {
  freeFailures: 30,
  firstWaitSeconds: 1,
  maxWaitSeconds: 15 * 60,
};

/** What every registration is answered with, whether or not the address already had an account. */
export const REGISTRATION_RECEIVED = {
  status: "received",
  message:
    "If this address had no account, it has one now: sign in with it and your password. If it already had one, its owner has been told by e-mail.",
} as const;

/**
 * Creates the account when the address is free. The answer is the same either way and carries
 * no session (the caller logs in next), so registering cannot be used to learn who has an
 * account; the owner of a taken address is told by mail instead.
 */
export async function registerUser(
  services: Pick<Services, "db" | "config" | "now" | "mailer" | "logger">,
  input: z.infer<typeof registration>,
  meta: { ip?: string } = {},
): Promise<typeof REGISTRATION_RECEIVED> {
  const passwordHash = await hashPassword(input.password);
  // The account and its personal organisation exist together or not at all: a user without an
  // organisation could log in and reach nothing.
  const created = await services.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, passwordHash, fullName: input.fullName })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!user) return undefined;
    await createPersonalOrganisation(tx, { id: user.id, fullName: input.fullName });
    await recordAudit(
      tx,
      { userId: user.id, ip: meta.ip },
      { action: "account.register", entityType: "user", entityId: user.id, organisationId: null },
    );
    return user;
  });
  if (!created) {
    // Not awaited: a mail server's delay would otherwise tell a taken address from a free one.
    void tellOwnerOfRegistration(services, input.email, meta).catch((error: unknown) =>
      services.logger.warn({ err: error }, "registration notice to an existing account failed"),
    );
  }
  return REGISTRATION_RECEIVED;
}

/**
 * Each attempt passes the account's and the address's gate before the password is hashed, and
 * is counted there at once; a refused attempt answers 429 with the wait, even with the right
 * password. A success clears the account's failures.
 */
export async function logIn(
  services: Pick<Services, "db" | "config" | "now">,
  input: z.infer<typeof credentials>,
  meta: { ip?: string; userAgent?: string } = {},
): Promise<{ user: PublicUser; session: IssuedSession }> {
  const now = services.now();
  const accountKey = `account:${input.email}`;
  const addressKey = `address:${meta.ip ?? "unknown"}`;
  const [account, address] = await Promise.all([
    admitAttempt(services.db, accountKey, ACCOUNT_ATTEMPTS, now),
    admitAttempt(services.db, addressKey, ADDRESS_ATTEMPTS, now),
  ]);
  if (!account.admitted || !address.admitted) {
    // No password was checked, so this was no failure: give back what the other gate counted.
    await Promise.all([
      account.admitted && refundAttempt(services.db, accountKey),
      address.admitted && refundAttempt(services.db, addressKey),
    ]);
    throw tooManyAttempts(
      Math.max(
        account.admitted ? 0 : account.retryAfterSeconds,
        address.admitted ? 0 : address.retryAfterSeconds,
      ),
    );
  }
  const [row] = await services.db.select().from(users).where(eq(users.email, input.email));
  const valid = await verifyPassword(input.password, row?.passwordHash ?? (await decoyPasswordHash()));
  if (!row || !valid) {
    throw new AppError("invalid_credentials", "The e-mail address or password is wrong.");
  }
  await Promise.all([clearAttempts(services.db, accountKey), refundAttempt(services.db, addressKey)]);
  await recordAudit(
    services.db,
    { userId: row.id, ip: meta.ip },
    { action: "account.login", entityType: "user", entityId: row.id, organisationId: null },
  );
  return { user: publicUser(row), session: await issueSession(services, row.id, meta.userAgent) };
}

function tooManyAttempts(retryAfterSeconds: number): AppError {
  const wait =
    retryAfterSeconds < 120
      ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}`
      : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return new AppError("too_many_login_attempts", `Too many failed log-ins. Try again in ${wait}.`, {
    retryAfterSeconds,
  });
}

export async function currentUser(services: Pick<Services, "db">, userId: string): Promise<PublicUser> {
  const [row] = await services.db.select().from(users).where(eq(users.id, userId));
  if (!row) throw unauthenticated();
  return publicUser(row);
}

function publicUser(row: typeof users.$inferSelect): PublicUser {
  return { id: row.id, email: row.email, fullName: row.fullName, createdAt: row.createdAt };
}
