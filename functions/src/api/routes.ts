import { createRoute } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../app-error";
import type { Services } from "../use-cases/context";
import type { WebhookPolicy } from "../use-cases/webhooks";
import { accountRoutes } from "./account";
import { apiKeyRoutes } from "./api-keys";
import { authRoutes } from "./auth";
import { companyRoutes } from "./companies";
import { documentRoutes } from "./documents";
import { exportRoutes } from "./exports";
import { invitationRoutes } from "./invitations";
import { apiRouter, jsonAnswer } from "./openapi-route";
import { organisationRoutes } from "./organisations";
import { webhookRoutes } from "./webhooks";

/** JSON bodies are small (a correction, a company); uploads go to the storage URL instead. */
const JSON_BODY_LIMIT = 256 * 1024;

const openapi = createRoute({
  method: "get",
  path: "/openapi.json",
  summary: "This document",
  tags: ["health"],
  security: [],
  responses: { 200: jsonAnswer<Record<string, unknown>>("The OpenAPI 3.1 document of this API") },
});

/**
 * The product's resources, mounted under /api by createApp. `describe` gives the OpenAPI
 * document, which createApp generates from the finished app's routes.
 */
export function productRoutes(
  services: Services & { webhookPolicy?: WebhookPolicy },
  describe: () => Record<string, unknown>,
) {
  const limited = bodyLimit({
    maxSize: JSON_BODY_LIMIT,
    onError: () => {
      throw new AppError("payload_too_large", "The request body is too large.");
    },
  });
  const router = apiRouter();
  for (const prefix of [
    "/auth/*",
    "/companies/*",
    "/documents/*",
    "/webhooks/*",
    "/account/*",
    "/organisations/*",
    "/invitations/*",
  ]) {
    router.use(prefix, limited);
  }
  return router
    .openapi(openapi, (c) => c.json(describe(), 200))
    .route("/auth", authRoutes(services))
    .route("/companies", companyRoutes(services))
    .route("/documents", documentRoutes(services))
    .route("/exports", exportRoutes(services))
    .route("/webhooks", webhookRoutes(services))
    .route("/account", accountRoutes(services))
    .route("/organisations", organisationRoutes(services))
    .route("/organisations", apiKeyRoutes(services))
    .route("/invitations", invitationRoutes(services));
}
