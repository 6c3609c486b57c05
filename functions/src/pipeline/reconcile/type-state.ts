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
}

export function buildTypeState(
  type: StatementType,
  base: Statement | undefined,
  vision: VisionStatement | undefined,
  labelOnPage: (label: string, page: number) => boolean | undefined,
  warnings: string[],
): TypeState | undefined {
  if (!base && !vision) return undefined;
  const out: Statement = base ? structuredClone(base) : visionOnlyShell(vision as VisionStatement);
  const baseSource = base?.items.some((i) => i.sources.includes("ocr")) ? "ocr" : "text";
  const state: TypeState = {
    type,
    base,
    vision,
    out,
    baseSource,
    visionItems: [],
    visionSigned: [],
    inPageText: [],
    visionCanonical: {},
    visionCanonicalConfidence: {},
    visionKeysNotInText: new Set(),
    pairs: new Map(),
    baseCanonical: structuredClone(base?.canonical ?? {}),
    baseCanonicalConfidence: structuredClone(base?.canonicalConfidence ?? {}),
  };
  if (!vision) return state;
  const mapping = base
    ? alignPeriods(out.periods, vision.periods)
    : new Map(vision.periods.map((p) => [p.id, p.id]));
  if (base && mapping.size < vision.periods.length) warnings.push(`vision_period_unmatched_${type}`);
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
  if (base) {
    state.pairs = matchItems(out.items, state.visionItems);
    const repair = repairMapping(out, state.visionItems, vision.keyConfidence, state.pairs);
    state.baseCanonical = repair.canonical;
    state.baseCanonicalConfidence = repair.confidence;
    if (repair.repaired.size > 0) warnings.push("key_from_vision");
  }
  // Beside the parser's own reading, a line printed nowhere on a page that has text is kept for
  // the reviewer but adds no value; a statement only the model found keeps all it read (at low
  // confidence), since the page text is then too poor to judge by.
  const kept = state.visionItems.map((_, i) => i).filter((i) => !base || state.inPageText[i] !== false);
  const aggregated = aggregateVisionCanonical(
    kept.map((i) => state.visionItems[i] as StatementItem),
    kept.map((i) => state.visionSigned[i] ?? {}),
    kept.map((i) => vision.keyConfidence[i] ?? 0),
  );
  for (const i of kept) {
    const key = state.visionItems[i]?.key;
    if (key && state.inPageText[i] === false) state.visionKeysNotInText.add(key);
  }
  state.visionCanonical = aggregated.canonical;
  state.visionCanonicalConfidence = aggregated.canonicalConfidence ?? {};
  return state;
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
