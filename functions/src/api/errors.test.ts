import { DrizzleQueryError } from "drizzle-orm/errors";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../app-error";
import { type ErrorBody, errorHandler, notFoundHandler } from "./errors";

function appThrowing(error: unknown) {
  const logged: unknown[] = [];
  const app = new Hono();
  app.use(requestId());
  app.onError(errorHandler({ error: (entry: unknown) => logged.push(entry) } as never));
  app.notFound(notFoundHandler);
  app.get("/boom", () => {
    throw error;
  });
  return { app, logged };
}

async function call(error: unknown) {
  const { app, logged } = appThrowing(error);
  const response = await app.request("/boom", { headers: { "X-Request-Id": "req-42" } });
  return { status: response.status, body: (await response.json()) as ErrorBody, logged };
}

describe("API error mapping", () => {
  it("passes an AppError's code, message, status and details through", async () => {
    const { status, body, logged } = await call(
      new AppError("upload_url_invalid", "No such document.", { documentId: "d1" }),
    );
    expect(status).toBe(404);
    expect(body).toEqual({
      error: {
        code: "upload_url_invalid",
        message: "No such document.",
        requestId: "req-42",
        details: { documentId: "d1" },
      },
    });
    expect(logged).toEqual([]);
  });

  it("turns a zod error into a 400 naming the fields", async () => {
    const parsed = z.object({ email: z.email(), name: z.string() }).safeParse({ email: "nope" });
    const { status, body } = await call(parsed.error);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toContain("email:");
    expect(body.error.message).toContain("name:");
    expect(body.error.details?.issues).toHaveLength(2);
  });

  it("keeps a client-side HTTPException's status", async () => {
    const { status, body } = await call(new HTTPException(413, { message: "Body too large" }));
    expect(status).toBe(413);
    expect(body.error).toMatchObject({ code: "payload_too_large", message: "Body too large" });
  });

  it("hides anything else behind a logged 500", async () => {
    const { status, body, logged } = await call(
      new Error("connect ECONNREFUSED 10.0.0.7:5432 password=hunter2"),
    );
    expect(status).toBe(500);
    expect(body.error.code).toBe("internal_error");
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|hunter2|10\.0\.0\.7/);
    expect(body.error.requestId).toBe("req-42");
    expect(logged).toHaveLength(1);
  });

  it("answers text the database cannot store with a 400, logging nothing", async () => {
    const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: "22021",
    });
    const failed = new DrizzleQueryError('update "companies" set "name" = $1', ["A\u0000"], cause);
    const { status, body, logged } = await call(failed);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_characters");
    expect(JSON.stringify(body)).not.toContain("companies");
    expect(logged).toEqual([]);
  });

  it("answers unknown routes with the same error shape", async () => {
    const { app } = appThrowing(new Error("unused"));
    const response = await app.request("/nowhere", { method: "POST" });
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error).toMatchObject({
      code: "not_found",
      message: "No such endpoint: POST /nowhere",
    });
  });
});
