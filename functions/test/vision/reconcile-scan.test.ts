import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AmountStyle, formatPrintedAmount } from "../../src/cli/bench/corpus/amount-format";
import type { Truth, TruthLine } from "../../src/cli/bench/corpus/truth";
import { createOcrEngine, type OcrEngine, readPages } from "../../src/pipeline/pdf";
import { extractWithVision } from "../../src/pipeline/reconcile/extract-with-vision";
import { extractStatements } from "../../src/pipeline/statement/extract";
import type { PageWords, Statement, StatementItem } from "../../src/pipeline/types";
import { createVisionReader } from "../../src/pipeline/vision/reader";
import { createReplayLlm, type RecordedAnswer } from "../../src/pipeline/vision/replay";
import { createOpenAiLlm } from "../../src/platform/llm/openai-llm";
import { scoreFields } from "./field-accuracy";
import { startOpenAiCompatibleServer } from "./open-ai-compatible-server";
import { scannedSample } from "./scanned-sample";
import { type Mistake, syntheticAnswers } from "./synthetic-answers";

/**
 * Reconciliation on a real scan: a generated balance sheet rendered by poppler, skewed and
 * noised, read by Tesseract through the pipeline, and a "model" that is the local
 * OpenAI-compatible server answering with SYNTHETIC answers derived from the ground truth
 * (the live model was not reachable from the test machines).
 */
let server: Awaited<ReturnType<typeof startOpenAiCompatibleServer>>;
let ocr: OcrEngine;
let sample: Awaited<ReturnType<typeof scannedSample>>;
let pages: PageWords[];

beforeAll(async () => {
  server = await startOpenAiCompatibleServer();
  ocr = createOcrEngine({ workers: 1 });
  sample = await scannedSample();
  pages = (await readPages(sample.pdf, { ocr, maxPages: 3, keepImages: true })).pages;
});
afterAll(async () => {
  await server?.close();
  await ocr?.close();
});

function answerFor(
  truth: Truth,
  perturb: { droppedDigit: boolean; inventedLine: boolean },
  mistakes: Mistake[] = [],
) {
  const [recording] = syntheticAnswers(truth, sample.id, perturb, mistakes);
  const answer = recording?.answer as Extract<RecordedAnswer["answer"], { kind: "answer" }>;
  return JSON.stringify(answer.json);
}

const visionReader = () =>
  createVisionReader({
    llm: createOpenAiLlm({ apiKey: "k", baseURL: server.baseURL }),
    mode: "always",
    model: "gpt-4.1",
  });

const balanceSheet = (statements: Statement[]) =>
  statements.find((s) => s.type === "balance_sheet") as Statement;
const style = (): AmountStyle => {
  const amounts = (sample.truth.generator?.spec as { amounts?: AmountStyle } | undefined)?.amounts;
  if (!amounts) throw new Error("the sample has no amount style");
  return amounts;
};

/** An OCR misread planted in a copy of the page words: one digit of one amount changed. */
function misreadOneAmount(): { pages: PageWords[]; line: TruthLine; period: string } {
  const statement = sample.truth.statements[0];
  const period = statement?.periods[0]?.end as string;
  // From the bottom up, so that the synthetic answers' own dropped digit (near the top) is elsewhere.
  for (const line of [...(statement?.lines ?? [])].reverse()) {
    const value = line.values[period];
    if (
      line.isTotal ||
      !line.key ||
      value === null ||
      value === undefined ||
      Math.abs(value) < 1000 * (statement?.unit ?? 1)
    )
      continue;
    const printed = formatPrintedAmount(
      Math.round((value / (statement?.unit ?? 1)) * 10 ** style().decimals),
      style(),
    );
    const copy = structuredClone(pages);
    const word = copy[0]?.words.find((w) => w.text === printed);
    if (!word) continue;
    const at =
      word.text.search(/\d/) + 1 < word.text.length && /\d/.test(word.text[1] ?? "")
        ? 1
        : word.text.search(/\d/);
    const digit = Number(word.text[at]);
    word.text = word.text.slice(0, at) + String((digit + 3) % 10) + word.text.slice(at + 1);
    return { pages: copy, line, period };
  }
  throw new Error("no amount of the sample was read by OCR as printed");
}

