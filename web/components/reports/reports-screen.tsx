"use client";

import { useState } from "react";
import { useCurrentDocument } from "../../lib/documents/document-context";
import { useI18n } from "../../lib/i18n/language";
import type { Language } from "../../lib/i18n/languages";
import { DownloadReports } from "./download-reports";
import { EmailReport } from "./email-report";
import { MadeReports } from "./made-reports";

export function ReportsScreen() {
  const { t, language } = useI18n();
  const { document } = useCurrentDocument();
  const [reportLanguage, setReportLanguage] = useState<Language>(language);
  const makesReports = document.permissions.includes("export") || document.permissions.includes("email");

  return (
    <div className="reports">
      {makesReports && (
        <fieldset className="panel report-language">
          <legend>{t("reports.language")}</legend>
          {(["tr", "en"] as const).map((code) => (
            <label key={code} className="choice">
              <input
                type="radio"
                name="report-language"
                value={code}
                checked={reportLanguage === code}
                onChange={() => setReportLanguage(code)}
              />
              {code === "tr" ? "Türkçe" : "English"}
            </label>
          ))}
        </fieldset>
      )}
      {/* Each control is offered only where the access policy allows it (document.permissions). */}
      {document.permissions.includes("export") && (
        <DownloadReports documentId={document.id} language={reportLanguage} />
      )}
      {document.permissions.includes("email") && (
        <EmailReport documentId={document.id} language={reportLanguage} />
      )}
      {document.permissions.includes("download") && <MadeReports documentId={document.id} />}
    </div>
  );
}
