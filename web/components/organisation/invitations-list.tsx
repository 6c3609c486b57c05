"use client";

import { useState } from "react";
import { api, unwrap } from "../../lib/api/client";
import type { InvitationView } from "../../lib/api/types";
import { useI18n } from "../../lib/i18n/language";
import { ErrorMessage } from "../ui/error-message";

/** Invitations nobody has answered yet, each one revocable. */
export function InvitationsList({
  organisationId,
  invitations,
  onChanged,
}: {
  organisationId: string;
  invitations: InvitationView[];
  onChanged(): void;
}) {
  const { t, language } = useI18n();
  const [error, setError] = useState<unknown>(null);

  const revoke = async (invitationId: string) => {
    setError(null);
    try {
      await unwrap(
        api().organisations[":organisationId"].invitations[":invitationId"].$delete({
          param: { organisationId, invitationId },
        }),
      );
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  };

  if (invitations.length === 0) return <p className="empty">{t("org.noInvitations")}</p>;
  return (
    <div className="stack">
      <ErrorMessage error={error} />
      <ul className="invitation-list">
        {invitations.map((invitation) => (
          <li key={invitation.id}>
            <span>
              <strong>{invitation.email}</strong> · {t(`role.${invitation.role}`)} ·{" "}
              {invitation.expired
                ? t("org.expired")
                : `${t("org.expires")}: ${new Date(invitation.expiresAt).toLocaleDateString(language === "tr" ? "tr-TR" : "en-GB")}`}
            </span>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => void revoke(invitation.id)}
            >
              {t("org.revoke")}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
