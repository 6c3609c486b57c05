import { randomBytes } from "node:crypto";
import { type Session, sessions } from "@finstat/db/schema";
import { and, eq, gt, isNull } from "drizzle-orm";
import { jwtVerify, SignJWT } from "jose";
import { AppError } from "../app-error";
import type { Executor, Services } from "./context";
import { newSecretToken, secretTokenHash } from "./secret-tokens";

/**
 * Short-lived access JWTs (15 minutes) plus a long-lived refresh token that is rotated on
 * every use. Only the refresh token's hash is stored. The sessions rotated from one log-in form
 * a family. Two tabs of one browser refresh at the same moment with the same token, so the
 * token just rotated still works for a short grace window; presented after it, the token was
 * copied, and its whole family is revoked.
 */
export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 60 * 60;
export const ROTATION_GRACE_SECONDS = 30;
const ISSUER = "finstat";
const AUDIENCE = "finstat-api";

export interface IssuedSession {
  sessionId: string;
  accessToken: string;
  refreshToken: string;
  /** Double-submit token for cookie-authenticated writes (readable by the web page). */
  csrfToken: string;
  accessExpiresAt: Date;
  refreshExpiresAt: Date;
}

export interface AccessClaims {
  userId: string;
  sessionId: string;
  csrfToken: string;
}

/** A new session: of a new family at log-in, of the rotated session's family at refresh. */
export async function issueSession(
  services: Pick<Services, "config" | "now"> & { db: Executor },
  userId: string,
  userAgent?: string,
  familyId?: string,
): Promise<IssuedSession> {
  const refreshToken = newSecretToken();
  const now = services.now();
  const refreshExpiresAt = new Date(now.getTime() + REFRESH_TOKEN_SECONDS * 1000);
  const [session] = await services.db
    .insert(sessions)
    .values({
      userId,
      familyId,
      refreshTokenHash: secretTokenHash(refreshToken),
      userAgent: userAgent?.slice(0, 300),
      expiresAt: refreshExpiresAt,
    })
    .returning({ id: sessions.id });
  return { ...(await accessFor(services, userId, session!.id)), refreshToken, refreshExpiresAt };
}

async function accessFor(services: Pick<Services, "config" | "now">, userId: string, sessionId: string) {
  const now = services.now();
  const accessExpiresAt = new Date(now.getTime() + ACCESS_TOKEN_SECONDS * 1000);
  const csrfToken = randomBytes(18).toString("base64url");
  const accessToken = await new SignJWT({ sid: sessionId, csrf: csrfToken })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(accessExpiresAt.getTime() / 1000))
    .sign(secretKey(services.config.JWT_SECRET));
  return { sessionId, accessToken, csrfToken, accessExpiresAt };
}

/** Verifies signature, expiry and that the session was not revoked (logout takes effect at once). */
export async function authenticateAccessToken(
  services: Pick<Services, "db" | "config" | "now">,
  token: string,
): Promise<AccessClaims> {
  let claims: AccessClaims;
  try {
    const { payload } = await jwtVerify(token, secretKey(services.config.JWT_SECRET), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
      currentDate: services.now(),
    });
    if (
      typeof payload.sub !== "string" ||
      typeof payload.sid !== "string" ||
      typeof payload.csrf !== "string"
    ) {
      throw new Error("claims missing");
    }
    claims = { userId: payload.sub, sessionId: payload.sid, csrfToken: payload.csrf };
  } catch {
    throw unauthenticated();
  }
  const [live] = await services.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(eq(sessions.id, claims.sessionId), eq(sessions.userId, claims.userId), isNull(sessions.revokedAt)),
    );
  if (!live) throw unauthenticated();
  return claims;
}

export async function rotateRefreshToken(
  services: Pick<Services, "db" | "config" | "now">,
  refreshToken: string,
  userAgent?: string,
): Promise<IssuedSession & { userId: string }> {
  const now = services.now();
  const found = await sessionOfToken(services, refreshToken);
  if (!found || found.expiresAt <= now) throw unauthenticated();
  const rotated = found.revokedAt ? undefined : await rotate(services, found, now, userAgent);
  if (rotated) return { ...rotated, userId: found.userId };
  // Rotated before (or a moment ago, by a concurrent refresh with the same token): read it again.
  const session = found.revokedAt ? found : await sessionOfToken(services, refreshToken);
  if (!session) throw unauthenticated();
  if (inGraceWindow(session, now) && (await familyIsLive(services, session.familyId, now))) {
    const successor = await issueSession(services, session.userId, userAgent, session.familyId);
    return { ...successor, userId: session.userId };
  }
  await revokeFamily(services, session.familyId);
  throw unauthenticated();
}

/**
 * Of two refreshes with one token only one rotates it; the other then finds it rotated a moment
 * ago and is served by the grace window. Marking and replacing is one transaction, so nobody
 * sees the family between its old session and its new one.
 */
async function rotate(
  services: Pick<Services, "db" | "config" | "now">,
  session: Session,
  now: Date,
  userAgent: string | undefined,
): Promise<IssuedSession | undefined> {
  return services.db.transaction(async (tx) => {
    const [won] = await tx
      .update(sessions)
      .set({ revokedAt: now, rotatedAt: now })
      .where(and(eq(sessions.id, session.id), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    if (!won) return undefined;
    return issueSession({ ...services, db: tx }, session.userId, userAgent, session.familyId);
  });
}

/** Log-out: the session and every session rotated from the same log-in (other tabs' successors). */
export async function revokeSession(
  services: Pick<Services, "db" | "now">,
  sessionId: string,
): Promise<void> {
  const [session] = await services.db
    .select({ familyId: sessions.familyId })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  if (session) await revokeFamily(services, session.familyId);
}

/** Log-out with only the refresh cookie left (the access token expired). */
export async function revokeRefreshToken(
  services: Pick<Services, "db" | "now">,
  refreshToken: string,
): Promise<void> {
  const session = await sessionOfToken(services, refreshToken);
  if (session) await revokeFamily(services, session.familyId);
}

export async function revokeAllSessions(
  services: Pick<Services, "db" | "now">,
  userId: string,
): Promise<void> {
  await services.db
    .update(sessions)
    .set({ revokedAt: services.now() })
    .where(
      and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, services.now())),
    );
}

async function revokeFamily(services: Pick<Services, "db" | "now">, familyId: string): Promise<void> {
  await services.db
    .update(sessions)
    .set({ revokedAt: services.now() })
    .where(and(eq(sessions.familyId, familyId), isNull(sessions.revokedAt)));
}

async function sessionOfToken(services: Pick<Services, "db">, refreshToken: string) {
  const [session] = await services.db
    .select()
    .from(sessions)
    .where(eq(sessions.refreshTokenHash, secretTokenHash(refreshToken)));
  return session;
}

/** Revoked by its own rotation (not by log-out or reuse) within the last ROTATION_GRACE_SECONDS. */
function inGraceWindow(session: Session, now: Date): boolean {
  if (!session.rotatedAt || session.revokedAt?.getTime() !== session.rotatedAt.getTime()) return false;
  return now.getTime() - session.rotatedAt.getTime() <= ROTATION_GRACE_SECONDS * 1000;
}

/** A family whose sessions were all revoked (log-out, reuse) is not revived by the grace window. */
async function familyIsLive(services: Pick<Services, "db">, familyId: string, now: Date): Promise<boolean> {
  const [live] = await services.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.familyId, familyId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  return live !== undefined;
}

export function unauthenticated(): AppError {
  return new AppError("unauthenticated", "Please log in.");
}

function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}
