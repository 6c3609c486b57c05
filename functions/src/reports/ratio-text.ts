/** Ratios in words: the formula with item names, and values formatted for their unit. */
import type { RatioUnit } from "../analysis/types";
import { BALANCE_SHEET_KEYS, INCOME_STATEMENT_KEYS } from "../pipeline/types";
import { itemName, ratioName } from "./display-names";
import { formatAmount, formatPercent } from "./format";
import type { ReportLanguage } from "./options";
import { type RatioExpression, ratioExpression } from "./ratio-expression";

const CANONICAL_KEYS = new Set<string>([...BALANCE_SHEET_KEYS, ...INCOME_STATEMENT_KEYS]);

/** Formula names are canonical keys or, failing that, other ratios (net working capital, turnovers). */
function nameOf(name: string, language: ReportLanguage): string {
  return CANONICAL_KEYS.has(name) ? itemName(name, language) : ratioName(name, language);
}

function expressionText(expression: RatioExpression, language: ReportLanguage, nested: boolean): string {
  switch (expression.op) {
    case "number":
      return String(expression.value);
    case "name":
      return nameOf(expression.name, language);
    case "avg":
      return `${language === "tr" ? "ort." : "avg."}(${expressionText(expression.of, language, false)})`;
    case "abs":
      return `|${expressionText(expression.of, language, false)}|`;
    case "neg":
      return `−${expressionText(expression.of, language, true)}`;
    default: {
      const symbols = { "+": "+", "-": "−", "*": "×", "/": "/" } as const;
      // A sum needs brackets inside a product or quotient, and after a minus.
      const product = expression.op === "*" || expression.op === "/";
      const left = expressionText(expression.left, language, product);
      const right = expressionText(expression.right, language, product || expression.op === "-");
      const text = `${left} ${symbols[expression.op]} ${right}`;
      return nested && !product ? `(${text})` : text;
    }
  }
}

/** "Dönen varlıklar / Kısa vadeli yabancı kaynaklar"; the raw formula if it cannot be read. */
export function formulaText(formula: string, language: ReportLanguage): string {
  const expression = ratioExpression(formula);
  return expression ? expressionText(expression, language, false) : formula;
}

export function formatRatioValue(
  value: number,
  unit: RatioUnit | undefined,
  language: ReportLanguage,
): string {
  switch (unit) {
    case "percent":
      return formatPercent(value, language, 1);
    case "amount":
      return formatAmount(value, language, 0);
    case "days":
      return formatDays(value, language);
    case "times":
      return `${formatAmount(value, language, 2)}x`;
    default:
      return formatAmount(value, language, 2);
  }
}

export function formatDays(days: number, language: ReportLanguage): string {
  return `${formatAmount(days, language, 0)} ${language === "tr" ? "gün" : "days"}`;
}
