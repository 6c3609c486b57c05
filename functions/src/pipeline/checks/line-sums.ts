import { SECTION_TOTAL } from "../parse/canonical-keys";
import type { KeyedLine } from "../statement/aggregate";
import { lineNature } from "../statement/canonical";
import type { CanonicalKey } from "../types";
import { roundingTolerance } from "./identities";

/** A check over printed lines: a total against the lines that make it up. */
export interface LineCheck {
  rule: string;
  period: string;
  ok: boolean;
  difference: number;
  expected: number;
  actual: number;
  /** Index of the total line, then the component lines. */
  total: number;
  components: number[];
}

const SECTION_TOTAL_KEYS = new Set(Object.values(SECTION_TOTAL));
/** The profits an income statement runs through: each is the one above plus the lines between. */
export const INCOME_ANCHORS: CanonicalKey[] = [
  "gross_sales",
  "revenue",
  "gross_profit",
  "operating_profit",
  "profit_before_tax",
  "net_income",
];

function hasChildren(lines: KeyedLine[], index: number): boolean {
  return lines.some((l) => l.parent === index);
}

/**
 * Balance sheet: each section total (current assets, non-current liabilities, equity ...)
 * against the finest printed lines of its section above it. A group printed with its accounts
 * counts once: through its accounts when they add up to it.
 */
export function sectionSumChecks(lines: KeyedLine[], unit: number): LineCheck[] {
  const checks: LineCheck[] = [];
  lines.forEach((total, t) => {
    const key = total.item.key;
    if (!key || !SECTION_TOTAL_KEYS.has(key)) return;
    const components: number[] = [];
    for (let i = t - 1; i >= 0; i--) {
      const line = lines[i] as KeyedLine;
      if (line.section !== total.section || (line.item.key && SECTION_TOTAL_KEYS.has(line.item.key))) break;
      // Another total with no breakdown under it (total assets above the liabilities) ends the run.
      if (line.item.isTotal && !hasChildren(lines, i)) break;
      if (!hasChildren(lines, i)) components.push(i);
    }
    if (components.length < 2) return;
    for (const [period, actual] of Object.entries(total.signed)) {
      if (actual === null) continue;
      const values = components.map((c) => lines[c]?.signed[period]);
      if (values.every((v) => v === null || v === undefined)) continue;
      const expected = values.reduce<number>((s, v) => s + (v ?? 0), 0);
      const difference = Math.round((actual - expected) * 100) / 100;
      checks.push({
        rule: `${key} = sum of its lines`,
        period,
        ok: Math.abs(difference) <= roundingTolerance(unit, components.length + 1),
        difference,
        expected,
        actual,
        total: t,
        components: components.reverse(),
      });
    }
  });
  return checks;
}

/**
 * THP's outline: a lettered group ("D. Maddi Duran Varlıklar") against the accounts printed
 * under it, down to the next group or class, whether or not their figures add up: a misread
 * account or group total then fails a check instead of passing unnoticed.
 */
export function outlineChecks(lines: KeyedLine[], unit: number): LineCheck[] {
  const checks: LineCheck[] = [];
  lines.forEach((group, g) => {
    if (group.depth !== 1 || group.kind === "heading") return;
    const components: number[] = [];
    // Its accounts carry their codes; an unnumbered line below ("BRÜT SATIŞ KÂRI") ends them,
    // and so does an account of another group: "C. Net Satışlar" is printed with a value and no
    // accounts, and the 620/621 below it belong to "D. Satışların Maliyeti", whose heading has
    // no figures and so no line here.
    for (let i = g + 1; i < lines.length && isAccountOf(group, lines[i] as KeyedLine); i++)
      components.push(i);
    if (components.length === 0) return;
    for (const [period, actual] of Object.entries(group.signed)) {
      const values = components.map((c) => lines[c]?.signed[period]);
      if (actual === null || values.every((v) => v === null || v === undefined)) continue;
      const expected = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
      const difference = Math.round((actual - expected) * 100) / 100;
      checks.push({
        rule: `${group.item.label} = sum of its accounts`,
        period,
        ok: Math.abs(difference) <= roundingTolerance(unit, components.length + 1),
        difference,
        expected,
        actual,
        total: g,
        components,
      });
    }
  });
  return checks;
}

function isAccountOf(group: KeyedLine, line: KeyedLine): boolean {
  if (!/^\d{3}/.test(line.item.code ?? "")) return false;
  return !group.item.key || !line.item.key || line.item.key === group.item.key;
}

/** A grand total printed under a subtotal and loose lines that have no subtotal of their own. */
const GRAND_TOTALS: Array<{ total: CanonicalKey; subtotal: CanonicalKey; printedOtherwise: CanonicalKey }> = [
  { total: "total_assets", subtotal: "total_current_assets", printedOtherwise: "total_non_current_assets" },
  {
    total: "total_liabilities",
    subtotal: "total_current_liabilities",
    printedOtherwise: "total_non_current_liabilities",
  },
];

/**
 * Balance sheet, US style: "Total assets" = "Total current assets" + the non-current lines
 * printed between them, when no total of non-current assets is printed (the identities cover
 * that case). Without it a total assets misread like its twin, total liabilities and equity,
 * would be confirmed by their equality alone.
 */
