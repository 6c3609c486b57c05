import { foldForMatching } from "../parse/turkish-text";
import type { Period } from "../types";

const yearOf = (p: Period): string | undefined =>
  (p.end ?? p.id).match(/^(\d{4})-/)?.[1] ?? p.label.match(/\b(19|20)\d{2}\b/)?.[0];

/**
 * Maps the periods of one reading onto another's: by id, then end date, then heading text,
 * then year (when one period per year), and by position only when the two readings have the
 * same number of columns and nothing else told them apart ("Cari Dönem" / "Önceki Dönem").
 * Returns source id → target id; unmatched source periods are left out.
 */
export function alignPeriods(target: Period[], source: Period[]): Map<string, string> {
  const mapping = new Map<string, string>();
  const taken = new Set<string>();
  const tryMatch = (same: (t: Period, s: Period) => boolean) => {
    for (const s of source) {
      if (mapping.has(s.id)) continue;
      const hits = target.filter((t) => !taken.has(t.id) && same(t, s));
      if (hits.length === 1) {
        const hit = hits[0] as Period;
        mapping.set(s.id, hit.id);
        taken.add(hit.id);
      }
    }
  };
  tryMatch((t, s) => t.id === s.id);
  tryMatch((t, s) => Boolean(t.end && s.end && t.end === s.end));
  tryMatch(
    (t, s) => foldForMatching(t.label) !== "" && foldForMatching(t.label) === foldForMatching(s.label),
  );
  tryMatch((t, s) => {
    const year = yearOf(s);
    return year !== undefined && year === yearOf(t) && target.filter((o) => yearOf(o) === year).length === 1;
  });
  const openSources = source.filter((s) => !mapping.has(s.id));
  const openTargets = target.filter((t) => !taken.has(t.id));
  if (mapping.size === 0 && openSources.length === openTargets.length) {
    openSources.forEach((s, i) => {
      mapping.set(s.id, (openTargets[i] as Period).id);
    });
  }
  return mapping;
}
