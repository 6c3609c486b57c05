import type { CanonicalKey, StatementType } from "../types";
import { naturalSignOf, type Section, sectionOfKey, statementOfSection } from "./canonical-keys";
import { boundedEditDistance, editAllowance } from "./edit-distance";
import type { LabelBlock, LabelEntry, LabelKind } from "./label-dictionary";
import { cleanLabel, compactForm, comparisonWords } from "./label-text";
import { ENGLISH_LABELS } from "./labels-en";
import { THP_LABELS } from "./labels-thp";
import { TURKISH_LABELS } from "./labels-tr";

export { naturalSignOf, type Section } from "./canonical-keys";

export interface LabelMatch {
  /** Canonical key of the line; undefined for known lines without one (reserves, NCI ...). */
  key?: CanonicalKey;
  /** 0..1: exact dictionary wording ≈ 0.97, OCR-damaged wording lower, ambiguous ≤ 0.4. */
  confidence: number;
  isTotal: boolean;
  section?: Section;
  /** A heading that starts a section ("Dönen Varlıklar", "Current liabilities"). */
  opensSection?: Section;
  /** Sign of `key` in the additive convention (naturalSignOf(key)). */
  naturalSign?: 1 | -1;
  /** The dictionary wording that matched. */
  matched: string;
  /**
   * line | subtotal | total | heading. A heading's `key` is the section total its amounts
   * would be, when a heading line prints amounts (THP "I. DÖNEN VARLIKLAR  1.234.567").
   */
  kind: LabelKind;
  /** The line reduces a positive key: accumulated depreciation, treasury shares, losses (-). */
  contra: boolean;
  /** "(-)" or "Less:" was printed with the label. */
  deduction: boolean;
  /** One of several lines adding up to the key; a line naming the whole key wins over parts. */
  part: boolean;
  /** Other keys this wording is known to mean in some documents, or the candidates when ambiguous. */
  alternatives?: CanonicalKey[];
  /** A keyless line that must equal this key (UK "Net assets" = total equity). */
  equals?: CanonicalKey;
  side?: "assets" | "liabilities_and_equity";
  /** A heading after which lines are OCI, attributions or per-share figures: map none of them. */
  opensBlock?: LabelBlock;
  /** This line itself is an attribution or per-share line. */
  block?: LabelBlock;
  /** Edit distance to the dictionary wording (0 = exact after folding). */
  distance: number;
}

export interface LabelContext {
  statement?: StatementType;
  section?: Section;
}

interface Indexed {
  entry: LabelEntry;
  phrase: string;
  words: string[];
  compact: string;
}

const ENTRIES: Indexed[] = [...TURKISH_LABELS, ...ENGLISH_LABELS, ...THP_LABELS].flatMap((entry) =>
  entry.phrases.map((phrase) => {
    const words = comparisonWords(phrase);
    return { entry, phrase, words, compact: compactForm(words) };
  }),
);

/** Word stems of opposite meaning: an OCR repair may never turn one into the other. */
const OPPOSITES: Array<[string, string]> = [
  ["gelir", "gider"],
  ["income", "expense"],
  ["kisa", "uzun"],
  ["short", "long"],
  ["alacak", "borc"],
  ["receivab", "payab"],
  ["asset", "liabilit"],
  ["varlik", "kaynak"],
  ["aktif", "pasif"],
  ["profit", "loss"],
  ["kar", "zarar"],
  ["gain", "loss"],
];

function hasStem(words: string[], stem: string): boolean {
  return words.some((w) => w.startsWith(stem));
}

function flipsMeaning(query: string[], phrase: string[]): boolean {
  return OPPOSITES.some(
    ([a, b]) =>
      (hasStem(query, a) && !hasStem(query, b) && hasStem(phrase, b) && !hasStem(phrase, a)) ||
      (hasStem(query, b) && !hasStem(query, a) && hasStem(phrase, a) && !hasStem(phrase, b)),
  );
}
const EXACT = new Map<string, Indexed[]>();
for (const item of ENTRIES) EXACT.set(item.compact, [...(EXACT.get(item.compact) ?? []), item]);

interface Scored {
  item: Indexed;
  distance: number;
  key?: CanonicalKey;
  confidence: number;
  section?: Section;
  ambiguousSection?: CanonicalKey[];
}

