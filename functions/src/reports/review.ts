/**
 * Why a value needs a second look: read with low confidence, or part of an arithmetic check that
 * does not hold. Both reports mark such values and say why, in the reader's language.
 */

import { checkRuleName } from "../analysis/labels";
import type { AnalysisOutput } from "../analysis/types";
import type { CheckResult, Statement, StatementItem } from "../pipeline/types";
import { formatAmount, formatPercent } from "./format";
import type { ReportLanguage } from "./options";
import { sourceName } from "./wording";

export interface ValueReview {
  confidence: number;
  sources: string[];
  flags: string[];
  candidates: NonNullable<StatementItem["candidates"]>;
  failedChecks: CheckResult[];
}

const flagNames: Record<string, Record<ReportLanguage, string>> = {
  check_failed: { tr: "aritmetik kontrol tutmadı", en: "an arithmetic check failed" },
  ambiguous_amount: { tr: "tutar belirsiz okundu", en: "the amount was ambiguous" },
  arithmetic_candidate: { tr: "değer aritmetikten önerildi", en: "the value was proposed by arithmetic" },
  low_ocr_confidence: { tr: "OCR güveni düşük", en: "low OCR confidence" },
};

export function flagName(flag: string, language: ReportLanguage): string {
  return flagNames[flag]?.[language] ?? flag.replaceAll("_", " ");
}

/** The review facts of one value of a printed line (or of the line behind a canonical key). */
export function reviewOf(
  statement: Statement,
  item: StatementItem | undefined,
  period: string,
  key: string | undefined,
  confidence?: number,
): ValueReview {
  return {
    confidence: confidence ?? item?.valueConfidence?.[period] ?? item?.confidence ?? 1,
    sources: item?.sources ?? [],
    flags: item?.flags ?? [],
    candidates: (item?.candidates ?? []).filter((candidate) => candidate.period === period),
    failedChecks: key
      ? statement.checks.filter(
          (check) => !check.ok && check.period === period && (check.involves ?? []).includes(key),
        )
      : [],
  };
}

export function needsReview(review: ValueReview, lowConfidenceBelow: number): boolean {
  return review.confidence < lowConfidenceBelow || review.failedChecks.length > 0;
}

/** Several short lines: what an Excel note or a PDF footnote says about the value. */
export function reviewNote(review: ValueReview, language: ReportLanguage): string {
  const tr = language === "tr";
  const lines = [`${tr ? "Güven" : "Confidence"}: ${formatPercent(review.confidence, language, 0)}`];
  if (review.sources.length > 0) {
    const names = review.sources.map((source) => sourceName(source, language)).join(", ");
    lines.push(`${tr ? "Kaynak" : "Sources"}: ${names}`);
  }
  if (review.flags.length > 0) {
    lines.push(
      `${tr ? "İşaretler" : "Flags"}: ${review.flags.map((flag) => flagName(flag, language)).join("; ")}`,
    );
  }
  for (const check of review.failedChecks) {
    const difference = formatAmount(check.difference, language);
    lines.push(
      `${tr ? "Tutmayan kontrol" : "Failed check"}: ${checkRuleName(check.rule, language)} (${tr ? "fark" : "difference"} ${difference})`,
    );
  }
  for (const candidate of review.candidates) {
    const value = formatAmount(candidate.value, language);
    const source = sourceName(candidate.source, language);
    const confidence = formatPercent(candidate.confidence, language, 0);
    lines.push(`${tr ? "Diğer aday" : "Other candidate"}: ${value} (${source}, ${confidence})`);
  }
  return lines.join("\n");
}

/** How many checks failed or could not be evaluated, how many printed values were read with low confidence, and how many to review. */
export function reviewCounts(
  output: AnalysisOutput,
  lowConfidenceBelow: number,
): { failedChecks: number; unchecked: number; lowConfidence: number; toReview: number } {
  const counts = { failedChecks: 0, unchecked: 0, lowConfidence: 0, toReview: 0 };
  for (const statement of output.statements) {
    counts.failedChecks += statement.checks.filter((check) => !check.ok).length;
    counts.unchecked += statement.unchecked?.length ?? 0;
    for (const item of statement.items) {
      for (const [period, value] of Object.entries(item.values)) {
        if (value === null) continue;
        const review = reviewOf(statement, item, period, item.key);
        if (review.confidence < lowConfidenceBelow) counts.lowConfidence++;
        if (needsReview(review, lowConfidenceBelow)) counts.toReview++;
      }
    }
  }
  return counts;
}

/** What is left to review, in one clause: only the counts above zero ("2 checks failed, …"). */
export function reviewSummaryText(
  counts: { failedChecks: number; unchecked: number; lowConfidence: number },
  language: ReportLanguage,
): string {
  const tr = language === "tr";
  const parts = [
    counts.failedChecks > 0 &&
      (tr
        ? `${counts.failedChecks} aritmetik kontrol tutmadı`
        : `${counts.failedChecks} arithmetic check(s) failed`),
    counts.unchecked > 0 &&
      (tr
        ? `${counts.unchecked} kontrol, toplamı bulunamadığı için yapılamadı`
        : `${counts.unchecked} check(s) could not be made because a total was not found`),
    counts.lowConfidence > 0 &&
      (tr
        ? `${counts.lowConfidence} değer düşük güvenle okundu`
        : `${counts.lowConfidence} value(s) were read with low confidence`),
  ].filter((part): part is string => typeof part === "string");
  return `${parts.join(tr ? ", " : "; ")}${tr ? ": işaretli yerleri kontrol edin." : ": review the marked values."}`;
}
