import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOcrEngine, type OcrEngine, readPages } from "../../src/pipeline/pdf";
import { extractWithVision } from "../../src/pipeline/reconcile/extract-with-vision";
import { extractStatements } from "../../src/pipeline/statement/extract";
import type { PageWords, StatementItem } from "../../src/pipeline/types";
import type { VisionAnswer, VisionAnswerLine } from "../../src/pipeline/vision/answer-schema";
import { createVisionReader } from "../../src/pipeline/vision/reader";
import { createOpenAiLlm } from "../../src/platform/llm/openai-llm";
import { type ReceivedRequest, startOpenAiCompatibleServer } from "./open-ai-compatible-server";
import { scannedSample } from "./scanned-sample";
import { syntheticAnswers } from "./synthetic-answers";

/**
 * The tiles the model receives, measured from their pixels: a generated balance sheet rendered
 * by the pipeline at 300 DPI goes through the real reader to a local OpenAI-compatible
 * server. Where each tile sits on the page, and at what resolution, is found by matching the
 * tile's ink profile against the page's, not taken from the code that cut it.
 */
let server: Awaited<ReturnType<typeof startOpenAiCompatibleServer>>;
let ocr: OcrEngine;
let sample: Awaited<ReturnType<typeof scannedSample>>;
let pages: PageWords[];
let page: PageWords;

const EMPTY: VisionAnswer = { statements: [], illegible: false };
const TILE_USAGE = { prompt_tokens: 1105, completion_tokens: 412 };

beforeAll(async () => {
  server = await startOpenAiCompatibleServer();
  ocr = createOcrEngine({ workers: 1 });
  sample = await scannedSample({ variant: "digital" });
  pages = (await readPages(sample.pdf, { ocr, maxPages: 3, keepImages: true })).pages;
  page = pages[0] as PageWords;
});
afterAll(async () => {
  await server?.close();
  await ocr?.close();
});

const reader = () =>
  createVisionReader({
    llm: createOpenAiLlm({ apiKey: "k", baseURL: server.baseURL }),
    mode: "always",
    model: "gpt-4.1",
    // One call at a time: the scripted answers then reach the tiles in order, top to bottom.
    concurrency: 1,
  });

interface Located {
  width: number;
  height: number;
  /** Position on the page at the best-fitting resolution, in that resolution's pixels. */
  x: number;
  y: number;
  dpi: number;
}

async function tilesSent(
  received: ReceivedRequest[],
): Promise<Array<{ pixels: Buffer; w: number; h: number }>> {
  return Promise.all(
    received.map(async (request) => {
      const messages = request.body.messages as Array<{ content: unknown }>;
      const parts = messages[1]?.content as Array<{ type: string; image_url?: { url: string } }>;
      const url = parts.find((p) => p.type === "image_url")?.image_url?.url ?? "";
      const { data, info } = await sharp(Buffer.from(url.split(",")[1] ?? "", "base64"))
        .greyscale()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return { pixels: data, w: info.width, h: info.height };
    }),
  );
}

/** Ink per row (or per column) of a grey image: what a tile and the page share wherever it sits. */
function profile(pixels: Buffer, w: number, rows: [number, number], cols: [number, number], byRow: boolean) {
  const out = new Float64Array(byRow ? rows[1] - rows[0] : cols[1] - cols[0]);
  for (let y = rows[0]; y < rows[1]; y += 1)
    for (let x = cols[0]; x < cols[1]; x += 1) {
      const at = byRow ? y - rows[0] : x - cols[0];
      out[at] = (out[at] ?? 0) + 255 - (pixels[y * w + x] ?? 255);
    }
  return out;
}

function bestOffset(haystack: Float64Array, needle: Float64Array): { offset: number; cost: number } {
  let best = { offset: -1, cost: Number.POSITIVE_INFINITY };
  for (let o = 0; o + needle.length <= haystack.length; o += 1) {
    let cost = 0;
    for (let i = 0; i < needle.length; i += 1) cost += Math.abs((haystack[o + i] ?? 0) - (needle[i] ?? 0));
    if (cost < best.cost) best = { offset: o, cost };
  }
  return best;
}

/** Each tile located on the page rendered at several resolutions: the best fit is its DPI. */
async function locate(tiles: Array<{ pixels: Buffer; w: number; h: number }>): Promise<Located[]> {
  const image = page.image as NonNullable<PageWords["image"]>;
  const fits = await Promise.all(
    [150, 175, 200, 225, 250].map(async (dpi) => {
      const { data, info } = await sharp(image.png)
        .resize(Math.round((image.width * dpi) / image.dpi), Math.round((image.height * dpi) / image.dpi), {
          kernel: "lanczos3",
        })
        .greyscale()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const rows = profile(data, info.width, [0, info.height], [0, info.width], true);
      return tiles.map((t) => {
        const needle = profile(t.pixels, t.w, [0, t.h], [0, t.w], true);
        const y = bestOffset(rows, needle);
        const ink = needle.reduce((a, b) => a + b, 0);
        const cols = profile(data, info.width, [y.offset, y.offset + t.h], [0, info.width], false);
        const x = bestOffset(cols, profile(t.pixels, t.w, [0, t.h], [0, t.w], false));
        return { width: t.w, height: t.h, x: x.offset, y: y.offset, dpi, relativeCost: y.cost / ink };
      });
    }),
  );
  return tiles.map((_, i) => {
    const candidates = fits.map((f) => f[i] as Located & { relativeCost: number });
    const best = candidates.reduce((a, b) => (b.relativeCost < a.relativeCost ? b : a));
    // Resampling a crop and the whole page differ by a fraction of a pixel; a wrong scale
    // does not line the rows up at all.
    expect(best.relativeCost).toBeLessThan(0.25);
    for (const other of candidates)
      if (other !== best) expect(other.relativeCost).toBeGreaterThan(4 * best.relativeCost);
    return best;
  });
}

