"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { chooseOrganisation } from "../../lib/api/acting-organisation";
import { api, unwrap } from "../../lib/api/client";
import type { InvitationPreview } from "../../lib/api/types";
import { useI18n } from "../../lib/i18n/language";
import { useDocumentTitle } from "../../lib/i18n/use-document-title";
import { useSession } from "../../lib/session/session";
import { ErrorMessage } from "../ui/error-message";
import { Loading } from "../ui/loading";

/**
 * Where the e-mailed link leads: what is offered, then sign in (or sign up) with the invited
 * address and come back here, then accept or decline.
 */
export function InvitationScreen({ token }: { token: string }) {
  const { t } = useI18n();
  const { status } = useSession();
  const [invitation, setInvitation] = useState<InvitationPreview | null>(null);
  const [outcome, setOutcome] = useState<"accepted" | "declined" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t("invite.title"));

  useEffect(() => {
    unwrap(api().invitations[":token"].$get({ param: { token } }))
      .then((body) => setInvitation(body.invitation))
      .catch(setError);
  }, [token]);

  const answer = async (choice: "accept" | "decline") => {
    setBusy(true);
    setError(null);
    try {
      if (choice === "accept") {
        const joined = await unwrap(api().invitations[":token"].accept.$post({ param: { token } }));
        // The new member starts out working in the organisation they joined.
        chooseOrganisation(joined.organisationId);
        setOutcome("accepted");
      } else {
        await unwrap(api().invitations[":token"].decline.$post({ param: { token } }));
        setOutcome("declined");
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const here = `/invitations/${encodeURIComponent(token)}`;
  const lead =
    invitation &&
    (invitation.inviterName
      ? t("invite.lead", {
          inviter: invitation.inviterName,
          organisation: invitation.organisationName,
          role: t(`role.${invitation.role}`),
        })
      : t("invite.leadAnonymous", {
          organisation: invitation.organisationName,
          role: t(`role.${invitation.role}`),
        }));

  return (
    <div className="page">
      <header className="page__header">
        <h1>{t("invite.title")}</h1>
        {lead && <p className="lead">{lead}</p>}
      </header>
      <div className="panel stack">
        {!invitation && !error && <Loading />}
        <ErrorMessage error={error} />
        {invitation && outcome === "accepted" && (
          <>
            <p className="notice notice--success" role="status">
              {t("invite.accepted", { organisation: invitation.organisationName })}
            </p>
            <a className="button" href="/companies">
              {t("invite.toCompanies")}
            </a>
          </>
        )}
        {invitation && outcome === "declined" && (
          <p className="notice" role="status">
            {t("invite.declined")}
          </p>
        )}
        {invitation && !outcome && invitation.status !== "pending" && (
          <p className="notice notice--warning">{t(`invite.status.${invitation.status}`)}</p>
        )}
        {invitation && !outcome && invitation.status === "pending" && (
          <>
            <p>{t("invite.for", { email: invitation.email })}</p>
            {status === "signedOut" && (
              <>
                <p>{t("invite.signInFirst")}</p>
                <div className="actions">
                  <Link className="button" href={`/signin?next=${encodeURIComponent(here)}`}>
                    {t("nav.signIn")}
                  </Link>
                  <Link className="button button--quiet" href={`/signup?next=${encodeURIComponent(here)}`}>
                    {t("nav.signUp")}
                  </Link>
                </div>
              </>
            )}
            {status === "signedIn" && (
              <div className="actions">
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => void answer("accept")}
                >
                  {t("invite.accept")}
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={busy}
                  onClick={() => void answer("decline")}
                >
                  {t("invite.decline")}
                </button>
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}
