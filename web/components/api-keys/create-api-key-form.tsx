"use client";

import { API_KEY_ROLES, type ApiKeyRole } from "@finstat/functions/use-cases/access-policy";
import { useState } from "react";
import { api, unwrap } from "../../lib/api/client";
import type { CreatedApiKey } from "../../lib/api/types";
import { useSubmission } from "../../lib/forms/use-submission";
import { useI18n } from "../../lib/i18n/language";
import { ErrorMessage } from "../ui/error-message";
import { Field } from "../ui/field";

export function CreateApiKeyForm({
  organisationId,
  onCreated,
}: {
  organisationId: string;
  onCreated(key: CreatedApiKey): void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState("");
  const [role, setRole] = useState<ApiKeyRole>("accountant");
  const { busy, error, submitWith } = useSubmission();

  const submit = submitWith(async () => {
    const { apiKey } = await unwrap(
      api().organisations[":organisationId"]["api-keys"].$post({
        param: { organisationId },
        json: { name: name.trim(), role },
      }),
    );
    setName("");
    onCreated(apiKey);
  });

  return (
    <form onSubmit={submit} className="stack">
      <Field id="api-key-name" label={t("apiKeys.name")} hint={t("apiKeys.nameHint")}>
        {(describedBy) => (
          <input
            id="api-key-name"
            required
            maxLength={100}
            value={name}
            aria-describedby={describedBy}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <Field id="api-key-role" label={t("apiKeys.role")}>
        {(describedBy) => (
          <select
            id="api-key-role"
            value={role}
            aria-describedby={describedBy}
            onChange={(e) => setRole(e.target.value as ApiKeyRole)}
          >
            {API_KEY_ROLES.map((option) => (
              <option key={option} value={option}>
                {t(`apiKeys.role.${option}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ErrorMessage error={error} />
      <button type="submit" className="button" disabled={busy}>
        {t("apiKeys.createAction")}
      </button>
    </form>
  );
}
