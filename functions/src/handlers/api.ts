import { handle } from "hono/aws-lambda";
import { createApp } from "../api/app";
import { openPlatform } from "../platform/platform";
import { loadDeployedConfig } from "../platform/sst-resources";
import { createLogger } from "../use-cases/logger";

/**
 * The Hono app on Lambda (function URL). The platform opens once per container; a failed cold
 * start is retried on the next request rather than leaving the container broken.
 */
let ready: Promise<ReturnType<typeof handle>> | undefined;

function coldStart() {
  ready ??= (async () => {
    const config = loadDeployedConfig();
    const logger = createLogger(config);
    const platform = await openPlatform(config);
    return handle(createApp({ ...platform, logger }));
  })().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

export async function handler(
  event: Parameters<ReturnType<typeof handle>>[0],
  context: Parameters<ReturnType<typeof handle>>[1],
) {
  const handleRequest = await coldStart();
  return handleRequest(event, context);
}
