import type { ValueSource } from "../types";
import { type Cell, cellId } from "./cells";
import type { BookCheck } from "./check-book";

export interface Support {
  pass: number;
  fail: number;
  /** Passing checks with at least one other term read by the text layer or OCR. */
  independentPass: number;
}

const CONFIRMED = 0.97;
/** Two independent readings agree, nothing checks them. */
const AGREED_UNCHECKED_CAP = 0.95;
/** A value added up from several lines that no check confirms: the grouping is ours, not printed. */
const SUMMED_UNCHECKED_CAP = 0.89;
/** Readings disagreed and the checks chose: right by arithmetic, still worth a look. */
const SETTLED_BY_CHECKS = 0.92;
/** Readings disagreed and nothing could settle it: OCR may have misread, the model may have. */
const UNSETTLED = 0.5;
/** The same, where the parser's reading is the text layer: exact characters, below "high" all the same. */
const UNSETTLED_TEXT = 0.85;
/** The model's value with checks that only involve the model's own other values. */
const SELF_CONSISTENT_VISION = 0.85;
const VISION_CONFIRMED_INDEPENDENTLY = 0.93;
const VISION_UNCHECKED = 0.7;
const NOT_IN_PAGE_TEXT = 0.3;
const BROKEN = 0.5;
const DISPUTED_BY_CHECKS = 0.8;

const round = (n: number) => Math.round(n * 1000) / 1000;

export function supportOf(checks: BookCheck[], cell: Cell, sources: Map<string, ValueSource[]>): Support {
  const support: Support = { pass: 0, fail: 0, independentPass: 0 };
  for (const check of checks) {
    if (check.period !== cell.period || !check.refs.some((r) => r.type === cell.type && r.key === cell.key))
      continue;
    if (!check.ok) {
      support.fail += 1;
      continue;
    }
    support.pass += 1;
    const others = check.refs.filter((r) => !(r.type === cell.type && r.key === cell.key));
    const independent =
      check.kind === "line" ||
      others.some((r) =>
        (sources.get(cellId(r.type, r.key, cell.period)) ?? []).some((s) => s === "text" || s === "ocr"),
      );
    if (independent) support.independentPass += 1;
  }
  return support;
}

/**
 * Confidence of a reconciled value from who read it and what the arithmetic says:
 * - two independent readings that agree, confirmed by checks: ≥ 0.97; unchecked: at most 0.95,
 *   or 0.89 when the value is a sum of several lines (the grouping is ours, not printed);
 * - readings that disagreed: 0.92 when the checks settled it, 0.5 when they could not;
 * - the model alone: never high unless a check with a text/OCR term confirms it; 0.3 for a
 *   line that is printed nowhere on the page;
 * - the parser alone: its own confidence, moved by the re-measured checks as the parser does.
 */
export function reconciledConfidence(
  cell: Cell,
  sources: ValueSource[],
  support: Support,
  notInPageText = false,
): number {
  const broken = support.fail > 0 && support.pass === 0;
  const mixed = support.fail > 0 && support.pass > 0;
  const confirmed = support.pass > 0 && support.fail === 0;
  const fromBase = sources.some((s) => s === "text" || s === "ocr");
  const fromVision = sources.includes("vision");

  if (cell.disputed) {
    if (cell.decidedByChecks && confirmed) return SETTLED_BY_CHECKS;
    const cap = cell.base?.source === "text" && cell.chosen === "base" ? UNSETTLED_TEXT : UNSETTLED;
    return round(Math.min(cap, cell.base?.confidence ?? cap));
  }
  if (fromVision && !fromBase) {
    if (notInPageText) return NOT_IN_PAGE_TEXT;
    if (confirmed)
      return support.independentPass > 0 ? VISION_CONFIRMED_INDEPENDENTLY : SELF_CONSISTENT_VISION;
    if (broken) return 0.4;
    if (mixed) return 0.6;
    return round(Math.min(VISION_UNCHECKED, cell.vision?.confidence ?? VISION_UNCHECKED));
  }
  const base = cell.base?.confidence ?? 0;
  if (fromVision && fromBase) {
    if (confirmed) return round(Math.max(base, CONFIRMED + 0.01));
    if (broken) return round(Math.min(Math.max(base, 0.6), 0.6));
    if (mixed) return DISPUTED_BY_CHECKS;
    const agreed = 1 - (1 - base) * (1 - (cell.vision?.confidence ?? VISION_UNCHECKED));
    // Both readings agree on every line, but which lines make up the key is our inference.
    const cap = cell.summed ? SUMMED_UNCHECKED_CAP : AGREED_UNCHECKED_CAP;
    return round(Math.min(cap, Math.max(base, agreed)));
  }
  if (confirmed) return base >= 0.3 ? round(Math.max(base, CONFIRMED)) : base;
  if (broken) return round(Math.min(base, BROKEN));
  if (mixed) return round(Math.min(base, DISPUTED_BY_CHECKS));
  return base;
}
