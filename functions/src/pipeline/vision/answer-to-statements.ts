import { identityChecks } from "../checks/identities";
import {
  detectNumberFormat,
  ENGLISH_FORMAT,
  type NumberFormat,
  parseAmount,
  TURKISH_FORMAT,
} from "../parse/amount";
import { sectionOfKey, statementOfKey } from "../parse/canonical-keys";
import { lookupAccountCode, parseAccountCodePrefix } from "../parse/chart-of-accounts";
import { matchLabel, type Section } from "../parse/labels";
import type { CanonicalKey, Period, StatementItem } from "../types";
import { currencyOf, resolveVisionPeriods } from "./answer-heading";
import type { VisionAnswer, VisionAnswerLine, VisionAnswerStatement } from "./answer-schema";
import type { VisionStatement } from "./types";
import { aggregateVisionCanonical, signVisionLines, VISION_BASE_CONFIDENCE } from "./vision-signs";

/** The model named a key our dictionaries do not know for this wording. */
const MODEL_KEY_CONFIDENCE = 0.6;

const UNIT: Record<VisionAnswerStatement["unit"], number> = {
  units: 1,
  thousands: 1000,
  millions: 1_000_000,
};

export interface ConversionContext {
  page: number;
  language?: "tr" | "en";
  /** The document's number format when the text layer or OCR decided it. */
  format?: NumberFormat;
}

/**
 * The model's transcription in the parser's shapes. Nothing the model claims is taken on
 * trust: amounts are re-read by our amount parser, a printed account code decides the key,
 * then our label dictionaries; the model's own key is used only when neither knows the line
 * (and at a lower confidence); signs follow our additive convention, not the model's.
 */
export function answerToStatements(
  answer: VisionAnswer,
  ctx: ConversionContext,
): { statements: VisionStatement[]; warnings: string[] } {
  const warnings: string[] = [];
  const tokens = answer.statements.flatMap((s) =>
    s.lines.flatMap((l) => l.values.filter((v): v is string => Boolean(v))),
  );
  const fallback = ctx.format ?? (ctx.language === "en" ? ENGLISH_FORMAT : TURKISH_FORMAT);
  const detected = detectNumberFormat(tokens, fallback);
  const format = ctx.format && detected.confidence < 0.5 ? ctx.format : detected.format;
  const statements = answer.statements
    .map((s) => toStatement(s, ctx, format, warnings))
    .filter((s): s is VisionStatement => s !== null);
  return { statements, warnings };
}

function toStatement(
  answer: VisionAnswerStatement,
  ctx: ConversionContext,
  format: NumberFormat,
  warnings: string[],
): VisionStatement | null {
  const unit = UNIT[answer.unit];
  const periods = resolveVisionPeriods(answer.periods);
  const items: StatementItem[] = [];
  const keyConfidence: number[] = [];
  const contra: boolean[] = [];
  let section: Section | undefined = answer.type === "income_statement" ? "income" : undefined;
  const totalsSeen = new Set<CanonicalKey>();
  let inBlock = false;
  for (const line of answer.lines) {
    section = line.section ?? section;
    const mapped = keyOf(line, answer.type, section, inBlock);
    if (mapped.opensBlock) inBlock = true;
    if (mapped.key) {
      totalsSeen.add(mapped.key);
      if (OTHER_HALF[mapped.key] || GRAND_TOTALS.has(mapped.key))
        section = sectionAfter(mapped.key, totalsSeen);
      else if (!line.section) section = sectionOfKey(mapped.key) ?? section;
    }
    const flags = new Set<string>(mapped.flags);
    const { values, valueConfidence } = lineValues(line.values, periods, format, unit, flags);
    if (Object.values(values).every((v) => v === null)) continue;
    const confidences = Object.values(valueConfidence);
    items.push({
      label: mapped.label,
      code: mapped.code,
      key: mapped.key,
      values,
      confidence: confidences.length ? Math.min(...confidences) : 0,
      valueConfidence,
      sources: ["vision"],
      page: ctx.page,
      note: line.note?.trim() || undefined,
      flags: flags.size ? [...flags] : undefined,
      isTotal: line.isTotal || undefined,
      level: mapped.level,
    });
    keyConfidence.push(mapped.confidence);
    contra.push(mapped.contra);
  }
  if (items.length === 0) {
    warnings.push(`vision_empty_${answer.type}_page_${ctx.page}`);
    return null;
  }
  const signed = signVisionLines(items, contra, answer.type);
  const { canonical, canonicalConfidence } = aggregateVisionCanonical(items, signed, keyConfidence);
  const statement: VisionStatement = {
    type: answer.type,
    currency: currencyOf(answer.currency, ctx.language),
    unit,
    periods,
    items,
    canonical,
    canonicalConfidence,
    checks: [],
    pages: [ctx.page],
    language: ctx.language,
    title: answer.title ?? undefined,
    signed,
    keyConfidence,
  };
  statement.checks = identityChecks(statement);
  return statement;
}

