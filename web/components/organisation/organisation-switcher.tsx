"use client";

import { useEffect, useState } from "react";
import { actingOrganisation, chooseOrganisation } from "../../lib/api/acting-organisation";
import { api, unwrap } from "../../lib/api/client";
import type { OrganisationView } from "../../lib/api/types";
import { useI18n } from "../../lib/i18n/language";

/** The header's choice of organisation; every screen reloads its data in the one chosen. */
export function OrganisationSwitcher() {
  const { t } = useI18n();
  const [organisations, setOrganisations] = useState<OrganisationView[] | null>(null);
  const [chosen, setChosen] = useState<string>("");

  useEffect(() => {
    let cancelled = false;
    unwrap(api().organisations.$get())
      .then(({ organisations: mine }) => {
        if (cancelled) return;
        const remembered = actingOrganisation();
        // An organisation one has left (or that was deleted) is forgotten, not sent on.
        if (remembered && !mine.some((o) => o.id === remembered)) chooseOrganisation(null);
        setChosen(remembered && mine.some((o) => o.id === remembered) ? remembered : "");
        setOrganisations(mine);
      })
      .catch(() => setOrganisations([]));
    return () => {
      cancelled = true;
    };
  }, []);

  if (!organisations || organisations.length === 0) return null;
  return (
    <label className="organisation-switcher">
      <span className="visually-hidden">{t("org.switchLabel")}</span>
      <select
        value={chosen}
        title={t("org.switchLabel")}
        onChange={(event) => {
          chooseOrganisation(event.target.value || null);
          // Every screen reads its lists again in the chosen organisation.
          window.location.reload();
        }}
      >
        <option value="">{t("org.all")}</option>
        {organisations.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.personal ? t("org.personal", { name: organisation.name }) : organisation.name}
          </option>
        ))}
      </select>
    </label>
  );
}
