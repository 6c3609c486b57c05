import { boundedEditDistance, editAllowance } from "../parse/edit-distance";
import { foldForMatching } from "../parse/turkish-text";
import type { StatementItem } from "../types";

const labelForm = (label: string) => foldForMatching(label).replace(/\s+/g, " ");

function sameLabel(a: string, b: string): boolean {
  const x = labelForm(a);
  const y = labelForm(b);
  if (!x || !y) return false;
  const allowed = Math.max(1, editAllowance(Math.max(x.length, y.length)));
  return boundedEditDistance(x, y, allowed) <= allowed;
}

/**
 * Pairs each line the model read with the parser's line for the same printed row: the same
 * account code, else the same label (OCR damage tolerated), else the only line with the same
 * key on the page. Each parser line pairs once. Returns vision index → base index.
 */
export function matchItems(base: StatementItem[], vision: StatementItem[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const used = new Set<number>();
  const pass = (same: (b: StatementItem, v: StatementItem, vi: number) => boolean) => {
    vision.forEach((v, vi) => {
      if (pairs.has(vi)) return;
      const samePage = base.findIndex((b, bi) => !used.has(bi) && b.page === v.page && same(b, v, vi));
      const index = samePage >= 0 ? samePage : base.findIndex((b, bi) => !used.has(bi) && same(b, v, vi));
      if (index >= 0) {
        pairs.set(vi, index);
        used.add(index);
      }
    });
  };
  pass((b, v) => Boolean(b.code && v.code && b.code.replace(/\s/g, "") === v.code.replace(/\s/g, "")));
  pass((b, v) => sameLabel(b.label, v.label) && (!b.key || !v.key || b.key === v.key));
  const keyCount = (items: StatementItem[], item: StatementItem) =>
    items.filter((i) => i.key === item.key && i.page === item.page).length;
  pass((b, v) => Boolean(b.key && b.key === v.key && keyCount(base, b) === 1 && keyCount(vision, v) === 1));
  return pairs;
}