function normal(label: string): string {
  return label
    .toLowerCase()
    .replace(/^[a-z]\.\s*/i, "")
    .replace(/\s+/g, " ")
    .trim();
}

describe("a statement page sent in tiles", () => {
  it("sends overlapping tiles at 200 DPI covering the statement, and keeps a value read in two tiles once", async () => {
    server.received.length = 0;
    server.script({ kind: "answer", content: JSON.stringify(EMPTY), usage: TILE_USAGE });
    const parsed = extractStatements(pages).statements;
    await reader().readDocument(pages, parsed);
    const received = [...server.received];
    expect(received.length).toBeGreaterThanOrEqual(2);
    const tiles = await locate(await tilesSent(received));

    for (const t of tiles) {
      expect(t.dpi).toBe(200);
      // Within gpt-4.1's high-detail box: the model looks at the tile as sent, not shrunk.
      expect(Math.max(t.width, t.height)).toBeLessThanOrEqual(2048);
      expect(Math.min(t.width, t.height)).toBeLessThanOrEqual(768);
    }
    // The statement's printed words, in 200-DPI pixels, lie inside the tiles taken together.
    const px = (pt: number) => (pt * 200) / 72;
    const words = page.words.map((w) => w.bbox);
    const printed = {
      x0: px(Math.min(...words.map((b) => b.x0))),
      x1: px(Math.max(...words.map((b) => b.x1))),
      y0: px(Math.min(...words.map((b) => b.y0))),
      y1: px(Math.max(...words.map((b) => b.y1))),
    };
    for (const t of tiles) {
      expect(t.x).toBeLessThanOrEqual(printed.x0 + 2);
      expect(t.x + t.width).toBeGreaterThanOrEqual(printed.x1 - 2);
    }
    expect(tiles[0]?.y).toBeLessThanOrEqual(printed.y0 + 2);
    const last = tiles[tiles.length - 1] as Located;
    expect(last.y + last.height).toBeGreaterThanOrEqual(printed.y1 - 2);
    for (let i = 1; i < tiles.length; i += 1) {
      const above = tiles[i - 1] as Located;
      const overlap = above.y + above.height - (tiles[i] as Located).y;
      // At least about three 9-point lines (36 pt = 100 px at 200 DPI), and never a gap.
      expect(overlap).toBeGreaterThanOrEqual(95);
      expect(overlap).toBeLessThan(above.height / 2);
    }

    // Each tile answers with the lines whose label lies in it: rows in an overlap are sent twice.
    const [recording] = syntheticAnswers(sample.truth, sample.id, {
      droppedDigit: false,
      inventedLine: false,
    });
    if (recording?.answer.kind !== "answer") throw new Error("the synthetic answer is a refusal");
    const whole = recording.answer.json as VisionAnswer;
    const statement = whole.statements[0] as VisionAnswer["statements"][number];
    const items = parsed.flatMap((s) => s.items);
    let previous: number[] = [0];
    const tilesOf = statement.lines.map((line) => {
      const item = items.find((i) => normal(i.label) === normal(line.label) && i.labelBox);
      const box = item?.labelBox;
      if (!box) return previous;
      const inside = tiles.flatMap((t, i) => (px(box.y0) >= t.y && px(box.y1) <= t.y + t.height ? [i] : []));
      previous = inside.length > 0 ? inside : previous;
      return previous;
    });
    const twice = statement.lines.filter((_, i) => (tilesOf[i]?.length ?? 0) > 1);
    expect(twice.length).toBeGreaterThanOrEqual(1);
    const answers = tiles.map((_, t) => ({
      statements: [{ ...statement, lines: statement.lines.filter((_, i) => tilesOf[i]?.includes(t)) }],
      illegible: false,
    }));
    server.received.length = 0;
    server.script(
      ...answers.map((a) => ({ kind: "answer" as const, content: JSON.stringify(a), usage: TILE_USAGE })),
    );
    const result = await extractWithVision(pages, reader(), { document: sample.id });
    expect(server.received).toHaveLength(tiles.length);

    const read = result.pages[0];
    expect(read).toMatchObject({ status: "ok", tiles: tiles.length });
    expect(read?.usage).toMatchObject({
      inputTokens: TILE_USAGE.prompt_tokens * tiles.length,
      outputTokens: TILE_USAGE.completion_tokens * tiles.length,
    });
    const vision = read?.statements[0];
    expect(vision?.items).toHaveLength(statement.lines.length);
    const bs = result.statements.find((s) => s.type === "balance_sheet");
    const truthLines = sample.truth.statements[0]?.lines ?? [];
    for (const line of twice as VisionAnswerLine[]) {
      const inVision = vision?.items.filter((i) => normal(i.label) === normal(line.label)) ?? [];
      expect(inVision).toHaveLength(1);
      const inOutput = (bs?.items ?? []).filter((i: StatementItem) => normal(i.label) === normal(line.label));
      expect(inOutput).toHaveLength(1);
      expect(inOutput[0]?.sources).toContain("vision");
      expect(inOutput[0]?.flags ?? []).not.toContain("vision_only");
      const truth = truthLines.find((l) => normal(l.label) === normal(line.label));
      for (const [period, value] of Object.entries(truth?.values ?? {}))
        if (value !== null && value !== undefined) expect(inOutput[0]?.values[period]).toBe(value);
    }
    expect(result.warnings).not.toContain("vision_tiles_disagree");
  });
});
