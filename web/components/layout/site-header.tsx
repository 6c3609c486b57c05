"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useI18n } from "../../lib/i18n/language";
import { useSession } from "../../lib/session/session";
import { OrganisationSwitcher } from "../organisation/organisation-switcher";
import { LanguageSwitch } from "./language-switch";

export function SiteHeader() {
  const { t } = useI18n();
  const { status, user, signOut } = useSession();
  const router = useRouter();

  const onSignOut = async () => {
    await signOut().catch(() => {});
    router.push("/signin");
  };

  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="site-header__inner">
        <Link href={status === "signedIn" ? "/companies" : "/"} className="brand">
          Finstat
        </Link>
        <nav aria-label={t("nav.label")} className="site-nav">
          {status === "signedIn" && <Link href="/companies">{t("nav.companies")}</Link>}
          {status === "signedIn" && <Link href="/organisation">{t("nav.members")}</Link>}
          {status === "signedIn" && <Link href="/organisation/api-keys">{t("nav.apiKeys")}</Link>}
        </nav>
        <div className="site-header__end">
          <LanguageSwitch />
          {status === "signedIn" && user && (
            <>
              <OrganisationSwitcher />
              <span className="site-header__user" title={user.email}>
                {user.fullName}
              </span>
              <button type="button" className="button button--quiet" onClick={onSignOut}>
                {t("nav.signOut")}
              </button>
            </>
          )}
          {status === "signedOut" && (
            <>
              <Link href="/signin">{t("nav.signIn")}</Link>
              <Link href="/signup" className="button button--small">
                {t("nav.signUp")}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
