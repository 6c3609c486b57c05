import { Hono } from "hono";
import type { Services } from "../use-cases/context";
import {
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  registerWebhook,
  type WebhookPolicy,
  webhookInput,
} from "../use-cases/webhooks";
import type { ApiEnv } from "./env";
import { uuidParam } from "./params";
import { actorOf, requireUser } from "./require-user";
import { jsonBody } from "./validation";

export function webhookRoutes(services: Services & { webhookPolicy?: WebhookPolicy }) {
  return new Hono<ApiEnv>()
    .use(requireUser(services))
    .get("/", async (c) => c.json({ webhooks: await listWebhooks(services, actorOf(c)) }, 200))
    .post("/", jsonBody(webhookInput), async (c) =>
      c.json({ webhook: await registerWebhook(services, actorOf(c), c.req.valid("json")) }, 201),
    )
    .delete("/:id", uuidParam("webhook"), async (c) => {
      await deleteWebhook(services, actorOf(c), c.req.param("id"));
      return c.json({ ok: true }, 200);
    })
    .get("/:id/deliveries", uuidParam("webhook"), async (c) =>
      c.json({ deliveries: await listDeliveries(services, actorOf(c), c.req.param("id")) }, 200),
    );
}
