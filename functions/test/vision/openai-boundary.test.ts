import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { extractWithVision } from "../../src/pipeline/reconcile/extract-with-vision";
import { createVisionReader, type VisionReaderOptions } from "../../src/pipeline/vision/reader";
import { loadConfig } from "../../src/platform/config";
import { visionSettingsFromConfig } from "../../src/platform/llm/from-config";
import { createOpenAiLlm } from "../../src/platform/llm/openai-llm";
import { pageFromText } from "../fixtures/monospace-page";
import { sampleBalanceSheetAnswer, sampleBalanceSheetText } from "../fixtures/vision-sample-answers";
import { startOpenAiCompatibleServer } from "./open-ai-compatible-server";

/**
 * The boundary to the model, tested against a local OpenAI-compatible HTTP server started
 * here: the real `openai` SDK, real HTTP, scripted answers. (The live model was not reachable
 * from the test machines; this is what stands in for it.)
 */
let server: Awaited<ReturnType<typeof startOpenAiCompatibleServer>>;
let image: Uint8Array;

beforeAll(async () => {
  server = await startOpenAiCompatibleServer();
  image = new Uint8Array(
    await sharp({ create: { width: 1240, height: 1754, channels: 3, background: "#fff" } })
      .png()
      .toBuffer(),
  );
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.received.length = 0;
});

function reader(overrides: Partial<VisionReaderOptions> = {}) {
  return createVisionReader({
    llm: createOpenAiLlm({ apiKey: "test-key", baseURL: server.baseURL }),
    mode: "always",
    model: "gpt-4.1",
    timeoutMs: 5000,
    retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 50 },
    ...overrides,
  });
}