/** The amounts the model printed for a line, per period, in the statement's unit. */
function lineValues(
  printedValues: VisionAnswerLine["values"],
  periods: Period[],
  format: NumberFormat,
  unit: number,
  flags: Set<string>,
): { values: Record<string, number | null>; valueConfidence: Record<string, number> } {
  const values: Record<string, number | null> = {};
  const valueConfidence: Record<string, number> = {};
  periods.forEach((period, i) => {
    const printed = printedValues[i];
    values[period.id] = null;
    if (printed === null || printed === undefined || printed.trim() === "") return;
    const reading = parseAmount(printed, format);
    if (!reading) {
      flags.add("unreadable_amount");
      return;
    }
    if (reading.ambiguous) flags.add("ambiguous_amount");
    values[period.id] = unit === 1 ? reading.value : Math.round(reading.value * unit * 100) / 100;
    valueConfidence[period.id] = Math.min(VISION_BASE_CONFIDENCE, reading.confidence);
  });
  return { values, valueConfidence };
}

const EXTRAORDINARY = /ola[gğ]and[ıi][sş][ıi]|extraordinary/i;

interface MappedKey {
  /** The line starts a block (other comprehensive income, attributions) whose lines take no key. */
  opensBlock?: boolean;
  /** The label without a code or outline marker the model left in front of it. */
  label: string;
  code?: string;
  key?: CanonicalKey;
  confidence: number;
  contra: boolean;
  level: number;
  flags: string[];
}

/**
 * Key and outline level of a transcribed line. The printed code decides first (the model may
 * also have put it in front of the label), then our dictionaries, then the model's own key.
 * The level tells a group line ("A. Hazır Değerler", a subtotal) from the accounts under it,
 * so that the canonical value is taken from the group, not added to it.
 */
function keyOf(
  line: VisionAnswerLine,
  type: VisionAnswerStatement["type"],
  section: Section | undefined,
  inBlock = false,
): MappedKey {
  const prefix = parseAccountCodePrefix(line.label);
  const label = prefix.rest || line.label.trim();
  const code = line.code?.trim() || prefix.code;
  const markerLevel = prefix.markerKind === "roman" ? 0 : prefix.marker ? 1 : undefined;
  const contraPrinted = /\(\s*[-–−]\s*\)/.test(line.label);
  const account = code ? lookupAccountCode(code) : undefined;
  // As the parser does: extraordinary items (THP 67/68) are printed and kept, but unkeyed.
  const extraordinary = Boolean(account?.extraordinary) || EXTRAORDINARY.test(label);
  if (account && account.statement === type) {
    return {
      label,
      code,
      key: extraordinary ? undefined : account.key,
      confidence: 1,
      contra: account.contra,
      level: account.level === "class" ? 0 : account.level === "group" ? 1 : 2,
      flags: [],
    };
  }
  const match = matchLabel(label, { statement: type, section });
  if (inBlock || match?.block || match?.opensBlock || extraordinary) {
    // Other comprehensive income, attributions and per-share figures below their heading, and
    // extraordinary items, have no canonical key (the parser leaves them unkeyed too).
    return {
      label,
      code,
      confidence: 0,
      contra: contraPrinted,
      level: markerLevel ?? 2,
      flags: [],
      opensBlock: Boolean(match?.opensBlock),
    };
  }
  const level =
    markerLevel ?? (line.isTotal || match?.kind === "total" || match?.kind === "subtotal" ? 1 : 2);
  if (match?.key && statementOfKey(match.key) === type) {
    const flags = line.key && line.key !== match.key ? ["model_key_differs"] : [];
    return { label, code, key: match.key, confidence: match.confidence, contra: match.contra, level, flags };
  }
  if (match && !match.key)
    return { label, code, confidence: match.confidence, contra: match.contra, level, flags: [] };
  if (line.key && statementOfKey(line.key) === type) {
    return {
      label,
      code,
      key: line.key,
      confidence: MODEL_KEY_CONFIDENCE,
      contra: contraPrinted,
      level,
      flags: ["key_from_model"],
    };
  }
  return { label, code, confidence: 0, contra: contraPrinted, level, flags: [] };
}

/**
 * The section after a section total, for answers that leave `section` empty: the other half of
 * the same side when it has not been printed yet (current and non-current come in either
 * order), otherwise unknown rather than guessed.
 */
const OTHER_HALF: Partial<Record<CanonicalKey, [CanonicalKey, Section]>> = {
  total_current_assets: ["total_non_current_assets", "non_current_assets"],
  total_non_current_assets: ["total_current_assets", "current_assets"],
  total_current_liabilities: ["total_non_current_liabilities", "non_current_liabilities"],
  total_non_current_liabilities: ["total_current_liabilities", "current_liabilities"],
};

const GRAND_TOTALS = new Set<CanonicalKey>([
  "total_assets",
  "total_liabilities",
  "total_equity",
  "total_liabilities_and_equity",
]);

function sectionAfter(key: CanonicalKey, seen: Set<CanonicalKey>): Section | undefined {
  const other = OTHER_HALF[key];
  if (!other) return undefined;
  return seen.has(other[0]) ? undefined : other[1];
}
