import { describe, expect, it } from "vitest";
import { pageFromText } from "../../../test/fixtures/monospace-page";
import {
  INVENTED_LINE,
  sampleBalanceSheetAnswer,
  sampleBalanceSheetText,
} from "../../../test/fixtures/vision-sample-answers";
import { extractStatements } from "../statement/extract";
import type { PageWords, Statement } from "../types";
import type { VisionAnswer } from "../vision/answer-schema";
import { answerToStatements } from "../vision/answer-to-statements";
import type { VisionPageResult } from "../vision/types";
import { reconcileStatements } from "./reconcile";

function visionPage(answer: VisionAnswer, page = 1): VisionPageResult {
  const { statements } = answerToStatements(answer, { page, language: "en" });
  return {
    page,
    status: "ok",
    statements,
    model: "fake",
    attempts: 1,
    usage: { inputTokens: 0, outputTokens: 0 },
    ms: 1,
    warnings: [],
  };
}

function ocrRead(text: string): { pages: PageWords[]; statements: Statement[] } {
  const pages = [pageFromText(text, { source: "ocr", confidence: 0.8 })];
  return { pages, statements: extractStatements(pages).statements };
}

const Y = "2024-12-31";
const P = "2023-12-31";

describe("reconcileStatements", () => {
  it("takes the model's reading where OCR misread a digit and the arithmetic agrees with the model", () => {
    const { pages, statements } = ocrRead(sampleBalanceSheetText({ inventories: "3,700" }));
    expect(statements[0]?.checks.some((c) => !c.ok)).toBe(true);
    const { statements: out, warnings } = reconcileStatements(
      statements,
      [visionPage(sampleBalanceSheetAnswer())],
      pages,
    );
    const bs = out[0] as Statement;
    expect(bs.canonical.inventories?.[Y]).toBe(3_200_000);
    expect(bs.checks.filter((c) => !c.ok)).toEqual([]);
    const line = bs.items.find((i) => i.key === "inventories");
    expect(line?.values[Y]).toBe(3_200_000);
    expect(line?.flags).toContain("sources_disagree");
    expect(line?.flags).not.toContain("check_failed");
    expect(line?.sources).toEqual(["ocr", "vision"]);
    expect(line?.candidates).toContainEqual(
      expect.objectContaining({ period: Y, value: 3_700_000, source: "ocr" }),
    );
    expect(bs.canonicalConfidence?.inventories?.[Y]).toBeGreaterThanOrEqual(0.9);
    expect(bs.flagged).toBe(true);
    expect(warnings).toContain("sources_disagree");
  });

  it("keeps OCR's reading where the model dropped a digit, because the arithmetic says so", () => {
    const { pages, statements } = ocrRead(sampleBalanceSheetText());
    const { statements: out } = reconcileStatements(
      statements,
      [visionPage(sampleBalanceSheetAnswer({ cash: "270" }))],
      pages,
    );
    const bs = out[0] as Statement;
    expect(bs.canonical.cash_and_equivalents?.[Y]).toBe(2_700_000);
    const cash = bs.items.find((i) => i.key === "cash_and_equivalents");
    expect(cash?.values[Y]).toBe(2_700_000);
    expect(cash?.flags).toContain("sources_disagree");
    expect(cash?.candidates).toContainEqual(
      expect.objectContaining({ period: Y, value: 270_000, source: "vision" }),
    );
    expect(bs.checks.every((c) => c.ok)).toBe(true);
  });

  it("cannot settle a disagreement no check covers: keeps the parser's value, never with high confidence", () => {
    const text = sampleBalanceSheetText().replace(
      "Intangible assets                             6         1,600",
      "Intangible assets                             6         1,600",
    );
    const { pages, statements } = ocrRead(text);
    const answer = sampleBalanceSheetAnswer();
    // Prior-year borrowings under non-current liabilities: its section has a single line, so no sum checks it.
    const borrowings = answer.statements[0]?.lines.find((l) => l.label === "Borrowings");
    if (borrowings) borrowings.values[1] = "6,900";
    const { statements: out, warnings } = reconcileStatements(statements, [visionPage(answer)], pages);
    const bs = out[0] as Statement;
    expect(bs.canonical.long_term_borrowings?.[P]).toBe(6_500_000);
    expect(bs.canonicalConfidence?.long_term_borrowings?.[P]).toBeLessThanOrEqual(0.5);
    expect(warnings).toContain("sources_disagree_unsettled");
  });

  it("keeps an exact text-layer reading the checks cannot judge, below high confidence but not as low as OCR's", () => {
    const pages = [pageFromText(sampleBalanceSheetText())];
    const statements = extractStatements(pages).statements;
    const answer = sampleBalanceSheetAnswer();
    const borrowings = answer.statements[0]?.lines.find((l) => l.label === "Borrowings");
    if (borrowings) borrowings.values[1] = "6,900";
    const bs = reconcileStatements(statements, [visionPage(answer)], pages).statements[0] as Statement;
    expect(bs.canonical.long_term_borrowings?.[P]).toBe(6_500_000);
    expect(bs.canonicalConfidence?.long_term_borrowings?.[P]).toBe(0.85);
    expect(bs.items.find((i) => i.key === "long_term_borrowings")?.flags).toContain("sources_disagree");
  });

  it("marks a line the model invented, keeps it out of the canonical values and never trusts it", () => {
    const { pages, statements } = ocrRead(sampleBalanceSheetText());
    const { statements: out, warnings } = reconcileStatements(
      statements,
      [visionPage(sampleBalanceSheetAnswer({}, [INVENTED_LINE]))],
      pages,
    );
    const bs = out[0] as Statement;
    const invented = bs.items.find((i) => i.label === INVENTED_LINE.label);
    expect(invented?.flags).toEqual(expect.arrayContaining(["vision_only", "not_in_page_text"]));
    expect(invented?.sources).toEqual(["vision"]);
    expect(invented?.confidence).toBeLessThan(0.9);
    expect(bs.canonical.short_term_investments).toBeUndefined();
    expect(bs.checks.every((c) => c.ok)).toBe(true);
    expect(warnings).toContain("not_in_page_text");
    // It sits where the model printed it: after cash, before the current-assets total.
    const at = bs.items.indexOf(invented as never);
    expect(bs.items[at - 1]?.key).toBe("cash_and_equivalents");
  });

  it("raises confidence where both readings agree and records both sources", () => {
    const { pages, statements } = ocrRead(sampleBalanceSheetText());
    const before = statements[0]?.items.find((i) => i.key === "long_term_borrowings")?.confidence ?? 1;
    const { statements: out } = reconcileStatements(
      statements,
      [visionPage(sampleBalanceSheetAnswer())],
      pages,
    );
    const bs = out[0] as Statement;
    expect(
      bs.items.filter((i) => i.key).every((i) => i.sources.includes("ocr") && i.sources.includes("vision")),
    ).toBe(true);
    const after = bs.items.find((i) => i.key === "long_term_borrowings")?.confidence ?? 0;
    expect(after).toBeGreaterThan(before);
    expect(bs.flagged).toBe(false);
  });

  it("keeps a statement only the model found, flagged, with nothing high-confidence unless a check with OCR terms confirms it", () => {
    const { pages, statements } = ocrRead(sampleBalanceSheetText());
    const income: VisionAnswer = {
      illegible: false,
      statements: [
        {
          type: "income_statement",
          title: "INCOME STATEMENT",
          currency: "EUR",
          unit: "thousands",
          periods: [{ label: "2024", end: "2024-12-31" }],
          lines: [
            {
              label: "Revenue",
              code: null,
              note: null,
              key: null,
              section: "income",
              values: ["20,000"],
              isTotal: false,
            },
            {
              label: "Cost of sales",
              code: null,
              note: null,
              key: null,
              section: "income",
              values: ["(12,000)"],
              isTotal: false,
            },
            {
              label: "Gross profit",
              code: null,
              note: null,
              key: null,
              section: "income",
              values: ["8,000"],
              isTotal: true,
            },
          ],
        },
      ],
    };
    const textOnPage2 = pageFromText(
      "INCOME STATEMENT\n Revenue 20,000\n Cost of sales (12,000)\n Gross profit 8,000\n in thousands",
      { page: 2, source: "ocr", confidence: 0.4 },
    );
    const { statements: out, warnings } = reconcileStatements(
      statements,
      [visionPage(sampleBalanceSheetAnswer()), visionPage(income, 2)],
      [...pages, textOnPage2],
    );
    const is = out.find((s) => s.type === "income_statement");
    expect(is?.flagged).toBe(true);
    expect(is?.canonical.gross_profit?.[Y]).toBe(8_000_000);
    expect(is?.items.every((i) => i.sources.join() === "vision" && i.flags?.includes("vision_only"))).toBe(
      true,
    );
    // gross profit = revenue + cost of sales holds, but only between the model's own numbers.
    expect(is?.checks.every((c) => c.ok)).toBe(true);
    const confidences = Object.values(is?.canonicalConfidence ?? {}).flatMap((p) => Object.values(p ?? {}));
    expect(Math.max(...confidences)).toBeLessThan(0.9);
    expect(warnings).toContain("vision_only_income_statement");
  });

  it("adds a line OCR dropped when it is exactly what a failing section sum is missing, and trusts it for that", () => {
    const text = sampleBalanceSheetText()
      .split("\n")
      .filter((l) => !l.startsWith("Trade and other receivables"))
      .join("\n");
    const { pages, statements } = ocrRead(text);
    expect(statements[0]?.canonical.trade_receivables).toBeUndefined();
    // OCR saw the words of the line but lost its amounts: the label is on the page.
    const words = pageFromText("Trade and other receivables", { source: "ocr", confidence: 0.5 }).words;
    pages[0]?.words.push(...words.map((w) => ({ ...w, bbox: { ...w.bbox, y0: 700, y1: 708 } })));
    const { statements: out } = reconcileStatements(
      statements,
      [visionPage(sampleBalanceSheetAnswer())],
      pages,
    );
    const bs = out[0] as Statement;
    expect(bs.canonical.trade_receivables?.[Y]).toBe(4_100_000);
    expect(bs.canonicalConfidence?.trade_receivables?.[Y]).toBeGreaterThanOrEqual(0.9);
    expect(bs.checks.filter((c) => !c.ok)).toEqual([]);
    const line = bs.items.find((i) => i.key === "trade_receivables");
    expect(line?.flags).toContain("vision_only");
    expect(line?.flags).not.toContain("not_in_page_text");
  });

  it("names a line OCR read but could not name, from the model's reading of the same amounts", () => {
    const text = sampleBalanceSheetText().replace(
      "Trade and other receivables   ",
      "Tnade arid otlier rcceivablcs ",
    );
    const { pages, statements } = ocrRead(text);
    expect(statements[0]?.canonical.trade_receivables).toBeUndefined();
    const { statements: out } = reconcileStatements(
      statements,
      [visionPage(sampleBalanceSheetAnswer())],
      pages,
    );
    const bs = out[0] as Statement;
    const line = bs.items.find((i) => i.label.startsWith("Tnade"));
    expect(line?.key).toBe("trade_receivables");
    expect(line?.flags).toContain("key_from_vision");
    expect(line?.sources).toEqual(["ocr", "vision"]);
    expect(bs.canonical.trade_receivables).toEqual({ [Y]: 4_100_000, [P]: 3_900_000 });
    expect(bs.canonicalConfidence?.trade_receivables?.[Y]).toBeGreaterThanOrEqual(0.9);
    expect(bs.items.filter((i) => i.flags?.includes("vision_only"))).toEqual([]);
  });

  it("returns the parser's statements untouched when no page has a usable vision answer", () => {
    const { pages, statements } = ocrRead(sampleBalanceSheetText({ inventories: "3,700" }));
    const failed: VisionPageResult = {
      ...visionPage(sampleBalanceSheetAnswer()),
      status: "failed",
      statements: [],
    };
    const result = reconcileStatements(statements, [failed], pages);
    expect(result.statements).toBe(statements);
    expect(result.warnings).toEqual([]);
  });
});
