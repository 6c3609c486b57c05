import type { CanonicalKey, Statement, StatementItem, StatementType, ValueSource } from "../types";
import type { VisionStatement } from "../vision/types";
import { aggregateVisionCanonical } from "../vision/vision-signs";
import { alignPeriods } from "./align-periods";
import { matchItems } from "./match-items";
import { repairMapping } from "./repair-mapping";

/** One statement type during reconciliation: the parser's reading, the model's, and the output. */
export interface TypeState {
  type: StatementType;
  /** The parser's statement as it came in (never modified). */
  base?: Statement;
  vision?: VisionStatement;
  /** The statement being produced: a copy of the parser's, or one built from the model's. */
  out: Statement;
  baseSource: Extract<ValueSource, "text" | "ocr">;
  /** The model's items with values moved onto the output's period ids and unit. */
  visionItems: StatementItem[];
  visionSigned: Array<Record<string, number | null>>;
  /** Per model item: is its label printed on its page (undefined: the page has no text). */
  inPageText: Array<boolean | undefined>;
  /** The model's canonical values on the output's periods and unit, lines not on the page left out. */
  visionCanonical: Statement["canonical"];
  visionCanonicalConfidence: NonNullable<Statement["canonicalConfidence"]>;
  /** Keys whose model value rests on a line printed nowhere on its page. */
  visionKeysNotInText: Set<CanonicalKey>;
  /** Model item index → parser item index, for lines that are the same printed row. */
  pairs: Map<number, number>;
  /** The parser's canonical values after its unnamed lines took the model's keys. */
  baseCanonical: Statement["canonical"];
  baseCanonicalConfidence: NonNullable<Statement["canonicalConfidence"]>;
  /** "key|period" of values either reading added up from several lines. */
  summed: Set<string>;
}

export function buildTypeState(
  type: StatementType,
  parsed: Statement | undefined,
  vision: VisionStatement | undefined,
  labelOnPage: (label: string, page: number) => boolean | undefined,
  warnings: string[],
): TypeState | undefined {
  if (!parsed && !vision) return undefined;
  const base = parsed && vision ? datePeriods(parsed, vision, warnings) : parsed;
  const out: Statement = base ? structuredClone(base) : visionOnlyShell(vision as VisionStatement);
  const state = emptyState(type, base, vision, out);
  if (!vision) return state;
  const mapping = periodMapping(state, vision, warnings);
  placeVisionItems(state, vision, mapping, labelOnPage, warnings);
  if (base) {
    state.pairs = matchItems(out.items, state.visionItems);
    const repair = repairMapping(out, state.visionItems, vision.keyConfidence, state.pairs);
    state.baseCanonical = repair.canonical;
    state.baseCanonicalConfidence = repair.confidence;
    if (repair.repaired.size > 0) warnings.push("key_from_vision");
  }
  aggregateVisionReading(state, vision);
  return state;
}

function emptyState(
  type: StatementType,
  base: Statement | undefined,
  vision: VisionStatement | undefined,
  out: Statement,
): TypeState {
  return {
    type,
    base,
    vision,
    out,
    baseSource: base?.items.some((i) => i.sources.includes("ocr")) ? "ocr" : "text",
    visionItems: [],
    visionSigned: [],
    inPageText: [],
    visionCanonical: {},
    visionCanonicalConfidence: {},
    visionKeysNotInText: new Set(),
    pairs: new Map(),
    baseCanonical: structuredClone(base?.canonical ?? {}),
    baseCanonicalConfidence: structuredClone(base?.canonicalConfidence ?? {}),
    summed: new Set(),
  };
}

/** The model's period id → the statement's, adding the columns only the model read. */
function periodMapping(state: TypeState, vision: VisionStatement, warnings: string[]): Map<string, string> {
  const { base, out, type } = state;
  const mapping = base
    ? alignPeriods(out.periods, vision.periods)
    : new Map(vision.periods.map((p) => [p.id, p.id]));
  // A column the parser lost (two columns read as one on a skewed scan) but the model read is
  // kept as a period of its own: every value in it comes from the model alone.
  for (const period of vision.periods) {
    if (!base || mapping.has(period.id) || out.periods.some((p) => p.id === period.id)) continue;
    out.periods.push(structuredClone(period));
    mapping.set(period.id, period.id);
    warnings.push(`vision_only_period_${type}`);
  }
  return mapping;
}

/** The model's lines in the statement's periods and unit, and whether each is printed on its page. */
function placeVisionItems(
  state: TypeState,
  vision: VisionStatement,
  mapping: Map<string, string>,
  labelOnPage: (label: string, page: number) => boolean | undefined,
  warnings: string[],
): void {
  const { out, type } = state;
  const scale = out.unit / vision.unit;
  if (scale !== 1) warnings.push(`vision_unit_differs_${type}`);
  const move = (values: Record<string, number | null>) => {
    const moved: Record<string, number | null> = Object.fromEntries(out.periods.map((p) => [p.id, null]));
    for (const [from, to] of mapping) {
      const v = values[from];
      moved[to] = v === null || v === undefined ? null : Math.round(v * scale * 100) / 100;
    }
    return moved;
  };
  vision.items.forEach((item, i) => {
    const valueConfidence: Record<string, number> = {};
    for (const [from, to] of mapping) {
      const c = item.valueConfidence?.[from];
      if (c !== undefined) valueConfidence[to] = c;
    }
    state.visionItems.push({ ...structuredClone(item), values: move(item.values), valueConfidence });
    state.visionSigned.push(move(vision.signed[i] ?? {}));
    state.inPageText.push(labelOnPage(item.label, item.page));
  });
}

