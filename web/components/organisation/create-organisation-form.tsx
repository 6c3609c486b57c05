"use client";

import { type FormEvent, useState } from "react";
import { chooseOrganisation } from "../../lib/api/acting-organisation";
import { api, unwrap } from "../../lib/api/client";
import { useI18n } from "../../lib/i18n/language";
import { ErrorMessage } from "../ui/error-message";
import { Field } from "../ui/field";

/** A firm's organisation: the creator owns it and starts working in it at once. */
export function CreateOrganisationForm() {
  const { t } = useI18n();
  const [name, setName] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { organisation } = await unwrap(api().organisations.$post({ json: { name: name.trim() } }));
      chooseOrganisation(organisation.id);
      window.location.reload();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

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
