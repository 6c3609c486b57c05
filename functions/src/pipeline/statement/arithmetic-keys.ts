import {
  BALANCE_SHEET_IDENTITIES,
  type Identity,
  INCOME_STATEMENT_IDENTITIES,
  roundingTolerance,
} from "../checks/identities";
import { INCOME_ANCHORS } from "../checks/line-sums";
import type { CanonicalKey, StatementType } from "../types";
import type { KeyedLine } from "./aggregate";

interface Pin {
  key: CanonicalKey;
  from: Identity["right"];
}

/**
 * The statements' identities solved for each of their keys: what pins one line down when two
 * printed lines claim the same key (IFRS "Revenue", turnover + other income + interest, above
 * "Turnover": only turnover less the cost of sales is the gross profit).
 */
function pinsOf(identities: Identity[]): Pin[] {
  return identities.flatMap((identity) => [
    { key: identity.left, from: identity.right },
    // left = Σ sᵢ·rᵢ  ⇒  r_k = s_k·(left − Σ_{i≠k} sᵢ·rᵢ)
    ...identity.right.map((term, k) => ({
      key: term.key,
      from: [
        { key: identity.left, sign: term.sign },
        ...identity.right
          .filter((_, i) => i !== k)
          .map((other) => ({ key: other.key, sign: (-other.sign * term.sign) as 1 | -1 })),
      ],
    })),
  ]);
}

const PINS = pinsOf([...INCOME_STATEMENT_IDENTITIES, ...BALANCE_SHEET_IDENTITIES]);

/** Lines holding `key` in their own right, not as the printed breakdown of a line of that key. */
function holders(lines: KeyedLine[], key: CanonicalKey): KeyedLine[] {
  return lines.filter(
    (l) => l.item.key === key && (l.parent === undefined || lines[l.parent]?.item.key !== key),
  );
}

/** The signed value of the single line holding `key`, or undefined when not exactly one does. */
function single(lines: KeyedLine[], key: CanonicalKey, period: string): number | undefined {
  const holding = holders(lines, key);
  if (holding.length !== 1) return undefined;
  return holding[0]?.signed[period] ?? undefined;
}

/**
 * Labels propose, arithmetic decides: where several top-level lines carry one key that they
 * cannot all mean (they do not add up to what the statement's identities require, while
 * exactly one of them does), that one keeps the key and the others lose it, flagged. Lines
 * meant to be added (short-term loans and the current portion of long-term debt) pass the
 * identity as a sum, or no identity speaks, and are left alone.
 */
export function resolveKeysByArithmetic(lines: KeyedLine[], rounding: number): void {
  for (const pin of PINS) {
    const claimants = holders(lines, pin.key);
    if (claimants.length < 2) continue;
    const periods = [...new Set(claimants.flatMap((l) => Object.keys(l.signed)))];
    const expected = new Map<string, number>();
    for (const period of periods) {
      const terms = pin.from.map((t) => single(lines, t.key, period));
      if (terms.some((t) => t === undefined)) continue;
      expected.set(
        period,
        pin.from.reduce((s, t, i) => s + t.sign * (terms[i] as number), 0),
      );
    }
    if (expected.size === 0) continue;
    const tolerance = roundingTolerance(rounding, pin.from.length + 1);
    const fits = (values: Array<number | null | undefined>, period: string) => {
      const sum = values.reduce<number>((s, v) => s + (v ?? 0), 0);
      return Math.abs(sum - (expected.get(period) as number)) <= tolerance;
    };
    const all = [...expected.keys()];
    if (
      all.every((p) =>
        fits(
          claimants.map((c) => c.signed[p]),
          p,
        ),
      )
    )
      continue;
    const fitting = claimants.filter((c) => all.every((p) => c.signed[p] != null && fits([c.signed[p]], p)));
    if (fitting.length !== 1) continue;
    for (const line of claimants) {
      if (line === fitting[0]) continue;
      line.item.key = undefined;
      line.keyConfidence = 0;
      line.item.flags = [...new Set([...(line.item.flags ?? []), "key_left_by_arithmetic"])];
    }
  }
}

const INCOME_ANCHOR_KEYS = new Set<CanonicalKey>(INCOME_ANCHORS);

/** A line a run of lines stops at: a total, a profit, or a subtotal the dictionary knows. */
function isAnchor(line: KeyedLine): boolean {
  return Boolean(
    line.item.isTotal ||
      line.kind === "subtotal" ||
      line.kind === "total" ||
      (line.item.key && INCOME_ANCHOR_KEYS.has(line.item.key)),
  );
}

