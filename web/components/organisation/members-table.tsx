"use client";

import {
  type Action,
  limitedToCompanies,
  mayChangeRole,
  ROLES,
  type Role,
} from "@finstat/functions/use-cases/access-policy";
import { useState } from "react";
import { api, unwrap } from "../../lib/api/client";
import type { Company, MemberView, OrganisationView } from "../../lib/api/types";
import { useI18n } from "../../lib/i18n/language";
import { ErrorMessage } from "../ui/error-message";

/** Members with their roles; the controls shown are the ones the policy lets the caller use. */
export function MembersTable({
  organisation,
  members,
  companies,
  me,
  allows,
  onChanged,
  onLeft,
}: {
  organisation: OrganisationView;
  members: MemberView[];
  companies: Company[];
  me: string;
  allows(action: Action): boolean;
  onChanged(): void;
  onLeft(): void;
}) {
  const { t, language } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const caller = { organisationId: organisation.id, role: organisation.role, companyIds: [] };
  const resource = { organisationId: organisation.id };
  const param = { organisationId: organisation.id };
  const companyName = (id: string) => companies.find((c) => c.id === id)?.name ?? id.slice(0, 8);

  const run = async (work: () => Promise<unknown>, after: () => void = onChanged) => {
    setError(null);
    try {
      await work();
      after();
    } catch (caught) {
      setError(caught);
    }
  };

  const changeRole = (member: MemberView, role: Role) =>
    run(() =>
      unwrap(
        api().organisations[":organisationId"].members[":userId"].$patch({
          param: { ...param, userId: member.userId },
          json: { role, companyIds: limitedToCompanies(role) ? member.companyIds : [] },
        }),
      ),
    );
  const remove = (member: MemberView) => {
    if (!window.confirm(t("org.confirmRemove", { name: member.fullName }))) return;
    void run(() =>
      unwrap(
        api().organisations[":organisationId"].members[":userId"].$delete({
          param: { ...param, userId: member.userId },
        }),
      ),
    );
  };
  const transfer = (member: MemberView) => {
    if (!window.confirm(t("org.confirmTransfer", { name: member.fullName }))) return;
    void run(() =>
      unwrap(
        api().organisations[":organisationId"]["transfer-ownership"].$post({
          param,
          json: { userId: member.userId },
        }),
      ),
    );
  };
  const leave = () => {
    if (!window.confirm(t("org.confirmLeave"))) return;
    void run(() => unwrap(api().organisations[":organisationId"].leave.$post({ param })), onLeft);
  };

  return (
    <div className="stack">
      <ErrorMessage error={error} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("org.name")}</th>
            <th scope="col">{t("org.email")}</th>
            <th scope="col">{t("org.role")}</th>
            <th scope="col">{t("org.companies")}</th>
            <th scope="col">{t("org.joined")}</th>
            <th scope="col">{t("org.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            // A client keeps its companies; making someone a client goes through an invitation.
            const choices = ROLES.filter(
              (role) =>
                (!limitedToCompanies(role) || limitedToCompanies(member.role)) &&
                (role === member.role || mayChangeRole(caller, member.role, role, resource)),
            );
            return (
              <tr key={member.userId}>
                <th scope="row">{member.fullName}</th>
                <td>{member.email}</td>
                <td>
                  {choices.length > 1 && member.userId !== me ? (
                    <select
                      aria-label={t("org.roleOf", { name: member.fullName })}
                      value={member.role}
                      onChange={(event) => void changeRole(member, event.target.value as Role)}
                    >
                      {choices.map((role) => (
                        <option key={role} value={role}>
                          {t(`role.${role}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(`role.${member.role}`)
                  )}
                </td>
                <td>{member.companyIds.map(companyName).join(", ") || "–"}</td>
                <td>{new Date(member.joinedAt).toLocaleDateString(language === "tr" ? "tr-TR" : "en-GB")}</td>
                <td className="actions">
                  {member.userId === me ? (
                    <button type="button" className="button button--small button--quiet" onClick={leave}>
                      {t("org.leave")}
                    </button>
                  ) : (
                    <>
                      {mayChangeRole(caller, member.role, null, resource) && (
                        <button
                          type="button"
                          className="button button--small button--quiet"
                          onClick={() => remove(member)}
                        >
                          {t("org.remove")}
                        </button>
                      )}
                      {allows("transfer_ownership") && (
                        <button
                          type="button"
                          className="button button--small button--quiet"
                          onClick={() => transfer(member)}
                        >
                          {t("org.makeOwner")}
                        </button>
                      )}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
