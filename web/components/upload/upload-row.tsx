"use client";

import Link from "next/link";
import { isApiError } from "../../lib/api/errors";
import { formatBytes, formatNumber } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";
import { UPLOAD_MAX_BYTES } from "../../lib/upload/check-pdf";
import { PdfRejected } from "../../lib/upload/upload-pdf";
import { describeError } from "../ui/error-message";
import { ProgressBar } from "../ui/progress-bar";

export interface UploadEntry {
  id: number;
  file: File;
  state: "waiting" | "checking" | "hashing" | "uploading" | "completing" | "done" | "error";
  loaded?: number;
  total?: number;
  error?: unknown;
  documentId?: string;
  duplicates?: number;
}

/** Errors a second attempt cannot fix: the file itself is wrong, or it is already there. */
function isFinal(error: unknown): boolean {
  return (
    error instanceof PdfRejected ||
    isApiError(error, "duplicate_document") ||
    isApiError(error, "file_too_large")
  );
}

export function UploadRow({
  entry,
  onRetry,
  onDismiss,
}: {
  entry: UploadEntry;
  onRetry(): void;
  onDismiss(): void;
}) {
  const { t, language } = useI18n();
  const percent = entry.total ? (100 * (entry.loaded ?? 0)) / entry.total : 0;
  const existing = isApiError(entry.error, "duplicate_document")
    ? (entry.error.details?.documentId as string | undefined)
    : undefined;

  let message: string;
  if (entry.error instanceof PdfRejected) {
    message = t(`upload.reject.${entry.error.problem}`, { size: formatBytes(UPLOAD_MAX_BYTES, language) });
  } else if (entry.state === "error") {
    message = describeError(entry.error, language, t);
  } else if (entry.state === "uploading") {
    message = t("upload.state.uploading", { percent: formatNumber(percent, language, 0) });
  } else if (entry.state === "done" && entry.duplicates) {
    message = t("upload.state.doneDuplicate", { count: entry.duplicates });
  } else {
    message = t(`upload.state.${entry.state}`);
  }

  return (
    <li className={`upload-row upload-row--${entry.state}`}>
      <div className="upload-row__head">
        <span className="upload-row__name">{entry.file.name}</span>
        <span className="upload-row__size">{formatBytes(entry.file.size, language)}</span>
      </div>
      {entry.state !== "error" && entry.state !== "done" && (
        <ProgressBar
          label={t("upload.progressLabel", { name: entry.file.name })}
          value={entry.state === "uploading" ? percent : entry.state === "completing" ? 100 : undefined}
        />
      )}
      <p
        className={entry.state === "error" ? "upload-row__error" : "upload-row__status"}
        role={entry.state === "error" ? "alert" : undefined}
      >
        {message}
        {existing && (
          <>
            {" "}
            <Link href={`/documents/${existing}`}>{t("upload.openExisting")}</Link>
          </>
        )}
      </p>
      {entry.state === "error" && (
        <div className="upload-row__actions">
          {!isFinal(entry.error) && (
            <button type="button" className="button button--small" onClick={onRetry}>
              {t("action.retry")}
            </button>
          )}
          <button type="button" className="button button--small button--quiet" onClick={onDismiss}>
            {t("action.dismiss")}
          </button>
        </div>
      )}
    </li>
  );
}
