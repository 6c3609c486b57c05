import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../app-error";
import type { Services } from "../use-cases/context";
import type { WebhookPolicy } from "../use-cases/webhooks";
import { accountRoutes } from "./account";
import { authRoutes } from "./auth";
import { companyRoutes } from "./companies";
import { documentRoutes } from "./documents";
import type { ApiEnv } from "./env";
import { exportRoutes } from "./exports";
import { openApiDocument } from "./openapi";
import { webhookRoutes } from "./webhooks";

/** JSON bodies are small (a correction, a company); uploads go to the storage URL instead. */
const JSON_BODY_LIMIT = 256 * 1024;

/** The product's resources, mounted under /api by createApp. */
export function productRoutes(services: Services & { webhookPolicy?: WebhookPolicy }) {
  const limited = bodyLimit({
    maxSize: JSON_BODY_LIMIT,
    onError: () => {
      throw new AppError("payload_too_large", "The request body is too large.");
    },
  });
  const openapi = openApiDocument(services.config.PUBLIC_URL);
  return new Hono<ApiEnv>()
    .use("/auth/*", limited)
    .use("/companies/*", limited)
    .use("/documents/*", limited)
    .use("/webhooks/*", limited)
    .use("/account/*", limited)
    .get("/openapi.json", (c) => c.json(openapi, 200))
    .route("/auth", authRoutes(services))
    .route("/companies", companyRoutes(services))
    .route("/documents", documentRoutes(services))
    .route("/exports", exportRoutes(services))
    .route("/webhooks", webhookRoutes(services))
    .route("/account", accountRoutes(services));
}
