"use client";

import type { DocumentView } from "../../lib/api/types";
import { useI18n } from "../../lib/i18n/language";

/**
 * A processed document is "ready" only when nothing in it needs a person: a flagged statement
 * (a failing or unevaluated check, a doubtful value) makes it "needs review" until someone marks
 * it reviewed.
 */
export function StatusBadge({
  document,
}: {
  document: Pick<DocumentView, "status" | "reviewedAt" | "review">;
}) {
  const { t } = useI18n();
  if (document.status === "done" && document.reviewedAt)
    return <span className="badge badge--reviewed">{t("status.reviewed")}</span>;
  if (document.status === "done" && document.review?.needsReview)
    return <span className="badge badge--flag">{t("status.needsReview")}</span>;
  return <span className={`badge badge--${document.status}`}>{t(`status.${document.status}`)}</span>;
}

/** What is left to look at on a document needing review, as short counts (only those above 0). */
export function ReviewCounts({ review }: { review: DocumentView["review"] }) {
  const { t } = useI18n();
  if (!review?.needsReview) return null;
  const parts = [
    review.flaggedValues > 0 && t("documents.attention.values", { count: review.flaggedValues }),
    review.failedChecks > 0 && t("documents.attention.failed", { count: review.failedChecks }),
    review.uncheckedChecks > 0 && t("documents.attention.unchecked", { count: review.uncheckedChecks }),
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <span className="cell-sub" data-testid="review-counts">
      {parts.join(" · ")}
    </span>
  );
}