describe("reconciliation on an OCR-read scan", () => {
  it("reads the scan well enough on its own (the baseline)", () => {
    const score = scoreFields(extractOnly(pages), sample.truth);
    expect(score.highConfidenceErrors).toBe(0);
    expect(score.correct / score.fields).toBeGreaterThanOrEqual(0.95);
  });

  it("keeps OCR's reading where the model's numbers disagree and the arithmetic backs OCR, and flags it", async () => {
    const mistakes: Mistake[] = [];
    server.script({
      kind: "answer",
      content: answerFor(sample.truth, { droppedDigit: true, inventedLine: false }, mistakes),
    });
    const result = await extractWithVision(pages, visionReader(), { document: sample.id });
    const dropped = mistakes[0] as Mistake;
    const bs = balanceSheet(result.statements);
    const line = bs.items.find((i) => sameLabel(i, dropped.label)) as StatementItem;
    expect(line.flags).toContain("sources_disagree");
    expect(line.candidates?.some((c) => c.source === "vision" && c.period === dropped.period)).toBe(true);
    const truthLine = sample.truth.statements[0]?.lines?.find((l) => l.label === dropped.label);
    expect(line.values[dropped.period as string]).toBe(truthLine?.values[dropped.period as string]);
    const score = scoreFields(result.statements, sample.truth);
    expect(score.highConfidenceErrors).toBe(0);
    expect(result.warnings).toContain("sources_disagree");
    expect(result.vision).toMatchObject({ mode: "always", model: "gpt-4.1", pages: 1 });
  });

  it("takes the model's reading where OCR misread a digit and the arithmetic backs the model, and flags it", async () => {
    const misread = misreadOneAmount();
    const before = scoreFields(extractOnly(misread.pages), sample.truth);
    expect(before.wrong).toBeGreaterThan(0);
    server.script({
      kind: "answer",
      content: answerFor(sample.truth, { droppedDigit: false, inventedLine: false }),
    });
    const result = await extractWithVision(misread.pages, visionReader(), { document: sample.id });
    const bs = balanceSheet(result.statements);
    const line = bs.items.find(
      (i) => i.key === misread.line.key && sameLabel(i, misread.line.label),
    ) as StatementItem;
    expect(line.values[misread.period]).toBe(misread.line.values[misread.period]);
    expect(line.flags).toContain("sources_disagree");
    expect(line.candidates?.some((c) => c.source === "ocr" && c.period === misread.period)).toBe(true);
    const after = scoreFields(result.statements, sample.truth);
    expect(after.correct).toBeGreaterThan(before.correct);
    expect(after.highConfidenceErrors).toBe(0);
  });

  it("marks a line the model invented and keeps it out of the figures", async () => {
    server.script({
      kind: "answer",
      content: answerFor(sample.truth, { droppedDigit: false, inventedLine: true }),
    });
    const result = await extractWithVision(pages, visionReader(), { document: sample.id });
    const bs = balanceSheet(result.statements);
    const invented = bs.items.find((i) => i.label === "Derivative financial instruments");
    expect(invented?.flags).toEqual(expect.arrayContaining(["vision_only", "not_in_page_text"]));
    expect(invented?.confidence).toBeLessThan(0.9);
    const score = scoreFields(result.statements, sample.truth);
    expect(score.highConfidenceErrors).toBe(0);
    expect(score.correct).toBe(scoreFields(extractOnly(pages), sample.truth).correct);
  });

  it("replays recorded answers: accuracy rises over OCR alone and no error is high-confidence", async () => {
    const misread = misreadOneAmount();
    const llm = createReplayLlm(syntheticAnswers(sample.truth, sample.id));
    const reader = createVisionReader({ llm, mode: "fallback", model: "gpt-4.1" });
    const before = scoreFields(extractOnly(misread.pages), sample.truth);
    const result = await extractWithVision(misread.pages, reader, { document: sample.id });
    const after = scoreFields(result.statements, sample.truth);
    expect(llm.misses).toEqual([]);
    expect(after.correct).toBeGreaterThan(before.correct);
    expect(after.highConfidenceErrors).toBe(0);
    expect(result.vision.mode).toBe("fallback");
    expect(result.vision.tokens).toBeGreaterThan(0);
    expect(result.vision.costUsd).toBeGreaterThan(0);
  });
});

function extractOnly(input: PageWords[]): Statement[] {
  return extractStatements(input).statements;
}

function sameLabel(item: StatementItem, label: string): boolean {
  return (
    item.label.toLowerCase().replace(/\s+/g, " ") ===
    label
      .toLowerCase()
      .replace(/^[a-z]\.\s*/i, "")
      .replace(/\s+/g, " ")
  );
}
