"use client";

import { useCallback, useEffect, useState } from "react";
import { actingOrganisation } from "../../lib/api/acting-organisation";
import { api, unwrap } from "../../lib/api/client";
import type { ApiKeyView, CreatedApiKey, OrganisationView } from "../../lib/api/types";
import { useI18n } from "../../lib/i18n/language";
import { useDocumentTitle } from "../../lib/i18n/use-document-title";
import { ErrorMessage } from "../ui/error-message";
import { Loading } from "../ui/loading";
import { ApiKeyTable } from "./api-key-table";
import { CreateApiKeyForm } from "./create-api-key-form";
import { NewSecret } from "./new-secret";

/**
 * The organisation's API keys. Whether the user may manage them is the API's call: a role
 * without manage_api_keys sees the API's own refusal, not a page that guesses.
 */
export function ApiKeysScreen() {
  const { t } = useI18n();
  useDocumentTitle(t("apiKeys.title"));
  const [organisations, setOrganisations] = useState<OrganisationView[] | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [keys, setKeys] = useState<ApiKeyView[] | null>(null);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    unwrap(api().auth.me.$get())
      .then((me) => {
        setOrganisations(me.organisations);
        // The header switcher's organisation when it chose one, else the personal one.
        const chosen = me.organisations.find((organisation) => organisation.id === actingOrganisation());
        setOrganisationId((chosen ?? me.organisations[0])?.id ?? null);
      })
      .catch(setError);
  }, []);

  const load = useCallback(async () => {
    if (!organisationId) return;
    setError(null);
    setKeys(null);
    try {
      const param = { organisationId };
      setKeys((await unwrap(api().organisations[":organisationId"]["api-keys"].$get({ param }))).apiKeys);
    } catch (caught) {
      setError(caught);
    }
  }, [organisationId]);

  useEffect(() => {
    setCreated(null);
    void load();
  }, [load]);

  const onCreated = (key: CreatedApiKey) => {
    setCreated(key);
    setKeys((current) => [key, ...(current ?? [])]);
  };
  const onRevoked = (key: ApiKeyView) =>
    setKeys((current) => (current ?? []).map((existing) => (existing.id === key.id ? key : existing)));

  return (
    <div className="page">
      <header className="page__header">
        <h1>{t("apiKeys.title")}</h1>
        <p className="lead">{t("apiKeys.lead")}</p>
        {organisations && organisations.length > 1 && (
          <p>
            <label htmlFor="api-keys-organisation">{t("apiKeys.organisation")} </label>
            <select
              id="api-keys-organisation"
              value={organisationId ?? ""}
              onChange={(event) => setOrganisationId(event.target.value)}
            >
              {organisations.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
            </select>
          </p>
        )}
      </header>
      <ErrorMessage error={error} onRetry={organisationId ? load : undefined} />
      {created && <NewSecret apiKey={created} onDismiss={() => setCreated(null)} />}
      {organisationId && keys && (
        <div className="stack">
          <section aria-labelledby="api-key-list-title" className="panel">
            <h2 id="api-key-list-title">{t("apiKeys.listTitle")}</h2>
            <ApiKeyTable organisationId={organisationId} keys={keys} onRevoked={onRevoked} />
          </section>
          <section aria-labelledby="api-key-create-title" className="panel">
            <h2 id="api-key-create-title">{t("apiKeys.createTitle")}</h2>
            <CreateApiKeyForm organisationId={organisationId} onCreated={onCreated} />
          </section>
        </div>
      )}
      {!keys && !error && <Loading />}
    </div>
  );
}
