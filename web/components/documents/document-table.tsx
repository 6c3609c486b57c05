"use client";

import { retryCanHelp } from "@finstat/functions/pipeline/pdf/file-faults";
import Link from "next/link";
import { useState } from "react";
import { api, unwrap } from "../../lib/api/client";
import type { DocumentView, Permission } from "../../lib/api/types";
import { formatBytes, formatDateTime } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";
import { ErrorMessage } from "../ui/error-message";
import { ReviewCounts, StatusBadge } from "../ui/status-badge";
import { ProcessingState } from "./processing-state";

export function DocumentTable({
  documents,
  permissions,
  onChanged,
  onDeleted,
}: {
  documents: DocumentView[];
  /** What the caller may do on the company these documents belong to. */
  permissions: readonly Permission[];
  onChanged(document: DocumentView): void;
  onDeleted(documentId: string): void;
}) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const retry = async (document: DocumentView) => {
    setBusy(document.id);
    setError(null);
    try {
      onChanged((await unwrap(api().documents[":id"].retry.$post({ param: { id: document.id } }))).document);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  const remove = async (document: DocumentView) => {
    if (!window.confirm(t("documents.confirmDelete", { name: document.fileName }))) return;
    setBusy(document.id);
    setError(null);
    try {
      await unwrap(api().documents[":id"].$delete({ param: { id: document.id } }));
      onDeleted(document.id);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <ErrorMessage error={error} />
      <table className="table documents-table">
        <thead>
          <tr>
            <th scope="col">{t("documents.file")}</th>
            <th scope="col">{t("documents.status")}</th>
            <th scope="col" className="num">
              {t("documents.pagesColumn")}
            </th>
            <th scope="col">{t("documents.uploaded")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("documents.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr
              key={document.id}
              data-document-id={document.id}
              data-status={document.status}
              data-needs-review={document.review?.needsReview ? "true" : undefined}
            >
              <th scope="row">
                {document.status === "done" ? (
                  <Link href={`/documents/${document.id}`}>{document.fileName}</Link>
                ) : (
                  <span>{document.fileName}</span>
                )}
                <span className="cell-sub">{formatBytes(document.sizeBytes, language)}</span>
              </th>
              <td>
                <StatusBadge document={document} />
                <ReviewCounts review={document.review} />
                <ProcessingState document={document} />
              </td>
              <td className="num">{document.pages ?? "–"}</td>
              <td>{formatDateTime(document.createdAt, language)}</td>
              <td className="actions">
                {document.status === "done" && (
                  <Link className="button button--small" href={`/documents/${document.id}`}>
                    {t("documents.review")}
                  </Link>
                )}
                {document.status === "failed" &&
                  retryCanHelp(document.errorCode) &&
                  permissions.includes("upload") && (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={busy === document.id}
                      onClick={() => retry(document)}
                    >
                      {t("action.retry")}
                    </button>
                  )}
                {permissions.includes("delete_document") && (
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    disabled={busy === document.id}
                    aria-label={t("documents.deleteNamed", { name: document.fileName })}
                    onClick={() => remove(document)}
                  >
                    {t("action.delete")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
