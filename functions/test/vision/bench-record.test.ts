import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BenchDocument } from "../../src/cli/bench/bench-corpus";
import { runPipeline } from "../../src/cli/bench/run-pipeline";
import { summariseVisionCost } from "../../src/cli/bench/vision-cost";
import { loadRecordings } from "../../src/platform/llm/recording-files";
import { sampleBalanceSheetAnswer } from "../fixtures/vision-sample-answers";
import { startOpenAiCompatibleServer } from "./open-ai-compatible-server";
import { scannedSample } from "./scanned-sample";

/**
 * `npm run bench -- --vision-record DIR` against an OpenAI-compatible endpoint (the local test
 * server standing in for the live model): every tile's answer lands in DIR, and
 * `--vision-replay DIR` then answers the same run from those files without a model.
 */
let server: Awaited<ReturnType<typeof startOpenAiCompatibleServer>>;
let dir: string;
let document: BenchDocument;
const saved = { key: process.env.OPENAI_API_KEY, url: process.env.OPENAI_BASE_URL };

beforeAll(async () => {
  server = await startOpenAiCompatibleServer();
  dir = await mkdtemp(join(tmpdir(), "finstat-vision-record-"));
  const sample = await scannedSample({ variant: "digital" });
  const pdfPath = join(dir, `${sample.id}.pdf`);
  await writeFile(pdfPath, sample.pdf);
  document = { id: sample.id, variant: "digital", style: "ifrs", pdfPath, truth: sample.truth as never };
  process.env.OPENAI_API_KEY = "test-key";
  process.env.OPENAI_BASE_URL = server.baseURL;
});
afterAll(async () => {
  process.env.OPENAI_API_KEY = saved.key;
  process.env.OPENAI_BASE_URL = saved.url;
  if (saved.key === undefined) delete process.env.OPENAI_API_KEY;
  if (saved.url === undefined) delete process.env.OPENAI_BASE_URL;
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("the bench's --vision-record", () => {
  it("records each tile's answer with its token counts, and a replay of the folder answers the same run", async () => {
    server.script({
      kind: "answer",
      content: JSON.stringify(sampleBalanceSheetAnswer()),
      usage: { prompt_tokens: 1190, completion_tokens: 640 },
    });
    const recordDir = join(dir, "recorded");
    const options = {
      ocrWorkers: 1,
      truthAsOutput: false,
      outDir: join(dir, "out"),
      visionMode: "always" as const,
    };
    const live = await runPipeline([document], { ...options, visionRecord: recordDir }, () => {});
    const calls = server.received.length;
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(live.vision?.pages).toHaveLength(1);
    expect(live.vision?.pages[0]).toMatchObject({
      status: "ok",
      tiles: calls,
      inputTokens: 1190 * calls,
      outputTokens: 640 * calls,
    });
    const summary = summariseVisionCost(live.vision?.pages ?? []);
    expect(summary.costUsd).toBeCloseTo(((1190 * 2 + 640 * 8) * calls) / 1e6, 9);
    expect(summary.imageTokens).toBeGreaterThan(0);

    const recordings = await loadRecordings(recordDir);
    expect(recordings).toHaveLength(calls);
    for (const r of recordings) {
      expect(r).toMatchObject({ synthetic: false, document: document.id, page: 1, model: "gpt-4.1" });
      expect(r.tile?.count).toBe(calls);
      expect(r.tile?.imageSha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(new Set(recordings.map((r) => r.tile?.index))).toEqual(new Set([...Array(calls).keys()]));

    server.received.length = 0;
    const replayed = await runPipeline([document], { ...options, visionReplay: recordDir }, () => {});
    expect(server.received).toHaveLength(0);
    expect(replayed.vision?.pages[0]).toMatchObject({
      status: "ok",
      tiles: calls,
      inputTokens: 1190 * calls,
    });
    expect(replayed.scores[0]?.correct).toBe(live.scores[0]?.correct);
  });

  it("refuses to record without an endpoint", async () => {
    delete process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_BASE_URL;
    await expect(
      runPipeline(
        [document],
        {
          ocrWorkers: 1,
          truthAsOutput: false,
          outDir: join(dir, "out"),
          visionMode: "always",
          visionRecord: dir,
        },
        () => {},
      ),
    ).rejects.toThrow("--vision-record needs OPENAI_API_KEY or OPENAI_BASE_URL");
  });
});
