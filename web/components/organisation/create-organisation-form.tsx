"use client";

import { useState } from "react";
import { chooseOrganisation } from "../../lib/api/acting-organisation";
import { api, unwrap } from "../../lib/api/client";
import { useSubmission } from "../../lib/forms/use-submission";
import { useI18n } from "../../lib/i18n/language";
import { ErrorMessage } from "../ui/error-message";
import { Field } from "../ui/field";

/** A firm's organisation: the creator owns it and starts working in it at once. */
export function CreateOrganisationForm() {
  const { t } = useI18n();
  const [name, setName] = useState("");
  const { busy, error, submitWith } = useSubmission();

  const submit = submitWith(async () => {
    const { organisation } = await unwrap(api().organisations.$post({ json: { name: name.trim() } }));
    chooseOrganisation(organisation.id);
    window.location.reload();
  });

  return (
    <form onSubmit={submit} className="stack">
      <Field id="organisation-name" label={t("org.name")} hint={t("org.createHint")}>
        {(describedBy) => (
          <input
            id="organisation-name"
            required
            maxLength={200}
            value={name}
            aria-describedby={describedBy}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <ErrorMessage error={error} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? t("common.pleaseWait") : t("org.createAction")}
      </button>
    </form>
  );
}
