import { webhookDeliveries, webhooks } from "@finstat/db/schema";
import { and, arrayContains, eq, sql } from "drizzle-orm";
import type { Executor, Services } from "../use-cases/context";
import type { WebhookPolicy } from "../use-cases/webhook-target";
import type { WebhookEvent } from "../use-cases/webhooks";
import { type HostResolver, postToWebhook, WebhookTargetRefused } from "./webhook-request";
import { SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER } from "./webhook-signature";

/** Seconds to wait after the n-th failed attempt; the last entry ends the retries. */
export const WEBHOOK_BACKOFF_SECONDS = [30, 120, 600, 3600, 6 * 3600];
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_BACKOFF_SECONDS.length + 1;
const REQUEST_TIMEOUT_MS = 10_000;
/** A claimed delivery is hidden this long, so two workers never post it at once. */
const CLAIM_SECONDS = 60;

/** Records one delivery per subscribed webhook of the organisation; sending happens in deliverDueWebhooks. */
export async function queueWebhookEvent(
  db: Executor,
  organisationId: string,
  event: WebhookEvent,
  data: Record<string, unknown>,
  now = new Date(),
): Promise<number> {
  const targets = await db
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(
      and(
        eq(webhooks.organisationId, organisationId),
        eq(webhooks.active, true),
        arrayContains(webhooks.events, [event]),
      ),
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

type DeliveryServices = Pick<Services, "db" | "logger" | "now"> & {
  /** Unset: https to public addresses only, as in AWS. */
  webhookPolicy?: WebhookPolicy;
  /** Tests answer host names themselves; otherwise the system resolver. */
  resolveHost?: HostResolver;
};

const PUBLIC_ONLY: WebhookPolicy = { allowHttp: false, allowPrivateNetworks: false };

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
    const body = JSON.stringify({ id: deliveryId, ...payload });
    const timestamp = Math.floor(services.now().getTime() / 1000);
    const response = await postToWebhook(
      url,
      {
        timeoutMs: REQUEST_TIMEOUT_MS,
        headers: {
          "content-type": "application/json",
          "user-agent": "Finstat-Webhooks/1",
          "finstat-event": event,
          "finstat-delivery": deliveryId,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhookBody(secret, timestamp, body),
        },
        body,
      },
      { policy: services.webhookPolicy ?? PUBLIC_ONLY, resolve: services.resolveHost },
    );
    return response.status >= 200 && response.status < 300
      ? { ok: true, status: response.status }
      : { ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, error: deliveryError(error) };
  }
}

/**
 * What the delivery log says about a failure: the refusal, or the kind of network error without
 * the address it happened at (the log is the user's to read; resolved addresses are not).
 */
function deliveryError(error: unknown): string {
  if (error instanceof WebhookTargetRefused) return `refused: ${error.message}`;
  if (error instanceof Error) {
    if (error.name === "TimeoutError" || error.name === "AbortError") {
      return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
    }
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `connection failed: ${code}` : `connection failed: ${error.name}`;
  }
  return "connection failed";
}
