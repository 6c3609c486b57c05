import { createRoute } from "@hono/zod-openapi";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type ErrorBody, errorHandler } from "./errors";
import { apiRouter, jsonAnswer, jsonRequest } from "./openapi-route";
import { plainText } from "./validation";

const input = z.object({
  fullName: z.string(),
  message: z.string().optional(),
  recipients: z.array(z.string()).optional(),
  nested: z.object({ label: z.string() }).optional(),
});

const answer = { 200: jsonAnswer<{ ok: boolean }>("ok") };
const jsonRoute = createRoute({
  method: "post",
  path: "/json",
  middleware: [plainText],
  request: { body: jsonRequest(input) },
  responses: answer,
});
const queryRoute = createRoute({
  method: "get",
  path: "/query",
  middleware: [plainText],
  request: { query: z.object({ q: z.string() }) },
  responses: answer,
});

/** Routes as the API declares them: plainText ahead of the schemas createRoute validates with. */
function app() {
  const hono = apiRouter()
    .openapi(jsonRoute, (c) => c.json({ ok: c.req.valid("json").fullName.length > 0 }, 200))
    .openapi(queryRoute, (c) => c.json({ ok: true }, 200));
  hono.onError(errorHandler(pino({ level: "silent" })));
  return hono;
}

async function post(body: unknown) {
  const response = await app().request("/json", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as ErrorBody & { ok?: boolean } };
}

describe("control characters in input", () => {
  it("refuses NUL and other control characters with a 400 naming the field", async () => {
    for (const [value, shown] of [
      ["Ay\u0000şe", "U+0000"],
      ["Ayşe\u0007", "U+0007"],
      ["Ay\u001bşe", "U+001B"],
      ["Ay\u007fşe", "U+007F"],
    ] as const) {
      const { status, body } = await post({ fullName: value });
      expect({ value, status }).toEqual({ value, status: 400 });
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.message).toContain("fullName");
      expect(body.error.message).toContain(shown);
      expect(body.error.details?.issues).toEqual([
        { path: "fullName", message: expect.stringContaining(shown) },
      ]);
    }
  });

  it("refuses line breaks and tabs in single-line fields, nested and in arrays too", async () => {
    expect((await post({ fullName: "Ayşe\nYılmaz" })).status).toBe(400);
    expect((await post({ fullName: "Ayşe\tYılmaz" })).status).toBe(400);
    const nested = await post({
      fullName: "A",
      nested: { label: "x\u0000" },
      recipients: ["a@b.c", "d\r@e.f"],
    });
    expect(nested.status).toBe(400);
    expect(nested.body.error.details?.issues).toEqual([
      { path: "nested.label", message: expect.any(String) },
      { path: "recipients.1", message: expect.any(String) },
    ]);
  });

  it("accepts tabs and line breaks where a multi-line text is legitimate, but not NUL", async () => {
    const ok = await post({ fullName: "Ayşe Yılmaz", message: "Merhaba,\r\n\tanaliz ektedir.\n" });
    expect(ok.status).toBe(200);
    expect((await post({ fullName: "Ayşe", message: "a\u0000b" })).status).toBe(400);
  });

  it("accepts ordinary text in every script", async () => {
    expect((await post({ fullName: "Çağrı Öztürk — 株式会社 🙂" })).status).toBe(200);
  });

  it("answers a schema failure with the same 400 body, naming the fields", async () => {
    const { status, body } = await post({ message: "hi" });
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.details?.issues).toEqual([{ path: "fullName", message: expect.any(String) }]);
  });

  it("answers a body that is not JSON with 415 in the same error shape", async () => {
    const response = await app().request("/json", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "fullName=Ayşe",
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as ErrorBody).error.code).toBe("unsupported_media_type");
  });

  it("answers malformed JSON with a 400", async () => {
    const response = await app().request("/json", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"fullName": ',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe("bad_request");
  });

  it("checks query strings too", async () => {
    expect((await app().request("/query?q=a%00b")).status).toBe(400);
    expect((await app().request("/query?q=ab")).status).toBe(200);
  });

  it("survives deeply nested input without a stack overflow", async () => {
    const deep = `${"[".repeat(20_000)}"x\\u0000"${"]".repeat(20_000)}`;
    const response = await app().request("/json", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"fullName":"A","recipients":${deep}}`,
    });
    expect(response.status).toBe(400);
  });
});
