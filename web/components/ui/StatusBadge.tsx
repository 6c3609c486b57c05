"use client";

import type { DocumentStatus } from "../../lib/api/types";
import { useI18n } from "../../lib/i18n/language";

export function StatusBadge({ status, reviewed }: { status: DocumentStatus; reviewed?: boolean }) {
  const { t } = useI18n();
  if (status === "done" && reviewed)
    return <span className="badge badge--reviewed">{t("status.reviewed")}</span>;
  return <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>;
}
