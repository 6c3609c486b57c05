import { OpenAPIHono } from "@hono/zod-openapi";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import type { Logger } from "pino";
import type { Config } from "../platform/config";
import type { DatabaseHandle } from "../platform/db";
import type { Mailer } from "../platform/mail";
import type { DocumentQueue } from "../platform/queue/port";
import type { Storage } from "../platform/storage/port";
import { isSelfServed } from "../platform/storage/self-served";
import { assertUploadOpen } from "../use-cases/document-upload";
import { createServices } from "../use-cases/services";
import type { WebhookPolicy } from "../use-cases/webhooks";
import type { ApiEnv } from "./env";
import { errorHandler, notFoundHandler } from "./errors";
import { fileRoutes } from "./files";
import { healthRoutes } from "./health";
import { openApiDocument } from "./openapi";
import { requestLog } from "./request-log";
import { productRoutes } from "./routes";
import { apiSecurityHeaders, sameOriginWrites } from "./security";

export interface ApiDependencies {
  config: Config;
  database: DatabaseHandle;
  storage: Storage;
  queue: DocumentQueue;
  logger: Logger;
  /** Defaults to the adapter MAIL_DRIVER chooses. */
  mailer?: Mailer;
  /** Outgoing HTTP (not webhooks: they connect to the address they checked, worker/webhook-request.ts). */
  fetch?: typeof fetch;
  now?: () => Date;
  webhookPolicy?: WebhookPolicy;
}

/** The HTTP API, identical on Lambda (handlers/api.ts) and in the embedded process. */
export function createApp(dependencies: ApiDependencies) {
  const { config, logger } = dependencies;
  const services = createServices({ ...dependencies, db: dependencies.database.db }, logger, dependencies);
  const app = new OpenAPIHono<ApiEnv>().basePath("/api");
  app.use(requestId());
  app.use(requestLog(logger));
  app.use(apiSecurityHeaders());
  app.use(
    cors({
      origin: config.WEB_ORIGIN,
      credentials: true,
      allowHeaders: ["Content-Type", "X-CSRF-Token", "X-Organisation-Id"],
      exposeHeaders: [
        "X-Request-Id",
        "X-RateLimit-Limit",
        "X-RateLimit-Remaining",
        "X-RateLimit-Reset",
        "Retry-After",
      ],
    }),
  );
  app.use(sameOriginWrites(config));
  app.onError(errorHandler(logger));
  app.notFound(notFoundHandler);

  // Generated once, on the first request for it, when every route is registered.
  let document: Record<string, unknown> | undefined;
  const describe = () => {
    document ??= openApiDocument(app, config.PUBLIC_URL);
    return document;
  };
  const routes = app
    .route("/health", healthRoutes(dependencies))
    .route("/", productRoutes(services, describe));
  if (isSelfServed(dependencies.storage)) {
    const uploads = { assertUploadOpen: (key: string) => assertUploadOpen(services, key) };
    app.route("/files", fileRoutes(dependencies.storage, uploads));
  }
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
