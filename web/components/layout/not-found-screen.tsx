"use client";

import Link from "next/link";
import { useI18n } from "../../lib/i18n/language";

export function NotFoundScreen() {
  const { t } = useI18n();
  return (
    <section className="home">
      <h1>{t("error.notFoundTitle")}</h1>
      <p className="lead">{t("error.notFoundLead")}</p>
      <Link className="button" href="/companies">
        {t("nav.companies")}
      </Link>
    </section>
  );
}
