import { doubtfulValueCount } from "../checks/review";
import type { CanonicalKey, CheckResult, PageWords, Statement, StatementType, ValueSource } from "../types";
import type { VisionPageResult } from "../vision/types";
import { type Cell, cellId, sameValue, settleDisputes, sourcesOf } from "./cells";
import { type BookCheck, type CheckBook, createCheckBook, type Working } from "./check-book";
import { reconciledConfidence, supportOf } from "./confidence";
import { mergeVisionByType } from "./merge-vision";
import { createPageText } from "./page-text";
import { reconcileItems } from "./reconcile-items";
import { buildTypeState, type TypeState } from "./type-state";

export interface ReconcileResult {
  statements: Statement[];
  warnings: string[];
}

const TYPES: StatementType[] = ["balance_sheet", "income_statement"];

/**
 * Merges the parser's statements (text layer / OCR) with what the vision model read, value by
 * value. Agreement raises confidence and records both sources; disagreement is settled by the
 * accounting checks and flagged `sources_disagree`, the losing reading kept as a candidate; a
 * value only the model saw is never high-confidence unless a check with a text/OCR term
 * confirms it; a line the model reports that is printed nowhere on its page is flagged
 * `not_in_page_text` and adds no canonical value. With no usable vision answer the parser's
 * statements come back untouched.
 */
export function reconcileStatements(
  extracted: Statement[],
  vision: VisionPageResult[],
  pages: PageWords[],
): ReconcileResult {
  const answered = vision.filter((r) => r.status === "ok");
  if (answered.length === 0) return { statements: extracted, warnings: [] };
  const warnings: string[] = [];
  const { merged, warnings: mergeWarnings } = mergeVisionByType(answered);
  warnings.push(...mergeWarnings);
  const states = typeStates(extracted, merged, createPageText(pages), warnings);
  const readPages = new Set(answered.map((r) => r.page));
  for (const s of states) {
    if (!s.base) warnings.push(`vision_only_${s.type}`);
    else if (!s.vision && (s.base.pages ?? []).some((p) => readPages.has(p)))
      warnings.push(`vision_missed_${s.type}`);
  }

  const cells = collectCells(states);
  const working = workingCanonical(states, cells);
  const outputs = new Map(states.map((s) => [s.type, s.out]));
  // Line checks are re-measured from the parser's values after its mapping was repaired.
  const bases = new Map(
    states.flatMap((s) =>
      s.base ? [[s.type, { ...s.base, canonical: s.baseCanonical, checks: renamedChecks(s) }] as const] : [],
    ),
  );
  const book = createCheckBook(outputs, bases);
  const units = new Map(states.map((s) => [s.type, s.out.unit]));
  settleDisputes([...cells.values()], working, book, units);
  closeChecksWithMissedLines([...cells.values()], working, book, units);

  const finalChecks = book.evaluate(working);
  const confidence = cellConfidence(cells, working, units, finalChecks);
  for (const state of states) {
    const out = state.out;
    out.canonical = working.get(state.type) ?? {};
    out.canonicalConfidence = canonicalConfidenceOf(state, out.canonical, confidence);
    out.checks = finalChecks.filter((c) => c.type === state.type).map(plainCheck);
    warnings.push(...reconcileItems(state, cells, confidence, book));
    settleReview(state);
  }
  const disputes = [...cells.values()].filter((c) => c.disputed);
  if (disputes.length > 0) warnings.push("sources_disagree");
  if (disputes.some((c) => !c.decidedByChecks)) warnings.push("sources_disagree_unsettled");
  return { statements: states.map((s) => s.out), warnings: [...new Set(warnings)] };
}

/** One state per statement type, in the parser's order, then the types only the model read. */
function typeStates(
  extracted: Statement[],
  merged: ReturnType<typeof mergeVisionByType>["merged"],
  labelOnPage: ReturnType<typeof createPageText>,
  warnings: string[],
): TypeState[] {
  const order = [
    ...extracted.map((s) => s.type),
    ...TYPES.filter((t) => !extracted.some((s) => s.type === t)),
  ];
  const states: TypeState[] = [];
  for (const type of order) {
    if (states.some((s) => s.type === type)) continue;
    const state = buildTypeState(
      type,
      extracted.find((s) => s.type === type),
      merged.get(type),
      labelOnPage,
      warnings,
    );
    if (state) states.push(state);
  }
  return states;
}

/** The parser's canonical values, with the cells only the model read filled in. */
function workingCanonical(states: TypeState[], cells: Map<string, Cell>): Working {
  const working: Working = new Map(states.map((s) => [s.type, structuredClone(s.baseCanonical)]));
  for (const cell of cells.values()) {
    if (cell.base || !cell.vision) continue;
    const canonical = working.get(cell.type) ?? {};
    canonical[cell.key] = { ...canonical[cell.key], [cell.period]: cell.vision.value };
    working.set(cell.type, canonical);
  }
  return working;
}

