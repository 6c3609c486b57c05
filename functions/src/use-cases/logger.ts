import pino, { type Logger } from "pino";
import type { Config } from "../platform/config";

export type { Logger } from "pino";

/**
 * JSON lines on stdout (CloudWatch and `npm start` alike). Secrets are redacted by path as a
 * second line of defence: the code never logs bodies, but a header object may slip through.
 */
export function createLogger(
  config: Pick<Config, "LOG_LEVEL">,
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level: config.LOG_LEVEL,
    base: { service: "finstat" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        "password",
        "*.password",
        "token",
        "*.token",
        "accessToken",
        "refreshToken",
        "*.authorization",
        "*.cookie",
        "*.headers.authorization",
        "*.headers.cookie",
        "secret",
        "*.secret",
      ],
      censor: "[redacted]",
    },
    formatters: { level: (label) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}
