"use client";

import { useI18n } from "../../lib/i18n/language";

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      <span className="loading__dot" aria-hidden="true" />
      {label ?? t("common.loading")}
    </p>
  );
}
