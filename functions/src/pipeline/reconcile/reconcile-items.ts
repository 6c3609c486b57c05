import { roundingTolerance } from "../checks/identities";
import type { CanonicalKey, CheckResult, StatementItem } from "../types";
import { type Cell, cellId, sameValue } from "./cells";
import type { CheckBook } from "./check-book";
import type { TypeState } from "./type-state";

const VISION_ITEM_CONFIDENCE = 0.7;
const NOT_IN_PAGE_TEXT = 0.3;
const AGREED_CAP = 0.95;
const UNSETTLED = 0.5;
const UNSETTLED_TEXT = 0.85;
const SETTLED = 0.92;

const SIGNED_AS_PRINTED = new Set<CanonicalKey>([
  "retained_earnings",
  "current_year_profit",
  "total_equity",
  "gross_profit",
  "operating_profit",
  "profit_before_tax",
  "net_income",
  "other_operating_income",
  "finance_income",
]);

const addFlag = (item: StatementItem, flag: string) => {
  item.flags = [...new Set([...(item.flags ?? []), flag])];
};
const addSource = (item: StatementItem, source: StatementItem["sources"][number]) => {
  if (!item.sources.includes(source)) item.sources = [...item.sources, source];
};
const round = (n: number) => Math.round(n * 1000) / 1000;

/** Printed readings of one cell agree: equal, or equal in size where the convention fixes the sign. */
function agree(a: number, b: number, key: CanonicalKey | undefined, unit: number): boolean {
  if (sameValue(a, b, unit)) return true;
  return Boolean(key && !SIGNED_AS_PRINTED.has(key) && sameValue(Math.abs(a), Math.abs(b), unit));
}

/**
 * The printed lines after reconciliation: the parser's lines with the model's agreement
 * (sources, confidence) or disagreement (the decided value, the other kept as a candidate,
 * `sources_disagree`), then the lines only the model read, flagged `vision_only` and, when
 * printed nowhere on the page, `not_in_page_text`.
 */
export function reconcileItems(
  state: TypeState,
  cells: Map<string, Cell>,
  confidence: Map<string, number>,
  book: CheckBook,
): string[] {
  const pairs = new Map(state.pairs);
  for (const [vi, bi] of pairs) {
    const item = state.out.items[bi] as StatementItem;
    const seen = state.visionItems[vi] as StatementItem;
    const conf = { ...(item.valueConfidence ?? {}) };
    for (const { id: period } of state.out.periods)
      reconcilePairedValue({ item, seen, period, conf, state, cells, book });
    item.valueConfidence = conf;
  }
  const warnings = insertVisionOnlyLines(state, pairs);
  alignCanonicalLineConfidence(state, cells, confidence);
  settleLineConfidence(state.out.items, state.out.checks);
  return warnings;
}

interface PairedValue {
  /** The parser's line and the model's reading of the same line. */
  item: StatementItem;
  seen: StatementItem;
  period: string;
  /** The line's confidence per period, being settled. */
  conf: Record<string, number>;
  state: TypeState;
  cells: Map<string, Cell>;
  book: CheckBook;
}

/** One period of a line both read: agreement raises its confidence, disagreement keeps a candidate. */
function reconcilePairedValue(pair: PairedValue): void {
  const { item, seen, period, conf, state, cells, book } = pair;
  const printed = item.values[period];
  const read = seen.values[period];
  if (read === null || read === undefined) return;
  if (printed !== null && printed !== undefined && agree(printed, read, item.key, state.out.unit)) {
    addSource(item, "vision");
    const own = conf[period] ?? item.confidence;
    conf[period] = round(Math.max(own, Math.min(AGREED_CAP, 1 - (1 - own) * (1 - VISION_ITEM_CONFIDENCE))));
    return;
  }
  const key = item.key ?? seen.key;
  const cell = key ? cells.get(cellId(state.type, key, period)) : undefined;
  // The parser's line could not be named, or its cell is empty, where the model read a value
  // that reconciliation kept: the line shows the model's value and key, marked as such.
  const adopt = () => {
    if (!item.key && seen.key && cell) {
      item.key = seen.key;
      addFlag(item, "key_from_vision");
    }
  };
  if (printed === null || printed === undefined) {
    item.values = { ...item.values, [period]: read };
    addSource(item, "vision");
    addFlag(item, "vision_only_value");
    adopt();
    conf[period] = Math.min(VISION_ITEM_CONFIDENCE, seen.valueConfidence?.[period] ?? VISION_ITEM_CONFIDENCE);
    return;
  }
  const visionWins = cell
    ? cell.chosen === "vision" || (!cell.base && cell.vision !== undefined)
    : unkeyedVisionWins(item, printed, read, period, state, book);
  if (visionWins) adopt();
  addFlag(item, "sources_disagree");
  addSource(item, "vision");
  if (visionWins) {
    item.candidates = [
      ...(item.candidates ?? []),
      {
        period,
        value: printed,
        source: state.baseSource,
        confidence: conf[period] ?? 0,
        reason: cell?.base
          ? "sources_disagree: the checks chose the vision reading"
          : "sources_disagree: only the vision reading could be named and kept",
      },
    ];
    item.values = { ...item.values, [period]: read };
    conf[period] = cell?.decidedByChecks || !cell ? SETTLED : UNSETTLED;
  } else {
    item.candidates = [
      ...(item.candidates ?? []),
      {
        period,
        value: read,
        source: "vision",
        confidence: VISION_ITEM_CONFIDENCE,
        reason: "sources_disagree",
      },
    ];
    const unsettled = state.baseSource === "text" ? UNSETTLED_TEXT : UNSETTLED;
    conf[period] = cell?.decidedByChecks ? SETTLED : Math.min(conf[period] ?? unsettled, unsettled);
  }
}

