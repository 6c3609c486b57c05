import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { pageFromText } from "../../../test/fixtures/monospace-page";
import {
  sampleBalanceSheetAnswer,
  sampleBalanceSheetText,
} from "../../../test/fixtures/vision-sample-answers";
import { createFakeLlm, fakeAnswer } from "../../platform/llm/fake-llm";
import { LlmError } from "../../platform/llm/port";
import type { PageWords, Statement } from "../types";
import { costOf, profileOf } from "./model-profiles";
import { scaleFor, sizePageImage } from "./page-image";
import { createVisionReader } from "./reader";
import { selectVisionPages } from "./select-pages";

let page: Uint8Array;
beforeAll(async () => {
  // An A4 page at 200 DPI: larger than any model looks at.
  page = new Uint8Array(
    await sharp({ create: { width: 1654, height: 2339, channels: 3, background: "#ffffff" } })
      .png()
      .toBuffer(),
  );
});

const noWait = { sleep: async () => {}, random: () => 0.5 };

describe("page images for the model", () => {
  it("fit the model's limits and are never enlarged", async () => {
    const tiled = await sizePageImage(page, profileOf("gpt-4.1").image);
    expect(Math.min(tiled.width, tiled.height)).toBeLessThanOrEqual(768);
    expect(Math.max(tiled.width, tiled.height)).toBeLessThanOrEqual(2048);
    expect((await sharp(tiled.data).metadata()).width).toBe(tiled.width);
    const patched = await sizePageImage(page, profileOf("gpt-4.1-mini-2025-04-14").image);
    expect(patched.width * patched.height).toBeLessThanOrEqual(1536 * 32 * 32);
    expect(scaleFor(400, 300, profileOf("unknown-local-model").image)).toBe(1);
  });
});

describe("costs", () => {
  it("prices tokens per model and leaves unknown models unpriced", () => {
    expect(costOf(profileOf("gpt-4.1"), { inputTokens: 1_000_000, outputTokens: 100_000 })).toBeCloseTo(
      2.8,
      6,
    );
    expect(
      costOf(profileOf("gpt-4.1"), { inputTokens: 1_000_000, outputTokens: 0, cachedInputTokens: 500_000 }),
    ).toBeCloseTo(1.25, 6);
    expect(costOf(profileOf("qwen2.5-vl"), { inputTokens: 10, outputTokens: 10 })).toBeUndefined();
    expect(
      costOf(profileOf("qwen2.5-vl", { "qwen2.5-vl": { price: { input: 0, output: 0 } } }), {
        inputTokens: 10,
        outputTokens: 10,
      }),
    ).toBe(0);
  });
});

