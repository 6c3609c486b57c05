import type { KeyedLine } from "../statement/aggregate";
import type { CanonicalKey, CheckResult, Statement } from "../types";
import { checkResultOf, type IdentityOutcome } from "./identities";
import type { LineCheck } from "./line-sums";

interface Support {
  ok: number;
  fail: number;
}

/** Highest confidence for a value that no check confirms: one reading, nothing to back it. */
const UNCHECKED_CAP = { text: 0.95, ocr: 0.85 } as const;
/** A value that breaks a check it takes part in, with nothing else confirming it. */
const BROKEN_CAP = 0.5;
/** A value confirmed by one check and contradicted by another. */
const DISPUTED_CAP = 0.8;
const CONFIRMED_FLOOR = 0.97;

function adjust(base: number, support: Support | undefined, source: "text" | "ocr"): number {
  if (!support || (support.ok === 0 && support.fail === 0)) return Math.min(base, UNCHECKED_CAP[source]);
  if (support.fail === 0) return base >= 0.3 ? Math.max(base, CONFIRMED_FLOOR) : base;
  if (support.ok === 0) return Math.min(base, BROKEN_CAP);
  return Math.min(base, DISPUTED_CAP);
}

const bump = (map: Map<string, Support>, id: string, ok: boolean) => {
  const s = map.get(id) ?? { ok: 0, fail: 0 };
  if (ok) s.ok += 1;
  else s.fail += 1;
  map.set(id, s);
};

/**
 * Sets the confidence of every value from its reading and the checks it takes part in, and
 * proposes the arithmetic value where a failing identity pins down a single unconfirmed key:
 * proposed, flagged for review, never written over the printed number.
 */
export function applyChecks(
  statement: Statement,
  lines: KeyedLine[],
  identities: IdentityOutcome[],
  lineChecks: LineCheck[],
): CheckResult[] {
  const keySupport = new Map<string, Support>();
  const lineSupport = new Map<string, Support>();
  for (const o of identities) for (const key of o.keys) bump(keySupport, `${key}|${o.period}`, o.ok);
  for (const c of lineChecks) {
    for (const index of [c.total, ...c.components]) {
      bump(lineSupport, `${index}|${c.period}`, c.ok);
      // A line vouches for its key's value unless it is the breakdown of a line of that key.
      const line = lines[index];
      const key = line?.item.key;
      const parentKey = line?.parent !== undefined ? lines[line.parent]?.item.key : undefined;
      if (key && parentKey !== key) bump(keySupport, `${key}|${c.period}`, c.ok);
    }
  }

  const source = lines.some((l) => l.item.sources.includes("ocr")) ? "ocr" : "text";
  lines.forEach((line, index) => {
    const confidences = line.item.valueConfidence ?? {};
    for (const period of Object.keys(confidences)) {
      const own = lineSupport.get(`${index}|${period}`);
      const byKey = line.item.key ? keySupport.get(`${line.item.key}|${period}`) : undefined;
      const merged =
        own || byKey
          ? { ok: (own?.ok ?? 0) + (byKey?.ok ?? 0), fail: (own?.fail ?? 0) + (byKey?.fail ?? 0) }
          : undefined;
      const base = (confidences[period] ?? 0) * (line.item.key ? line.keyConfidence : 1);
      confidences[period] = round(adjust(base, merged, line.item.sources.includes("ocr") ? "ocr" : "text"));
      if (merged && merged.fail > 0)
        line.item.flags = [...new Set([...(line.item.flags ?? []), "check_failed"])];
    }
    const values = Object.values(confidences);
    line.item.confidence = values.length ? Math.min(...values) : 0;
  });

  const canonicalConfidence = statement.canonicalConfidence ?? {};
  for (const [key, periods] of Object.entries(canonicalConfidence) as Array<
    [CanonicalKey, Record<string, number>]
  >) {
    for (const period of Object.keys(periods)) {
      periods[period] = round(adjust(periods[period] ?? 0, keySupport.get(`${key}|${period}`), source));
    }
  }
  statement.canonicalConfidence = canonicalConfidence;

  proposeArithmeticValues(statement, lines, identities, keySupport);

  return [
    ...identities.map(checkResultOf),
    ...lineChecks.map((c) => ({
      rule: c.rule,
      period: c.period,
      ok: c.ok,
      difference: c.difference,
      expected: c.expected,
      actual: c.actual,
      involves: [c.total, ...c.components].map(
        (i) => lines[i]?.item.key ?? lines[i]?.item.label ?? String(i),
      ),
    })),
  ];
}

function proposeArithmeticValues(
  statement: Statement,
  lines: KeyedLine[],
  identities: IdentityOutcome[],
  keySupport: Map<string, Support>,
): void {
  for (const o of identities) {
    if (o.ok) continue;
    const unconfirmed = o.keys.filter((k) => (keySupport.get(`${k}|${o.period}`)?.ok ?? 0) === 0);
    if (unconfirmed.length !== 1) continue;
    const key = unconfirmed[0] as CanonicalKey;
    const current = statement.canonical[key]?.[o.period];
    if (current === undefined) continue;
    // left = Σ right (all terms added): the left side takes the sum, a right term the difference.
    const proposed = key === o.keys[0] ? o.expected : current + o.difference;
    const line = lines.find((l) => l.item.key === key && l.parent === undefined);
    if (!line) continue;
    line.item.candidates = [
      ...(line.item.candidates ?? []),
      { period: o.period, value: proposed, source: "arithmetic", confidence: 0.6, reason: o.rule },
    ];
    line.item.flags = [...new Set([...(line.item.flags ?? []), "arithmetic_candidate"])];
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
