"use client";

import { useState } from "react";
import { api, unwrap } from "../../lib/api/client";
import { useCurrentDocument } from "../../lib/documents/document-context";
import { formatDateTime } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";
import { ErrorMessage } from "../ui/error-message";

export function ReviewedButton() {
  const { t, language } = useI18n();
  const { document, setDocument } = useCurrentDocument();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const mark = async () => {
    setBusy(true);
    setError(null);
    try {
      setDocument(
        (await unwrap(api().documents[":id"].review.$post({ param: { id: document.id } }))).document,
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="reviewed">
      {document.reviewedAt && (
        <span className="reviewed__stamp">
          <span aria-hidden="true">✓</span>{" "}
          {t("document.reviewedAt", { when: formatDateTime(document.reviewedAt, language) })}
        </span>
      )}
      <button type="button" className="button" disabled={busy} onClick={mark}>
        {document.reviewedAt ? t("review.markAgain") : t("review.markReviewed")}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}
