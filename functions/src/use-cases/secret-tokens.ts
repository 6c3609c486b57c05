import { createHash, randomBytes } from "node:crypto";

/**
 * Refresh tokens, invitation links and API keys are bearer secrets: the caller holds the only
 * copy, the database keeps this digest, so a leaked dump lets nobody in. Unsalted SHA-256 is
 * enough for 256 random bits and keeps the lookup an indexed equality.
 */
export function secretTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** 32 random bytes, URL-safe: a refresh token, an invitation link, the body of an API key. */
export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}
