import { apiKeys } from "@finstat/db/schema";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { AppError } from "../app-error";
import { roleWithin } from "./access-policy";
import { API_KEY_PREFIX } from "./api-keys";
import type { Actor, Services } from "./context";
import { membershipIn } from "./memberships";
import { secretTokenHash } from "./secret-tokens";

/** last_used_at is for people reading the key list: minute precision spares a write per call. */
const LAST_USED_PRECISION_MS = 60_000;

export type KeyActor = Actor & { apiKey: NonNullable<Actor["apiKey"]> };

/**
 * The caller a secret stands for: the member who made the key, acting in the key's organisation
 * with the key's role. A key whose maker was deleted or left the organisation acts for nobody,
 * and one whose maker's role no longer covers the key's role does not act either.
 */
export async function authenticateApiKey(
  services: Pick<Services, "db" | "now">,
  secret: string,
): Promise<KeyActor> {
  if (!secret.startsWith(API_KEY_PREFIX)) throw invalidKey();
  const [key] = await services.db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.secretHash, secretTokenHash(secret)));
  if (!key) throw invalidKey();
  if (key.revokedAt) throw new AppError("api_key_revoked", "This API key was revoked.");
  const creatorId = key.createdById;
  const creator = creatorId ? await membershipIn(services.db, creatorId, key.organisationId) : undefined;
  if (!creatorId || !creator) {
    throw new AppError(
      "api_key_creator_gone",
      "The person who created this API key is no longer a member of its organisation.",
    );
  }
  // A key never holds more than its creator: made by an admin later made a viewer, it stops.
  if (!roleWithin(key.role, creator.role)) {
    throw new AppError(
      "api_key_exceeds_creator",
      "The role of the person who created this API key no longer allows the key's role.",
      { role: key.role },
    );
  }
  const now = services.now();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    const staleBefore = new Date(now.getTime() - LAST_USED_PRECISION_MS);
    // Conditional, so parallel calls in the same minute write once.
    await services.db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))),
      );
  }
  return {
    userId: creatorId,
    apiKey: { id: key.id, organisationId: key.organisationId, role: key.role },
  };
}

function invalidKey(): AppError {
  return new AppError("api_key_invalid", "This API key is not valid.");
}
