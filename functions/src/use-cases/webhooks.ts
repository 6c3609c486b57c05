import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { auditLog, type Webhook, webhookDeliveries, webhooks } from "../../../drizzle/schema";
import { AppError } from "../app-error";
import type { Actor, Services } from "./context";
import { notFound } from "./errors";

export const WEBHOOK_EVENTS = ["document.done", "document.failed"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
const MAX_WEBHOOKS_PER_USER = 10;

export const webhookInput = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  events: z
    .array(z.enum(WEBHOOK_EVENTS))
    .min(1)
    .default([...WEBHOOK_EVENTS]),
});

/** The secret is shown once, on creation; afterwards only its last characters. */
export type WebhookView = Omit<Webhook, "secret" | "ownerId"> & { secretHint: string };
export type CreatedWebhook = WebhookView & { secret: string };

export interface WebhookPolicy {
  /** Plain http and private addresses: the embedded shape and tests only, never in AWS. */
  allowPrivateNetworks: boolean;
}

export async function registerWebhook(
  services: Pick<Services, "db"> & { webhookPolicy?: WebhookPolicy },
  actor: Actor,
  input: z.infer<typeof webhookInput>,
): Promise<CreatedWebhook> {
  const url = new URL(input.url);
  const allowPrivate = services.webhookPolicy?.allowPrivateNetworks ?? false;
  if (url.protocol !== "https:" && !allowPrivate) {
    throw new AppError("webhook_url_insecure", "Webhook URLs must use https.", { status: 400 });
  }
  if (url.username || url.password) {
    throw new AppError("webhook_url_credentials", "Put no user name or password in the webhook URL.", {
      status: 400,
    });
  }
  if (!allowPrivate && isPrivateHost(url.hostname)) {
    throw new AppError("webhook_url_private", "Webhook URLs must point at a public address.", {
      status: 400,
    });
  }
  const existing = await services.db
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(eq(webhooks.ownerId, actor.userId));
  if (existing.length >= MAX_WEBHOOKS_PER_USER) {
    throw new AppError("webhook_limit", `At most ${MAX_WEBHOOKS_PER_USER} webhooks per account.`, {
      status: 409,
    });
  }
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const [row] = await services.db
    .insert(webhooks)
    .values({ ownerId: actor.userId, url: url.toString(), secret, events: [...new Set(input.events)] })
    .returning();
  await services.db.insert(auditLog).values({
    userId: actor.userId,
    action: "webhook.create",
    entityType: "webhook",
    entityId: row!.id,
    details: { url: url.origin, events: input.events },
    ipAddress: actor.ip,
  });
  return { ...webhookView(row!), secret };
}

export async function listWebhooks(services: Pick<Services, "db">, actor: Actor): Promise<WebhookView[]> {
  const rows = await services.db
    .select()
    .from(webhooks)
    .where(eq(webhooks.ownerId, actor.userId))
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
  await services.db.insert(auditLog).values({
    userId: actor.userId,
    action: "webhook.delete",
    entityType: "webhook",
    entityId: webhook.id,
    ipAddress: actor.ip,
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
  const [row] = await services.db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.id, webhookId), eq(webhooks.ownerId, actor.userId)));
  if (!row) throw notFound("webhook");
  return row;
}

function webhookView(row: Webhook): WebhookView {
  const { secret, ownerId: _ownerId, ...view } = row;
  return { ...view, secretHint: `…${secret.slice(-4)}` };
}

/** Loopback, private, link-local (cloud metadata) and unique-local addresses, by literal or name. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host.endsWith(".internal") ||
    host.endsWith(".local")
  )
    return true;
  const v4 = host.match(/^(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (host.includes(":"))
    return (
      host === "::1" ||
      host === "::" ||
      /^f[cd]/.test(host) ||
      /^fe[89ab]/.test(host) ||
      host.startsWith("::ffff:")
    );
  return false;
}