function lookup(words: string[]): Array<{ item: Indexed; distance: number }> {
  const compact = compactForm(words);
  const exact = EXACT.get(compact);
  if (exact) return exact.map((item) => ({ item, distance: 0 }));
  const allowance = editAllowance(compact.length);
  if (allowance === 0) return [];
  const found: Array<{ item: Indexed; distance: number }> = [];
  for (const item of ENTRIES) {
    const limit = Math.min(allowance, editAllowance(item.compact.length));
    if (limit === 0 || Math.abs(item.compact.length - compact.length) > limit) continue;
    const distance = boundedEditDistance(compact, item.compact, limit);
    if (distance <= limit && !flipsMeaning(words, item.words)) found.push({ item, distance });
  }
  return found;
}

function baseConfidence(distance: number, length: number): number {
  if (distance === 0) return 0.97;
  return Math.min(0.85, 0.9 - (2 * distance) / Math.max(length, 1) - 0.04 * distance);
}

/** Applies statement and section context; null when the wording cannot belong there. */
function score(found: { item: Indexed; distance: number }, length: number, ctx: LabelContext): Scored | null {
  const { entry } = found.item;
  const statement = ctx.statement ?? (ctx.section ? statementOfSection(ctx.section) : undefined);
  if (statement && entry.statement && entry.statement !== statement) return null;
  let confidence = baseConfidence(found.distance, length);
  if (entry.origin === "thp") confidence -= 0.02;
  let key = entry.key;
  let ambiguousSection: CanonicalKey[] | undefined;
  if (entry.bySection) {
    const options = Object.values(entry.bySection).filter((k): k is CanonicalKey => Boolean(k));
    if (ctx.section && ctx.section in entry.bySection) {
      key = entry.bySection[ctx.section] ?? undefined;
    } else if (ctx.section) {
      key = undefined;
      confidence -= 0.2;
    } else if (entry.usual) {
      key = entry.usual;
      confidence *= 0.85;
    } else {
      key = undefined;
      ambiguousSection = [...new Set(options)];
      confidence *= 0.6;
    }
  } else if (key && ctx.section && entry.kind !== "heading") {
    const home = sectionOfKey(key);
    // Explicit wording wins over a section the layout may have misjudged, at a cost.
    if (home && home !== ctx.section) confidence -= 0.1;
  }
  if (entry.cap !== undefined) confidence = Math.min(confidence, entry.cap);
  // Grand totals (total assets ...) belong to no section.
  const section = key ? sectionOfKey(key) : (entry.section ?? ctx.section);
  return { item: found.item, distance: found.distance, key, confidence, section, ambiguousSection };
}

/** Two readings conflict when they give different keys; total vs line of one key does not. */
function identity(s: Scored): string {
  return s.key ?? "-";
}

function toMatch(best: Scored, deduction: boolean, overrides: Partial<LabelMatch> = {}): LabelMatch {
  const { entry } = best.item;
  const kind = overrides.kind ?? entry.kind;
  const key = "key" in overrides ? overrides.key : best.key;
  return {
    key,
    confidence: Math.round(Math.max(0, best.confidence) * 1000) / 1000,
    isTotal: kind === "total" || kind === "subtotal",
    section: best.section,
    opensSection: entry.opensSection,
    naturalSign: key ? naturalSignOf(key) : undefined,
    matched: best.item.phrase,
    kind,
    contra: entry.contra ?? false,
    deduction,
    part: entry.part ?? false,
    alternatives: best.ambiguousSection ?? entry.alternatives,
    equals: entry.equals,
    side: entry.side,
    opensBlock: entry.opensBlock,
    distance: best.distance,
    ...overrides,
  };
}

/** The best dictionary reading of one comparison form, or null when none is safe. */
function matchWords(words: string[], ctx: LabelContext, deduction: boolean): LabelMatch | null {
  const compact = compactForm(words);
  if (!compact) return null;
  const scored = lookup(words)
    .map((f) => score(f, compact.length, ctx))
    .filter((s): s is Scored => s !== null)
    .sort((a, b) => a.distance - b.distance || b.confidence - a.confidence);
  const best = scored[0];
  if (!best) return null;
  const rivals = scored.filter((s) => identity(s) !== identity(best) && s.distance <= best.distance + 1);
  if (best.distance > 0) {
    // "Finansman Gelirleri" and "Finansman Giderleri" are two letters apart: an OCR reading
    // near both is left unmatched rather than guessed.
    return rivals.length > 0 ? null : toMatch(best, deduction);
  }
  const close = rivals.filter((s) => s.distance === 0 && best.confidence - s.confidence < 0.04);
  if (close.length === 0) return toMatch(best, deduction);
  const keys = [...new Set([best, ...close].map((s) => s.key).filter((k): k is CanonicalKey => Boolean(k)))];
  return toMatch(best, deduction, {
    key: undefined,
    naturalSign: undefined,
    confidence: 0.4,
    alternatives: keys,
  });
}

