import { z } from "zod";
import { BALANCE_SHEET_KEYS, INCOME_STATEMENT_KEYS } from "../types";

/**
 * What the vision model must answer for one page. Strict structured output needs every field
 * present, so "not printed" is `null`, never a missing field. Amounts come back as printed
 * text: our own amount parser reads them (the model's idea of "1.234" is not trusted), and the
 * printed form can be looked up among the page's OCR words.
 */
const SECTIONS = [
  "current_assets",
  "non_current_assets",
  "current_liabilities",
  "non_current_liabilities",
  "equity",
  "income",
] as const;

export const visionLineSchema = z.object({
  label: z
    .string()
    .describe("The line's label as printed, without its account code and without any note reference."),
  code: z
    .string()
    .nullable()
    .describe(
      "Tekdüzen Hesap Planı account or group code printed before the label ('100', '12', '257'), else null.",
    ),
  note: z.string().nullable().describe("Notes (Dipnot) column reference, else null. Never an amount."),
  key: z
    .enum([...BALANCE_SHEET_KEYS, ...INCOME_STATEMENT_KEYS])
    .nullable()
    .describe("The canonical key this line is, when it clearly is one; null otherwise."),
  section: z.enum(SECTIONS).nullable(),
  values: z
    .array(z.string().nullable())
    .describe(
      "One entry per period, in the order of `periods`: the amount exactly as printed, null for an empty cell.",
    ),
  isTotal: z.boolean().describe("True for totals and subtotals."),
});

export const visionStatementSchema = z.object({
  type: z.enum(["balance_sheet", "income_statement"]),
  title: z.string().nullable(),
  currency: z
    .string()
    .nullable()
    .describe("ISO 4217 code (TRY, USD, EUR, GBP) when printed or implied, else null."),
  unit: z
    .enum(["units", "thousands", "millions"])
    .describe("The multiplier printed in the header ('Bin TL' = thousands)."),
  periods: z.array(
    z.object({
      label: z.string().describe("The column heading as printed."),
      end: z.string().nullable().describe("Period end as YYYY-MM-DD when the heading says it, else null."),
    }),
  ),
  lines: z.array(visionLineSchema),
});

export const visionAnswerSchema = z.object({
  statements: z.array(visionStatementSchema),
  illegible: z.boolean().describe("True when the page cannot be read well enough to transcribe its numbers."),
});

export type VisionAnswer = z.infer<typeof visionAnswerSchema>;
export type VisionAnswerStatement = z.infer<typeof visionStatementSchema>;
export type VisionAnswerLine = z.infer<typeof visionLineSchema>;
export type VisionSection = (typeof SECTIONS)[number];

export const VISION_SCHEMA_NAME = "financial_statement_page";

export type AnswerProblem = { kind: "malformed" | "schema_violation" | "truncated"; message: string };

/**
 * Parses and validates the model's text. Returns the answer or what was wrong with it, in a
 * sentence for the logs (the first few schema issues, not the whole answer).
 */
export function readVisionAnswer(
  text: string,
  finishReason?: string,
): { answer: VisionAnswer } | { problem: AnswerProblem } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (finishReason === "length") {
      return { problem: { kind: "truncated", message: "the answer was cut off at the output token limit" } };
    }
    return {
      problem: { kind: "malformed", message: `the answer is not JSON (${(error as Error).message})` },
    };
  }
  const parsed = visionAnswerSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".") || "answer"}: ${i.message}`)
      .join("; ");
    return {
      problem: { kind: "schema_violation", message: `the answer does not follow the schema (${issues})` },
    };
  }
  for (const statement of parsed.data.statements) {
    const bad = statement.lines.find((l) => l.values.length !== statement.periods.length);
    if (bad) {
      return {
        problem: {
          kind: "schema_violation",
          message: `line "${bad.label}" has ${bad.values.length} values for ${statement.periods.length} periods`,
        },
      };
    }
  }
  return { answer: parsed.data };
}
