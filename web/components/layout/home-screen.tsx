"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useI18n } from "../../lib/i18n/language";
import { useSession } from "../../lib/session/session";

/** Signed-in users go straight to their companies; everyone else reads what Finstat does. */
export function HomeScreen() {
  const { t } = useI18n();
  const { status } = useSession();
  const router = useRouter();

  useEffect(() => {
    if (status === "signedIn") router.replace("/companies");
  }, [status, router]);

  return (
    <section className="home">
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <ul className="home__points">
        <li>{t("home.point.read")}</li>
        <li>{t("home.point.check")}</li>
        <li>{t("home.point.analyse")}</li>
        <li>{t("home.point.report")}</li>
      </ul>
      <p className="home__actions">
        <Link className="button" href="/signup">
          {t("nav.signUp")}
        </Link>
        <Link className="button button--secondary" href="/signin">
          {t("nav.signIn")}
        </Link>
      </p>
    </section>
  );
}