const TOTAL_FIRST = new Set(["total", "toplam", "totals"]);
const TOTAL_LAST = new Set(["toplam", "toplami", "total", "totals"]);

/** "Total trade receivables", "Ticari Alacaklar Toplamı": the inner wording, promoted to a total. */
function matchTotal(words: string[], ctx: LabelContext, deduction: boolean): LabelMatch | null {
  let inner: string[] | undefined;
  if (words.length > 1 && TOTAL_FIRST.has(words[0] as string)) inner = words.slice(1);
  else if (words.length > 1 && TOTAL_LAST.has(words[words.length - 1] as string)) inner = words.slice(0, -1);
  if (!inner) return null;
  const found = matchWords(inner, ctx, deduction);
  if (!found || found.opensBlock) {
    // A total of something unknown ("Total Clorox stockholders' equity") is still a subtotal.
    return {
      confidence: 0.6,
      isTotal: true,
      section: ctx.section,
      matched: words.join(" "),
      kind: "subtotal",
      contra: false,
      deduction,
      part: false,
      distance: 0,
    };
  }
  const kind: LabelKind = found.kind === "heading" ? "total" : found.kind === "total" ? "total" : "subtotal";
  return {
    ...found,
    kind,
    isTotal: true,
    opensSection: undefined,
    part: false,
    confidence: Math.min(found.confidence, 0.9),
  };
}

const ATTRIBUTION = /(?:^| )(?:attributable|ana ortakliga ait|ana ortaklik paylari|kontrol gucu olmayan)/;
const PER_SHARE = /(?:^| )(?:per share|per ordinary share|pay basina|hisse basina)(?: |$)/;
/** "Dollars in millions, except per share data" is a unit statement, not a line. */
const UNIT_STATEMENT = /\b(?:in (?:thousands|millions|billions)|bin tl|milyon tl|tl 000)\b/;

/**
 * Maps a printed statement label to a canonical key. Turkish case rules and diacritics are
 * folded, note references, "(-)", trailing colons, outline markers and THP codes ignored;
 * OCR damage is tolerated within a small edit distance, at a lower confidence, and an OCR
 * reading that is close to two different lines is not matched at all. The section decides
 * wording used on both sides ("Borrowings", "Ticari Alacaklar").
 */
export function matchLabel(label: string, context: LabelContext = {}): LabelMatch | null {
  // The layout asks about the same label several times (alone, joined with the line above).
  const id = `${context.statement ?? ""}|${context.section ?? ""}|${label}`;
  const cached = MEMO.get(id);
  if (cached !== undefined) return cached && { ...cached };
  const found = matchUncached(label, context);
  if (MEMO.size >= 5000) MEMO.clear();
  MEMO.set(id, found);
  return found && { ...found };
}

const MEMO = new Map<string, LabelMatch | null>();

function matchUncached(label: string, context: LabelContext): LabelMatch | null {
  const cleaned = cleanLabel(label);
  if (cleaned.variants.length === 0) return null;
  for (const variant of cleaned.variants) {
    const direct = matchWords(variant.words, context, cleaned.deduction);
    const found = direct ?? matchTotal(variant.words, context, cleaned.deduction);
    if (found) return { ...found, confidence: Math.round(found.confidence * variant.factor * 1000) / 1000 };
  }
  const words = cleaned.variants[0]?.words.join(" ") ?? "";
  if (UNIT_STATEMENT.test(words)) return null;
  const block: LabelBlock | undefined = ATTRIBUTION.test(words)
    ? "attribution"
    : PER_SHARE.test(words)
      ? "per_share"
      : undefined;
  if (!block) return null;
  return {
    confidence: 0.8,
    isTotal: false,
    section: context.section,
    matched: words,
    kind: "line",
    contra: false,
    deduction: cleaned.deduction,
    part: false,
    block,
    distance: 0,
  };
}
