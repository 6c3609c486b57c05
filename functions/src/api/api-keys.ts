import { createRoute } from "@hono/zod-openapi";
import { apiKeyInput, createApiKey, listApiKeys, revokeApiKey } from "../use-cases/api-keys";
import type { Services } from "../use-cases/context";
import { type Answer, apiRouter, idParams, jsonAnswer, jsonRequest } from "./openapi-route";
import { uuidParam } from "./params";
import { actorOf, requireUser } from "./require-user";
import { plainText } from "./validation";

const tags = ["api-keys"];
const organisation = idParams("organisationId");
const key = idParams("organisationId", "keyId");

/**
 * An organisation's keys for scripting the API. Managing them takes a signed-in person
 * (requireUser refuses keys here), so a leaked key cannot make itself another.
 */
export function apiKeyRoutes(services: Services) {
  // Per route rather than router.use: other routers share the /organisations prefix.
  const signedIn = requireUser(services);
  const list = createRoute({
    method: "get",
    path: "/{organisationId}/api-keys",
    summary: "List the organisation's API keys (never their secrets)",
    tags,
    middleware: [signedIn, uuidParam("organisation", "organisationId")],
    request: { params: organisation },
    responses: { 200: jsonAnswer<{ apiKeys: Answer<typeof listApiKeys> }>("The keys, newest first") },
  });
  const create = createRoute({
    method: "post",
    path: "/{organisationId}/api-keys",
    summary: "Create an API key; its secret is in this answer and never again",
    tags,
    middleware: [signedIn, uuidParam("organisation", "organisationId"), plainText],
    request: { params: organisation, body: jsonRequest(apiKeyInput) },
    responses: { 201: jsonAnswer<{ apiKey: Answer<typeof createApiKey> }>("Created, with its secret") },
  });
  const revoke = createRoute({
    method: "delete",
    path: "/{organisationId}/api-keys/{keyId}",
    summary: "Revoke an API key at once",
    tags,
    middleware: [signedIn, uuidParam("organisation", "organisationId"), uuidParam("api_key", "keyId")],
    request: { params: key },
    responses: { 200: jsonAnswer<{ apiKey: Answer<typeof revokeApiKey> }>("Revoked") },
  });

  return apiRouter()
    .openapi(list, async (c) =>
      c.json({ apiKeys: await listApiKeys(services, actorOf(c), c.req.valid("param").organisationId) }, 200),
    )
    .openapi(create, async (c) => {
      const { organisationId } = c.req.valid("param");
      const apiKey = await createApiKey(services, actorOf(c), organisationId, c.req.valid("json"));
      return c.json({ apiKey }, 201);
    })
    .openapi(revoke, async (c) => {
      const { organisationId, keyId } = c.req.valid("param");
      return c.json({ apiKey: await revokeApiKey(services, actorOf(c), organisationId, keyId) }, 200);
    });
}
