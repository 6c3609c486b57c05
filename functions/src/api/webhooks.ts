import { createRoute } from "@hono/zod-openapi";
import type { Services } from "../use-cases/context";
import {
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  registerWebhook,
  type WebhookPolicy,
  webhookInput,
} from "../use-cases/webhooks";
import { type Answer, apiRouter, idParams, jsonAnswer, jsonRequest } from "./openapi-route";
import { uuidParam } from "./params";
import { actorOf, requireUser } from "./require-user";
import { plainText } from "./validation";

const tags = ["webhooks"];
const webhook = idParams("id");

const list = createRoute({
  method: "get",
  path: "/",
  summary: "List webhooks",
  tags,
  responses: { 200: jsonAnswer<{ webhooks: Answer<typeof listWebhooks> }>("The user's webhooks") },
});
const register = createRoute({
  method: "post",
  path: "/",
  summary: "Register an HTTPS endpoint for document.done / document.failed",
  tags,
  middleware: [plainText],
  request: { body: jsonRequest(webhookInput) },
  responses: { 201: jsonAnswer<{ webhook: Answer<typeof registerWebhook> }>("Registered, with its secret") },
});
const remove = createRoute({
  method: "delete",
  path: "/{id}",
  summary: "Delete a webhook",
  tags,
  middleware: [uuidParam("webhook")],
  request: { params: webhook },
  responses: { 200: jsonAnswer<{ ok: boolean }>("Deleted") },
});
const deliveries = createRoute({
  method: "get",
  path: "/{id}/deliveries",
  summary: "Delivery log of a webhook",
  tags,
  middleware: [uuidParam("webhook")],
  request: { params: webhook },
  responses: { 200: jsonAnswer<{ deliveries: Answer<typeof listDeliveries> }>("Its deliveries") },
});

export function webhookRoutes(services: Services & { webhookPolicy?: WebhookPolicy }) {
  const router = apiRouter();
  router.use(requireUser(services, { apiKeys: true }));
  return router
    .openapi(list, async (c) => c.json({ webhooks: await listWebhooks(services, actorOf(c)) }, 200))
    .openapi(register, async (c) =>
      c.json({ webhook: await registerWebhook(services, actorOf(c), c.req.valid("json")) }, 201),
    )
    .openapi(remove, async (c) => {
      await deleteWebhook(services, actorOf(c), c.req.valid("param").id);
      return c.json({ ok: true }, 200);
    })
    .openapi(deliveries, async (c) =>
      c.json({ deliveries: await listDeliveries(services, actorOf(c), c.req.valid("param").id) }, 200),
    );
}
