import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "pino";
import { ZodError } from "zod";
import { isAppError } from "../app-error";
import type { ErrorCode } from "../error-codes";
import { loggablePath } from "./request-log";

/** The only error body the API ever sends. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; requestId: string; details?: Record<string, unknown> };
}

const CODES_BY_STATUS: Record<number, ErrorCode> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

function requestIdOf(c: Context): string {
  return (c.get("requestId" as never) as string | undefined) ?? "unknown";
}

function body(c: Context, code: ErrorCode, message: string, details?: Record<string, unknown>): ErrorBody {
  return { error: { code, message, requestId: requestIdOf(c), ...(details ? { details } : {}) } };
}

/**
 * `app.onError`: AppError keeps its code, status and message; zod errors are the client's
 * fault (400, with the fields); anything else is logged with the request id and answered
 * with a 500 that reveals nothing about the internals.
 */
export function errorHandler(logger: Pick<Logger, "error">) {
  return (error: Error, c: Context) => {
    if (isAppError(error)) {
      // A refusal that says when to come back says it to clients too (429 limits, a busy document).
      const retryAfter = error.details?.retryAfterSeconds;
      if (typeof retryAfter === "number") c.header("Retry-After", String(Math.ceil(retryAfter)));
      return c.json(body(c, error.code, error.message, error.details), error.status as ContentfulStatusCode);
    }
    if (error instanceof ZodError) {
      const issues = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
      const summary = issues
        .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
        .join("; ");
      return c.json(body(c, "invalid_request", `The request is not valid: ${summary}`, { issues }), 400);
    }
    if (error instanceof HTTPException && error.status < 500) {
      const code = CODES_BY_STATUS[error.status] ?? "bad_request";
      return c.json(body(c, code, error.message || code.replaceAll("_", " ")), error.status);
    }
    if (error instanceof SyntaxError && /JSON/i.test(error.message)) {
      return c.json(body(c, "invalid_json", "The request body is not valid JSON."), 400);
    }
    if (UNSTORABLE_TEXT.has(sqlState(error) ?? "")) {
      // The input checks refuse control characters first; this catches whatever path they miss.
      const message =
        "The request contains characters that cannot be stored, such as U+0000. Remove them and try again.";
      return c.json(body(c, "invalid_characters", message), 400);
    }
    const requestId = requestIdOf(c);
    // The logger's error serializer (use-cases/logger.ts) keeps a failed query's parameters out.
    logger.error(
      { err: error, requestId, method: c.req.method, path: loggablePath(c.req.path) },
      "unhandled error",
    );
    return c.json(
      body(
        c,
        "internal_error",
        "Something went wrong on our side. Please try again; if it keeps happening, quote the request id.",
      ),
      500,
    );
  };
}

/** SQLSTATEs of text PostgreSQL cannot store: 22021 (a NUL byte), 22P05 (\u0000 inside jsonb). */
const UNSTORABLE_TEXT = new Set(["22021", "22P05"]);

/** The SQLSTATE of a database error, also when wrapped (drizzle's DrizzleQueryError keeps it as cause). */
function sqlState(error: unknown): string | undefined {
  for (let at = error, depth = 0; at && typeof at === "object" && depth < 5; depth++) {
    const code = (at as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    at = (at as { cause?: unknown }).cause;
  }
  return undefined;
}

export function notFoundHandler(c: Context) {
  return c.json(body(c, "not_found", `No such endpoint: ${c.req.method} ${c.req.path}`), 404);
}
