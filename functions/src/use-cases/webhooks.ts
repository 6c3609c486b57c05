import { randomBytes } from "node:crypto";
import { type Webhook, webhookDeliveries, webhooks } from "@finstat/db/schema";
import { desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../app-error";
import type { Config } from "../platform/config";
import { can } from "./access-policy";
import { recordAudit } from "./audit";
import type { Actor, Services } from "./context";
import { notFound } from "./errors";
import { actingMemberships, authorise, workingOrganisation } from "./memberships";
import { checkWebhookUrl, type WebhookPolicy } from "./webhook-target";

export type { WebhookPolicy } from "./webhook-target";

export const WEBHOOK_EVENTS = ["document.done", "document.failed"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
const MAX_WEBHOOKS_PER_ORGANISATION = 10;

export const webhookInput = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  events: z
    .array(z.enum(WEBHOOK_EVENTS))
    .min(1)
    .default([...WEBHOOK_EVENTS]),
});

/** The secret is shown once, on creation; afterwards only its last characters. */
export type WebhookView = Omit<Webhook, "secret" | "ownerId" | "organisationId"> & { secretHint: string };
export type CreatedWebhook = WebhookView & { secret: string };

/**
 * The embedded shape: plain http is fine (one machine, often no certificate), private and
 * loopback targets only with WEBHOOK_ALLOW_PRIVATE=true, because a server that listens on
 * every interface with open registration would otherwise let anyone probe its network.
 * AWS uses the default of createServices: https to public addresses only.
 */
export function embeddedWebhookPolicy(config: Pick<Config, "WEBHOOK_ALLOW_PRIVATE">): WebhookPolicy {
  return { allowHttp: true, allowPrivateNetworks: config.WEBHOOK_ALLOW_PRIVATE };
}

export async function registerWebhook(
  services: Pick<Services, "db"> & { webhookPolicy?: WebhookPolicy },
  actor: Actor,
  input: z.infer<typeof webhookInput>,
): Promise<CreatedWebhook> {
  const url = new URL(input.url);
  const problem = checkWebhookUrl(
    url,
    services.webhookPolicy ?? { allowHttp: false, allowPrivateNetworks: false },
  );
  if (problem) throw new AppError(problem.code, problem.message);
  const { organisationId } = await workingOrganisation(services, actor, "manage_webhooks");
  const existing = await services.db
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(eq(webhooks.organisationId, organisationId));
  if (existing.length >= MAX_WEBHOOKS_PER_ORGANISATION) {
    throw new AppError(
      "webhook_limit",
      `At most ${MAX_WEBHOOKS_PER_ORGANISATION} webhooks per organisation.`,
    );
  }
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const [row] = await services.db
    .insert(webhooks)
    .values({
      organisationId,
      ownerId: actor.userId,
      url: url.toString(),
      secret,
      events: [...new Set(input.events)],
    })
    .returning();
  await recordAudit(services.db, actor, {
    action: "webhook.create",
    entityType: "webhook",
    entityId: row!.id,
    organisationId,
    details: { url: url.origin, events: input.events },
  });
  return { ...webhookView(row!), secret };
}

/** The webhooks of every organisation where the actor may manage them. */
export async function listWebhooks(services: Pick<Services, "db">, actor: Actor): Promise<WebhookView[]> {
  const organisationIds = (await actingMemberships(services, actor))
    .filter((member) => can(member, "manage_webhooks", { organisationId: member.organisationId }))
    .map((member) => member.organisationId);
  if (organisationIds.length === 0) return [];
  const rows = await services.db
    .select()
    .from(webhooks)
    .where(inArray(webhooks.organisationId, organisationIds))
    .orderBy(desc(webhooks.createdAt));
  return rows.map(webhookView);
}

export async function deleteWebhook(
  services: Pick<Services, "db">,
  actor: Actor,
  webhookId: string,
): Promise<void> {
  const webhook = await ownedWebhook(services, actor, webhookId);
  await services.db.delete(webhooks).where(eq(webhooks.id, webhook.id));
  await recordAudit(services.db, actor, {
    action: "webhook.delete",
    entityType: "webhook",
    entityId: webhook.id,
    organisationId: webhook.organisationId,
  });
}

export async function listDeliveries(
  services: Pick<Services, "db">,
  actor: Actor,
  webhookId: string,
  limit = 100,
) {
  const webhook = await ownedWebhook(services, actor, webhookId);
  return services.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, webhook.id))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(limit);
}

async function ownedWebhook(
  services: Pick<Services, "db">,
  actor: Actor,
  webhookId: string,
): Promise<Webhook> {
  if (!z.uuid().safeParse(webhookId).success) throw notFound("webhook");
  const [row] = await services.db.select().from(webhooks).where(eq(webhooks.id, webhookId));
  if (!row) throw notFound("webhook");
  await authorise(services, actor, "manage_webhooks", { organisationId: row.organisationId }, "webhook");
  return row;
}

function webhookView(row: Webhook): WebhookView {
  const { secret, ownerId: _ownerId, organisationId: _organisationId, ...view } = row;
  return { ...view, secretHint: `…${secret.slice(-4)}` };
}