/**
 * Structure from arithmetic, whatever the label: a line no dictionary names that equals the
 * lines printed above it since the last total is their subtotal (it takes them as its
 * components: "Other comprehensive income, net of tax" over its items); one that equals the
 * last total plus the lines since is a running total ("Finansman geliri öncesi faaliyet
 * kârı"), a step the income chain checks from.
 */
export function findSubtotalsByArithmetic(
  lines: KeyedLine[],
  rounding: number,
  statement: StatementType,
): void {
  const hasChildren = (index: number) => lines.some((l) => l.parent === index);
  lines.forEach((line, i) => {
    if (line.item.key || !line.item.label) return;
    // An income statement's bare "TOTAL" may add up a section (its expenses) rather than run on.
    const namedLine = !isAnchor(line);
    if (!namedLine && statement !== "income_statement") return;
    const periods = Object.keys(line.signed).filter((p) => line.signed[p] != null);
    if (periods.length === 0 || periods.every((p) => line.signed[p] === 0)) return;
    const run: number[] = [];
    let anchor: KeyedLine | undefined;
    for (let j = i - 1; j >= 0 && run.length < 12; j--) {
      const above = lines[j] as KeyedLine;
      if (isAnchor(above)) {
        anchor = above;
        break;
      }
      if (above.parent === undefined) run.push(j);
    }
    if (run.length === 0) return;
    const tolerance = roundingTolerance(rounding, run.length + 1);
    const adds = (base: (p: string) => number, unsigned = false) =>
      periods.every((p) => {
        const sum = run.reduce((s, j) => s + (lines[j]?.signed[p] ?? 0), base(p));
        const target = line.signed[p] as number;
        return (
          Math.abs((unsigned ? Math.abs(sum) : sum) - (unsigned ? Math.abs(target) : target)) <= tolerance
        );
      });
    const runsOn =
      anchor && periods.every((p) => anchor.signed[p] != null) && adds((p) => anchor.signed[p] as number);
    // A line already read as part of a total's breakdown may still be a step of the chain.
    if (!namedLine && hasChildren(i)) {
      // Found adding up the lines above it already: a section's sum unless it also runs on.
      if (!runsOn) line.kind = "line";
      return;
    }
    const free = line.parent === undefined && !hasChildren(i);
    if (free && !runsOn && run.length >= 2 && adds(() => 0, !namedLine)) {
      for (const j of run) (lines[j] as KeyedLine).parent = i;
      // A section's sum is a line of the chain, not a step of it.
      if (!namedLine) line.kind = "line";
      return;
    }
    if (namedLine && runsOn) {
      line.kind = "subtotal";
      line.item.isTotal = true;
      // The total it was taken for a component of is the next step instead.
      const owner = line.parent;
      if (owner !== undefined)
        for (const l of lines.slice(0, i + 1)) if (l.parent === owner) l.parent = undefined;
      line.item.flags = [...new Set([...(line.item.flags ?? []), "subtotal_by_arithmetic"])];
    }
  });
}

const BARE_TOTAL = /^(?:total|totals|toplam|genel toplam|grand total|)$/i;

/** Keys a statement cannot do without that an unnamed total may carry, proven by arithmetic. */
const FILLABLE = new Set<CanonicalKey>(["gross_profit", "net_income"]);

function equalInAll(a: KeyedLine, b: KeyedLine, tolerance: number): boolean {
  const periods = Object.keys(a.signed).filter((p) => a.signed[p] != null);
  return (
    periods.length > 0 &&
    periods.some((p) => a.signed[p] !== 0) &&
    periods.every(
      (p) => b.signed[p] != null && Math.abs((a.signed[p] as number) - (b.signed[p] as number)) <= tolerance,
    )
  );
}

/**
 * Names totals the dictionary could not, by what they add up to: the net income printed as
 * "Profit from continuing operations" when no other line says net income (profit before tax
 * plus tax), and the two grand totals of a balance sheet printed only as "TOTAL" (the same
 * figure closing the assets and then the liabilities and equity).
 */
