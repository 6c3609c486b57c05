import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { getRequestListener } from "@hono/node-server";
import type { Logger } from "pino";
import { createApp } from "../api/app";
import type { Config } from "../platform/config";
import { openPlatform, type Platform } from "../platform/platform";
import type { StopConsumer } from "../platform/queue/port";
import { embeddedWebhookPolicy } from "../use-cases/webhooks";
import { closeWhenAnsweredEarly } from "./early-response";
import { startProcessing } from "./register-processor";
import { createWebHandler, type NodeRequestHandler } from "./web";

export interface LocalServer {
  url: string;
  platform: Platform;
  close(): Promise<void>;
}

export interface LocalServerOptions {
  config: Config;
  logger: Logger;
  /** Serve the built Next.js app for everything outside /api (default true). */
  web?: boolean;
  webDirectory?: string;
  /** Run the queue consumer in this process (default true). */
  worker?: boolean;
}

/**
 * The embedded shape in one process: migrations on PGlite (or DATABASE_URL), the Hono API on
 * /api, the Next.js app on every other path, and the durable queue's consumer.
 */
export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const { config, logger } = options;
  const platform = await openPlatform(config, { migrate: true });
  // Plain http is fine here; private targets (a receiver on localhost) need WEBHOOK_ALLOW_PRIVATE.
  const webhookPolicy = embeddedWebhookPolicy(config);
  const api = getRequestListener(createApp({ ...platform, logger, webhookPolicy }).fetch);
  let web: NodeRequestHandler | undefined;
  let stopConsumer: StopConsumer | undefined;
  let stopBackgroundWork: (() => Promise<void>) | undefined;
  let server: Server | undefined;

  try {
    if (options.web !== false)
      web = await createWebHandler(options.webDirectory ?? resolve("web"), config.PORT);
    server = createServer((request, response) => {
      closeWhenAnsweredEarly(request, response);
      const path = request.url ?? "/";
      if (path === "/api" || path.startsWith("/api/") || path.startsWith("/api?") || !web) {
        void api(request, response);
        return;
      }
      web(request, response).catch((error: unknown) => {
        logger.error({ err: error, path }, "web request failed");
        if (!response.headersSent) response.writeHead(500).end("Internal Server Error");
      });
    });
    await listen(server, config.PORT);

    if (options.worker !== false) {
      // Two documents at a time: one can be parsed while the other waits for OCR.
      const processing = startProcessing({ platform, logger, webhookPolicy, concurrency: 2 });
      stopBackgroundWork = processing.stop;
      stopConsumer = platform.queue.startConsumer(processing.handler, {
        concurrency: 2,
        onFailure: ({ error, delivery, outcome }) =>
          logger.warn({ err: error, job: delivery, outcome }, "job failed"),
        onQueueError: (error) => logger.error({ err: error }, "queue unavailable"),
      });
    }
  } catch (error) {
    server?.close();
    await platform.close();
    throw error;
  }

  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  return {
    url,
    platform,
    async close() {
      await stopConsumer?.();
      await stopBackgroundWork?.();
      await new Promise<void>((done) => {
        server?.close(() => done());
        server?.closeAllConnections();
      });
      await platform.close();
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolveListen, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`Port ${port} is already in use. Stop the other process or set PORT to a free port.`)
          : error,
      );
    };
    server.once("error", failed);
    server.listen(port, () => {
      server.off("error", failed);
      resolveListen();
    });
  });
}