describe("createVisionReader", () => {
  it("reads a page into statements and counts tokens and cost", async () => {
    const llm = createFakeLlm(() =>
      fakeAnswer(sampleBalanceSheetAnswer(), { inputTokens: 1500, outputTokens: 900 }),
    );
    const reader = createVisionReader({ llm, mode: "always", model: "gpt-4.1" });
    const result = await reader.readPage(page, 3, { language: "en", document: "doc-a" });
    expect(result.status).toBe("ok");
    expect(result.statements[0]?.canonical.total_assets?.["2024-12-31"]).toBe(24_000_000);
    expect(result.statements[0]?.pages).toEqual([3]);
    expect(result.usage).toEqual({ inputTokens: 1500, outputTokens: 900 });
    expect(result.costUsd).toBeCloseTo((1500 * 2 + 900 * 8) / 1e6, 9);
    const request = llm.requests[0];
    expect(request?.model).toBe("gpt-4.1");
    expect(request?.temperature).toBe(0);
    expect(request?.subject).toMatchObject({ document: "doc-a", page: 3 });
    expect(request?.images[0]?.detail).toBe("high");
    expect(request?.prompt).toContain("English");
  });

  it("retries a malformed answer once, then reports it without throwing; tokens of both answers count", async () => {
    const llm = createFakeLlm(() => ({
      kind: "answer",
      text: "{ not json",
      usage: { inputTokens: 10, outputTokens: 5 },
      model: "m",
    }));
    const reader = createVisionReader({ llm, mode: "always", model: "gpt-4.1", retryHooks: noWait });
    const result = await reader.readPage(page, 1);
    expect(result.status).toBe("invalid_answer");
    expect(result.error?.code).toBe("VISION_INVALID_ANSWER");
    expect(result.attempts).toBe(2);
    expect(result.usage.inputTokens).toBe(20);
    expect(result.statements).toEqual([]);
  });

  it("does not retry a refusal", async () => {
    const llm = createFakeLlm(() => ({
      kind: "refusal",
      refusal: "I can't help with that.",
      usage: { inputTokens: 7, outputTokens: 3 },
      model: "m",
    }));
    const result = await createVisionReader({ llm, mode: "always", model: "gpt-4.1" }).readPage(page, 1);
    expect(result.status).toBe("refused");
    expect(result.error?.message).toContain("I can't help with that.");
    expect(llm.requests).toHaveLength(1);
  });

  it("stops calling after a rejected key instead of failing every page the same way", async () => {
    const llm = createFakeLlm(() => {
      throw new LlmError("auth", "HTTP 401", { status: 401 });
    });
    const reader = createVisionReader({ llm, mode: "always", model: "gpt-4.1", retryHooks: noWait });
    const first = await reader.readPage(page, 1);
    const second = await reader.readPage(page, 2);
    expect(first.error?.code).toBe("VISION_AUTH");
    expect(second.error?.code).toBe("VISION_AUTH");
    expect(llm.requests).toHaveLength(1);
  });

  it("gives up after the attempts allowed on repeated server errors", async () => {
    const llm = createFakeLlm(() => {
      throw new LlmError("server_error", "HTTP 500", { status: 500 });
    });
    const reader = createVisionReader({
      llm,
      mode: "always",
      model: "gpt-4.1",
      retry: { attempts: 3 },
      retryHooks: noWait,
    });
    const result = await reader.readPage(page, 1);
    expect(result).toMatchObject({ status: "failed", attempts: 3, error: { code: "VISION_SERVER_ERROR" } });
  });

  it("enforces its own time-out even when the adapter never answers", async () => {
    const llm = createFakeLlm(() => new Promise(() => {}));
    const reader = createVisionReader({
      llm,
      mode: "always",
      model: "gpt-4.1",
      timeoutMs: 30,
      retry: { attempts: 2 },
      retryHooks: noWait,
    });
    const result = await reader.readPage(page, 1);
    expect(result).toMatchObject({ status: "failed", attempts: 2, error: { code: "VISION_TIMEOUT" } });
  });

  it("throws when the document is cancelled, instead of reporting a page failure", async () => {
    const controller = new AbortController();
    const llm = createFakeLlm(() => new Promise(() => controller.abort(new Error("cancelled by user"))));
    const reader = createVisionReader({ llm, mode: "always", model: "gpt-4.1", timeoutMs: 5000 });
    await expect(reader.readPage(page, 1, { signal: controller.signal })).rejects.toThrow(
      "cancelled by user",
    );
  });

  it("with no model, or mode off, reads nothing and says vision was off", async () => {
    const llm = createFakeLlm(() => fakeAnswer(sampleBalanceSheetAnswer()));
    const off = createVisionReader({ llm, mode: "off", model: "gpt-4.1" });
    const none = createVisionReader({ mode: "always", model: "gpt-4.1" });
    expect(off.mode).toBe("off");
    expect(none.mode).toBe("off");
    const pages: PageWords[] = [
      { ...pageFromText("x"), image: { png: page, dpi: 200, width: 1654, height: 2339 } },
    ];
    const result = await none.readDocument(pages, []);
    expect(result.summary).toEqual({ mode: "off" });
    expect(result.pages).toEqual([]);
    expect((await off.readPage(page, 1)).error?.code).toBe("VISION_OFF");
    expect(llm.requests).toHaveLength(0);
  });

  it("reads the selected pages of a document, reports pages without an image, and sums usage", async () => {
    const llm = createFakeLlm(() =>
      fakeAnswer({ statements: [], illegible: false }, { inputTokens: 100, outputTokens: 10 }),
    );
    const reader = createVisionReader({ llm, mode: "always", model: "gpt-4o", concurrency: 2 });
    const image = { png: page, dpi: 200, width: 1654, height: 2339 };
    const pages: PageWords[] = [
      { ...pageFromText("a", { page: 1 }), image },
      { ...pageFromText("b", { page: 2 }) },
      { ...pageFromText("c", { page: 3 }), image },
    ];
    const result = await reader.readDocument(pages, [], { document: "doc" });
    expect(result.pages.map((p) => p.status)).toEqual(["ok", "failed", "ok"]);
    expect(result.pages[1]?.error?.code).toBe("VISION_NO_IMAGE");
    expect(result.summary).toMatchObject({ mode: "always", model: "gpt-4o", pages: 2, tokens: 220 });
    expect(result.summary.costUsd).toBeCloseTo((200 * 2.5 + 20 * 10) / 1e6, 9);
    expect(result.warnings).toContain("vision_page_2_vision_no_image");
  });
});