/** The model's canonical values, from the lines it may be trusted with. */
function aggregateVisionReading(state: TypeState, vision: VisionStatement): void {
  const { base, out } = state;
  // Beside the parser's own reading, a line printed nowhere on a page that has text is kept for
  // the reviewer but adds no value; a statement only the model found keeps all it read (at low
  // confidence), since the page text is then too poor to judge by.
  const kept = state.visionItems.map((_, i) => i).filter((i) => !base || state.inPageText[i] !== false);
  const aggregate = (indexes: number[], summed?: Set<string>) =>
    aggregateVisionCanonical(
      indexes.map((i) => state.visionItems[i] as StatementItem),
      indexes.map((i) => state.visionSigned[i] ?? {}),
      indexes.map((i) => vision.keyConfidence[i] ?? 0),
      summed,
    );
  const aggregated = aggregate(kept, state.summed);
  // Leaving a line out must not turn the model's reading of a key into a different number (a
  // partial sum that could then "agree" with OCR's own partial sum): where it would, the model
  // has no reading of that key at all.
  const full = aggregate(state.visionItems.map((_, i) => i)).canonical;
  for (const [key, periods] of Object.entries(aggregated.canonical) as Array<
    [CanonicalKey, Record<string, number>]
  >) {
    for (const [period, value] of Object.entries(periods)) {
      if (full[key]?.[period] === value) continue;
      delete periods[period];
      delete aggregated.canonicalConfidence?.[key]?.[period];
      state.visionKeysNotInText.add(key);
    }
  }
  if (base) for (const id of summedInParser(out)) state.summed.add(id);
  for (const i of kept) {
    const key = state.visionItems[i]?.key;
    if (key && state.inPageText[i] === false) state.visionKeysNotInText.add(key);
  }
  state.visionCanonical = aggregated.canonical;
  state.visionCanonicalConfidence = aggregated.canonicalConfidence ?? {};
}

/**
 * A column the parser could not date ("period_1": a heading OCR could not read) takes the end
 * date the model read for the same column, so that it lines up with other documents and
 * periods. Returns a renamed copy of the parser's statement, or the statement itself.
 */
function datePeriods(base: Statement, vision: VisionStatement, warnings: string[]): Statement {
  const mapping = alignPeriods(base.periods, vision.periods);
  const renames = new Map<string, string>();
  for (const [from, to] of mapping) {
    const seen = vision.periods.find((p) => p.id === from);
    const own = base.periods.find((p) => p.id === to);
    if (!seen?.end || !own || own.end || base.periods.some((p) => p.id === seen.end)) continue;
    renames.set(to, seen.end);
  }
  if (renames.size === 0) return base;
  warnings.push(`period_from_vision_${base.type}`);
  const rename = (id: string) => renames.get(id) ?? id;
  const rekey = <T>(record: Record<string, T> | undefined) =>
    record ? Object.fromEntries(Object.entries(record).map(([id, v]) => [rename(id), v])) : record;
  const copy = structuredClone(base);
  copy.periods = copy.periods.map((p) =>
    renames.has(p.id) ? { ...p, id: rename(p.id), end: rename(p.id) } : p,
  );
  for (const item of copy.items) {
    item.values = rekey(item.values) ?? {};
    item.valueConfidence = rekey(item.valueConfidence);
    item.valueBoxes = rekey(item.valueBoxes);
    item.candidates = item.candidates?.map((c) => ({ ...c, period: rename(c.period) }));
  }
  for (const key of Object.keys(copy.canonical) as CanonicalKey[])
    copy.canonical[key] = rekey(copy.canonical[key]);
  for (const key of Object.keys(copy.canonicalConfidence ?? {}) as CanonicalKey[]) {
    if (copy.canonicalConfidence) copy.canonicalConfidence[key] = rekey(copy.canonicalConfidence[key]);
  }
  copy.checks = copy.checks.map((c) => ({ ...c, period: rename(c.period) }));
  return copy;
}

/** Values the parser added up from several lines of one key (no single total line for it). */
function summedInParser(statement: Statement): string[] {
  const out: string[] = [];
  const keys = new Set(statement.items.map((i) => i.key).filter((k): k is CanonicalKey => Boolean(k)));
  for (const key of keys) {
    const lines = statement.items.filter((i) => i.key === key);
    for (const { id: period } of statement.periods) {
      const valued = lines.filter((i) => typeof i.values[period] === "number");
      const totals = valued.filter((i) => i.isTotal || (i.level ?? 2) < 2);
      if (valued.length >= 2 && totals.length !== 1) out.push(`${key}|${period}`);
    }
  }
  return out;
}

function visionOnlyShell(vision: VisionStatement): Statement {
  return {
    type: vision.type,
    currency: vision.currency,
    unit: vision.unit,
    periods: structuredClone(vision.periods),
    items: [],
    canonical: {},
    canonicalConfidence: {},
    checks: [],
    pages: [...(vision.pages ?? [])],
    language: vision.language,
    title: vision.title,
  };
}
