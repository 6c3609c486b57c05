/**
 * Writes a ratio as an Excel formula over the workbook's cells, and proves it: every candidate
 * formula is evaluated here over the same numbers and one is kept only if it gives Finstat's
 * value, so the workbook never shows a formula that recalculates to another number than the
 * report prints. Finstat rounds stored ratios (6 decimals, amounts 2); the formula then carries
 * the same ROUND so Excel and Finstat agree to the last digit.
 */
import type { RatioResult } from "../../analysis/types";
import { DERIVED_INPUTS, type RatioExpression, ratioExpression } from "../ratio-expression";

export interface CellValue {
  ref: string;
  value: number;
}

/** Where the workbook's numbers sit: canonical values on the statement sheets, ratios on theirs. */
export interface FormulaCells {
  canonical(key: string, period: string): CellValue | undefined;
  ratio(key: string, period: string): CellValue | undefined;
  /** The formula of another ratio in the period, to expand it when its cell cannot be used. */
  ratioFormula(key: string, period: string): string | undefined;
}

interface Candidate {
  formula: string;
  value: number;
  /** 1 = sum or difference, 2 = product or quotient, 3 = a cell, number or function call. */
  precedence: number;
  /** An optional input the document does not print, which the analysis takes as 0. */
  omitted?: boolean;
}

const MAX_CANDIDATES = 24;
const MAX_DEPTH = 3;

interface Scope {
  period: string;
  prior: string | undefined;
  cells: FormulaCells;
  depth: number;
}

function wrap(candidate: Candidate, needsParentheses: boolean): string {
  return needsParentheses ? `(${candidate.formula})` : candidate.formula;
}

function combine(op: "+" | "-" | "*" | "/", left: Candidate, right: Candidate): Candidate | undefined {
  if (op === "+" || op === "-") {
    if (right.omitted) return left;
    if (left.omitted) return op === "+" ? right : negate(right);
    return {
      formula: `${left.formula}${op}${wrap(right, op === "-" && right.precedence <= 1)}`,
      value: op === "+" ? left.value + right.value : left.value - right.value,
      precedence: 1,
    };
  }
  if (left.omitted || right.omitted) return undefined;
  return {
    formula: `${wrap(left, left.precedence <= 1)}${op}${wrap(right, right.precedence <= 2)}`,
    value: op === "*" ? left.value * right.value : left.value / right.value,
    precedence: 2,
  };
}

function negate(candidate: Candidate): Candidate {
  if (candidate.omitted) return candidate;
  return {
    formula: `-${wrap(candidate, candidate.precedence <= 2)}`,
    value: -candidate.value,
    precedence: 3,
  };
}

function nameCandidates(name: string, scope: Scope): Candidate[] {
  const found: Candidate[] = [];
  const canonical = scope.cells.canonical(name, scope.period);
  if (canonical) found.push({ formula: canonical.ref, value: canonical.value, precedence: 3 });
  const ratio = scope.cells.ratio(name, scope.period);
  if (ratio) found.push({ formula: ratio.ref, value: ratio.value, precedence: 3 });
  if (scope.depth < MAX_DEPTH) {
    const deeper = { ...scope, depth: scope.depth + 1 };
    const expansions = [...(DERIVED_INPUTS[name] ?? []), scope.cells.ratioFormula(name, scope.period)];
    for (const formula of expansions) {
      const expression = formula ? ratioExpression(formula) : undefined;
      if (expression) found.push(...candidates(expression, deeper));
    }
  }
  return found.length > 0 ? found : [{ formula: "0", value: 0, precedence: 3, omitted: true }];
}

function candidates(expression: RatioExpression, scope: Scope): Candidate[] {
  switch (expression.op) {
    case "number":
      return [{ formula: String(expression.value), value: expression.value, precedence: 3 }];
    case "name":
      return nameCandidates(expression.name, scope);
    case "neg":
      return candidates(expression.of, scope).map(negate);
    case "abs":
      return candidates(expression.of, scope).map((inner) =>
        inner.omitted
          ? inner
          : { formula: `ABS(${inner.formula})`, value: Math.abs(inner.value), precedence: 3 },
      );
    case "avg": {
      const closing = candidates(expression.of, scope);
      if (scope.prior === undefined) return closing;
      const opening = candidates(expression.of, { ...scope, period: scope.prior, prior: undefined });
      return closing
        .flatMap((end) =>
          opening
            .filter((start) => !start.omitted && !end.omitted)
            .map((start) => ({
              formula: `AVERAGE(${end.formula},${start.formula})`,
              value: (end.value + start.value) / 2,
              precedence: 3,
            })),
        )
        .slice(0, MAX_CANDIDATES);
    }
    default: {
      const lefts = candidates(expression.left, scope);
      const rights = candidates(expression.right, scope);
      const combined: Candidate[] = [];
      for (const left of lefts) {
        for (const right of rights) {
          const candidate = combine(expression.op, left, right);
          if (candidate) combined.push(candidate);
          if (combined.length >= MAX_CANDIDATES) return combined;
        }
      }
      return combined;
    }
  }
}

export function sameNumber(a: number, b: number, relative = 1e-9): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b));
}

/** Half away from zero at `decimals` places, as Excel's ROUND does. */
export function roundHalfAway(value: number, decimals: number): number {
  return Math.sign(value) * Number(`${Math.round(Number(`${Math.abs(value)}e${decimals}`))}e-${decimals}`);
}

/** Finstat's own precisions first (6 for ratios, 2 for amounts and days), so ROUND shows them. */
const ROUNDING_TRIED = [6, 2, 4, 8, 3, 5, 1, 0, 7, 9, 10];

/** `formula` (worth `value`) as is, or in the ROUND that gives `target`, or undefined. */
export function roundedFormula(formula: string, value: number, target: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (sameNumber(value, target)) return formula;
  const decimals = ROUNDING_TRIED.find((places) => sameNumber(roundHalfAway(value, places), target, 1e-12));
  return decimals === undefined ? undefined : `ROUND(${formula},${decimals})`;
}

/** The first candidate giving `target`, as is or rounded the way Finstat rounded it. */
function matching(found: Candidate[], target: number): string | undefined {
  for (const candidate of found) {
    if (candidate.omitted) continue;
    const formula = roundedFormula(candidate.formula, candidate.value, target);
    if (formula) return formula;
  }
  return undefined;
}

/** An Excel formula (without "=") giving `target` from `formula` in `period`, or undefined. */
export function provenFormula(
  formula: string,
  target: number,
  period: string,
  priors: Array<string | undefined>,
  cells: FormulaCells,
): string | undefined {
  const expression = ratioExpression(formula);
  if (!expression || !Number.isFinite(target)) return undefined;
  for (const prior of new Set(priors)) {
    const found = matching(candidates(expression, { period, prior, cells, depth: 0 }), target);
    if (found) return found;
  }
  return undefined;
}

/**
 * The formula reproducing `result.value`, or undefined when this workbook's cells cannot (an
 * opening balance from another document, say): the sheet then shows the value as a constant.
 */
export function ratioFormula(
  result: RatioResult,
  documentPrior: string | undefined,
  cells: FormulaCells,
): string | undefined {
  if (result.value === null) return undefined;
  const averaged = result.priorPeriod ?? documentPrior;
  if (result.basis === "average" && averaged === undefined) return undefined;
  // Without a stated basis, try the closing value first, then the average with the prior period.
  const priors =
    result.basis === "average"
      ? [averaged]
      : result.basis === "closing"
        ? [undefined]
        : [undefined, averaged];
  return provenFormula(result.formula, result.value, result.period, priors, cells);
}
