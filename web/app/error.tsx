"use client";

import { useEffect } from "react";
import { useI18n } from "../lib/i18n/language";

/** Anything a screen did not catch: said plainly, with a way to try again. */
export default function ErrorBoundary({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const { t } = useI18n();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <section className="home" role="alert">
      <h1>{t("error.pageTitle")}</h1>
      <p className="lead">{t("error.unknown")}</p>
      {error.digest && <p className="meta">{t("error.requestId", { id: error.digest })}</p>}
      <button type="button" className="button" onClick={reset}>
        {t("action.tryAgain")}
      </button>
    </section>
  );
}
