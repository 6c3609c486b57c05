import { z } from "zod";
import { OPERATIONS } from "./openapi-routes";

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

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const parameters = [
      ...[...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
        name: m[1],
        in: "path",
        required: true,
        schema: { type: "string" },
      })),
      ...Object.entries(op.query?.shape ?? {}).map(([name, schema]) => ({
        name,
        in: "query",
        required: false,
        schema: jsonSchema(schema as z.ZodType),
      })),
    ];
    const responses: Record<string, unknown> = {};
    for (const [status, description] of Object.entries(op.responses ?? { "200": "OK" }))
      responses[status] = { description };
    for (const status of op.public ? ["400", "429"] : ["400", "401", "403", "404", "429"]) {
      responses[status] = {
        description: "Error",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      };
    }
    paths[op.path] = {
      ...paths[op.path],
      [op.method]: {
        summary: op.summary,
        tags: [op.tag],
        ...(op.public ? { security: [] } : {}),
        ...(parameters.length ? { parameters } : {}),
        ...(op.body
          ? {
              requestBody: {
                required: true,
                content: { "application/json": { schema: jsonSchema(op.body) } },
              },
            }
          : {}),
        responses,
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Finstat API",
      version: "1.0.0",
      description:
        "Financial-statement extraction and analysis. Authentication: httpOnly cookies set by /api/auth/login; writes carry the CSRF token (returned by login, refresh and me) in X-CSRF-Token. Rate limit: RATE_LIMIT_PER_HOUR requests per user per hour (X-RateLimit-* headers).",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "finstat_access" },
        csrf: { type: "apiKey", in: "header", name: "X-CSRF-Token" },
      },
      schemas: { Error: errorSchema },
    },
    security: [{ session: [], csrf: [] }],
    paths,
  };
}
