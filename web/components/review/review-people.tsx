"use client";

import { useState } from "react";
import { api, unwrap } from "../../lib/api/client";
import { useCurrentDocument } from "../../lib/documents/document-context";
import { formatDateTime } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";
import { ErrorMessage } from "../ui/error-message";

/** Who was asked to review the document (a select for those who may assign it) and who signed it off. */
export function ReviewPeople() {
  const { t, language } = useI18n();
  const { document, setDocument } = useCurrentDocument();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const canAssign = document.permissions.includes("mark_reviewed") && document.assignees.length > 0;

  const assign = async (userId: string) => {
    setBusy(true);
    setError(null);
    try {
      const body = await unwrap(
        api().documents[":id"].assignee.$put({
          param: { id: document.id },
          json: { userId: userId === "" ? null : userId },
        }),
      );
      setDocument(body.document);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dl className="review-people" data-testid="review-people">
      <div className="review-people__row">
        <dt>
          {canAssign ? (
            <label htmlFor="document-assignee">{t("review.assignedTo")}</label>
          ) : (
            t("review.assignedTo")
          )}
        </dt>
        <dd>
          {canAssign ? (
            <select
              id="document-assignee"
              value={document.assignedTo?.id ?? ""}
              disabled={busy}
              onChange={(event) => void assign(event.target.value)}
            >
              <option value="">{t("review.nobody")}</option>
              {document.assignees.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.fullName}
                </option>
              ))}
              {document.assignedTo && !document.assignees.some((p) => p.id === document.assignedTo?.id) && (
                <option value={document.assignedTo.id}>{document.assignedTo.fullName}</option>
              )}
            </select>
          ) : (
            <span data-testid="assigned-to">{document.assignedTo?.fullName ?? t("review.nobody")}</span>
          )}
          <ErrorMessage error={error} />
        </dd>
      </div>
      <div className="review-people__row">
        <dt>{t("review.reviewedBy")}</dt>
        <dd data-testid="reviewed-by">
          {document.reviewedAt
            ? t("review.reviewedByValue", {
                name: document.reviewedBy?.fullName ?? t("history.deletedUser"),
                when: formatDateTime(document.reviewedAt, language),
              })
            : t("review.notReviewed")}
        </dd>
      </div>
    </dl>
  );
}