/** Lines only the model read, placed after the line the model printed before them. */
function insertVisionOnlyLines(state: TypeState, pairs: Map<number, number>): string[] {
  const out = state.out;
  const position = new Map<number, number>();
  let added = 0;
  let notOnPage = 0;
  state.visionItems.forEach((seen, vi) => {
    if (pairs.has(vi)) return;
    const item: StatementItem = { ...structuredClone(seen), sources: ["vision"], candidates: undefined };
    addFlag(item, "vision_only");
    if (state.inPageText[vi] === false) {
      addFlag(item, "not_in_page_text");
      notOnPage += 1;
    } else if (state.inPageText[vi] === undefined) addFlag(item, "no_page_text");
    const cap = state.inPageText[vi] === false ? NOT_IN_PAGE_TEXT : VISION_ITEM_CONFIDENCE;
    item.valueConfidence = Object.fromEntries(
      Object.entries(item.values)
        .filter(([, v]) => v !== null)
        .map(([p]) => [p, Math.min(cap, seen.valueConfidence?.[p] ?? cap)]),
    );
    const before = [...pairs.keys(), ...position.keys()].filter((k) => k < vi).sort((a, b) => b - a)[0];
    const anchor =
      before === undefined
        ? -1
        : pairs.has(before)
          ? (pairs.get(before) as number)
          : (position.get(before) as number);
    const at = before === undefined ? out.items.length : anchor + 1;
    out.items.splice(at, 0, item);
    for (const [k, p] of pairs) if (p >= at) pairs.set(k, p + 1);
    for (const [k, p] of position) if (p >= at) position.set(k, p + 1);
    position.set(vi, at);
    added += 1;
  });
  const warnings: string[] = [];
  if (added > 0) warnings.push("vision_only_lines");
  if (notOnPage > 0) warnings.push("not_in_page_text");
  return warnings;
}

/** Each line's confidence is its weakest value's, and a check flag stays only while the check fails. */
function settleLineConfidence(items: StatementItem[], checks: CheckResult[]): void {
  const failing = new Set(checks.filter((c) => !c.ok).flatMap((c) => c.involves ?? []));
  for (const item of items) {
    // The parser flagged the line for a check that, re-measured with the settled values, passes.
    if (item.flags?.includes("check_failed") && !failing.has(item.key ?? item.label)) {
      item.flags = item.flags.filter((f) => f !== "check_failed");
      if (item.flags.length === 0) item.flags = undefined;
    }
    const values = Object.entries(item.valueConfidence ?? {})
      .filter(([p]) => item.values[p] !== null && item.values[p] !== undefined)
      .map(([, c]) => c);
    item.confidence = values.length ? Math.min(...values) : 0;
  }
}

/**
 * The line that carries a key's canonical value (the only line with that key, or its only total)
 * shows the canonical confidence, so a reviewer sees on the line what the number is worth.
 */
function alignCanonicalLineConfidence(
  state: TypeState,
  cells: Map<string, Cell>,
  confidence: Map<string, number>,
): void {
  const byKey = new Map<CanonicalKey, StatementItem[]>();
  for (const item of state.out.items) {
    if (item.key && !item.flags?.includes("not_in_page_text"))
      byKey.set(item.key, [...(byKey.get(item.key) ?? []), item]);
  }
  for (const [key, items] of byKey) {
    const totals = items.filter((i) => i.isTotal || (i.level ?? 2) < 2);
    const line = items.length === 1 ? items[0] : totals.length === 1 ? totals[0] : undefined;
    if (!line) continue;
    for (const { id: period } of state.out.periods) {
      const c = confidence.get(cellId(state.type, key, period));
      if (c === undefined || line.values[period] === null || line.values[period] === undefined) continue;
      if (!cells.has(cellId(state.type, key, period))) continue;
      line.valueConfidence = { ...line.valueConfidence, [period]: c };
    }
  }
}

/**
 * An unkeyed line has no canonical value to settle by identities; the parser's line checks
 * that name it decide: the model's reading wins only if it makes a failing check pass and
 * breaks none.
 */
function unkeyedVisionWins(
  item: StatementItem,
  printed: number | null | undefined,
  read: number,
  period: string,
  state: TypeState,
  book: CheckBook,
): boolean {
  if (printed === null || printed === undefined) return true;
  const checks = book.lineChecks(state.type, period).filter((c) => c.involves?.includes(item.label));
  if (checks.length === 0) return false;
  let fixed = 0;
  for (const check of checks) {
    const coef = check.involves?.[0] === item.label ? 1 : -1;
    const tolerance = roundingTolerance(state.out.unit, check.involves?.length ?? 2);
    const after = check.difference + coef * (read - printed);
    if (check.ok && Math.abs(after) > tolerance) return false;
    if (!check.ok && Math.abs(after) <= tolerance) fixed += 1;
  }
  return fixed > 0;
}
