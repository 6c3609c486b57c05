"use client";

import { useState } from "react";
import { api, unwrap } from "../../lib/api/client";
import { formatBytes } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";
import type { Language } from "../../lib/i18n/languages";
import { ErrorMessage } from "../ui/error-message";

type Format = "xlsx" | "pdf";

interface Prepared {
  id: string;
  fileName: string;
  sizeBytes: number;
}

/** Starts the browser's download of an expiring URL without leaving the page. */
function startDownload(url: string, fileName: string): void {
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
}

export function DownloadReports({ documentId, language }: { documentId: string; language: Language }) {
  const { t, language: uiLanguage } = useI18n();
  const [busy, setBusy] = useState<Format | null>(null);
  const [prepared, setPrepared] = useState<Partial<Record<Format, Prepared>>>({});
  const [error, setError] = useState<unknown>(null);

  const download = async (format: Format) => {
    setBusy(format);
    setError(null);
    try {
      const created = await unwrap(
        api().documents[":id"].exports.$post({ param: { id: documentId }, json: { format, language } }),
      );
      const ready: Prepared = {
        id: created.export.id,
        fileName: created.export.fileName,
        sizeBytes: created.export.sizeBytes ?? 0,
      };
      setPrepared((current) => ({ ...current, [format]: ready }));
      startDownload(created.downloadUrl, ready.fileName);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel" aria-labelledby="download-title">
      <h2 id="download-title">{t("reports.downloadTitle")}</h2>
      <p className="meta">{t("reports.downloadLead")}</p>
      <div className="button-row">
        {(["xlsx", "pdf"] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => download(format)}
          >
            {busy === format
              ? t("reports.preparing")
              : t(format === "xlsx" ? "reports.downloadExcel" : "reports.downloadPdf")}
          </button>
        ))}
      </div>
      <p role="status" aria-live="polite" className="download-status">
        {(["xlsx", "pdf"] as const).map((format) => {
          const file = prepared[format];
          return file ? (
            <span key={format} className="download-status__item">
              {t("reports.ready", { name: file.fileName, size: formatBytes(file.sizeBytes, uiLanguage) })}{" "}
              {/* The API redirects to a fresh expiring URL each time, so this link does not go stale. */}
              <a href={`/api/exports/${file.id}/download`} download={file.fileName}>
                {t("reports.downloadAgain")}
              </a>
            </span>
          ) : null;
        })}
      </p>
      <ErrorMessage error={error} />
    </section>
  );
}
