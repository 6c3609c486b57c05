"use client";

import {
  limitedToCompanies,
  type Member,
  mayChangeRole,
  ROLES,
  type Role,
} from "@finstat/functions/use-cases/access-policy";
import { useState } from "react";
import { api, unwrap } from "../../lib/api/client";
import type { Company } from "../../lib/api/types";
import { useSubmission } from "../../lib/forms/use-submission";
import { useI18n } from "../../lib/i18n/language";
import { ErrorMessage } from "../ui/error-message";
import { Field } from "../ui/field";

/** Invites an address with a role; a client is given the companies it will reach. */
export function InviteForm({
  caller,
  companies,
  onInvited,
}: {
  caller: Member;
  companies: Company[];
  onInvited(): void;
}) {
  const { t } = useI18n();
  const organisationId = caller.organisationId;
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("accountant");
  const [companyIds, setCompanyIds] = useState<string[]>([]);
  const [sent, setSent] = useState<string | null>(null);
  const { busy, error, submitWith } = useSubmission();

  const submit = submitWith(async () => {
    setSent(null);
    const answer = await unwrap(
      api().organisations[":organisationId"].invitations.$post({
        param: { organisationId },
        json: { email: email.trim(), role, companyIds: limitedToCompanies(role) ? companyIds : [] },
      }),
    );
    setSent(
      answer.delivery === "outbox"
        ? t("org.invitedOutbox")
        : t("org.invited", { email: answer.invitation.email }),
    );
    setEmail("");
    setCompanyIds([]);
    onInvited();
  });

  return (
    <form onSubmit={submit} className="stack">
      <Field id="invite-email" label={t("org.email")}>
        {(describedBy) => (
          <input
            id="invite-email"
            type="email"
            required
            maxLength={254}
            value={email}
            aria-describedby={describedBy}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </Field>
      <Field id="invite-role" label={t("org.role")}>
        {(describedBy) => (
          <select
            id="invite-role"
            value={role}
            aria-describedby={describedBy}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            {ROLES.filter((r) => mayChangeRole(caller, null, r, { organisationId })).map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {limitedToCompanies(role) && (
        <fieldset className="field">
          <legend>{t("org.inviteCompanies")}</legend>
          {companies.map((company) => (
            <label key={company.id} className="checkbox">
              <input
                type="checkbox"
                checked={companyIds.includes(company.id)}
                onChange={(e) =>
                  setCompanyIds((current) =>
                    e.target.checked ? [...current, company.id] : current.filter((id) => id !== company.id),
                  )
                }
              />{" "}
              {company.name}
            </label>
          ))}
        </fieldset>
      )}
      <ErrorMessage error={error} />
      {sent && (
        <p className="notice" role="status">
          {sent}
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        {busy ? t("common.pleaseWait") : t("org.inviteSend")}
      </button>
    </form>
  );
}
