import { boundedEditDistance, editAllowance } from "../parse/edit-distance";
import { foldForMatching } from "../parse/turkish-text";
import type { StatementItem } from "../types";

const labelForm = (label: string) => foldForMatching(label).replace(/\s+/g, " ");

/** OCR appends dot leaders and speckle to labels: "Diğer Borçlar -. san sare". */
function samePrintedLabel(base: string, vision: string): boolean {
  const b = labelForm(base);
  const v = labelForm(vision);
  return Boolean(v) && (b === v || b.startsWith(`${v} `));
}

function nearLabel(base: string, vision: string): boolean {
  const b = labelForm(base);
  const v = labelForm(vision);
  if (!b || !v) return false;
  const head = b.slice(0, v.length);
  const allowed = Math.max(1, editAllowance(v.length));
  return boundedEditDistance(head, v, allowed) <= allowed || boundedEditDistance(b, v, allowed) <= allowed;
}

/** The two readings of one printed row: equal amounts wherever both have one. */
export function sameAmounts(b: StatementItem, v: StatementItem, minimum = 0): boolean {
  const periods = Object.keys(b.values).filter(
    (p) => typeof b.values[p] === "number" && typeof v.values[p] === "number",
  );
  if (periods.length === 0 || !periods.some((p) => Math.abs(b.values[p] as number) >= minimum)) return false;
  return periods.every(
    (p) => Math.abs(Math.abs(v.values[p] as number) - Math.abs(b.values[p] as number)) < 0.005,
  );
}

/**
 * Pairs each line the model read with the parser's line for the same printed row. Strongest
 * evidence first: the same account code; the same label (OCR's trailing leaders ignored); a
 * near label with the same amounts; the only line with the same key on the page; the very same
 * amounts on the page (a label OCR garbled beyond recognition); a near label alone. "Gelirler"
 * and "Giderler" are one letter apart, so a near label alone comes last. Each parser line pairs
 * once. Returns vision index → base index.
 */
export function matchItems(base: StatementItem[], vision: StatementItem[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const used = new Set<number>();
  const pass = (same: (b: StatementItem, v: StatementItem) => boolean) => {
    vision.forEach((v, vi) => {
      if (pairs.has(vi)) return;
      // Both readers read the same physical page: a row is only ever matched on its own page.
      const index = base.findIndex((b, bi) => !used.has(bi) && b.page === v.page && same(b, v));
      if (index >= 0) {
        pairs.set(vi, index);
        used.add(index);
      }
    });
  };
  const keyCount = (items: StatementItem[], item: StatementItem) =>
    items.filter((i) => i.key === item.key && i.page === item.page).length;
  pass((b, v) => Boolean(b.code && v.code && b.code.replace(/\s/g, "") === v.code.replace(/\s/g, "")));
  pass((b, v) => samePrintedLabel(b.label, v.label) && (!b.key || !v.key || b.key === v.key));
  pass((b, v) => nearLabel(b.label, v.label) && sameAmounts(b, v));
  pass((b, v) => Boolean(b.key && b.key === v.key && keyCount(base, b) === 1 && keyCount(vision, v) === 1));
  pass((b, v) => sameAmounts(b, v, 1000));
  pass((b, v) => nearLabel(b.label, v.label) && (!b.key || !v.key || b.key === v.key));
  return pairs;
}
