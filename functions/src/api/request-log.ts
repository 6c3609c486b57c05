import type { MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import type { ApiEnv } from "./env";

const DOCUMENT_PATH = /\/documents\/([0-9a-f-]{36})/i;
/** Signed file URLs carry their grant in the path: whoever reads the log could use it. */
const FILE_TOKEN = /(\/files\/(?:upload|download)\/)[^/]+/;

/** The path as logged: a signed token in it is replaced. */
export function loggablePath(path: string): string {
  return path.replace(FILE_TOKEN, "$1[redacted]");
}

/**
 * One JSON line per request with the request id, user id and document id, and a child logger
 * for the handlers. Only method, path, status and timing: never bodies, cookies or tokens
 * (a signed file URL's token is cut out of the path).
 */
export function requestLog(logger: Logger): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const started = performance.now();
    const documentId = c.req.path.match(DOCUMENT_PATH)?.[1];
    c.set("logger", logger.child({ requestId: c.get("requestId"), ...(documentId ? { documentId } : {}) }));
    await next();
    const user = c.get("user");
    const line = {
      requestId: c.get("requestId"),
      method: c.req.method,
      path: loggablePath(c.req.path),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(user ? { userId: user.userId } : {}),
      ...(documentId ? { documentId } : {}),
    };
    if (c.res.status >= 500) logger.error(line, "request failed");
    else logger.info(line, "request");
  };
}
