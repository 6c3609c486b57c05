import { lookup } from "node:dns/promises";
import { and, arrayContains, eq, sql } from "drizzle-orm";
import { webhookDeliveries, webhooks } from "../../../drizzle/schema";
import type { Executor, Services } from "../use-cases/context";
import { isPrivateHost, type WebhookEvent, type WebhookPolicy } from "../use-cases/webhooks";
import { SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER } from "./webhook-signature";

/** Seconds to wait after the n-th failed attempt; the last entry ends the retries. */
export const WEBHOOK_BACKOFF_SECONDS = [30, 120, 600, 3600, 6 * 3600];
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_BACKOFF_SECONDS.length + 1;
const REQUEST_TIMEOUT_MS = 10_000;
/** A claimed delivery is hidden this long, so two workers never post it at once. */
const CLAIM_SECONDS = 60;

/** Records one delivery per subscribed webhook of the owner; sending happens in deliverDueWebhooks. */
export async function queueWebhookEvent(
  db: Executor,
  ownerId: string,
  event: WebhookEvent,
  data: Record<string, unknown>,
  now = new Date(),
): Promise<number> {
  const targets = await db
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(
      and(eq(webhooks.ownerId, ownerId), eq(webhooks.active, true), arrayContains(webhooks.events, [event])),
    );
  if (targets.length === 0) return 0;
  await db.insert(webhookDeliveries).values(
    targets.map((target) => ({
      webhookId: target.id,
      event,
      payload: { event, createdAt: now.toISOString(), data },
      status: "pending" as const,
      nextAttemptAt: now,
    })),
  );
  return targets.length;
}

type DeliveryServices = Pick<Services, "db" | "fetch" | "logger" | "now"> & { webhookPolicy?: WebhookPolicy };

/**
 * Posts the deliveries that are due, each signed, and reschedules failures with back-off.
 * Called right after an event and periodically (the embedded process; the worker after each
 * batch), so a receiver that was down gets the event once it is back.
 */
export async function deliverDueWebhooks(
  services: DeliveryServices,
  limit = 20,
): Promise<{ delivered: number; failed: number }> {
  const claimed = await services.db.execute<{ id: string }>(sql`
    update webhook_deliveries set next_attempt_at = now() + make_interval(secs => ${CLAIM_SECONDS})
    where id in (
      select id from webhook_deliveries
      where status = 'pending' and next_attempt_at <= now()
      order by next_attempt_at limit ${limit}
      for update skip locked)
    returning id`);
  let delivered = 0;
  let failed = 0;
  for (const { id } of claimed.rows) {
    const [row] = await services.db
      .select({ delivery: webhookDeliveries, url: webhooks.url, secret: webhooks.secret })
      .from(webhookDeliveries)
      .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
      .where(eq(webhookDeliveries.id, id));
    if (!row) continue;
    const result = await post(
      services,
      row.url,
      row.secret,
      row.delivery.id,
      row.delivery.event,
      row.delivery.payload,
    );
    const attempts = row.delivery.attempts + 1;
    if (result.ok) {
      delivered += 1;
      await services.db
        .update(webhookDeliveries)
        .set({
          status: "delivered",
          attempts,
          responseCode: result.status,
          lastError: null,
          deliveredAt: services.now(),
          nextAttemptAt: null,
        })
        .where(eq(webhookDeliveries.id, id));
      continue;
    }
    failed += 1;
    const backoff = WEBHOOK_BACKOFF_SECONDS[attempts - 1];
    await services.db
      .update(webhookDeliveries)
      .set({
        status: backoff === undefined ? "failed" : "pending",
        attempts,
        responseCode: result.status ?? null,
        lastError: result.error.slice(0, 500),
        nextAttemptAt: backoff === undefined ? null : new Date(services.now().getTime() + backoff * 1000),
      })
      .where(eq(webhookDeliveries.id, id));
    services.logger.warn({ deliveryId: id, attempts, status: result.status }, "webhook delivery failed");
  }
  return { delivered, failed };
}

type PostResult = { ok: true; status: number } | { ok: false; status?: number; error: string };

async function post(
  services: DeliveryServices,
  url: string,
  secret: string,
  deliveryId: string,
  event: string,
  payload: Record<string, unknown>,
): Promise<PostResult> {
  try {
    if (!services.webhookPolicy?.allowPrivateNetworks && (await resolvesToPrivateAddress(url))) {
      return { ok: false, error: "the webhook host resolves to a private address" };
    }
    const body = JSON.stringify({ id: deliveryId, ...payload });
    const timestamp = Math.floor(services.now().getTime() / 1000);
    const response = await services.fetch(url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      headers: {
        "content-type": "application/json",
        "user-agent": "Finstat-Webhooks/1",
        "finstat-event": event,
        "finstat-delivery": deliveryId,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhookBody(secret, timestamp, body),
      },
      body,
    });
    await response.body?.cancel();
    return response.status >= 200 && response.status < 300
      ? { ok: true, status: response.status }
      : { ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

async function resolvesToPrivateAddress(url: string): Promise<boolean> {
  const host = new URL(url).hostname;
  if (isPrivateHost(host)) return true;
  const addresses = await lookup(host.replace(/^\[|\]$/g, ""), { all: true });
  return addresses.some((a) => isPrivateHost(a.address));
}
