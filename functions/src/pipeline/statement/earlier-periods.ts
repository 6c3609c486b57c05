import type { Statement } from "../types";

/**
 * A filing that carries last year's statements behind this year's (Philippine SEC filings
 * print the 2022 set, then the 2021 set with 2021 and 2020 columns) holds one more period in
 * the later set. The first statement read stays as it is; the periods only the later one
 * prints are added to it, with their lines, values and checks. Returns false when the later
 * statement adds no period: it is a repeat, and the caller ignores it as before.
 */
export function addEarlierPeriods(into: Statement, from: Statement): boolean {
  const ends = new Set(into.periods.map((p) => p.end ?? p.id));
  const ids = new Set(into.periods.map((p) => p.id));
  const added = from.periods.filter((p) => p.end && !ends.has(p.end) && !ids.has(p.id));
  if (added.length === 0) return false;
  const keep = new Set(added.map((p) => p.id));
  into.periods = [...into.periods, ...added].sort((a, b) => (b.end ?? "").localeCompare(a.end ?? ""));
  for (const item of from.items) {
    const values = Object.fromEntries(Object.entries(item.values).filter(([p]) => keep.has(p)));
    if (Object.values(values).every((v) => v === null)) continue;
    into.items.push({
      ...item,
      values,
      valueConfidence: Object.fromEntries(
        Object.entries(item.valueConfidence ?? {}).filter(([p]) => keep.has(p)),
      ),
      flags: [...new Set([...(item.flags ?? []), "from_later_statement"])],
    });
  }
  for (const [key, byPeriod] of Object.entries(from.canonical)) {
    for (const [period, value] of Object.entries(byPeriod ?? {})) {
      if (!keep.has(period)) continue;
      const k = key as keyof Statement["canonical"];
      into.canonical[k] = { ...into.canonical[k], [period]: value };
      const confidence = from.canonicalConfidence?.[k]?.[period];
      if (confidence !== undefined) {
        into.canonicalConfidence = into.canonicalConfidence ?? {};
        into.canonicalConfidence[k] = { ...into.canonicalConfidence[k], [period]: confidence };
      }
    }
  }
  into.checks.push(...from.checks.filter((c) => keep.has(c.period)));
  into.pages = [...new Set([...(into.pages ?? []), ...(from.pages ?? [])])];
  into.flagged = Boolean(into.flagged || from.checks.some((c) => keep.has(c.period) && !c.ok));
  return true;
}