describe("the OpenAI adapter against an OpenAI-compatible server", () => {
  it("sends the page as a high-detail image with a strict JSON schema, and reads a valid answer", async () => {
    server.script({
      kind: "answer",
      content: JSON.stringify(sampleBalanceSheetAnswer()),
      usage: { prompt_tokens: 1200, completion_tokens: 800 },
    });
    const result = await reader().readPage(image, 1, { language: "en", document: "sample" });
    expect(result.status).toBe("ok");
    expect(result.statements[0]?.canonical.total_assets?.["2024-12-31"]).toBe(24_000_000);
    expect(result.usage).toMatchObject({ inputTokens: 1200, outputTokens: 800 });
    expect(result.costUsd).toBeCloseTo((1200 * 2 + 800 * 8) / 1e6, 9);

    const sent = server.received[0];
    expect(sent?.headers.authorization).toBe("Bearer test-key");
    expect(sent?.body.model).toBe("gpt-4.1");
    expect(sent?.body.temperature).toBe(0);
    expect(sent?.body.max_completion_tokens).toBe(8192);
    const format = sent?.body.response_format as {
      type: string;
      json_schema: { name: string; strict: boolean; schema: { properties: object; required: string[] } };
    };
    expect(format.type).toBe("json_schema");
    expect(format.json_schema.strict).toBe(true);
    expect(format.json_schema.name).toBe("financial_statement_page");
    expect(format.json_schema.schema.required).toEqual(["statements", "illegible"]);
    const messages = sent?.body.messages as Array<{ role: string; content: unknown }>;
    expect(messages.map((m) => m.role)).toEqual(["system", "user"]);
    const parts = messages[1]?.content as Array<{
      type: string;
      image_url?: { url: string; detail: string };
    }>;
    const imagePart = parts.find((p) => p.type === "image_url");
    expect(imagePart?.image_url?.detail).toBe("high");
    expect(imagePart?.image_url?.url.startsWith("data:image/png;base64,")).toBe(true);
    const sentImage = Buffer.from(imagePart?.image_url?.url.split(",")[1] ?? "", "base64");
    const meta = await sharp(sentImage).metadata();
    // Sized to what gpt-4.1 looks at in high detail: the short side at most 768 px.
    expect(Math.min(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(768);
  });

  it("retries a malformed answer once, then gives the page up as invalid", async () => {
    server.script({ kind: "answer", content: '{"statements": [ {"type": "balance_sh' });
    const result = await reader().readPage(image, 2);
    expect(result).toMatchObject({
      status: "invalid_answer",
      attempts: 2,
      error: { code: "VISION_INVALID_ANSWER" },
    });
    expect(result.error?.message).toContain("not JSON");
    expect(server.received).toHaveLength(2);
  });

  it("rejects a schema-violating answer with the offending field named", async () => {
    const answer = sampleBalanceSheetAnswer() as unknown as { statements: Array<Record<string, unknown>> };
    (answer.statements[0] as Record<string, unknown>).unit = "hundreds";
    server.script({ kind: "answer", content: JSON.stringify(answer) });
    const result = await reader({ invalidAnswerRetries: 0 }).readPage(image, 1);
    expect(result.status).toBe("invalid_answer");
    expect(result.error?.message).toContain("statements.0.unit");
    expect(server.received).toHaveLength(1);
  });

  it("reports a refusal without retrying it", async () => {
    server.script({ kind: "refusal", refusal: "I'm sorry, I can't assist with that." });
    const result = await reader().readPage(image, 1);
    expect(result).toMatchObject({ status: "refused", attempts: 1, error: { code: "VISION_REFUSED" } });
    expect(result.error?.message).toContain("can't assist");
    expect(server.received).toHaveLength(1);
  });

  it("waits for retry-after on 429, then succeeds", async () => {
    server.script(
      { kind: "status", status: 429, headers: { "retry-after": "1" }, message: "Rate limit reached" },
      { kind: "answer", content: JSON.stringify(sampleBalanceSheetAnswer()) },
    );
    const result = await reader().readPage(image, 1);
    expect(result).toMatchObject({ status: "ok", attempts: 2 });
    expect(server.received).toHaveLength(2);
    const waited = (server.received[1]?.at ?? 0) - (server.received[0]?.at ?? 0);
    expect(waited).toBeGreaterThanOrEqual(950);
  });

  it("gives a page up after repeated 500s, without throwing", async () => {
    server.script({ kind: "status", status: 500, message: "The server had an error" });
    const result = await reader().readPage(image, 1);
    expect(result).toMatchObject({ status: "failed", attempts: 3, error: { code: "VISION_SERVER_ERROR" } });
    expect(server.received).toHaveLength(3);
  });

  it("times a silent server out, and retries before giving up", async () => {
    server.script({ kind: "hang" });
    const started = Date.now();
    const result = await reader({
      timeoutMs: 400,
      retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 10 },
    }).readPage(image, 1);
    expect(result).toMatchObject({ status: "failed", attempts: 2, error: { code: "VISION_TIMEOUT" } });
    expect(server.received).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("does not retry a rejected key", async () => {
    server.script({ kind: "status", status: 401, message: "Incorrect API key provided" });
    const result = await reader().readPage(image, 1);
    expect(result).toMatchObject({ status: "failed", attempts: 1, error: { code: "VISION_AUTH" } });
  });
});

describe("with no model configured", () => {
  it("runs on the text layer and OCR alone and says vision was off", async () => {
    const settings = visionSettingsFromConfig(loadConfig({ DATA_DIR: ":memory:" }));
    expect(settings).toEqual({ mode: "off", model: "gpt-4.1" });
    const vision = createVisionReader({ ...settings });
    const pages = [pageFromText(sampleBalanceSheetText(), { source: "ocr", confidence: 0.8 })];
    const result = await extractWithVision(pages, vision);
    expect(result.vision).toEqual({ mode: "off" });
    expect(result.statements[0]?.canonical.total_assets?.["2024-12-31"]).toBe(24_000_000);
    expect(result.statements[0]?.items.every((i) => !i.sources.includes("vision"))).toBe(true);
    expect(server.received).toHaveLength(0);
  });

  it("turns vision on when a base URL is set, in always mode by default", () => {
    const settings = visionSettingsFromConfig(
      loadConfig({ DATA_DIR: ":memory:", OPENAI_BASE_URL: server.baseURL }),
    );
    expect(settings.mode).toBe("always");
    expect(settings.llm?.name).toBe("openai");
  });
});
