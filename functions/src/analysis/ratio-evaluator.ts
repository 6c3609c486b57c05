/**
 * Evaluates one ratio definition for one period. A ratio that cannot be computed is null with
 * a reason, never 0 or NaN: "missing: inventories", "denominator is zero", or "denominator is
 * negative: not meaningful" (e.g. return on negative equity, whose sign would mislead).
 */
import { roundTo } from "./number-format";
import { DAYS_IN_YEAR, type RatioDefinition, type RatioTerm } from "./ratio-definitions";
import { resolveInput } from "./ratio-inputs";
import type { CanonicalPeriod, RatioResult } from "./types";

interface Evaluation {
  inputs: Record<string, number>;
  derived: Record<string, string>;
  averaged: boolean[];
  priorPeriod?: string;
}

interface TermValue {
  term: RatioTerm;
  value?: number;
}

function readTerm(
  term: RatioTerm,
  current: CanonicalPeriod,
  opening: CanonicalPeriod | undefined,
  out: Evaluation,
) {
  const closing = resolveInput(current.values, term.input);
  if (!closing) return undefined;
  Object.assign(out.inputs, closing.components);
  out.inputs[term.input] = closing.value;
  if (closing.derivedHow) out.derived[term.input] = closing.derivedHow;
  let value = closing.value;
  if (term.average) {
    const prior = opening ? resolveInput(opening.values, term.input) : undefined;
    out.averaged.push(prior !== undefined);
    if (prior && opening) {
      value = (closing.value + prior.value) / 2;
      out.inputs[`prior(${term.input})`] = prior.value;
      out.inputs[`avg(${term.input})`] = value;
      if (prior.derivedHow) out.derived[`prior(${term.input})`] = prior.derivedHow;
      out.priorPeriod = opening.period;
    }
  }
  return value;
}

/** Sums the terms; lists what is missing. Optional terms count as 0 when another term is present. */
function sumTerms(
  terms: RatioTerm[],
  current: CanonicalPeriod,
  opening: CanonicalPeriod | undefined,
  out: Evaluation,
): { sum?: number; missing: string[] } {
  const read: TermValue[] = terms.map((term) => ({ term, value: readTerm(term, current, opening, out) }));
  const anyPresent = read.some((r) => r.value !== undefined);
  const missing = read
    .filter((r) => r.value === undefined && (!r.term.optional || !anyPresent))
    .map((r) => r.term.input);
  if (missing.length > 0) return { missing };
  let sum = 0;
  for (const { term, value } of read) {
    if (value === undefined) {
      out.inputs[term.input] = 0;
      out.derived[term.input] = "not reported; taken as 0";
      continue;
    }
    const magnitude = term.abs ? Math.abs(value) : value;
    sum += term.negate ? -magnitude : magnitude;
  }
  return { sum, missing: [] };
}

function finish(definition: RatioDefinition, period: string, out: Evaluation): RatioResult {
  const result: RatioResult = {
    key: definition.key,
    group: definition.group,
    period,
    value: null,
    formula: definition.formula,
    unit: definition.unit,
    inputs: out.inputs,
  };
  if (Object.keys(out.derived).length > 0) result.derived = out.derived;
  if (out.averaged.length > 0) {
    result.basis = out.averaged.every(Boolean) ? "average" : "closing";
    if (result.basis === "average" && out.priorPeriod) result.priorPeriod = out.priorPeriod;
  }
  return result;
}

export function evaluateRatio(
  definition: RatioDefinition,
  current: CanonicalPeriod,
  opening?: CanonicalPeriod,
): RatioResult {
  const out: Evaluation = { inputs: {}, derived: {}, averaged: [] };
  const numerator = sumTerms(definition.numerator, current, opening, out);
  const denominator = definition.denominator
    ? sumTerms(definition.denominator, current, opening, out)
    : undefined;
  const result = finish(definition, current.period, out);
  if (definition.days) result.days = null;
  const missing = [...new Set([...numerator.missing, ...(denominator?.missing ?? [])])];
  if (missing.length > 0 || numerator.sum === undefined) {
    result.reason = `missing: ${missing.join(", ")}`;
    return result;
  }
  if (!denominator) {
    result.value = roundTo(numerator.sum, 2);
    return result;
  }
  if (denominator.sum === undefined) return result;
  if (denominator.sum === 0) {
    result.reason = "denominator is zero";
    return result;
  }
  if (denominator.sum < 0) {
    result.reason = "denominator is negative: not meaningful";
    return result;
  }
  const value = numerator.sum / denominator.sum;
  result.value = roundTo(value, 6);
  if (definition.days) result.days = value > 0 ? roundTo(DAYS_IN_YEAR / value, 2) : null;
  return result;
}
