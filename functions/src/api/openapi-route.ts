import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "./env";

/**
 * What every router is built from: an OpenAPIHono whose routes are the OpenAPI document. A
 * request that fails its schema throws the ZodError, so onError answers it like any other
 * invalid input (400 invalid_request, with the fields).
 */
export function apiRouter() {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) throw result.error;
    },
  });
}

/**
 * A JSON answer typed as the use case's result `T`: the typed client (hc) reads it from here.
 * The document shows it as an object; the use cases, not a second schema, say what is in it.
 */
export function jsonAnswer<T>(description: string) {
  return {
    description,
    content: { "application/json": { schema: z.custom<T>(() => true).openapi({ type: "object" }) } },
  };
}

/** A required JSON body, validated by `schema`. */
export function jsonRequest<S extends z.ZodType>(schema: S) {
  return { required: true, content: { "application/json": { schema } } };
}

/** Path parameters that name rows: ids are UUIDs (params.ts answers a malformed one with a 404). */
export function idParams<const N extends string[]>(...names: N) {
  const shape = Object.fromEntries(names.map((name) => [name, z.uuid()])) as { [K in N[number]]: z.ZodUUID };
  return z.object(shape);
}

/** What a use case resolves to: the body a route answers with. */
export type Answer<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
