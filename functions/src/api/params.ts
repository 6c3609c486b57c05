import type { MiddlewareHandler } from "hono";
import { z } from "zod";
import { notFound } from "../use-cases/errors";

const uuid = z.uuid();

/** A malformed id cannot name anything: answered like any unknown id, before a query runs. */
export function uuidParam(what: Parameters<typeof notFound>[0], ...names: string[]): MiddlewareHandler {
  const checked = names.length > 0 ? names : ["id"];
  return async (c, next) => {
    for (const name of checked) {
      if (!uuid.safeParse(c.req.param(name)).success) throw notFound(what);
    }
    await next();
  };
}
