import type { MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import type { ApiEnv } from "./env";

const DOCUMENT_PATH = /\/documents\/([0-9a-f-]{36})/i;

/**
 * One JSON line per request with the request id, user id and document id, and a child logger
 * for the handlers. Only method, path, status and timing: never bodies, cookies or tokens.
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
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(user ? { userId: user.userId } : {}),
      ...(documentId ? { documentId } : {}),
    };
    if (c.res.status >= 500) logger.error(line, "request failed");
    else logger.info(line, "request");
  };
}
