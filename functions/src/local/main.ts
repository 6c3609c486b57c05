import { ConfigError, loadConfig } from "../platform/config";
import { createLogger } from "../use-cases/logger";
import { startLocalServer } from "./server";

/** `npm start`: the whole product on this machine, with no account and no variables. */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config);
  const server = await startLocalServer({ config, logger });
  logger.info(
    {
      url: server.url,
      database: server.platform.database.kind,
      storage: server.platform.storage.kind,
      dataDir: config.DATA_DIR,
    },
    `Finstat is running at ${server.url}`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
