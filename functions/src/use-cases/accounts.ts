import { eq } from "drizzle-orm";
import { z } from "zod";
import { auditLog, users } from "../../../drizzle/schema";
import { AppError } from "../app-error";
import type { Services } from "./context";
import { isUniqueViolation } from "./errors";
import { decoyPasswordHash, hashPassword, verifyPassword } from "./passwords";
import { clearCount, countHit, readCount } from "./rate-limits";
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

/** Failed log-ins allowed per window, for one account and for one address. */
export const LOGIN_FAILURES_PER_ACCOUNT = 5;
export const LOGIN_FAILURES_PER_IP = 30;
export const LOGIN_WINDOW_SECONDS = 15 * 60;

export async function registerUser(
  services: Pick<Services, "db" | "config" | "now">,
  input: z.infer<typeof registration>,
  meta: { ip?: string; userAgent?: string } = {},
): Promise<{ user: PublicUser; session: IssuedSession }> {
  const passwordHash = await hashPassword(input.password);
  let user: PublicUser;
  try {
    [user] = (await services.db
      .insert(users)
      .values({ email: input.email, passwordHash, fullName: input.fullName })
      .returning({
        id: users.id,
        email: users.email,
        fullName: users.fullName,
        createdAt: users.createdAt,
      })) as [PublicUser];
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("email_taken", "An account with this e-mail address already exists.", {
        status: 409,
      });
    }
    throw error;
  }
  await services.db.insert(auditLog).values({
    userId: user.id,
    action: "account.register",
    entityType: "user",
    entityId: user.id,
    ipAddress: meta.ip,
  });
  return { user, session: await issueSession(services, user.id, meta.userAgent) };
}

/**
 * Failures are counted per account and per address; while either is over its limit the
 * password is not even checked, so guessing stalls. A success clears the account's counter.
 */
export async function logIn(
  services: Pick<Services, "db" | "config" | "now">,
  input: z.infer<typeof credentials>,
  meta: { ip?: string; userAgent?: string } = {},
): Promise<{ user: PublicUser; session: IssuedSession }> {
  const now = services.now();
  const accountKey = `login:${input.email}`;
  const ipKey = `login-ip:${meta.ip ?? "unknown"}`;
  const [account, address] = await Promise.all([
    readCount(services.db, accountKey, LOGIN_WINDOW_SECONDS, now),
    readCount(services.db, ipKey, LOGIN_WINDOW_SECONDS, now),
  ]);
  const blocked = [
    account.count >= LOGIN_FAILURES_PER_ACCOUNT ? account : undefined,
    address.count >= LOGIN_FAILURES_PER_IP ? address : undefined,
  ].find(Boolean);
  if (blocked) {
    throw new AppError("too_many_login_attempts", "Too many failed log-ins. Try again later.", {
      status: 429,
      details: {
        retryAfterSeconds: Math.max(1, Math.ceil((blocked.resetAt.getTime() - now.getTime()) / 1000)),
      },
    });
  }
  const [row] = await services.db.select().from(users).where(eq(users.email, input.email));
  const valid = await verifyPassword(input.password, row?.passwordHash ?? (await decoyPasswordHash()));
  if (!row || !valid) {
    await Promise.all([
      countHit(services.db, accountKey, LOGIN_WINDOW_SECONDS, now),
      countHit(services.db, ipKey, LOGIN_WINDOW_SECONDS, now),
    ]);
    throw new AppError("invalid_credentials", "The e-mail address or password is wrong.", { status: 401 });
  }
  await clearCount(services.db, accountKey);
  await services.db.insert(auditLog).values({
    userId: row.id,
    action: "account.login",
    entityType: "user",
    entityId: row.id,
    ipAddress: meta.ip,
  });
  return { user: publicUser(row), session: await issueSession(services, row.id, meta.userAgent) };
}

export async function currentUser(services: Pick<Services, "db">, userId: string): Promise<PublicUser> {
  const [row] = await services.db.select().from(users).where(eq(users.id, userId));
  if (!row) throw unauthenticated();
  return publicUser(row);
}

function publicUser(row: typeof users.$inferSelect): PublicUser {
  return { id: row.id, email: row.email, fullName: row.fullName, createdAt: row.createdAt };
}
