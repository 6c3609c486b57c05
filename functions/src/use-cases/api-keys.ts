import { type ApiKey, apiKeys, users } from "@finstat/db/schema";
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../app-error";
import { API_KEY_ROLES, roleWithin } from "./access-policy";
import { recordAudit } from "./audit";
import type { Actor, Services } from "./context";
import { notFound } from "./errors";
import { authorise } from "./memberships";
import { newSecretToken, secretTokenHash } from "./secret-tokens";

/** What a key's secret starts with, so a leaked one is recognisable (and scannable) as ours. */
export const API_KEY_PREFIX = "fsk_";
/** "fsk_" and the first 8 characters of the random part: enough to tell keys apart in a list. */
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

export const apiKeyInput = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(API_KEY_ROLES),
});

export interface ApiKeyView {
  id: string;
  name: string;
  role: ApiKey["role"];
  /** The first characters of the secret, e.g. "fsk_3f9aB2c1". */
  prefix: string;
  createdBy: { id: string; fullName: string } | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The only time the secret leaves the server: the answer to its creation. */
export type CreatedApiKey = ApiKeyView & { secret: string };

export async function createApiKey(
  services: Pick<Services, "db">,
  actor: Actor,
  organisationId: string,
  input: z.infer<typeof apiKeyInput>,
): Promise<CreatedApiKey> {
  refuseKeyActor(actor);
  const member = await authorise(services, actor, "manage_api_keys", { organisationId }, "organisation");
  if (!roleWithin(input.role, member.role)) {
    throw new AppError(
      "api_key_role_not_allowed",
      "A key cannot be given a role that allows more than your own.",
      { role: input.role },
    );
  }
  const secret = `${API_KEY_PREFIX}${newSecretToken()}`;
  const row = await services.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiKeys)
      .values({
        organisationId,
        name: input.name,
        role: input.role,
        prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH),
        secretHash: secretTokenHash(secret),
        createdById: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, {
      organisationId,
      action: "api_key.create",
      entityType: "api_key",
      entityId: created!.id,
      details: { name: created!.name, role: created!.role, prefix: created!.prefix },
    });
    return created!;
  });
  const [view] = await keyViews(services, organisationId, row.id);
  return { ...view!, secret };
}

/** The organisation's keys, newest first, revoked ones included (they explain a script's 401). */
export async function listApiKeys(
  services: Pick<Services, "db">,
  actor: Actor,
  organisationId: string,
): Promise<ApiKeyView[]> {
  refuseKeyActor(actor);
  await authorise(services, actor, "manage_api_keys", { organisationId }, "organisation");
  return keyViews(services, organisationId);
}

/** Stops a key at once; revoking one already revoked changes nothing. */
export async function revokeApiKey(
  services: Pick<Services, "db" | "now">,
  actor: Actor,
  organisationId: string,
  keyId: string,
): Promise<ApiKeyView> {
  refuseKeyActor(actor);
  await authorise(services, actor, "manage_api_keys", { organisationId }, "organisation");
  const [revoked] = await services.db
    .update(apiKeys)
    .set({ revokedAt: services.now() })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.organisationId, organisationId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix });
  if (revoked) {
    await recordAudit(services.db, actor, {
      organisationId,
      action: "api_key.revoke",
      entityType: "api_key",
      entityId: revoked.id,
      details: { name: revoked.name, prefix: revoked.prefix },
    });
  }
  const [view] = await keyViews(services, organisationId, keyId);
  if (!view) throw notFound("api_key");
  return view;
}

/** Keys manage the account's scripting, not themselves: a leaked key cannot mint another. */
export function refuseKeyActor(actor: Actor): void {
  if (actor.apiKey) throw apiKeyNotAllowed();
}

export function apiKeyNotAllowed(): AppError {
  return new AppError(
    "api_key_not_allowed",
    "This needs a signed-in person: an API key may work with documents, not with the account or its keys.",
  );
}

async function keyViews(
  services: Pick<Services, "db">,
  organisationId: string,
  keyId?: string,
): Promise<ApiKeyView[]> {
  const rows = await services.db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      role: apiKeys.role,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      creatorId: users.id,
      creatorName: users.fullName,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdById))
    .where(
      and(
        eq(apiKeys.organisationId, organisationId),
        keyId === undefined ? undefined : eq(apiKeys.id, keyId),
      ),
    )
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(({ creatorId, creatorName, ...key }) => ({
    ...key,
    createdBy: creatorId && creatorName ? { id: creatorId, fullName: creatorName } : null,
  }));
}