describe("a page sent in tiles", () => {
  const statementPage = (): PageWords => ({
    ...pageFromText(sampleBalanceSheetText().repeat(2), { page: 1 }),
    image: { png: page, dpi: 200, width: 1654, height: 2339 },
  });

  it("asks once per tile of the statement region and answers with one page", async () => {
    const llm = createFakeLlm(() =>
      fakeAnswer(sampleBalanceSheetAnswer(), { inputTokens: 1000, outputTokens: 300 }),
    );
    const reader = createVisionReader({ llm, mode: "always", model: "gpt-4.1" });
    const result = await reader.readDocument([statementPage()], [], { document: "doc" });
    const read = result.pages[0];
    expect(llm.requests.length).toBeGreaterThanOrEqual(2);
    expect(read).toMatchObject({ status: "ok", tiles: llm.requests.length });
    expect(read?.usage.inputTokens).toBe(1000 * llm.requests.length);
    // The same answer from every tile is one statement with each line once.
    expect(read?.statements).toHaveLength(1);
    expect(read?.statements[0]?.items).toHaveLength(
      sampleBalanceSheetAnswer().statements[0]?.lines.length ?? 0,
    );
    const tiles = llm.requests.map((r) => r.subject?.tile);
    expect(tiles.map((t) => t?.index)).toEqual([...llm.requests.keys()]);
    expect(tiles.every((t) => t?.count === llm.requests.length && /^[0-9a-f]{64}$/.test(t.imageSha256))).toBe(
      true,
    );
    expect(read?.imageTokens).toBeGreaterThan(85 * llm.requests.length);
  });

  it("sends no further tile of the page after a rejected key", async () => {
    const llm = createFakeLlm(() => {
      throw new LlmError("auth", "Incorrect API key provided");
    });
    const reader = createVisionReader({ llm, mode: "always", model: "gpt-4.1", concurrency: 1 });
    const result = await reader.readDocument([statementPage()], [], { document: "doc" });
    expect(result.pages[0]).toMatchObject({ status: "failed", error: { code: "VISION_AUTH" } });
    expect(result.pages[0]?.tiles).toBeGreaterThan(1);
    expect(llm.requests).toHaveLength(1);
  });

  it("fails the whole page when one tile fails, with every answered tile's tokens counted", async () => {
    const llm = createFakeLlm((_request, call) => {
      if (call === 2) throw new LlmError("server_error", "The server had an error");
      return fakeAnswer(sampleBalanceSheetAnswer(), { inputTokens: 1000, outputTokens: 300 });
    });
    const reader = createVisionReader({
      llm,
      mode: "always",
      model: "gpt-4.1",
      concurrency: 1,
      retry: { attempts: 1 },
    });
    const result = await reader.readDocument([statementPage()], [], { document: "doc" });
    const read = result.pages[0];
    expect(read).toMatchObject({ status: "failed", error: { code: "VISION_SERVER_ERROR" }, statements: [] });
    expect(read?.attempts).toBe(llm.requests.length);
    expect(read?.usage.inputTokens).toBe(1000 * (llm.requests.length - 1));
  });
});

describe("selectVisionPages", () => {
  const ocrPage = (page: number, meanConfidence: number): PageWords => ({
    ...pageFromText("x", { page, source: "ocr" }),
    meanConfidence,
  });
  const statement = (pages: number[], ok: boolean): Statement => ({
    type: "balance_sheet",
    currency: "TRY",
    unit: 1,
    periods: [],
    items: [],
    canonical: {},
    checks: [{ rule: "r", period: "p", ok, difference: ok ? 0 : 5 }],
    pages,
  });
  const pages = [ocrPage(1, 0.9), ocrPage(2, 0.6), ocrPage(3, 0.95), { ...pageFromText("t", { page: 4 }) }];

  it("fallback reads unsure OCR pages and pages of statements whose checks fail", () => {
    const income = { ...statement([1], true), type: "income_statement" as const };
    expect(selectVisionPages("fallback", pages, [statement([3], true), income])).toEqual([2]);
    expect(selectVisionPages("fallback", pages, [statement([3, 4], false), income])).toEqual([2, 3, 4]);
  });

  it("fallback reads scanned pages without a statement while a statement type is missing", () => {
    const income = { ...statement([1], true), type: "income_statement" as const };
    expect(selectVisionPages("fallback", pages, [statement([3], true)])).toEqual([1, 2]);
    expect(selectVisionPages("fallback", pages, [statement([3], true), income])).toEqual([2]);
  });

  it("fallback reads every page when nothing was found; always reads all; off none", () => {
    expect(selectVisionPages("fallback", pages, [])).toEqual([1, 2, 3, 4]);
    expect(selectVisionPages("always", pages, [statement([1], true)])).toEqual([1, 2, 3, 4]);
    expect(selectVisionPages("off", pages, [])).toEqual([]);
  });
});
