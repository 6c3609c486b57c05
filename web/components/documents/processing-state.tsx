"use client";

import type { DocumentView } from "../../lib/api/types";
import { failureMessage } from "../../lib/i18n/failures";
import { useI18n } from "../../lib/i18n/language";
import type { MessageKey } from "../../lib/i18n/messages";
import { ProgressBar } from "../ui/progress-bar";

const KNOWN_STAGES = new Set([
  "queued",
  "starting",
  "reading",
  "parsing",
  "analysing",
  "saving",
  "retrying",
  "done",
  "failed",
]);

/** Stage and progress while a document is processed; the reason when it failed. */
export function ProcessingState({
  document,
}: {
  document: Pick<DocumentView, "status" | "stage" | "progress" | "errorMessage" | "errorCode" | "fileName">;
}) {
  const { t, language } = useI18n();
  if (document.status === "failed") {
    return (
      <p className="processing processing--failed" role="alert">
        {failureMessage(document, language, t("documents.failedUnknown"))}
      </p>
    );
  }
  if (document.status !== "queued" && document.status !== "processing") return null;
  const stage =
    document.stage && KNOWN_STAGES.has(document.stage)
      ? t(`stage.${document.stage}` as MessageKey)
      : (document.stage ?? "");
  return (
    <div className="processing">
      <ProgressBar
        label={t("documents.processingLabel", { name: document.fileName })}
        value={document.progress}
      />
      <span className="processing__stage">
        {stage} · {document.progress}%
      </span>
    </div>
  );
}