export function grandTotalChecks(lines: KeyedLine[], unit: number): LineCheck[] {
  const checks: LineCheck[] = [];
  for (const spec of GRAND_TOTALS) {
    const t = lines.findIndex((l) => l.item.key === spec.total && l.parent === undefined);
    const total = lines[t];
    if (!total) continue;
    const components: number[] = [];
    let subtotal = -1;
    for (let i = t - 1; i >= 0; i--) {
      const line = lines[i] as KeyedLine;
      const key = line.item.key;
      if (key === spec.subtotal && line.parent === undefined) {
        subtotal = i;
        break;
      }
      if (key === spec.printedOtherwise || (key && SECTION_TOTAL_KEYS.has(key))) break;
      if (line.item.isTotal && !hasChildren(lines, i)) break;
      // Lines a subtotal printed above them adds up (IFRS "Current assets  8 331 413" on its
      // heading row) count through that subtotal.
      if (!hasChildren(lines, i) && line.parent === undefined) components.push(i);
    }
    if (subtotal < 0 || components.length === 0) continue;
    for (const [period, actual] of Object.entries(total.signed)) {
      const start = lines[subtotal]?.signed[period];
      if (actual === null || start === null || start === undefined) continue;
      const expected = components.reduce((sum, c) => sum + (lines[c]?.signed[period] ?? 0), start);
      const difference = Math.round((actual - expected) * 100) / 100;
      checks.push({
        rule: `${spec.total} = ${spec.subtotal} + lines between`,
        period,
        ok: Math.abs(difference) <= roundingTolerance(unit, components.length + 2),
        difference,
        expected,
        actual,
        total: t,
        components: [subtotal, ...components.reverse()],
      });
    }
  }
  return checks;
}

/**
 * Income statement: each profit line equals the profit line above it plus the lines printed
 * between them. Lines whose nature (income or expense) cannot be told from their wording are
 * tried both ways: the arithmetic decides, and says so by passing.
 */
export function incomeChainChecks(
  lines: KeyedLine[],
  unit: number,
  signFor: (line: KeyedLine, value: number, nature: 1 | -1) => number,
): LineCheck[] {
  const checks: LineCheck[] = [];
  const topLevel = lines.filter((l) => l.parent === undefined || lines[l.parent]?.item.key !== l.item.key);
  const anchors = lines
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => {
      const parentKey = l.parent !== undefined ? lines[l.parent]?.item.key : undefined;
      // Lines that only add up to a key between them (600, 601, 602 under an unvalued
      // "A. Brüt Satışlar") are parts, not a step of the chain: the identities cover them.
      const parts = topLevel.filter((t) => t.item.key === l.item.key).length > 1 && !l.item.isTotal;
      if (l.item.key) return INCOME_ANCHORS.includes(l.item.key) && parentKey !== l.item.key && !parts;
      // An unkeyed profit subtotal ("Finansman geliri öncesi faaliyet karı") is a step too.
      return (l.kind === "subtotal" || l.kind === "total") && l.item.label.length > 0;
    });
  for (let a = 1; a < anchors.length; a++) {
    const from = anchors[a - 1] as { l: KeyedLine; i: number };
    const to = anchors[a] as { l: KeyedLine; i: number };
    const between: number[] = [];
    for (let i = from.i + 1; i < to.i; i++) {
      // A breakdown printed inside the segment counts once, through the line it breaks down;
      // the attribution of a profit (parent's share, non-controlling interests) not at all.
      const line = lines[i] as KeyedLine;
      if (line.aside) continue;
      const parent = line.parent;
      if (parent === undefined || parent < from.i || parent >= to.i) between.push(i);
    }
    for (const [period, actual] of Object.entries(to.l.signed)) {
      const base = from.l.signed[period];
      if (actual === null || base === null || base === undefined) continue;
      const known = between.filter((i) => lineNature(lines[i] as KeyedLine) !== undefined);
      const unknown = between.filter((i) => lineNature(lines[i] as KeyedLine) === undefined).slice(0, 6);
      const knownSum = known.reduce((s, i) => s + ((lines[i] as KeyedLine).signed[period] ?? 0), 0);
      let best: { difference: number; expected: number } | undefined;
      for (let mask = 0; mask < 1 << unknown.length; mask++) {
        const unknownSum = unknown.reduce((s, i, bit) => {
          const line = lines[i] as KeyedLine;
          const printed = line.item.values[period];
          return printed === null || printed === undefined
            ? s
            : s + signFor(line, printed, mask & (1 << bit) ? -1 : 1);
        }, 0);
        const expected = base + knownSum + unknownSum;
        const difference = Math.round((actual - expected) * 100) / 100;
        if (!best || Math.abs(difference) < Math.abs(best.difference)) best = { difference, expected };
      }
      if (!best) continue;
      checks.push({
        rule: `${to.l.item.key ?? to.l.item.label} = ${from.l.item.key ?? from.l.item.label} + lines between`,
        period,
        ok: Math.abs(best.difference) <= roundingTolerance(unit, between.length + 2),
        difference: best.difference,
        expected: best.expected,
        actual,
        total: to.i,
        components: [from.i, ...between],
      });
    }
  }
  return checks;
}

/** Keyless lines that must equal a key ("Net assets" = total equity): each pair is a check. */
export function equalsChecks(lines: KeyedLine[], unit: number): LineCheck[] {
  const checks: LineCheck[] = [];
  lines.forEach((line, index) => {
    if (!line.equals || line.item.key) return;
    const target = lines.findIndex((l) => l.item.key === line.equals && l.parent === undefined);
    if (target < 0) return;
    for (const [period, value] of Object.entries(line.signed)) {
      const other = lines[target]?.signed[period];
      if (value === null || other === null || other === undefined) continue;
      const difference = Math.round((Math.abs(value) - Math.abs(other)) * 100) / 100;
      checks.push({
        rule: `${line.item.label} = ${line.equals}`,
        period,
        ok: Math.abs(difference) <= roundingTolerance(unit, 2),
        difference,
        expected: Math.abs(other),
        actual: Math.abs(value),
        total: index,
        components: [target],
      });
    }
  });
  return checks;
}
