import { type AmountStyle, formatPrintedAmount } from "../../src/cli/bench/corpus/amount-format";
import type { Truth, TruthLine, TruthStatement } from "../../src/cli/bench/corpus/truth";
import { sectionOfKey } from "../../src/pipeline/parse/canonical-keys";
import type {
  VisionAnswer,
  VisionAnswerLine,
  VisionAnswerStatement,
} from "../../src/pipeline/vision/answer-schema";
import type { RecordedAnswer } from "../../src/pipeline/vision/replay";

/**
 * SYNTHETIC "model answers" derived from a generated document's ground truth, for replay by the
 * tests and the bench. They are not live model output: the live model was not reachable from
 * the test machines. Each document gets deliberate model-like mistakes so that reconciliation
 * has something to catch: one amount with a digit dropped, and one invented line that is
 * printed nowhere on the page.
 */
export interface Perturbations {
  droppedDigit: boolean;
  inventedLine: boolean;
}

const INVENTED = {
  tr: { label: "Türev Finansal Araçlar", section: "current_assets" as const },
  en: { label: "Derivative financial instruments", section: "current_assets" as const },
};

export interface Mistake {
  kind: "dropped_digit" | "invented_line";
  page: number;
  label: string;
  /** Dropped digit: the statement type and period column of the changed cell. */
  type?: TruthStatement["type"];
  period?: string;
  printed?: string;
  wrong?: string;
}

export function syntheticAnswers(
  truth: Truth,
  document: string,
  perturb: Perturbations = { droppedDigit: true, inventedLine: true },
  mistakesOut: Mistake[] = [],
): RecordedAnswer[] {
  const style = (truth.generator?.spec as { amounts?: AmountStyle } | undefined)?.amounts;
  if (!style) throw new Error(`${truth.id}: the truth has no amount style (not a generated document?)`);
  const pages = [...new Set(truth.statements.flatMap((s) => (s.lines ?? []).map((l) => l.page)))].sort(
    (a, b) => a - b,
  );
  const mistakes: string[] = [];
  let digitDropped = !perturb.droppedDigit;
  let lineInvented = !perturb.inventedLine;
  return pages.map((page) => {
    const statements: VisionAnswerStatement[] = [];
    for (const s of truth.statements) {
      const lines = (s.lines ?? []).filter((l) => l.page === page);
      if (lines.length === 0) continue;
      let section: VisionAnswerLine["section"] = s.type === "income_statement" ? "income" : null;
      const answerLines = lines.map((l) => {
        // A model names the section a line is printed in; the truth knows it from the key.
        const key = l.key ?? l.parentKey;
        section = (key ? (sectionOfKey(key) ?? null) : null) ?? section;
        return { ...answerLine(l, s, style), section };
      });
      if (!digitDropped) {
        const victim = answerLines.findIndex(
          (l) => !l.isTotal && (l.values[0]?.replace(/\D/g, "").length ?? 0) >= 4,
        );
        const line = answerLines[victim];
        if (line?.values[0]) {
          const before = line.values[0];
          line.values[0] = dropDigit(before, style);
          mistakes.push(`dropped a digit on page ${page}: "${line.label}" ${before} -> ${line.values[0]}`);
          mistakesOut.push({
            kind: "dropped_digit",
            page,
            label: line.label,
            type: s.type,
            period: s.periods[0]?.end,
            printed: before,
            wrong: line.values[0],
          });
          digitDropped = true;
        }
      }
      if (!lineInvented && s.type === "balance_sheet") {
        const invented = INVENTED[truth.language];
        const at = Math.min(3, answerLines.length);
        const template = answerLines.find((l) => l.values.some(Boolean));
        answerLines.splice(at, 0, {
          label: invented.label,
          code: null,
          note: null,
          key: "other_current_assets",
          section: invented.section,
          values: s.periods.map((_, i) =>
            template?.values[i] ? "123.456".replace(".", style.separators === "tr" ? "." : ",") : null,
          ),
          isTotal: false,
        });
        mistakes.push(`invented the line "${invented.label}" on page ${page}`);
        mistakesOut.push({ kind: "invented_line", page, label: invented.label });
        lineInvented = true;
      }
      statements.push({
        type: s.type,
        title: s.title ?? null,
        currency: s.currency,
        unit: s.unit === 1000 ? "thousands" : s.unit === 1_000_000 ? "millions" : "units",
        periods: s.periods.map((p) => ({ label: p.label ?? p.end, end: p.end })),
        lines: answerLines,
      });
    }
    const answer: VisionAnswer = { statements, illegible: false };
    const text = JSON.stringify(answer);
    return {
      format: "finstat-vision-answer",
      version: 1,
      synthetic: true,
      note: `SYNTHETIC replay derived from the generator's ground truth, not live model output. Deliberate mistakes: ${mistakes.join("; ") || "none"}.`,
      document,
      page,
      model: "synthetic-from-truth",
      answer: {
        kind: "answer",
        json: answer,
        // Token counts are an estimate of what a page costs, so that cost reporting is exercised.
        usage: { inputTokens: 1200, outputTokens: Math.ceil(text.length / 4) },
        finishReason: "stop",
      },
    } satisfies RecordedAnswer;
  });
}

function answerLine(line: TruthLine, statement: TruthStatement, style: AmountStyle): VisionAnswerLine {
  // A model calls a line a total when it prints the sum of lines below it (a THP group line).
  const hasComponents = Boolean(line.key && (statement.lines ?? []).some((l) => l.parentKey === line.key));
  return {
    label: line.label,
    code: line.code ?? null,
    note: line.note ?? null,
    key: line.key ?? null,
    section: null,
    values: statement.periods.map((p) => {
      const value = line.values[p.end];
      if (value === null || value === undefined) return null;
      const printed = value / statement.unit;
      return formatPrintedAmount(Math.round(printed * 10 ** style.decimals), style);
    }),
    isTotal: line.isTotal || hasComponents,
  };
}

/** The amount with one digit from its middle left out, printed in the document's style. */
function dropDigit(printed: string, style: AmountStyle): string {
  const negative = /^\(|^-/.test(printed);
  const digits = printed.replace(/\D/g, "");
  const at = Math.floor(digits.length / 2);
  const minor = Number(digits.slice(0, at) + digits.slice(at + 1));
  return formatPrintedAmount(negative ? -minor : minor, style);
}
