import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "./env";

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message", "requestId"],
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        requestId: { type: "string" },
        details: { type: "object" },
      },
    },
  },
};

const errorAnswer = {
  description: "Error",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};

/**
 * The OpenAPI document, generated from the routes (createRoute) the app registered. Errors are
 * thrown, not returned, so no route declares them: they are added here, the same for every
 * operation (fewer for the public ones, which have `security: []`).
 */
// biome-ignore lint/suspicious/noExplicitAny: the app with whatever routes it has.
export function openApiDocument(app: OpenAPIHono<ApiEnv, any, any>, serverUrl: string) {
  const document = app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Finstat API",
      version: "1.0.0",
      description:
        "Financial-statement extraction and analysis. Authentication: httpOnly cookies set by /api/auth/login; writes carry the CSRF token (returned by login, refresh and me) in X-CSRF-Token. Scripts send an organisation's API key instead, as `Authorization: Bearer fsk_…` (no CSRF token): it reaches documents, companies, exports and webhooks of its organisation with its role, never the account or the keys. Rate limit: RATE_LIMIT_PER_HOUR requests per user (or per API key) per hour (X-RateLimit-* headers).",
    },
    servers: [{ url: serverUrl }],
    security: [{ session: [], csrf: [] }, { apiKey: [] }],
  });
  for (const operations of Object.values(document.paths ?? {})) {
    for (const method of ["get", "post", "patch", "put", "delete"] as const) {
      const operation = operations[method];
      if (!operation) continue;
      const open = Array.isArray(operation.security) && operation.security.length === 0;
      for (const status of open ? ["400", "429"] : ["400", "401", "403", "404", "429"]) {
        operation.responses ??= {};
        operation.responses[status] ??= errorAnswer;
      }
    }
  }
  return {
    ...document,
    components: {
      ...document.components,
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "finstat_access" },
        csrf: { type: "apiKey", in: "header", name: "X-CSRF-Token" },
        apiKey: { type: "http", scheme: "bearer", description: "An organisation's API key: fsk_…" },
      },
      schemas: { ...document.components?.schemas, Error: errorSchema },
    },
  } as Record<string, unknown>;
}