export function keyTotalsByArithmetic(lines: KeyedLine[], rounding: number): void {
  const unnamedTotals = lines.filter((l) => !l.item.key && isAnchor(l));
  // Only a total printed without a name ("TOTAL", "Toplam", or bare) is placed by position.
  const bareTotals = unnamedTotals.filter((l) => BARE_TOTAL.test(l.item.label.trim()));
  for (const pin of PINS) {
    if (!FILLABLE.has(pin.key) || holders(lines, pin.key).length > 0) continue;
    const found = unnamedTotals.find((line) => {
      const periods = Object.keys(line.signed).filter((p) => line.signed[p] != null);
      return (
        periods.length > 0 &&
        periods.every((p) => {
          const terms = pin.from.map((t) => single(lines, t.key, p));
          if (terms.some((t) => t === undefined)) return false;
          const expected = pin.from.reduce((s, t, i) => s + t.sign * (terms[i] as number), 0);
          return Math.abs(expected - (line.signed[p] as number)) <= roundingTolerance(rounding, 3);
        })
      );
    });
    if (found) nameBy(found, pin.key);
  }
  sourcesTotalNamedLiabilities(lines, rounding);
  const hasAssets = holders(lines, "total_assets").length > 0;
  const hasSources = holders(lines, "total_liabilities_and_equity").length > 0;
  if (hasAssets && hasSources) return;
  const tolerance = roundingTolerance(rounding, 2);
  for (let a = 0; a < bareTotals.length; a++) {
    const first = bareTotals[a] as KeyedLine;
    const twin = bareTotals.slice(a + 1).find((b) => equalInAll(first, b, tolerance));
    if (!twin) continue;
    // Indian Schedule III prints equity and liabilities first: the total that closes the
    // asset lines is total assets, whichever comes first.
    const assetsFirst = isAssetSection(first.section) || !isAssetSection(twin.section);
    const [assets, sources] = assetsFirst ? [first, twin] : [twin, first];
    if (!hasAssets) nameBy(assets, "total_assets");
    if (!hasSources) nameBy(sources, "total_liabilities_and_equity");
    return;
  }
}

function nameBy(line: KeyedLine, key: CanonicalKey): void {
  line.item.key = key;
  line.keyConfidence = 0.85;
  line.item.flags = [...new Set([...(line.item.flags ?? []), "key_by_arithmetic"])];
}

/**
 * Bank (BDDK) balance sheets close the liabilities side with "YÜKÜMLÜLÜKLER TOPLAMI", equity
 * included: a "total liabilities" equal to total assets while equity is printed above it is
 * the total of liabilities and equity.
 */
function sourcesTotalNamedLiabilities(lines: KeyedLine[], rounding: number): void {
  const [liabilities, ...more] = holders(lines, "total_liabilities");
  const [assets] = holders(lines, "total_assets");
  const [equity] = holders(lines, "total_equity");
  if (!liabilities || more.length > 0 || !assets || !equity) return;
  if (holders(lines, "total_liabilities_and_equity").length > 0) return;
  if (lines.indexOf(equity) > lines.indexOf(liabilities)) return;
  if (equalInAll(liabilities, assets, roundingTolerance(rounding, 2)))
    nameBy(liabilities, "total_liabilities_and_equity");
}

/**
 * Tax lines printed as their effect on profit ("Deferred tax 6,034", "Fringe benefits tax
 * (200,000)") under costs printed positive: the statement's sign convention reads them the
 * wrong way round. When profit before tax and net income pin the tax and the lines as printed
 * add up to it while the convention's reading does not, the print is the sign.
 */
export function signTaxByArithmetic(lines: KeyedLine[], rounding: number): void {
  const taxLines = holders(lines, "income_tax_expense");
  if (taxLines.length === 0) return;
  const periods = [...new Set(taxLines.flatMap((l) => Object.keys(l.signed)))];
  const tolerance = roundingTolerance(rounding, taxLines.length + 2);
  let conventionFails = false;
  for (const period of periods) {
    const pbt = single(lines, "profit_before_tax", period);
    const net = single(lines, "net_income", period);
    if (pbt === undefined || net === undefined) return;
    const expected = net - pbt;
    const signed = taxLines.reduce((s, l) => s + (l.signed[period] ?? 0), 0);
    const printed = taxLines.reduce((s, l) => s + (l.item.values[period] ?? 0), 0);
    if (Math.abs(printed - expected) > tolerance) return;
    if (Math.abs(signed - expected) > tolerance) conventionFails = true;
  }
  if (!conventionFails) return;
  for (const line of taxLines) {
    for (const period of Object.keys(line.signed)) line.signed[period] = line.item.values[period] ?? null;
    line.item.flags = [...new Set([...(line.item.flags ?? []), "sign_by_arithmetic"])];
  }
}

function isAssetSection(section: KeyedLine["section"]): boolean {
  return section === "current_assets" || section === "non_current_assets";
}
