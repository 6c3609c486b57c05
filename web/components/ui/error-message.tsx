"use client";

import { ApiError } from "../../lib/api/errors";
import { turkishError } from "../../lib/i18n/failures";
import { type Translate, useI18n } from "../../lib/i18n/language";
import type { Language } from "../../lib/i18n/languages";

/**
 * An error as the user should read it, in the user's language (in English the API's own
 * message, already written for users), with the request id to quote when it was our fault.
 * Announced by screen readers.
 */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, language } = useI18n();
  if (!error) return null;
  const message = describeError(error, language, t);
  const requestId = error instanceof ApiError && error.status >= 500 ? error.requestId : undefined;
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
      {requestId && <p className="notice__meta">{t("error.requestId", { id: requestId })}</p>}
      {onRetry && (
        <button type="button" className="button button--small" onClick={onRetry}>
          {t("action.tryAgain")}
        </button>
      )}
    </div>
  );
}

export function describeError(error: unknown, language: Language, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.code === "network_error") return t("error.network");
    if (language === "tr") return turkishError(error.code) ?? t("error.unknown");
    return error.message;
  }
  if (language === "en" && error instanceof Error && error.message) return error.message;
  return t("error.unknown");
}
