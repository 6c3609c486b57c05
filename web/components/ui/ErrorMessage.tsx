"use client";

import { ApiError } from "../../lib/api/errors";
import { useI18n } from "../../lib/i18n/language";

/**
 * An error as the user should read it: the API's own message (already written for users),
 * with the request id to quote when it was our fault. Announced by screen readers.
 */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  const message = describeError(error, t("error.network"), t("error.unknown"));
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

export function describeError(error: unknown, networkText: string, unknownText: string): string {
  if (error instanceof ApiError) return error.code === "network_error" ? networkText : error.message;
  if (error instanceof Error && error.message) return error.message;
  return unknownText;
}
