import { Hono } from "hono";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import type { Logger } from "pino";
import type { Config } from "../platform/config";
import type { DatabaseHandle } from "../platform/db";
import type { DocumentQueue } from "../platform/queue/port";
import type { Storage } from "../platform/storage/port";
import { isSelfServed } from "../platform/storage/self-served";
import { errorHandler, notFoundHandler } from "./errors";
import { fileRoutes } from "./files";
import { healthRoutes } from "./health";

export interface ApiDependencies {
  config: Config;
  database: DatabaseHandle;
  storage: Storage;
  queue: DocumentQueue;
  logger: Logger;
}

/** The HTTP API, identical on Lambda (handlers/api.ts) and in the embedded process. */
export function createApp(dependencies: ApiDependencies) {
  const app = new Hono().basePath("/api");
  app.use(requestId());
  app.use(cors({ origin: dependencies.config.WEB_ORIGIN, credentials: true }));
  app.onError(errorHandler(dependencies.logger));
  app.notFound(notFoundHandler);

  const routes = app.route("/health", healthRoutes(dependencies));
  if (isSelfServed(dependencies.storage)) app.route("/files", fileRoutes(dependencies.storage));
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
