import pino, { type Logger } from "pino";
import type { Config } from "../platform/config";

export type { Logger } from "pino";

const REDACTED = "[redacted]";

/** Field names whose values are secrets or personal data, wherever they sit (top level or one below). */
const SECRET_FIELDS = [
  "password",
  "passwordHash",
  "hash",
  "token",
  "accessToken",
  "refreshToken",
  "secret",
  "email",
  "authorization",
  "cookie",
  "params",
];

/**
 * JSON lines on stdout (CloudWatch and `npm start` alike). Secrets are redacted by path as a
 * second line of defence: the code never logs bodies, but a header object may slip through.
 * Errors go through safeError, because a failed query's message carries its parameters (the
 * e-mail address and password hash of a registration, say) and redaction paths cannot reach
 * inside a message or a stack.
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
        ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]),
        "*.headers.authorization",
        "*.headers.cookie",
      ],
      censor: REDACTED,
    },
    serializers: { err: safeError },
    formatters: { level: (label) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * pino's error serializer, minus what must not reach a log: a query's parameters (drizzle puts
 * them into the message as "params: …", so into the stack too, and keeps them as `params`) and
 * a database error's `detail` ("Key (email)=(…) already exists."). The statement itself, with
 * its $1 placeholders, the database's complaint and the SQLSTATE stay: they are what helps.
 */
export function safeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown;
  if (!serialized || typeof serialized !== "object") return serialized;
  const leaks = leakedTexts(error);
  const scrub = (text: string) =>
    leaks.reduce((result, [leak, replacement]) => result.split(leak).join(replacement), text);
  const result = serialized as Record<string, unknown>;
  for (const field of ["message", "stack"]) {
    if (typeof result[field] === "string") result[field] = scrub(result[field]);
  }
  for (const field of ["params", "parameters", "detail"]) {
    if (field in result) result[field] = REDACTED;
  }
  return result;
}

/** The texts each error in the cause chain printed into its message: "params: a,b,c", a detail. */
function leakedTexts(error: unknown): Array<[string, string]> {
  const texts: Array<[string, string]> = [];
  const seen = new Set<unknown>();
  for (
    let at = error;
    at && typeof at === "object" && !seen.has(at);
    at = (at as { cause?: unknown }).cause
  ) {
    seen.add(at);
    const params = (at as { params?: unknown }).params;
    if (Array.isArray(params) ? params.length > 0 : params !== undefined) {
      texts.push([`params: ${params}`, `params: ${REDACTED}`]);
    }
    const detail = (at as { detail?: unknown }).detail;
    if (typeof detail === "string" && detail) texts.push([detail, REDACTED]);
  }
  return texts;
}
