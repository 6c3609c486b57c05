"use client";

import { useEffect, useState } from "react";
import { api, unwrap } from "../../lib/api/client";
import type { MadeReport } from "../../lib/api/types";
import { formatBytes, formatDateTime } from "../../lib/i18n/format";
import { useI18n } from "../../lib/i18n/language";
import { ErrorMessage } from "../ui/error-message";

/**
 * The reports colleagues already made of the document: what someone who may download but not
 * make a report (a viewer) takes away.
 */
export function MadeReports({ documentId }: { documentId: string }) {
  const { t, language } = useI18n();
  const [reports, setReports] = useState<MadeReport[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    unwrap(api().documents[":id"].exports.$get({ param: { id: documentId } }))
      .then((body) => setReports(body.exports))
      .catch(setError);
  }, [documentId]);

  return (
    <section className="panel" aria-labelledby="made-reports-title">
      <h2 id="made-reports-title">{t("reports.madeTitle")}</h2>
      <ErrorMessage error={error} />
      {reports && reports.length === 0 && <p className="empty">{t("reports.noneMade")}</p>}
      {reports && reports.length > 0 && (
        <ul className="made-reports">
          {reports.map((report) => (
            <li key={report.id}>
              {/* The API redirects to a fresh expiring URL each time, so this link does not go stale. */}
              <a href={`/api/exports/${report.id}/download`} download={report.fileName}>
                {t(report.format === "xlsx" ? "reports.excelFile" : "reports.pdfFile")}
              </a>{" "}
              <span className="meta">
                {formatDateTime(report.createdAt, language)}
                {report.sizeBytes ? ` · ${formatBytes(report.sizeBytes, language)}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
