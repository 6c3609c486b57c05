"use client";

import { type Action, can } from "@finstat/functions/use-cases/access-policy";
import { useCallback, useEffect, useState } from "react";
import { actingOrganisation, chooseOrganisation } from "../../lib/api/acting-organisation";
import { api, unwrap } from "../../lib/api/client";
import type { Company, InvitationView, MemberView, OrganisationView } from "../../lib/api/types";
import { useI18n } from "../../lib/i18n/language";
import { useDocumentTitle } from "../../lib/i18n/use-document-title";
import { useSession } from "../../lib/session/session";
import { ErrorMessage } from "../ui/error-message";
import { Loading } from "../ui/loading";
import { CreateOrganisationForm } from "./create-organisation-form";
import { InvitationsList } from "./invitations-list";
import { InviteForm } from "./invite-form";
import { MembersTable } from "./members-table";

interface Loaded {
  organisation: OrganisationView;
  members: MemberView[];
  invitations: InvitationView[];
  companies: Company[];
}

/** The organisation being worked in (the switcher's choice, else the first one): its people. */
export function OrganisationScreen() {
  const { t } = useI18n();
  const { user } = useSession();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  useDocumentTitle(t("org.title"));

  const load = useCallback(async () => {
    setError(null);
    try {
      const { organisations } = await unwrap(api().organisations.$get());
      const organisation = organisations.find((o) => o.id === actingOrganisation()) ?? organisations[0];
      if (!organisation) return;
      const member = { organisationId: organisation.id, role: organisation.role, companyIds: [] };
      const param = { organisationId: organisation.id };
      const managing = can(member, "manage_members", param);
      const [members, invitations, companies] = await Promise.all([
        unwrap(api().organisations[":organisationId"].members.$get({ param })),
        managing
          ? unwrap(api().organisations[":organisationId"].invitations.$get({ param }))
          : { invitations: [] },
        managing ? unwrap(api().companies.$get()) : { companies: [] },
      ]);
      setLoaded({
        organisation,
        members: members.members,
        invitations: invitations.invitations,
        companies: companies.companies.filter((c) => c.organisationId === organisation.id),
      });
    } catch (caught) {
      setError(caught);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const organisation = loaded?.organisation;
  const allows = (action: Action) =>
    Boolean(
      organisation &&
        can({ organisationId: organisation.id, role: organisation.role, companyIds: [] }, action, {
          organisationId: organisation.id,
        }),
    );

  return (
    <div className="page">
      <header className="page__header">
        <h1>{organisation?.name ?? t("org.title")}</h1>
        {organisation && <p className="lead">{t("org.lead", { name: organisation.name })}</p>}
      </header>
      <ErrorMessage error={error} onRetry={load} />
      {!loaded && !error && <Loading />}
      {loaded && organisation && user && (
        <div className="stack">
          <section aria-labelledby="members-title" className="panel">
            <h2 id="members-title">{t("org.membersTitle")}</h2>
            <MembersTable
              organisation={organisation}
              members={loaded.members}
              companies={loaded.companies}
              me={user.id}
              allows={allows}
              onChanged={load}
              onLeft={() => {
                chooseOrganisation(null);
                window.location.assign("/companies");
              }}
            />
          </section>
          {allows("manage_members") && (
            <div className="split">
              <section aria-labelledby="invitations-title" className="panel">
                <h2 id="invitations-title">{t("org.invitationsTitle")}</h2>
                <InvitationsList
                  organisationId={organisation.id}
                  invitations={loaded.invitations}
                  onChanged={load}
                />
              </section>
              <section aria-labelledby="invite-title" className="panel">
                <h2 id="invite-title">{t("org.inviteTitle")}</h2>
                <InviteForm
                  caller={{ organisationId: organisation.id, role: organisation.role, companyIds: [] }}
                  companies={loaded.companies}
                  onInvited={load}
                />
              </section>
            </div>
          )}
          <section aria-labelledby="create-organisation-title" className="panel">
            <h2 id="create-organisation-title">{t("org.createTitle")}</h2>
            <CreateOrganisationForm />
          </section>
        </div>
      )}
    </div>
  );
}
