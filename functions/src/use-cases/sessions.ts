import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { jwtVerify, SignJWT } from "jose";
import { sessions } from "../../../drizzle/schema";
import { AppError } from "../app-error";
import type { Services } from "./context";

/**
 * Short-lived access JWTs (15 minutes) plus a long-lived refresh token that is rotated on
 * every use. Only the refresh token's hash is stored. Presenting a refresh token that was
 * already rotated means it was copied: every session of that user is revoked.
 */
export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 60 * 60;
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

export async function issueSession(
  services: Pick<Services, "db" | "config" | "now">,
  userId: string,
  userAgent?: string,
): Promise<IssuedSession> {
  const refreshToken = randomBytes(32).toString("base64url");
  const now = services.now();
  const refreshExpiresAt = new Date(now.getTime() + REFRESH_TOKEN_SECONDS * 1000);
  const [session] = await services.db
    .insert(sessions)
    .values({
      userId,
      refreshTokenHash: tokenHash(refreshToken),
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
  const [session] = await services.db
    .select()
    .from(sessions)
    .where(eq(sessions.refreshTokenHash, tokenHash(refreshToken)));
  if (!session || session.expiresAt <= now) throw unauthenticated();
  if (session.revokedAt) {
    await revokeAllSessions(services, session.userId);
    throw unauthenticated();
  }
  // Only one of two concurrent refreshes with the same token may win.
  const revoked = await services.db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, session.id), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  if (revoked.length === 0) throw unauthenticated();
  return { ...(await issueSession(services, session.userId, userAgent)), userId: session.userId };
}

export async function revokeSession(
  services: Pick<Services, "db" | "now">,
  sessionId: string,
): Promise<void> {
  await services.db.update(sessions).set({ revokedAt: services.now() }).where(eq(sessions.id, sessionId));
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

export function unauthenticated(): AppError {
  return new AppError("unauthenticated", "Please log in.", { status: 401 });
}

function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}