function cellConfidence(
  cells: Map<string, Cell>,
  working: Working,
  units: Map<StatementType, number>,
  finalChecks: ReturnType<CheckBook["evaluate"]>,
): Map<string, number> {
  const sources = new Map<string, ValueSource[]>();
  for (const cell of cells.values()) {
    const value = working.get(cell.type)?.[cell.key]?.[cell.period];
    if (value !== undefined)
      sources.set(
        cellId(cell.type, cell.key, cell.period),
        sourcesOf(cell, value, units.get(cell.type) ?? 1),
      );
  }
  const confidence = new Map<string, number>();
  for (const [id, cell] of cells) {
    confidence.set(
      id,
      reconciledConfidence(cell, sources.get(id) ?? [], supportOf(finalChecks, cell, sources)),
    );
  }
  return confidence;
}

function canonicalConfidenceOf(
  state: TypeState,
  canonical: Statement["canonical"],
  confidence: Map<string, number>,
): NonNullable<Statement["canonicalConfidence"]> {
  const result: NonNullable<Statement["canonicalConfidence"]> = {};
  for (const [key, periods] of Object.entries(canonical) as Array<[CanonicalKey, Record<string, number>]>) {
    for (const period of Object.keys(periods)) {
      const c =
        confidence.get(cellId(state.type, key, period)) ??
        state.base?.canonicalConfidence?.[key]?.[period] ??
        0;
      result[key] = { ...result[key], [period]: c };
    }
  }
  return result;
}

/** Whether the statement needs review after reconciliation, and the pages it was read from. */
function settleReview(state: TypeState): void {
  const out = state.out;
  const otherReasons = Boolean(state.base?.flagged && state.base.checks.every((c) => c.ok));
  const lowConfidence = doubtfulValueCount(out) > 0;
  const reviewFlags = out.items.some((i) =>
    i.flags?.some((f) => f === "sources_disagree" || f === "not_in_page_text" || f === "vision_only"),
  );
  out.flagged = otherReasons || !state.base || out.checks.some((c) => !c.ok) || lowConfidence || reviewFlags;
  out.pages = [...new Set([...(out.pages ?? []), ...(state.vision?.pages ?? [])])].sort((a, b) => a - b);
}

function collectCells(states: TypeState[]): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const s of states) {
    const unit = s.out.unit;
    const base = s.base ? s.baseCanonical : {};
    const keys = new Set([...Object.keys(base), ...Object.keys(s.visionCanonical)]) as Set<CanonicalKey>;
    for (const key of keys) {
      for (const { id: period } of s.out.periods) {
        const b = base[key]?.[period];
        const v = s.visionCanonical[key]?.[period];
        if (b === undefined && v === undefined) continue;
        const arithmetic = (s.base?.items ?? [])
          .filter((i) => i.key === key)
          .flatMap((i) => i.candidates ?? [])
          .filter((c) => c.source === "arithmetic" && c.period === period)
          .map((c) => c.value);
        cells.set(cellId(s.type, key, period), {
          type: s.type,
          key,
          period,
          base:
            b === undefined
              ? undefined
              : {
                  value: b,
                  source: s.baseSource,
                  confidence: s.base?.canonicalConfidence?.[key]?.[period] ?? 0.5,
                },
          vision:
            v === undefined
              ? undefined
              : { value: v, source: "vision", confidence: s.visionCanonicalConfidence[key]?.[period] ?? 0.7 },
          arithmetic,
          disputed: b !== undefined && v !== undefined && !sameValue(b, v, unit),
          summed: s.summed.has(`${key}|${period}`),
          decidedByChecks: false,
        });
      }
    }
  }
  return cells;
}

/**
 * A value only the model saw that is exactly what a failing line check of the parser is
 * missing (OCR dropped the line): it becomes a term of that check, which then passes.
 */
function closeChecksWithMissedLines(
  cells: Cell[],
  working: Working,
  book: ReturnType<typeof createCheckBook>,
  units: Map<StatementType, number>,
) {
  for (const cell of cells) {
    if (cell.base || !cell.vision || cell.vision.value === 0) continue;
    const checks = book.evaluate(working, cell.period);
    if (checks.some((c) => c.refs.some((r) => r.type === cell.type && r.key === cell.key))) continue;
    const unit = units.get(cell.type) ?? 1;
    const closing = checks.filter(
      (c) =>
        c.kind === "line" &&
        c.type === cell.type &&
        !c.ok &&
        sameValue(c.difference, cell.vision?.value ?? Number.NaN, unit),
    );
    if (closing.length !== 1) continue;
    const original = book.lineChecks(cell.type, cell.period).find((c) => c.rule === closing[0]?.rule);
    if (original) book.addComponent(original, cell.type, cell.key);
  }
}

/** The parser's checks name an unnamed line by its label; once it has a key, by the key. */
function renamedChecks(state: TypeState): CheckResult[] {
  const named = new Map(
    state.out.items
      .filter((i) => i.key && i.flags?.includes("key_from_vision"))
      .map((i) => [i.label, i.key as string]),
  );
  if (named.size === 0) return state.base?.checks ?? [];
  return (state.base?.checks ?? []).map((c) => ({
    ...c,
    involves: c.involves?.map((ref) => named.get(ref) ?? ref),
  }));
}

function plainCheck(check: BookCheck): CheckResult {
  const { type: _type, kind: _kind, refs: _refs, ...plain } = check;
  return plain;
}
